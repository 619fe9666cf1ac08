// Strings of the demo page itself (the mock Outlook window and its Smart Alert dialog), en and zh-CN.
// The task pane and the on-send handler have their own; the dialog's buttons follow the UI language as
// Outlook's do.

export const DEMO_STRINGS = {
  en: {
    pageTitle: "SendGuard demo: Outlook add-in without Outlook",
    heading: "SendGuard demo",
    intro: "A mock Outlook window on the left; the real SendGuard task pane on the right. Signed in as",
    tenant: "(demo tenant Acme Trade).",
    language: "Language",
    tabCompose: "New message (compose)",
    tabRead: "Sent message (read)",
    to: "To",
    cc: "Cc",
    bcc: "Bcc",
    subject: "Subject",
    attached: "Attached",
    from: "From",
    addAttachment: "Add a file name, press Enter",
    addAttachmentLabel: "Add an attachment by file name",
    removeAttachment: "Remove {name}",
    body: "Message body",
    send: "Send",
    reset: "Reset the example",
    composeHint: "Addresses are separated by commas. Send runs the real on-send handler (launchevent.js) against the service.",
    readHint: 'This message has already been sent. Use the task pane on the right: "Sent this to the wrong person?"',
    pane: "SendGuard task pane",
    delayed: "Delivery delayed until {time} (held by SendGuard).",
    checking: "Checking before sending…",
    notSent: "Not sent yet: SendGuard asked you to look first.",
    sent: 'Sent.{held} Open "Sent message (read)" to try the wrong-recipient recovery.',
    heldUntil: " It is held until {time}.",
    outboxFailed: "Sent, but the demo Outbox did not take it: {error}",
    sendAnyway: "Send anyway",
    dontSend: "Don't send",
  },
  "zh-CN": {
    pageTitle: "SendGuard 演示：无需 Outlook 的 Outlook 加载项",
    heading: "SendGuard 演示",
    intro: "左侧是模拟的 Outlook 窗口，右侧是真实的 SendGuard 任务窗格。当前登录：",
    tenant: "（演示公司 Acme Trade）。",
    language: "语言",
    tabCompose: "新邮件（撰写）",
    tabRead: "已发送邮件（阅读）",
    to: "收件人",
    cc: "抄送",
    bcc: "密送",
    subject: "主题",
    attached: "附件",
    from: "发件人",
    addAttachment: "输入文件名，按回车添加",
    addAttachmentLabel: "按文件名添加附件",
    removeAttachment: "移除 {name}",
    body: "邮件正文",
    send: "发送",
    reset: "重置示例",
    composeHint: "多个地址用逗号分隔。“发送”会调用真实的发送检查程序（launchevent.js）。",
    readHint: "这封邮件已经发出。请使用右侧任务窗格中的“发错人了？”",
    pane: "SendGuard 任务窗格",
    delayed: "将延迟到 {time} 投递（由 SendGuard 暂存）。",
    checking: "发送前检查中…",
    notSent: "尚未发送：SendGuard 请您先确认。",
    sent: "已发送。{held}打开“已发送邮件（阅读）”可试用发错收件人的补救流程。",
    heldUntil: "将暂存到 {time}。",
    outboxFailed: "已发送，但演示发件箱未能保存：{error}",
    sendAnyway: "仍然发送",
    dontSend: "不发送",
  },
};

export function demoText(locale, key, values = {}) {
  const table = DEMO_STRINGS[locale] || DEMO_STRINGS.en;
  const template = table[key] ?? DEMO_STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_m, name) => String(values[name] ?? ""));
}

/** Fills every element marked data-i18n (text), data-i18n-placeholder and data-i18n-label (aria-label). */
export function applyDemoStrings(root, locale) {
  root.documentElement.lang = locale;
  root.title = demoText(locale, "pageTitle");
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = demoText(locale, node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute("placeholder", demoText(locale, node.dataset.i18nPlaceholder));
  }
  for (const node of root.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", demoText(locale, node.dataset.i18nLabel));
  }
}
