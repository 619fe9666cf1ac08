// Task pane plumbing shared by every section: the element helper, status lines, the current Office item and
// the pane's state.
import { ApiError } from "../api.js";
import { getLocale } from "../i18n.js";

export const $ = (id) => document.getElementById(id);

export const state = {
  check: null, // last CheckResponse
  dismissed: new Set(),
  templates: null,
  incident: null,
  message: null,
};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function setStatus(id, message, kind = "") {
  const node = $(id);
  node.className = `status ${kind}`.trim();
  node.textContent = message || "";
}

export function errorText(err) {
  if (err instanceof ApiError) return err.message;
  return err?.message || String(err);
}

export function office() {
  return globalThis.Office;
}

export function currentItem() {
  return office()?.context?.mailbox?.item ?? null;
}

export function formatWhen(iso) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
  } catch {
    return iso;
  }
}
