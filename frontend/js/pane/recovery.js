// Read mode: "I sent this to the wrong person" — who got it, who it was meant for, the assessment and drafts.
import { $, state, el, setStatus, errorText } from "./view.js";
import { api } from "../api.js";
import { getLocale, t } from "../i18n.js";
import { buildIncident, messageRecipients } from "../logic.js";
import { readSentMessage } from "../outlook.js";

export async function showRead(item) {
  state.incident = null;
  state.suggestions = [];
  state.intendedTouched = false;
  $("incident-result").replaceChildren();
  setStatus("incident-status", "");
  state.message = await readSentMessage(item);
  const people = messageRecipients(state.message);
  $("wrong-list").replaceChildren(
    ...people.map((p) => choice("wrong", p, { onchange: () => suggestIntended(people) })),
  );
  renderIntended(people);
  $("intended-other").value = "";
}

function choice(group, person, { checked = false, hint = null, onchange = null } = {}) {
  return el(
    "label",
    { class: "choice" },
    el("input", { type: "checkbox", name: group, value: person.email, checked, onchange }),
    el(
      "span",
      {},
      person.name || person.email,
      person.name ? el("small", { text: person.email }) : null,
      hint ? el("small", { class: "suggestion-why", text: hint }) : null,
    ),
  );
}

/** "Meant for": SendGuard's suggestions first (the best one ticked), then the message's other recipients. */
function renderIntended(people) {
  const wrong = new Set(checked("wrong").map((e) => e.toLowerCase()));
  const kept = new Set(checked("intended"));
  const touched = state.intendedTouched;
  const suggested = state.suggestions || [];
  const seen = new Set(suggested.map((s) => s.email));
  const rows = [
    ...suggested.map((s, i) =>
      choice("intended", { email: s.email, name: s.name }, {
        checked: touched ? kept.has(s.email) : i === 0,
        hint: `${t("suggested")} · ${s.why}`,
        onchange: () => (state.intendedTouched = true),
      }),
    ),
    ...people
      .filter((p) => !wrong.has(p.email.toLowerCase()) && !seen.has(p.email.toLowerCase()))
      .map((p) => choice("intended", p, { checked: kept.has(p.email), onchange: () => (state.intendedTouched = true) })),
  ];
  $("intended-list").replaceChildren(...rows);
}

let suggestSeq = 0;
async function suggestIntended(people) {
  const wrong = checked("wrong");
  const seq = ++suggestSeq;
  if (!wrong.length) {
    state.suggestions = [];
    renderIntended(people);
    return;
  }
  try {
    const payload = buildIncident({ message: state.message, wrong, intended: [], locale: getLocale() });
    delete payload.intended_recipients;
    delete payload.client;
    const result = await api.suggestIntended(payload);
    if (seq !== suggestSeq) return;
    state.suggestions = result.suggestions;
  } catch {
    if (seq !== suggestSeq) return;
    state.suggestions = []; // typing the address stays possible
  }
  renderIntended(people);
}

function checked(group) {
  return [...document.querySelectorAll(`input[name="${group}"]:checked`)].map((i) => i.value);
}

export async function onAssess(event) {
  event.preventDefault();
  const wrong = checked("wrong");
  if (!wrong.length) {
    setStatus("incident-status", t("pickWrong"), "error");
    document.querySelector('input[name="wrong"]')?.focus();
    return;
  }
  const intended = [...checked("intended"), $("intended-other").value.trim()].filter(Boolean);
  $("assess-btn").disabled = true;
  setStatus("incident-status", t("assessing"));
  try {
    state.incident = await api.createIncident(
      buildIncident({ message: state.message, wrong, intended, locale: getLocale(), client: "outlook" }),
    );
    setStatus("incident-status", "");
    renderIncident();
    $("incident-level")?.focus();
  } catch (err) {
    setStatus("incident-status", t("assessFailed", { error: errorText(err) }), "error");
  } finally {
    $("assess-btn").disabled = false;
  }
}

