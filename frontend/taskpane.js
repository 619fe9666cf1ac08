// SendGuard task pane: compose checks with one-click fixes, templates, the wrong-recipient recovery flow,
// and held/scheduled sends. Plain ES module; Office.js (or the demo stand-in) is loaded by boot.js first.
// Each section lives in js/pane/; this module picks the view for the current item and starts the pane.
import { $, state, setStatus, errorText, office, currentItem } from "./js/pane/view.js";
import { runCheck, renderFindings } from "./js/pane/compose.js";
import { loadTemplates, renderTemplatePicker, renderTemplateFields, onTemplateSubmit } from "./js/pane/templates.js";
import { showRead, onAssess, openRecoveryLink, renderIncident } from "./js/pane/recovery.js";
import { loadScheduled } from "./js/pane/sends.js";
import { loadWatchReports } from "./js/pane/reports.js";
import { api } from "./js/api.js";
import { authHeaders } from "./js/auth.js";
import { getLocale, normalizeLocale, setLocale, t } from "./js/i18n.js";
import { isCompose } from "./js/outlook.js";

const POLICY_KEY = "sendguard.policy";
const LOCALE_KEY = "sendguard.locale";

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
  loadWatchReports();
  renderTemplatePicker();
  if (state.incident) renderIncident();
  if (isCompose(currentItem())) runCheck();
  loadScheduled();
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
  loadWatchReports();
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
