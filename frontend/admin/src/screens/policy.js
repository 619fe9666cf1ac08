// Policy: every field with what it means, checked in the form before it is sent.

import { api } from "../api.js";
import { clear, dropdown, h } from "../dom.js";
import { t } from "../i18n.js";
import { errorText } from "./directory.js";

const NUMBERS = {
  bcc_threshold: [2, 1000],
  large_audience: [2, 100000],
  hold_external_minutes: [0, 60],
  suppress_dismissed_days: [0, 365],
};
const SEVERITIES = ["info", "low", "medium", "high", "critical"];
const ACTIONS = ["allow", "warn", "block"];
const CATEGORIES = ["prices", "costs", "bank", "terms"];
const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z][a-z0-9-]*$/i;

function lines(text) {
  return (text || "")
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function row(name, control, help) {
  return h(
    "div",
    { class: "policy-row", dataset: { field: name } },
    h("div", { class: "policy-text" }, h("label", { class: "field-label", for: `p-${name}` }, t(`policy.${name}`)), h("p", { class: "hint" }, help || t(`policy.${name}.help`))),
    h("div", { class: "policy-control" }, control, h("span", { class: "invalid", id: `p-${name}-error`, role: "alert" })),
  );
}

export async function policyScreen(main) {
  const policy = await api("GET", "/v1/policy");
  const controls = {};
  for (const [name] of Object.entries(NUMBERS)) {
    controls[name] = h("fluent-text-input", { id: `p-${name}`, type: "number", value: String(policy[name]), class: "short" });
  }
  controls.internal_domains = h("fluent-textarea", { id: "p-internal_domains", resize: "vertical", block: true });
  controls.internal_domains.value = policy.internal_domains.join("\n");
  controls.fail_mode = dropdown("fail_mode", ["open", "closed"].map((m) => [m, t(`policy.fail_mode.${m}`)]), policy.fail_mode, { id: "p-fail_mode" });
  controls.sent_mail_watch = dropdown("sent_mail_watch", ["on", "off"].map((v) => [v, t(`policy.sent_mail_watch.${v}`)]), policy.sent_mail_watch === false ? "off" : "on", { id: "p-sent_mail_watch" });
  const enforcement = {};
  const enforcementGrid = h(
    "div",
    { class: "enforcement", id: "p-enforcement" },
    SEVERITIES.map((severity) => {
      enforcement[severity] = dropdown(`enf-${severity}`, ACTIONS.map((a) => [a, t(`policy.action.${a}`)]), policy.enforcement[severity], { "aria-label": t(`sev.${severity}`), size: "small" });
      return h("label", { class: "enf-item" }, h("span", { class: `sev sev-${severity}` }, t(`sev.${severity}`)), enforcement[severity]);
    }),
  );
  const terms = {};
  const termsGrid = h(
    "div",
    { class: "terms" },
    CATEGORIES.map((category) => {
      terms[category] = h("fluent-textarea", { resize: "vertical", block: true, "aria-label": t(`policy.cat.${category}`) });
      terms[category].value = (policy.sensitive_terms[category] || []).join("\n");
      return h("label", { class: "field" }, h("span", { class: "field-label" }, t(`policy.cat.${category}`)), terms[category]);
    }),
  );
  const status = h("div", { class: "status", "aria-live": "polite" });
  const save = h("fluent-button", { appearance: "primary", id: "policy-save" }, t("common.save"));
  const form = h(
    "div",
    { class: "card policy", id: "policy-form" },
    row("bcc_threshold", controls.bcc_threshold),
    row("large_audience", controls.large_audience),
    row("internal_domains", controls.internal_domains),
    row("enforcement", enforcementGrid),
    row("hold_external_minutes", controls.hold_external_minutes),
    row("fail_mode", controls.fail_mode),
    row("suppress_dismissed_days", controls.suppress_dismissed_days),
    row("sent_mail_watch", controls.sent_mail_watch),
    row("sensitive_terms", termsGrid),
  );
  save.addEventListener("click", async () => {
    const body = collect(controls, enforcement, terms);
    if (!body) {
      clear(status);
      return;
    }
    try {
      await api("PUT", "/v1/policy", { json: body });
      clear(status, h("fluent-message-bar", { intent: "success", id: "policy-saved" }, t("common.saved")));
    } catch (error) {
      clear(status, h("fluent-message-bar", { intent: "error", id: "policy-error" }, t("policy.invalid.server", { message: errorText(error) })));
    }
  });
  clear(main, h("h1", { class: "page-title" }, t("nav.policy")), h("p", { class: "intro" }, t("policy.intro")), form, h("div", { class: "actions sticky" }, save, status));
}

function setInvalid(name, message) {
  const slot = document.getElementById(`p-${name}-error`);
  if (slot) slot.textContent = message || "";
  const control = document.getElementById(`p-${name}`);
  control?.toggleAttribute("aria-invalid", Boolean(message));
}

/** The policy to PUT, or null after marking each invalid field with its message. */
function collect(controls, enforcement, terms) {
  let valid = true;
  const body = {};
  for (const [name, [min, max]] of Object.entries(NUMBERS)) {
    const raw = String(controls[name].value ?? "").trim();
    const number = Number(raw);
    const ok = /^\d+$/.test(raw) && number >= min && number <= max;
    setInvalid(name, ok ? "" : t("policy.invalid.range", { min, max }));
    valid &&= ok;
    body[name] = number;
  }
  const domains = lines(controls.internal_domains.value);
  const badDomain = domains.find((d) => !DOMAIN.test(d));
  const domainMessage = !domains.length ? t("policy.invalid.domains") : badDomain ? t("policy.invalid.domain", { value: badDomain }) : "";
  setInvalid("internal_domains", domainMessage);
  valid &&= !domainMessage;
  body.internal_domains = domains;
  body.fail_mode = controls.fail_mode.value || "open";
  body.sent_mail_watch = controls.sent_mail_watch.value !== "off";
  body.enforcement = Object.fromEntries(SEVERITIES.map((s) => [s, enforcement[s].value || "warn"]));
  body.sensitive_terms = Object.fromEntries(CATEGORIES.map((c) => [c, lines(terms[c].value)]));
  return valid ? body : null;
}
