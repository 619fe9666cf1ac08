// Office.js adapters for the task pane: read the open item, apply fixes to it, insert letters.
import { applyRecipientFix, buildDraft, changedLists, forSetAsync } from "./logic.js";

/** Office callback style -> Promise. */
export function officeCall(target, method, ...args) {
  return new Promise((resolve, reject) => {
    if (!target || typeof target[method] !== "function") {
      reject(new Error(`${method} is not supported here`));
      return;
    }
    target[method](...args, (result) => {
      if (result && result.status === "failed") reject(result.error || new Error(`${method} failed`));
      else resolve(result ? result.value : undefined);
    });
  });
}

/** Compose items expose getAsync on their fields; read items hold plain values. */
export function isCompose(item) {
  return !!item && typeof item.subject === "object" && typeof item.subject?.getAsync === "function";
}

function coercion(office, kind) {
  return office?.CoercionType?.[kind] ?? kind.toLowerCase();
}

export async function readRecipientLists(item) {
  const [to, cc, bcc] = await Promise.all([
    officeCall(item.to, "getAsync"),
    officeCall(item.cc, "getAsync"),
    officeCall(item.bcc, "getAsync"),
  ]);
  return { to: to || [], cc: cc || [], bcc: bcc || [] };
}

export async function readComposeDraft(item, office = globalThis.Office) {
  const [lists, subject, body, attachments, from] = await Promise.all([
    readRecipientLists(item),
    officeCall(item.subject, "getAsync"),
    officeCall(item.body, "getAsync", coercion(office, "Text")),
    typeof item.getAttachmentsAsync === "function" ? officeCall(item, "getAttachmentsAsync") : Promise.resolve([]),
    item.from?.getAsync ? officeCall(item.from, "getAsync").catch(() => null) : Promise.resolve(null),
  ]);
  const sender = from?.emailAddress || office?.context?.mailbox?.userProfile?.emailAddress || "";
  return buildDraft({ from: sender, ...lists, subject, body, attachments });
}

/** A sent (read-mode) message in the shape of the API's draft. */
export async function readSentMessage(item, office = globalThis.Office) {
  const body = await officeCall(item.body, "getAsync", coercion(office, "Text")).catch(() => "");
  return buildDraft({
    from: item.from?.emailAddress || "",
    to: item.to,
    cc: item.cc,
    bcc: item.bcc,
    subject: item.subject,
    body,
    attachments: item.attachments,
  });
}

/**
 * Apply a fix from a finding to the compose item. Returns a short description of what changed, or
 * {reminder} / {template} for fixes the user completes (attach a file, fill in a template).
 */
export async function applyFix(item, fix, office = globalThis.Office) {
  if (fix.type === "add_attachment") return { reminder: true };
  if (fix.type === "use_template") return { template: fix.template };
  if (fix.type === "remove_attachment") {
    const attachments = (await officeCall(item, "getAttachmentsAsync")) || [];
    const target = attachments.find((a) => a.name === fix.name);
    if (!target) throw new Error(`no attachment named ${fix.name}`);
    await officeCall(item, "removeAttachmentAsync", target.id);
    return { changed: ["attachments"] };
  }
  const before = await readRecipientLists(item);
  const self = office?.context?.mailbox?.userProfile?.emailAddress || "";
  const after = applyRecipientFix(before, fix, self);
  if (!after) throw new Error(`unknown fix ${fix.type}`);
  const changed = changedLists(before, after);
  for (const name of changed) await officeCall(item[name], "setAsync", forSetAsync(after[name]));
  return { changed, selfAdded: !!after.selfAdded };
}

/** Insert a rendered letter at the cursor; fill the subject when the draft has none. */
export async function insertLetter(item, letter, office = globalThis.Office) {
  await officeCall(item.body, "setSelectedDataAsync", letter.body_html, { coercionType: coercion(office, "Html") });
  const subject = await officeCall(item.subject, "getAsync").catch(() => "");
  if (!subject && letter.subject && item.subject?.setAsync) await officeCall(item.subject, "setAsync", letter.subject);
}

/** Open a new message (Outlook's own compose form) with a rendered letter: for letters to colleagues, which must
 * never go into the draft addressed to customers. */
export function openNewMessage(letter, to, office = globalThis.Office) {
  office.context.mailbox.displayNewMessageForm({
    toRecipients: to,
    subject: letter.subject,
    htmlBody: letter.body_html,
  });
}
