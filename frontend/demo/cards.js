// A renderer for the card JSON the Gmail add-on returns (Card v1: header, sections, widgets), so the add-on's
// behaviour can be seen in a browser without Google. It draws what Gmail would draw and reports what the user
// does (button clicks with the form's inputs) to a callback.

const ALLOWED = new Set(["B", "I", "U", "BR", "FONT", "A"]);

/** Card text allows a little HTML (<b>, <i>, <u>, <br>, <font color>, <a href>): keep that, drop the rest. */
export function cardText(html) {
  const doc = new DOMParser().parseFromString(`<div>${html || ""}</div>`, "text/html");
  const out = document.createElement("span");
  copy(doc.body.firstChild, out);
  return out;
}

function copy(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) to.append(node.textContent);
    else if (node.nodeType === Node.ELEMENT_NODE && ALLOWED.has(node.tagName)) {
      const clean = document.createElement(node.tagName === "FONT" ? "span" : node.tagName.toLowerCase());
      const color = node.getAttribute("color");
      if (node.tagName === "FONT" && color && /^#[0-9a-f]{3,8}$/i.test(color)) clean.style.color = color;
      const href = node.getAttribute("href");
      if (node.tagName === "A" && href && /^https?:/i.test(href)) {
        clean.href = href;
        clean.target = "_blank";
        clean.rel = "noopener noreferrer";
      }
      copy(node, clean);
      to.append(clean);
    } else if (node.nodeType === Node.ELEMENT_NODE) copy(node, to);
  }
}

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** The form's current values in the shape Google sends them (formInputs). */
export function formInputs(root) {
  const inputs = {};
  for (const field of root.querySelectorAll("[data-input]")) {
    const name = field.dataset.input;
    if (field.type === "date") {
      if (field.value) inputs[name] = { dateInput: { msSinceEpoch: String(Date.parse(`${field.value}T00:00:00Z`)) } };
      continue;
    }
    if ((field.type === "checkbox" || field.type === "radio") && !field.checked) continue;
    const entry = (inputs[name] ||= { stringInputs: { value: [] } });
    if (field.value !== "") entry.stringInputs.value.push(field.value);
  }
  return inputs;
}

function renderButton(button, onAction) {
  const node = el("button", button.type === "FILLED" ? "card-button filled" : "card-button", button.text);
  node.type = "button";
  const action = button.onClick?.action;
  if (action) {
    node.addEventListener("click", () => {
      const parameters = Object.fromEntries((action.parameters || []).map((p) => [p.key, p.value]));
      onAction(action.function, parameters, node);
    });
  }
  return node;
}

function labelled(label, control) {
  return el("label", "card-field", el("span", "card-label", label || ""), control);
}

function renderWidget(widget, onAction) {
  const [kind, w] = Object.entries(widget)[0];
  switch (kind) {
    case "textParagraph":
      return el("p", "card-paragraph", cardText(w.text));
    case "decoratedText":
      return el(
        "div",
        "card-decorated",
        w.topLabel ? el("div", "card-top", cardText(w.topLabel)) : null,
        el("div", "card-text", cardText(w.text)),
        w.bottomLabel ? el("div", "card-bottom", cardText(w.bottomLabel)) : null,
        w.button ? renderButton(w.button, onAction) : null,
      );
    case "buttonList":
      return el("div", "card-buttons", (w.buttons || []).map((b) => renderButton(b, onAction)));
    case "textInput": {
      const control = document.createElement(w.type === "MULTIPLE_LINE" ? "textarea" : "input");
      control.dataset.input = w.name;
      control.name = w.name;
      control.value = w.value || "";
      if (w.hintText) control.placeholder = w.hintText;
      return labelled(w.label, control);
    }
    case "dateTimePicker": {
      const control = document.createElement("input");
      control.type = "date";
      control.dataset.input = w.name;
      control.name = w.name;
      if (w.valueMsEpoch) control.value = new Date(Number(w.valueMsEpoch)).toISOString().slice(0, 10);
      return labelled(w.label, control);
    }
    case "selectionInput":
      return renderSelection(w);
    case "divider":
      return el("hr", "card-divider");
    default:
      return el("p", "card-unknown", `[${kind}]`);
  }
}

function renderSelection(w) {
  if (w.type === "DROPDOWN") {
    const select = document.createElement("select");
    select.dataset.input = w.name;
    select.name = w.name;
    for (const item of w.items || []) {
      const option = new Option(item.text, item.value, item.selected, item.selected);
      select.append(option);
    }
    return labelled(w.label, select);
  }
  const group = el("fieldset", "card-choices", el("legend", "card-label", w.label || ""));
  for (const item of w.items || []) {
    const input = document.createElement("input");
    input.type = w.type === "RADIO_BUTTON" ? "radio" : "checkbox";
    input.dataset.input = w.name;
    input.name = w.name;
    input.value = item.value;
    input.checked = Boolean(item.selected);
    group.append(el("label", "card-choice", input, cardText(item.text)));
  }
  return group;
}

/** Draw one card; onAction(functionUrl, parameters, button) is called for every button press. */
export function renderCard(card, onAction) {
  const root = el("article", "card");
  root.dataset.name = card.name || "";
  const header = card.header || {};
  root.append(
    el("header", "card-header", el("h2", "card-title", cardText(header.title)), header.subtitle ? el("p", "card-subtitle", cardText(header.subtitle)) : null),
  );
  for (const section of card.sections || []) {
    const widgets = (section.widgets || []).map((w) => renderWidget(w, onAction));
    const body = el("section", "card-section", section.header ? el("h3", "card-section-header", cardText(section.header)) : null);
    if (section.collapsible) {
      const keep = section.uncollapsibleWidgetsCount || 0;
      body.append(...widgets.slice(0, keep));
      const more = el("details", "card-more", el("summary", "", "…"), widgets.slice(keep));
      body.append(more);
    } else body.append(...widgets);
    root.append(body);
  }
  return root;
}
