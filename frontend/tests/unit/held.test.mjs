// Held sends in the task pane: what the held-sends answer shows, the API calls, and the strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonResponse } from "./helpers.mjs";
import { heldSendsView } from "../../js/logic.js";
import { STRINGS, setLocale, t } from "../../js/i18n.js";

const row = (id, minutes) => ({
  id,
  to: ["m.schmidt@solartech.example"],
  subject: `Quote ${id}`,
  deliver_at: new Date(Date.now() + minutes * 60000).toISOString(),
});

test("held messages are listed soonest first", () => {
  const view = heldSendsView({ status: "fulfilled", value: [row("later", 10), row("soon", 2)] });
  assert.equal(view.show, true);
  assert.equal(view.error, null);
  assert.deepEqual(view.rows.map((r) => r.id), ["soon", "later"]);
});

test("404 (not deployed) and 422 (a provider that cannot hold, e.g. Gmail) hide the held part quietly", async () => {
  const { ApiError } = await import("../../js/api.js");
  for (const status of [404, 422]) {
    const view = heldSendsView({ status: "rejected", reason: new ApiError(status, "provider_cannot_hold", "x") });
    assert.deepEqual(view, { show: false, error: null, rows: [] }, String(status));
  }
  const outage = new ApiError(503, "mailbox_unavailable", "The mailbox service is unavailable");
  const view = heldSendsView({ status: "rejected", reason: outage });
  assert.equal(view.show, false);
  assert.equal(view.error, outage, "another error is reported, not swallowed");
});

test("the API client lists held sends and cancels one by its (encoded) mailbox id", async () => {
  globalThis.SENDGUARD_CONFIG = { devUser: "alex@acme-trade.example", apiBase: "http://svc" };
  const { api, ApiError } = await import("../../js/api.js");
  const seen = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    seen.push({ url, method: init.method });
    if (init.method === "DELETE" && url.includes("late")) {
      return jsonResponse({ error: { code: "already_sent", message: "Too late", details: null } }, 409);
    }
    return jsonResponse(init.method === "GET" ? [row("a", 3)] : row("AAMk/x+y=", 3));
  };
  try {
    assert.equal((await api.heldSends())[0].id, "a");
    await api.cancelHeldSend("AAMk/x+y=");
    await assert.rejects(api.cancelHeldSend("late"), (err) => err instanceof ApiError && err.code === "already_sent");
  } finally {
    globalThis.fetch = realFetch;
    delete globalThis.SENDGUARD_CONFIG;
  }
  assert.deepEqual(seen.slice(0, 2), [
    { url: "http://svc/v1/held-sends", method: "GET" },
    { url: "http://svc/v1/held-sends/AAMk%2Fx%2By%3D", method: "DELETE" },
  ]);
});

test("held-send strings in English and Chinese", () => {
  setLocale("zh-CN");
  assert.equal(t("backToDrafts"), "退回草稿");
  assert.equal(t("backToDraftsLabel", { subject: "报价" }), "把“报价”退回草稿箱，不再发送");
  setLocale("en");
  assert.equal(t("backToDrafts"), "Back to Drafts");
  assert.equal(t("heldUntil", { when: "10:05" }), "Held until 10:05");
  for (const key of ["heldUntil", "noSubject", "backToDrafts", "backToDraftsLabel", "movedToDrafts", "heldTooLate"]) {
    assert.ok(STRINGS.en[key] && STRINGS["zh-CN"][key], key);
  }
});
