// SendGuard task pane: compose checks with one-click fixes, templates, the wrong-recipient recovery flow,
// and held/scheduled sends. Plain ES module; Office.js (or the demo stand-in) is loaded by boot.js first.
import { api, ApiError } from "./js/api.js";
import { authHeaders } from "./js/auth.js";
import { getLocale, normalizeLocale, pickLabel, setLocale, t } from "./js/i18n.js";
import {
  buildIncident,
  cancellable,
  collectFields,
  groupBySeverity,
  heldSendsView,
  messageRecipients,
  visibleFindings,
  dismissalNote,
} from "./js/logic.js";
import { applyFix, insertLetter, isCompose, openNewMessage, readComposeDraft, readSentMessage } from "./js/outlook.js";

const $ = (id) => document.getElementById(id);
const POLICY_KEY = "sendguard.policy";
const LOCALE_KEY = "sendguard.locale";

const state = {
  check: null, // last CheckResponse
  dismissed: new Set(),
  templates: null,
  incident: null,
  message: null,
};

function el(tag, attrs = {}, ...children) {
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

function setStatus(id, message, kind = "") {
  const node = $(id);
  node.className = `status ${kind}`.trim();
  node.textContent = message || "";
}

function errorText(err) {
  if (err instanceof ApiError) return err.message;
  return err?.message || String(err);
}

function office() {
  return globalThis.Office;
}

function currentItem() {
  return office()?.context?.mailbox?.item ?? null;
}

// ---------- locale ----------

function initialLocale() {
  const params = new URLSearchParams(location.search);
  const stored = (() => {
    try {
      return localStorage.getItem(LOCALE_KEY);
    } catch {
      return null;
    }
  })();
  return normalizeLocale(params.get("lang") || stored || office()?.context?.displayLanguage || navigator.language);
}

function applyStaticStrings() {
  document.documentElement.lang = getLocale();
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  document.title = t("appName");
  $("lang-select").value = getLocale();
}

function changeLocale(tag) {
  setLocale(tag);
  try {
    localStorage.setItem(LOCALE_KEY, getLocale());
  } catch {
    /* private mode */
  }
  applyStaticStrings();
  renderFindings();
  renderTemplatePicker();
  if (state.incident) renderIncident();
  if (isCompose(currentItem())) runCheck();
  loadScheduled();
}

// ---------- compose: check and fixes ----------

async function runCheck() {
  const item = currentItem();
  if (!isCompose(item)) return;
  $("check-btn").disabled = true;
  setStatus("check-status", t("checking"));
  try {
    const draft = await readComposeDraft(item);
    state.check = await api.check(draft, getLocale());
    state.dismissed = new Set();
    renderFindings();
  } catch (err) {
    state.check = null;
    $("findings").replaceChildren();
    setStatus("check-status", t("checkFailed", { error: errorText(err) }), "error");
  } finally {
    $("check-btn").disabled = false;
  }
}

function fixLabel(fix) {
  const key = `fix_${fix.type}`;
  return t(key, { recipient: fix.recipient ?? "", suggestion: fix.suggestion ?? "", name: fix.name ?? "" });
}

function renderFindings() {
  const container = $("findings");
  const check = state.check;
  if (!check) {
    container.replaceChildren();
    return;
  }
  const findings = visibleFindings(check.findings, state.dismissed);
  const actionable = findings.filter((f) => f.severity !== "info");
  if (check.verdict === "ok" || actionable.length === 0) {
    setStatus("check-status", "");
    container.replaceChildren(el("p", { class: "verdict ok", role: "status", text: t("verdictOk") }), ...renderGroups(findings));
    return;
  }
  setStatus("check-status", "");
  // The summary names each problem in one sentence, worst first: shown as the service wrote it.
  const verdict = el("p", { class: `verdict ${check.verdict}`, id: "verdict", text: check.summary });
  container.replaceChildren(verdict, ...renderGroups(findings));
}

function renderGroups(findings) {
  return groupBySeverity(findings).map(({ severity, findings: group }) => {
    const headingId = `sev-${severity}-heading`;
    return el(
      "section",
      { class: `severity-group sev-${severity}`, "aria-labelledby": headingId, "data-severity": severity },
      el("h3", { id: headingId }, el("span", { class: "badge", text: t(`severity_${severity}`) }), ` ${group.length}`),
      el("ul", { class: "findings-list" }, group.map(renderFinding)),
    );
  });
}

function renderFinding(finding) {
  const titleId = `finding-${finding.id}-title`;
  const actions = el("div", { class: "actions" });
  for (const fix of finding.fixes || []) {
    actions.append(
      el("button", {
        class: "btn primary",
        type: "button",
        "data-fix": fix.type,
        text: fixLabel(fix),
        onclick: (event) => onFix(event.currentTarget, finding, fix),
      }),
    );
  }
  actions.append(
    el("button", {
      class: "btn",
      type: "button",
      "data-dismiss": finding.id,
      "aria-label": t("dismissLabel", { title: finding.title }),
      text: t("dismiss"),
      onclick: () => onDismiss(finding),
    }),
  );
  const evidence = (finding.evidence || []).length
    ? el(
        "ul",
        { class: "evidence", "aria-label": t("evidence") },
        finding.evidence.map((e) => el("li", { text: e })),
      )
    : null;
  return el(
    "li",
    { class: "finding", "data-code": finding.code, "data-id": finding.id, "aria-labelledby": titleId },
    el("p", { class: "title", id: titleId, text: finding.title }),
    el("p", { class: "message", text: finding.message }),
    evidence,
    actions,
  );
}

async function onFix(button, finding, fix) {
  const item = currentItem();
  button.disabled = true;
  try {
    const result = await applyFix(item, fix);
    if (result.reminder) {
      setStatus("check-status", t("attachReminder"), "ok");
      return;
    }
    if (result.template) {
      await openTemplate(result.template, finding);
      return;
    }
    const checkId = state.check?.check_id;
    setStatus("check-status", t("fixApplied", { fix: fixLabel(fix) }), "ok");
    if (checkId) api.outcome(checkId, "fixed").catch(() => {});
    await runCheck();
    setStatus("check-status", t(result.selfAdded ? "fixDoneSelfInTo" : "fixDone", { fix: fixLabel(fix) }), "ok");
  } catch (err) {
    setStatus("check-status", t("fixFailed", { error: errorText(err) }), "error");
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}

async function onDismiss(finding) {
  // One card only: another finding of the same kind (a high one beside this low one) stays.
  state.dismissed.add(finding.id);
  renderFindings();
  setStatus("check-status", t(dismissalNote(finding)), "ok");
  $("check-btn").focus();
  const checkId = state.check?.check_id;
  // The API records dismissals with an outcome: the user chose to send with this finding ignored.
  if (checkId) api.outcome(checkId, "sent_anyway", [finding.id]).catch(() => {});
}

// ---------- templates ----------

async function loadTemplates() {
  try {
    state.templates = await api.templates();
  } catch {
    state.templates = [];
    setStatus("template-status", t("templatesUnavailable"), "error");
  }
  renderTemplatePicker();
}

function renderTemplatePicker() {
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
async function openTemplate(name, finding = null) {
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

function renderTemplateFields() {
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

async function onTemplateSubmit(event) {
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

// ---------- read mode: wrong-recipient recovery ----------

async function showRead(item) {
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

async function onAssess(event) {
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

function renderIncident() {
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

// ---------- held and scheduled sends ----------

function formatWhen(iso) {
  try {
    return new Intl.DateTimeFormat(getLocale(), { dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
  } catch {
    return iso;
  }
}

async function loadScheduled() {
  const section = $("scheduled");
  // Held sends wait in the mailbox's Outbox (Outlook's delivery time); scheduled sends are SendGuard's own.
  const [scheduled, heldOutcome] = await Promise.allSettled([api.scheduledSends(), api.heldSends()]);
  const held = heldSendsView(heldOutcome);
  if (scheduled.status === "rejected" && !held.show) {
    // Not deployed (404) or not available to this user: the section simply stays hidden.
    section.hidden = true;
    return;
  }
  section.hidden = false;
  if (held.error) setStatus("scheduled-status", t("heldUnavailable", { error: errorText(held.error) }), "error");
  const rows = scheduled.status === "fulfilled" ? scheduled.value || [] : [];
  const list = $("scheduled-list");
  if (!rows.length && !held.rows.length) {
    list.replaceChildren(el("li", { class: "hint", text: t("scheduledEmpty") }));
    return;
  }
  list.replaceChildren(...held.rows.map(renderHeld), ...rows.map(renderScheduled));
}

function renderHeld(row) {
  const subject = row.subject || t("noSubject");
  const when = formatWhen(row.deliver_at);
  return el(
    "li",
    { class: "row held", "data-held-id": row.id },
    el(
      "span",
      {},
      el("strong", { text: t("heldUntil", { when }) }),
      " · ",
      el("span", { class: "subject", text: subject }),
      (row.to || []).length ? el("small", { text: ` ${t("draftTo", { to: row.to.join(", ") })}` }) : null,
    ),
    el("button", {
      class: "btn",
      type: "button",
      text: t("backToDrafts"),
      "aria-label": t("backToDraftsLabel", { subject }),
      onclick: (event) => onCancelHeld(event.currentTarget, row),
    }),
  );
}

function renderScheduled(row) {
  return el(
    "li",
    { class: "row", "data-id": row.id, "data-status": row.status },
    el("span", {}, el("strong", { text: t(`status_${row.status}`) }), " · ", t("sendAt", { when: formatWhen(row.send_at) })),
    cancellable(row)
      ? el("button", {
          class: "btn",
          type: "button",
          text: t("cancelSend"),
          "aria-label": t("cancelSendLabel", { when: formatWhen(row.send_at) }),
          onclick: () => onCancelScheduled(row),
        })
      : null,
  );
}

async function onCancelHeld(button, row) {
  button.disabled = true;
  try {
    await api.cancelHeldSend(row.id);
    setStatus("scheduled-status", t("movedToDrafts"), "ok");
  } catch (err) {
    const message = err instanceof ApiError && err.status === 409 ? t("heldTooLate") : t("cancelFailed", { error: errorText(err) });
    setStatus("scheduled-status", message, "error");
  }
  await loadScheduled();
  $("scheduled-refresh").focus();
}

async function onCancelScheduled(row) {
  try {
    await api.cancelScheduledSend(row.id);
    setStatus("scheduled-status", t("cancelled"), "ok");
  } catch (err) {
    const message = err instanceof ApiError && err.status === 409 ? t("tooLate") : t("cancelFailed", { error: errorText(err) });
    setStatus("scheduled-status", message, "error");
  }
  await loadScheduled();
  $("scheduled-refresh").focus();
}

// ---------- policy cache for the on-send handler ----------

async function cachePolicy() {
  try {
    const policy = await api.policy();
    const slim = { fail_mode: policy.fail_mode === "closed" ? "closed" : "open", saved_at: new Date().toISOString() };
    const rs = office()?.context?.roamingSettings;
    if (rs) {
      rs.set(POLICY_KEY, slim);
      rs.saveAsync?.(() => {});
    }
    localStorage.setItem(POLICY_KEY, JSON.stringify(slim));
  } catch {
    /* the handler falls back to fail open */
  }
}

// ---------- a watch report's link: recovery already filled in ----------

async function openRecoveryLink(token) {
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

// ---------- start ----------

async function showItem() {
  const item = currentItem();
  setStatus("boot-status", "");
  $("compose-view").hidden = true;
  $("read-view").hidden = true;
  if (!item) {
    setStatus("boot-status", t("noItem"));
    return;
  }
  if (isCompose(item)) {
    $("compose-view").hidden = false;
    if (!state.templates) loadTemplates();
    await runCheck();
  } else {
    $("read-view").hidden = false;
    await showRead(item);
  }
}

async function start() {
  setLocale(initialLocale());
  applyStaticStrings();
  $("lang-select").addEventListener("change", (e) => changeLocale(e.currentTarget.value));
  $("check-btn").addEventListener("click", runCheck);
  $("template-select").addEventListener("change", renderTemplateFields);
  $("template-form").addEventListener("submit", onTemplateSubmit);
  $("incident-form").addEventListener("submit", onAssess);
  $("scheduled-refresh").addEventListener("click", loadScheduled);
  try {
    await authHeaders();
  } catch (err) {
    setStatus("boot-status", t("signInFailed", { error: errorText(err) }), "error");
    return;
  }
  const mailbox = office()?.context?.mailbox;
  mailbox?.addHandlerAsync?.(office().EventType?.ItemChanged ?? "olkItemSelectedChanged", () => showItem());
  document.body.dataset.ready = "true";
  cachePolicy();
  loadScheduled();
  const recover = new URLSearchParams(location.search).get("recover");
  if (recover) {
    await openRecoveryLink(recover);
    return;
  }
  await showItem();
}

office().onReady(() => {
  start();
});
