// The Gmail demo: a mock Gmail window and the SendGuard add-on sidebar, drawn from the very card JSON the add-on
// returns (through /demo/gmail/*, which answers like /addons/gmail/* but signs in with the dev user).
import { formInputs, renderCard } from "./cards.js";

const DEV_USER = "alex@acme-trade.example";
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const locale = params.get("lang") === "zh-CN" ? "zh-CN" : "en";

const TEXT = {
  en: {
    title: "SendGuard for Gmail: demo",
    hint: "The real add-on's cards for the demo tenant, drawn in the browser. Signed in as alex@acme-trade.example.",
    tabCompose: "New message", tabSent: "Sent message", to: "To", cc: "Cc", bcc: "Bcc", subject: "Subject",
    drafts: "Drafts created by the add-on", attachment: "Attachment", sentMeta: "To: Laura Gómez <l.gomez@sunpeak.example>",
    scopes: "Gmail would now ask for permission: {scopes}", failed: "The add-on did not answer: {error}",
  },
  "zh-CN": {
    title: "SendGuard Gmail 插件演示",
    hint: "演示租户下插件真实返回的卡片，在浏览器中呈现。当前登录：alex@acme-trade.example。",
    tabCompose: "新邮件", tabSent: "已发送邮件", to: "收件人", cc: "抄送", bcc: "密送", subject: "主题",
    drafts: "插件创建的草稿", attachment: "附件", sentMeta: "收件人：Laura Gómez <l.gomez@sunpeak.example>",
    scopes: "Gmail 此时会请求授权：{scopes}", failed: "插件没有响应：{error}",
  },
}[locale];

function t(key, values = {}) {
  return TEXT[key].replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");
}

const state = { mode: "compose", stack: [], sentId: null };
const COMPOSE = {
  to: "l.gomez@sunpeak.example, m.schmidt@solartech.example",
  cc: "c.huber@alpen-pv.example",
  subject: "PI for order 2026-001",
  body: "Dear Michael,\n\nplease find attached the proforma invoice for order 2026-001.\n\nBest regards,\nAlex",
};

function list(id) {
  return $(id).value.split(/[\s,;]+/).filter(Boolean);
}

function event(parameters = {}, inputs = {}) {
  const gmail =
    state.mode === "compose"
      ? { toRecipients: list("g-to"), ccRecipients: list("g-cc"), bccRecipients: list("g-bcc") }
      : { messageId: state.sentId };
  return {
    commonEventObject: {
      hostApp: "GMAIL",
      platform: "WEB",
      userLocale: locale,
      timeZone: { id: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: -new Date().getTimezoneOffset() * 60000 },
      parameters,
      formInputs: inputs,
    },
    authorizationEventObject: {},
    gmail,
  };
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Dev-User": DEV_USER },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data?.error?.message || `HTTP ${response.status}`);
  return data;
}

function toast(text) {
  const node = $("g-toast");
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (node.hidden = true), 6000);
}

function show() {
  const top = state.stack.at(-1);
  $("g-cards").replaceChildren(top ? renderCard(top, onAction) : "");
  $("g-back").hidden = state.stack.length < 2;
}

function apply(response) {
  if (response.requesting_google_scopes) {
    toast(t("scopes", { scopes: response.requesting_google_scopes.scopes.join(", ") }));
    return;
  }
  const action = response.action || response.renderActions?.action || {};
  for (const nav of action.navigations || []) {
    if (nav.pushCard) state.stack.push(nav.pushCard);
    if (nav.updateCard) state.stack[state.stack.length - 1] = nav.updateCard;
  }
  if (action.notification) toast(action.notification.text);
  const gmail = response.renderActions?.hostAppAction?.gmailAction || {};
  const markup = gmail.updateDraftActionMarkup;
  if (markup) {
    const set = (id, items) => items && ($(id).value = items.map((r) => r.email).join(", "));
    set("g-to", markup.updateToRecipients?.toRecipients);
    set("g-cc", markup.updateCcRecipients?.ccRecipients);
    set("g-bcc", markup.updateBccRecipients?.bccRecipients);
    for (const content of markup.updateBody?.insertContents || []) {
      $("g-body").insertAdjacentHTML("beforeend", content.content); // the service's own rendered letter
    }
  }
  if (gmail.openCreatedDraftActionMarkup) {
    const item = document.createElement("li");
    item.textContent = action.notification?.text || gmail.openCreatedDraftActionMarkup.draftId;
    item.dataset.draftId = gmail.openCreatedDraftActionMarkup.draftId;
    $("g-drafts").append(item);
  }
  show();
}

async function onAction(functionUrl, parameters, button) {
  button.disabled = true;
  try {
    apply(await post(functionUrl, event(parameters, formInputs($("g-cards")))));
  } catch (error) {
    toast(t("failed", { error: error.message }));
  } finally {
    button.disabled = false;
  }
}

async function open(mode) {
  state.mode = mode;
  state.stack = [];
  $("g-compose").hidden = mode !== "compose";
  $("g-sent").hidden = mode !== "sent";
  $("g-tab-compose").setAttribute("aria-selected", String(mode === "compose"));
  $("g-tab-sent").setAttribute("aria-selected", String(mode === "sent"));
  try {
    if (mode === "sent" && !state.sentId) state.sentId = (await post("/demo/gmail/sample-sent", {})).message_id;
    apply(await post(mode === "compose" ? "/demo/gmail/compose" : "/demo/gmail/message", event()));
  } catch (error) {
    toast(t("failed", { error: error.message }));
  }
}

function start() {
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  document.title = t("title");
  $("g-lang").value = locale;
  $("g-lang").addEventListener("change", (e) => {
    params.set("lang", e.currentTarget.value);
    location.search = params.toString();
  });
  $("g-to").value = COMPOSE.to;
  $("g-cc").value = COMPOSE.cc;
  $("g-subject").value = COMPOSE.subject;
  $("g-body").textContent = COMPOSE.body;
  $("g-sent-body").textContent = "Dear Michael,\n\nplease find attached the proforma invoice for order 2026-001.\n\nBest regards";
  $("g-sent-meta").textContent = t("sentMeta");
  $("g-tab-compose").addEventListener("click", () => open("compose"));
  $("g-tab-sent").addEventListener("click", () => open("sent"));
  $("g-back").addEventListener("click", () => {
    state.stack.pop();
    show();
  });
  for (const id of ["g-to", "g-cc", "g-bcc"]) $(id).addEventListener("change", () => state.mode === "compose" && open("compose"));
  open(params.get("view") === "sent" ? "sent" : "compose");
}

start();
