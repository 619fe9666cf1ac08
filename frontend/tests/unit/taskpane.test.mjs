// Task pane logic: fixes applied through Office.js (office-addin-mock), payloads, grouping, strings, API client.
import { test } from "node:test";
import assert from "node:assert/strict";
import { composeItem, officeMock, jsonResponse } from "./helpers.mjs";
import { applyFix, insertLetter, isCompose, readComposeDraft, readSentMessage } from "../../js/outlook.js";
import {
  applyRecipientFix,
  buildIncident,
  collectFields,
  groupBySeverity,
  dismissalNote,
  messageRecipients,
  visibleFindings,
} from "../../js/logic.js";
import { STRINGS, normalizeLocale, pickLabel, setLocale, t } from "../../js/i18n.js";

function withOffice(item) {
  const { office } = officeMock({ item });
  globalThis.Office = office;
  return office;
}

test("move_to_bcc moves exactly the named recipients from To/Cc to Bcc through setAsync", async () => {
  const c = composeItem();
  withOffice(c.item);
  const result = await applyFix(c.item, {
    type: "move_to_bcc",
    recipients: ["L.Gomez@sunpeak.example", "s.mueller@helio-handel.example", "c.huber@alpen-pv.example"],
  });
  assert.deepEqual(result.changed.sort(), ["bcc", "cc", "to"]);
  // To never stays empty: the sender's own address goes there, and the pane says so.
  assert.deepEqual(c.lists().to.map((r) => r.emailAddress), ["alex@acme-trade.example"]);
  assert.equal(result.selfAdded, true);
  assert.deepEqual(c.lists().cc, []);
  assert.deepEqual(
    c.lists().bcc.map((r) => r.emailAddress),
    ["l.gomez@sunpeak.example", "s.mueller@helio-handel.example", "c.huber@alpen-pv.example"],
  );
  assert.equal(c.lists().bcc[0].displayName, "Laura Gómez", "display names are kept");
});

test("move_to_bcc touches only the lists that change", async () => {
  const c = composeItem();
  const result = await applyFix(c.item, { type: "move_to_bcc", recipients: ["c.huber@alpen-pv.example"] });
  assert.equal(result.selfAdded, false, "To still has a recipient");
  assert.deepEqual(c.log.set.map((s) => s.name).sort(), ["bcc", "cc"]);
  assert.deepEqual(c.lists().to.map((r) => r.emailAddress), ["l.gomez@sunpeak.example"]);
});

test("remove_recipient and replace_recipient", async () => {
  const c = composeItem();
  await applyFix(c.item, { type: "remove_recipient", recipient: "s.mueller@helio-handel.example" });
  assert.deepEqual(c.lists().cc.map((r) => r.emailAddress), ["c.huber@alpen-pv.example"]);
  await applyFix(c.item, { type: "replace_recipient", recipient: "l.gomez@sunpeak.example", suggestion: "m.schmidt@solartech.example" });
  assert.deepEqual(c.lists().to.map((r) => r.emailAddress), ["m.schmidt@solartech.example"]);
});

test("remove_attachment finds the attachment by name and removes it by id", async () => {
  const c = composeItem();
  await applyFix(c.item, { type: "remove_attachment", name: "PI_SolarTech_2026-001.pdf" });
  assert.deepEqual(c.log.removed, ["a1"]);
  await assert.rejects(applyFix(c.item, { type: "remove_attachment", name: "nope.pdf" }));
});

test("add_attachment is a reminder and use_template opens the template", async () => {
  const c = composeItem();
  assert.deepEqual(await applyFix(c.item, { type: "add_attachment" }), { reminder: true });
  assert.deepEqual(await applyFix(c.item, { type: "use_template", template: "handoff_internal" }), { template: "handoff_internal" });
  assert.equal(c.log.set.length, 0);
});

test("the compose draft is read through Office.js in the API's shape", async () => {
  const c = composeItem();
  withOffice(c.item);
  assert.ok(isCompose(c.item));
  const draft = await readComposeDraft(c.item);
  assert.equal(draft.from, "alex@acme-trade.example");
  assert.deepEqual(draft.to, [{ email: "l.gomez@sunpeak.example", name: "Laura Gómez" }]);
  assert.deepEqual(draft.attachments, [{ name: "PI_SolarTech_2026-001.pdf", size: 48211, content_type: "application/pdf" }]);
  assert.equal(draft.body_format, "text");
});

test("a sent (read-mode) item becomes the incident's message", async () => {
  const readItem = {
    subject: "PI for order 2026-001",
    from: { emailAddress: "alex@acme-trade.example" },
    to: [{ emailAddress: "l.gomez@sunpeak.example", displayName: "Laura Gómez" }],
    cc: [],
    attachments: [{ id: "x", name: "PI_SolarTech_2026-001.pdf", size: 1, contentType: "application/pdf", isInline: false }],
    body: { getAsync: (coercion, cb) => cb({ status: "succeeded", value: "Dear Michael" }) },
  };
  withOffice(readItem);
  assert.equal(isCompose(readItem), false);
  const message = await readSentMessage(readItem);
  assert.equal(message.body, "Dear Michael");
  assert.deepEqual(messageRecipients(message), [{ email: "l.gomez@sunpeak.example", name: "Laura Gómez" }]);
  const incident = buildIncident({
    message,
    wrong: ["L.Gomez@sunpeak.example"],
    intended: ["m.schmidt@solartech.example", "l.gomez@sunpeak.example", ""],
    locale: "en",
  });
  assert.deepEqual(incident.wrong_recipients, ["l.gomez@sunpeak.example"]);
  assert.deepEqual(incident.intended_recipients, ["m.schmidt@solartech.example"], "a wrong recipient is never also intended");
});

