// The /demo page: a mock Outlook compose/read window bound to the Office.js stand-in, the real task pane in an
// iframe (sharing the same stand-in), and a Send button that runs the real on-send handler (launchevent.js).

const standIn = window.SendGuardStandIn;
const params = new URLSearchParams(location.search);
const locale = /^zh/i.test(params.get("lang") || "") ? "zh-CN" : "en";

// The demo's own words in Chinese (the task pane and Smart Alerts bring their own).
const ZH = {
  title: "SendGuard 演示",
  intro: "左侧是模拟的 Outlook 窗口，右侧是真实的 SendGuard 任务窗格。当前登录：",
  tenant: "（演示租户 Acme Trade）。",
  gmailLink: "Gmail 插件演示",
  tabCompose: "新邮件（撰写）",
  tabRead: "已发送邮件（阅读）",
  to: "收件人",
  cc: "抄送",
  bcc: "密送",
  subject: "主题",
  attached: "附件",
  from: "发件人",
  send: "发送",
  reset: "恢复示例",
  composeHint: "多个地址用逗号分隔。“发送”会针对服务运行真实的发送检查（launchevent.js）。",
  readHint: "这封邮件已经发出。请使用右侧任务窗格中的“发错人了？”。",
  sendAnyway: "仍然发送",
  dontSend: "暂不发送",
  sent: "已发送。{held}打开“已发送邮件（阅读）”试试误发补救。",
  held: "邮件暂存在发件箱中，{when} 发出。",
  delayed: "延迟到 {when} 发送（由 SendGuard 暂存）。",
  checking: "发送前检查中…",
  notSent: "尚未发送：SendGuard 请您先看一下。",
  outboxFailed: "已发送，但演示发件箱未能接收：{error}",
  newMessage: "已打开发给 {to} 的新邮件：“{subject}”",
};

/** The demo's text in its language: English as written in the page and below, Chinese from ZH. */
function dt(key, english, values = {}) {
  const text = locale === "zh-CN" && ZH[key] ? ZH[key] : english;
  return text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");
}

function translatePage() {
  if (locale !== "zh-CN") return;
  document.documentElement.lang = "zh-CN";
  document.title = ZH.title;
  for (const node of document.querySelectorAll("[data-demo-t]")) node.textContent = ZH[node.dataset.demoT] || node.textContent;
}

window.SendGuardDemo = {
  office: standIn.office,
  standIn,
  config: { devUser: "alex@acme-trade.example", apiBase: location.origin, locale },
};

const $ = (id) => document.getElementById(id);
const state = standIn.state;

function formatList(list) {
  return list.map((r) => r.emailAddress).join(", ");
}

function parseList(text) {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((email) => {
      const known = [...state.compose.to, ...state.compose.cc, ...state.compose.bcc].find(
        (r) => r.emailAddress.toLowerCase() === email.toLowerCase(),
      );
      return { emailAddress: email, displayName: known ? known.displayName : "" };
    });
}

