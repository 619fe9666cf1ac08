// Letters to colleagues open a new message in Outlook; they never touch the draft addressed to customers.
import assert from "node:assert/strict";
import { test } from "node:test";

import { openNewMessage } from "../../js/outlook.js";

test("a hand-off opens Outlook's new message form to the colleague", () => {
  const calls = [];
  const office = { context: { mailbox: { displayNewMessageForm: (p) => calls.push(p) } } };
  const letter = { subject: "[Customer Handoff] Helio Handel AG", body_html: "<table></table>", body_text: "" };
  openNewMessage(letter, ["lin.wei@acme-trade.example"], office);
  assert.deepEqual(calls, [
    { toRecipients: ["lin.wei@acme-trade.example"], subject: "[Customer Handoff] Helio Handel AG", htmlBody: "<table></table>" },
  ]);
});