test("a template letter is inserted as HTML at the cursor, and fills an empty subject", async () => {
  const c = composeItem({ subject: "" });
  const office = withOffice(c.item);
  await insertLetter(c.item, { subject: "[Customer Handoff] X", body_html: "<p>Hi</p>", body_text: "Hi" }, office);
  assert.deepEqual(c.log.inserted, [{ data: "<p>Hi</p>", options: { coercionType: "html" } }]);
  assert.equal(c.log.subjectSet, "[Customer Handoff] X");
  const d = composeItem();
  await insertLetter(d.item, { subject: "S", body_html: "<p>Hi</p>" }, office);
  assert.equal(d.log.subjectSet, null, "an existing subject is kept");
});

test("findings are grouped by severity, most severe first, and a dismissal hides one card only", () => {
  const findings = [
    { id: "1", code: "sensitive_external", severity: "low" },
    { id: "2", code: "content_mismatch", severity: "critical" },
    { id: "3", code: "first_time_recipient", severity: "info" },
    { id: "4", code: "sensitive_external", severity: "high" },
  ];
  const groups = groupBySeverity(findings);
  assert.deepEqual(groups.map((g) => g.severity), ["critical", "high", "low", "info"]);
  // Dismissing the low "prices" card leaves the high "costs" card of the same code.
  assert.deepEqual(visibleFindings(findings, new Set(["1"])).map((f) => f.id), ["2", "3", "4"]);
  assert.equal(dismissalNote(findings[0]), "dismissed");
  assert.equal(dismissalNote(findings[3]), "dismissedOnce");
});

test("move_to_bcc without the sender's address leaves To as it would be", () => {
  const lists = { to: [{ emailAddress: "a@x.example" }], cc: [], bcc: [] };
  const after = applyRecipientFix(lists, { type: "move_to_bcc", recipients: ["a@x.example"] });
  assert.deepEqual(after.to, []);
  assert.equal(after.selfAdded, false);
});

test("recipient fixes that do not apply return null", () => {
  assert.equal(applyRecipientFix({ to: [], cc: [], bcc: [] }, { type: "add_attachment" }), null);
});

test("template form values: lists split by line, empty optional fields dropped", () => {
  const fields = [
    { name: "customer", type: "string", required: true },
    { name: "materials", type: "list", required: true },
    { name: "note", type: "text", required: false },
  ];
  const raw = { customer: " SolarTech GmbH ", materials: "PI\n\n catalogue \n", note: "  " };
  assert.deepEqual(collectFields(fields, (n) => raw[n]), { customer: "SolarTech GmbH", materials: ["PI", "catalogue"] });
});

test("every UI string exists in English and Chinese, with the same placeholders", () => {
  const en = STRINGS.en;
  const zh = STRINGS["zh-CN"];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) || []).sort();
  for (const key of Object.keys(en)) assert.deepEqual(holes(zh[key]), holes(en[key]), key);
});

test("locale detection and translation", () => {
  assert.equal(normalizeLocale("zh-Hans-CN"), "zh-CN");
  assert.equal(normalizeLocale("de-DE"), "en");
  setLocale("zh-CN");
  assert.equal(t("fix_move_to_bcc"), "移到密送");
  assert.equal(pickLabel({ en: "Customer", "zh-CN": "客户" }), "客户");
  setLocale("en");
  assert.equal(t("draftsCreated", { count: 2 }), "2 draft(s) created in your Drafts folder.");
  assert.equal(pickLabel({ en: "Customer", "zh-CN": "客户" }), "Customer");
});

test("the API client sends the dev header in the demo and surfaces the error body", async () => {
  globalThis.SENDGUARD_CONFIG = { devUser: "alex@acme-trade.example", apiBase: "http://svc" };
  const { request, ApiError } = await import("../../js/api.js");
  const seen = [];
  const ok = await request("GET", "/v1/templates", undefined, {
    fetchImpl: async (url, init) => {
      seen.push({ url, init });
      return jsonResponse([{ name: "x" }]);
    },
  });
  assert.deepEqual(ok, [{ name: "x" }]);
  assert.equal(seen[0].url, "http://svc/v1/templates");
  assert.equal(seen[0].init.headers["X-Dev-User"], "alex@acme-trade.example");
  await assert.rejects(
    request("DELETE", "/v1/scheduled-sends/1", undefined, {
      fetchImpl: async () => jsonResponse({ error: { code: "conflict", message: "sending began" } }, 409),
    }),
    (err) => err instanceof ApiError && err.status === 409 && err.code === "conflict",
  );
  delete globalThis.SENDGUARD_CONFIG;
});
