// Letters: the template picker, its form (prefilled for a hand-off) and inserting the rendered letter.
import { $, state, el, setStatus, errorText, currentItem } from "./view.js";
import { api } from "../api.js";
import { getLocale, pickLabel, t } from "../i18n.js";
import { collectFields } from "../logic.js";
import { insertLetter, openNewMessage } from "../outlook.js";

export async function loadTemplates() {
  try {
    state.templates = await api.templates();
  } catch {
    state.templates = [];
    setStatus("template-status", t("templatesUnavailable"), "error");
  }
  renderTemplatePicker();
}

export function renderTemplatePicker() {
  const select = $("template-select");
  const chosen = select.value;
  select.replaceChildren(
    el("option", { value: "", text: t("chooseTemplate") }),
    ...(state.templates || []).map((tpl) =>
      el("option", { value: tpl.name, text: pickLabel(tpl.description) || tpl.name, title: tpl.name }),
    ),
  );
  select.value = chosen;
  renderTemplateFields();
}

/** Open a template; from an "owned by a colleague" finding, the hand-off comes filled in for that colleague. */
export async function openTemplate(name, finding = null) {
  state.handoff = null;
  const recipient = finding?.recipients?.[0];
  if (name === "handoff_internal" && recipient) {
    try {
      state.handoff = await api.handoffPrefill(recipient, getLocale());
    } catch {
      state.handoff = null; // the form still opens; the salesperson fills it
    }
  }
  const select = $("template-select");
  select.value = name;
  renderTemplateFields();
  $("templates").scrollIntoView({ block: "start" });
  select.focus();
}

export function renderTemplateFields() {
  const name = $("template-select").value;
  const template = (state.templates || []).find((tpl) => tpl.name === name);
  const container = $("template-fields");
  $("template-actions").hidden = !template;
  if (!template) {
    container.replaceChildren();
    return;
  }
  container.replaceChildren(...template.fields.map(renderField));
  prefillFields(template);
  const submit = document.querySelector('#template-actions button[type="submit"]');
  if (submit) submit.textContent = submitLabel(template);
  const localeSelect = $("template-locale");
  const names = { en: "English", "zh-CN": "中文（简体）", de: "Deutsch", es: "Español", fr: "Français" };
  localeSelect.replaceChildren(...template.locales.map((l) => el("option", { value: l, text: names[l] || l })));
  localeSelect.value = template.locales.includes(getLocale()) ? getLocale() : template.locales[0];
}

function prefillFields(template) {
  const handoff = state.handoff?.template === template.name ? state.handoff : null;
  if (!handoff) return;
  const form = $("template-form");
  for (const [name, value] of Object.entries(handoff.fields)) {
    const control = form.elements[name];
    if (!control || value === null || value === undefined) continue;
    control.value = Array.isArray(value) ? value.join("\n") : String(value);
  }
}

/** Letters to colleagues open a new message to them; only letters to customers go into this draft. */
function submitLabel(template) {
  if (template.audience !== "internal") return t("insertLetter");
  const name = state.handoff?.fields?.new_owner_name;
  return name ? t("writeToColleague", { name }) : t("writeNewMessage");
}

function renderField(field) {
  const id = `tf-${field.name}`;
  const common = { id, name: field.name, required: field.required, "aria-required": field.required ? "true" : null };
  let control;
  switch (field.type) {
    case "text":
      control = el("textarea", { ...common, rows: 3 });
      break;
    case "list":
      control = el("textarea", { ...common, rows: 3, "aria-describedby": `${id}-hint` });
      break;
    case "date":
      control = el("input", { ...common, type: "date" });
      break;
    case "email":
      control = el("input", { ...common, type: "email", autocomplete: "off", inputmode: "email" });
      break;
    case "enum":
      control = el(
        "select",
        common,
        field.required ? null : el("option", { value: "" }),
        (field.choices || []).map((c) => el("option", { value: c, text: pickLabel(field.choice_labels?.[c]) || c })),
      );
      break;
    default:
      control = el("input", { ...common, type: "text" });
  }
  if (field.default !== null && field.default !== undefined && field.type !== "list") control.value = String(field.default);
  if (field.type === "list" && Array.isArray(field.default)) control.value = field.default.join("\n");
  return el(
    "div",
    { class: "field" },
    el(
      "label",
      { for: id },
      el("span", { text: pickLabel(field.label) }),
      field.required ? el("span", { class: "req", "aria-hidden": "true", text: " *" }) : null,
      field.required ? el("span", { class: "visually-hidden", text: ` (${t("required")})` }) : null,
    ),
    field.type === "list" ? el("span", { class: "hint", id: `${id}-hint`, text: t("listHint") }) : null,
    control,
  );
}

export async function onTemplateSubmit(event) {
  event.preventDefault();
  const name = $("template-select").value;
  const template = (state.templates || []).find((tpl) => tpl.name === name);
  if (!template) return;
  const form = $("template-form");
  const missing = template.fields.find((f) => f.required && !String(form.elements[f.name]?.value || "").trim());
  if (missing) {
    setStatus("template-status", t("renderFailed", { error: `${pickLabel(missing.label)}: ${t("required")}` }), "error");
    form.elements[missing.name]?.focus();
    return;
  }
  const fields = collectFields(template.fields, (n) => form.elements[n]?.value);
  setStatus("template-status", t("inserting"));
  try {
    const letter = await api.render(name, $("template-locale").value, fields);
    if (template.audience === "internal") {
      openNewMessage(letter, state.handoff?.to ? [state.handoff.to] : []);
      setStatus("template-status", t("newMessageOpened"), "ok");
      return;
    }
    await insertLetter(currentItem(), letter);
    setStatus("template-status", t("inserted"), "ok");
  } catch (err) {
    setStatus("template-status", t("renderFailed", { error: errorText(err) }), "error");
  }
}