export function renderIncident() {
  const incident = state.incident;
  if (!incident) return;
  const level = incident.severity.level;
  const steps = el(
    "ul",
    { class: "plain-list", id: "incident-steps" },
    incident.steps.map((step) =>
      el(
        "li",
        {},
        el(
          "label",
          { class: "choice" },
          el("input", {
            type: "checkbox",
            name: "step",
            value: step.id,
            checked: step.done,
            onchange: (e) => onStep(step, e.currentTarget),
          }),
          el("span", { text: step.title }),
        ),
      ),
    ),
  );
  const drafts = el(
    "ul",
    { class: "plain-list", id: "incident-drafts" },
    incident.drafts.map((d) =>
      el(
        "li",
        {},
        el(
          "details",
          { class: "draft-preview" },
          el("summary", { text: d.subject }),
          el("p", { class: "hint", text: t("draftTo", { to: d.recipient_name ? `${d.recipient_name} <${d.to.join(", ")}>` : d.to.join(", ") }) }),
          el("div", { class: "body letter-text", text: d.body_text || d.body.replace(/<[^>]+>/g, " ") }),
        ),
        d.gloss ? el("p", { class: "hint gloss", text: d.gloss }) : null,
      ),
    ),
  );
  $("incident-result").replaceChildren(
    el("section", { class: "card", "aria-labelledby": "incident-level" },
      el("h3", {
        id: "incident-level",
        class: `level level-${level}`,
        tabindex: "-1",
        "data-level": level,
        text: t("severityLevel", { level: t(`level_${level}`) }),
      }),
      el("h3", { text: t("reasons") }),
      el("ul", { id: "incident-reasons" }, incident.severity.reasons.map((r) => el("li", { text: r }))),
      el("h3", { text: t("steps") }),
      steps,
      el("h3", { text: t("drafts") }),
      drafts,
      el("button", { class: "btn primary", type: "button", id: "create-drafts-btn", text: t("createDrafts"), onclick: onCreateDrafts }),
      el("div", { id: "drafts-status", class: "status", role: "status", "aria-live": "polite" }),
      el("ul", { id: "drafts-created", class: "plain-list" }),
    ),
  );
}

async function onStep(step, input) {
  try {
    await api.updateIncident(state.incident.incident_id, { steps: { [step.id]: input.checked } });
    step.done = input.checked;
    setStatus("incident-status", t("stepSaved"), "ok");
  } catch (err) {
    input.checked = !input.checked;
    setStatus("incident-status", errorText(err), "error");
  }
}

async function onCreateDrafts(event) {
  const button = event.currentTarget;
  button.disabled = true;
  setStatus("drafts-status", t("creatingDrafts"));
  try {
    const result = await api.mailboxDrafts(state.incident.incident_id, state.incident.drafts);
    setStatus("drafts-status", t("draftsCreated", { count: result.drafts.length }), "ok");
    $("drafts-created").replaceChildren(
      ...result.drafts.map((d) =>
        el(
          "li",
          { "data-draft-id": d.id },
          d.web_link
            ? el("a", { href: d.web_link, target: "_blank", rel: "noopener noreferrer", text: d.title || t("openDraft") })
            : el("span", { text: d.title || t("openDraft") }),
        ),
      ),
    );
  } catch (err) {
    setStatus("drafts-status", t("draftsFailed", { error: errorText(err) }), "error");
    button.disabled = false;
  }
}

/** A watch report's link: the recovery flow for that sent message, already filled in. */
export async function openRecoveryLink(token) {
  $("compose-view").hidden = true;
  $("read-view").hidden = false;
  setStatus("incident-status", t("assessing"));
  try {
    state.incident = await api.openRecovery(token);
    setStatus("incident-status", "");
    renderIncident();
    $("incident-level")?.focus();
  } catch (err) {
    setStatus("incident-status", t("assessFailed", { error: errorText(err) }), "error");
  }
}