function renderCompose() {
  const c = state.compose;
  for (const name of ["to", "cc", "bcc"]) {
    const input = $(`f-${name}`);
    if (document.activeElement !== input) input.value = formatList(c[name]);
  }
  if (document.activeElement !== $("f-subject")) $("f-subject").value = c.subject;
  if (document.activeElement !== $("f-body")) $("f-body").value = c.body;
  $("f-attachments").replaceChildren(
    ...c.attachments.map((a) => {
      const li = document.createElement("li");
      li.dataset.name = a.name;
      li.append(a.name);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Remove ${a.name}`);
      remove.addEventListener("click", () => {
        c.attachments = c.attachments.filter((x) => x !== a);
        renderCompose();
      });
      li.append(remove);
      return li;
    }),
  );
  $("delay-note").textContent = c.delayDeliveryTime
    ? dt("delayed", `Delivery delayed until {when} (held by SendGuard).`, { when: c.delayDeliveryTime.toLocaleTimeString(locale) })
    : "";
}

function renderRead() {
  const s = state.sent;
  const people = (list) => list.map((r) => (r.displayName ? `${r.displayName} <${r.emailAddress}>` : r.emailAddress)).join(", ");
  $("r-from").textContent = people([s.from]);
  $("r-to").textContent = people(s.to);
  $("r-cc").textContent = people(s.cc) || "—";
  $("r-subject").textContent = s.subject;
  $("r-attachments").textContent = s.attachments.map((a) => a.name).join(", ") || "—";
  $("r-body").textContent = s.body;
}

function bindInputs() {
  for (const name of ["to", "cc", "bcc"]) {
    $(`f-${name}`).addEventListener("change", (e) => {
      state.compose[name] = parseList(e.currentTarget.value);
    });
  }
  $("f-subject").addEventListener("input", (e) => {
    state.compose.subject = e.currentTarget.value;
  });
  $("f-body").addEventListener("input", (e) => {
    state.compose.body = e.currentTarget.value;
  });
  $("f-add-attachment").addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const name = e.currentTarget.value.trim();
    if (!name) return;
    state.compose.attachments.push({ id: `att-${Date.now()}`, name, size: 1000, contentType: "", isInline: false });
    e.currentTarget.value = "";
    renderCompose();
  });
}

function setMode(mode) {
  const compose = mode === "compose";
  $("tab-compose").setAttribute("aria-selected", String(compose));
  $("tab-read").setAttribute("aria-selected", String(!compose));
  $("tab-compose").tabIndex = compose ? 0 : -1;
  $("tab-read").tabIndex = compose ? -1 : 0;
  $("compose-panel").hidden = !compose;
  $("read-panel").hidden = compose;
  $("send-result").replaceChildren();
  if (!compose) renderRead();
  standIn.setMode(mode);
}

function result(text, blocked = false) {
  const p = document.createElement("p");
  p.textContent = text;
  if (blocked) p.className = "blocked";
  $("send-result").replaceChildren(p);
}

function markSent() {
  const c = state.compose;
  state.sent = {
    from: c.from,
    to: c.to.map((r) => ({ ...r })),
    cc: c.cc.map((r) => ({ ...r })),
    bcc: c.bcc.map((r) => ({ ...r })),
    subject: c.subject,
    body: c.body,
    attachments: c.attachments.map((a) => ({ ...a })),
    dateTimeCreated: new Date(),
  };
  const holding = c.delayDeliveryTime && c.delayDeliveryTime > new Date();
  const when = holding ? c.delayDeliveryTime.toLocaleTimeString(locale) : "";
  const held = holding ? dt("held", " It is held until {when}.", { when }) : "";
  result(dt("sent", `Sent.{held} Open "Sent message (read)" to try the wrong-recipient recovery.`, { held }));
  if (holding) holdInOutbox(state.sent, c.delayDeliveryTime);
}

// Outlook would keep a message with a delivery time in the Outbox; the demo's in-memory mailbox does the same
// through the dev-only POST /demo/held, and the task pane then lists it under held sends (GET /v1/held-sends).
async function holdInOutbox(sent, deliverAt) {
  const emails = (list) => list.map((r) => r.emailAddress);
  try {
    const response = await fetch("/demo/held", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Dev-User": window.SendGuardDemo.config.devUser },
      body: JSON.stringify({
        to: emails(sent.to),
        cc: emails(sent.cc),
        bcc: emails(sent.bcc),
        subject: sent.subject,
        deliver_at: deliverAt.toISOString(),
      }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document.body.dataset.heldId = (await response.json()).id;
  } catch (err) {
    result(dt("outboxFailed", "Sent, but the demo Outbox did not take it: {error}", { error: err.message }), true);
    return;
  }
  // The task pane (same origin) refreshes its list of held and scheduled sends.
  $("taskpane").contentDocument?.getElementById("scheduled-refresh")?.click();
}

let lastFocus = null;

function closeAlert() {
  $("smart-alert").hidden = true;
  (lastFocus || $("send-btn")).focus();
}

function showAlert(options) {
  lastFocus = document.activeElement;
  $("alert-message").textContent = options.errorMessage || "";
  const open = $("alert-open");
  open.hidden = !options.cancelLabel;
  open.textContent = options.cancelLabel || "";
  $("alert-send").hidden = options.sendModeOverride !== "promptUser";
  $("smart-alert").hidden = false;
  (options.cancelLabel ? open : $("alert-close")).focus();
}

function onSend(event) {
  event.preventDefault();
  for (const name of ["to", "cc", "bcc"]) state.compose[name] = parseList($(`f-${name}`).value);
  const handler = standIn.actions.onMessageSendHandler;
  $("send-btn").disabled = true;
  result(dt("checking", "Checking before sending…"));
  const started = performance.now();
  handler({
    type: "messageSending",
    completed(options) {
      $("send-btn").disabled = false;
      document.body.dataset.lastSend = JSON.stringify({ ...options, ms: Math.round(performance.now() - started) });
      renderCompose();
      if (options.allowEvent) {
        markSent();
        return;
      }
      result(dt("notSent", "Not sent yet: SendGuard asked you to look first."), true);
      showAlert(options);
    },
  });
}

function init() {
  translatePage();
  $("demo-lang").value = locale;
  $("demo-lang").addEventListener("change", (e) => {
    const next = new URLSearchParams(location.search);
    next.set("lang", e.currentTarget.value);
    location.search = next.toString();
  });
  $("taskpane").src = `/addin/taskpane.html?demo=1&lang=${encodeURIComponent(locale)}`;
  bindInputs();
  renderCompose();
  standIn.onChange((what, standInState) => {
    if (what === "newMessage") {
      const message = standInState.newMessages.at(-1);
      const to = (message.toRecipients || []).join(", ");
      result(dt("newMessage", `New message opened to {to}: "{subject}"`, { to, subject: message.subject || "" }));
    }
    renderCompose();
    if (state.mode === "read") renderRead();
  });
  $("compose-panel").addEventListener("submit", onSend);
  $("reset-btn").addEventListener("click", () => {
    standIn.reset();
    $("send-result").replaceChildren();
    standIn.setMode("compose");
  });
  $("tab-compose").addEventListener("click", () => setMode("compose"));
  $("tab-read").addEventListener("click", () => setMode("read"));
  for (const tab of [$("tab-compose"), $("tab-read")]) {
    tab.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      const next = tab.id === "tab-compose" ? $("tab-read") : $("tab-compose");
      next.focus();
      next.click();
    });
  }
  $("alert-close").addEventListener("click", closeAlert);
  $("alert-open").addEventListener("click", () => {
    $("smart-alert").hidden = true;
    $("taskpane").focus();
  });
  $("alert-send").addEventListener("click", () => {
    $("smart-alert").hidden = true;
    markSent();
  });
  $("smart-alert").addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeAlert();
  });
  document.body.dataset.ready = "true";
}

init();
