// Building DOM nodes without innerHTML: every text from the API goes in as text, never as markup.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "props") Object.assign(node, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A Fluent dropdown with one option per [value, label]. */
export function dropdown(name, options, value, attrs = {}) {
  const select = h(
    "fluent-dropdown",
    { name, ...attrs },
    h(
      "fluent-listbox",
      {},
      options.map(([v, label]) => h("fluent-option", { value: v, selected: v === value }, label)),
    ),
  );
  return select;
}

export function dropdownValue(node) {
  const selected = node.querySelector("fluent-option[selected]") || [...node.querySelectorAll("fluent-option")].find((o) => o.selected);
  return node.value || selected?.getAttribute("value") || "";
}
