// The on-send handler: every path ends in exactly one event.completed(...), within Outlook's budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  LAUNCHEVENT_SOURCE,
  composeItem,
  jsonResponse,
  loadLaunchEvent,
  memoryStorage,
  officeMock,
  send,
} from "./helpers.mjs";

const WARN = {
  check_id: "7d2c8f0e-0000-4000-8000-000000000001",
  verdict: "warn",
  summary:
    "PI_SolarTech_2026-001.pdf names SolarTech GmbH but goes to SunPeak Energy (a rival of SolarTech GmbH). " +
    "SunPeak Energy and SolarTech GmbH compete with each other and would see each other's addresses.",
  hold_minutes: 0,
  findings: [
    { code: "rival_exposure", severity: "critical", title: "Rival customers in the same mail", message: "m", recipients: [], evidence: [], fixes: [] },
    { code: "content_mismatch", severity: "critical", title: "Content belongs to another customer", message: "m", recipients: [], evidence: [], fixes: [] },
    { code: "owner_mismatch", severity: "info", title: "Customer owned by a colleague", message: "m", recipients: [], evidence: [], fixes: [] },
  ],
};

function setup({ response, fetchImpl, displayLanguage, roaming, localStorage, throwOnItem, itemOverrides } = {}) {
  const compose = composeItem(itemOverrides);
  const { office, associated } = officeMock({ item: compose.item, displayLanguage, roaming, throwOnItem });
  const requests = [];
  const fetch =
    fetchImpl ??
    (async (url, init) => {
      requests.push({ url, init });
      if (url.endsWith("/v1/policy")) return jsonResponse({ fail_mode: "open" });
      return typeof response === "function" ? response(url, init) : response;
    });
  loadLaunchEvent({ office, fetch, localStorage });
  return { handler: associated.onMessageSendHandler, compose, requests, office };
}

test("is self-contained: no imports or requires, and registers itself with Office.actions.associate", () => {
  assert.doesNotMatch(LAUNCHEVENT_SOURCE, /^\s*import\s/m);
  assert.doesNotMatch(LAUNCHEVENT_SOURCE, /\brequire\(/);
  assert.doesNotMatch(LAUNCHEVENT_SOURCE, /\bexport\s/);
  const { handler } = setup({ response: jsonResponse({ ...WARN, verdict: "ok", findings: [] }) });
  assert.equal(typeof handler, "function");
});

test("an ok verdict allows the send, after asking the service with trigger send and client outlook", async () => {
  const { handler, requests } = setup({ response: jsonResponse({ ...WARN, verdict: "ok", findings: [] }) });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
  const check = requests.find((r) => r.url === "https://sendguard.example/v1/drafts/check");
  assert.ok(check, "the check was posted");
  const body = JSON.parse(check.init.body);
  assert.equal(body.client, "outlook");
  assert.equal(body.trigger, "send");
  assert.equal(body.locale, "en");
  assert.deepEqual(body.draft.to, [{ email: "l.gomez@sunpeak.example", name: "Laura Gómez" }]);
  assert.equal(body.draft.cc.length, 2);
  assert.equal(body.draft.subject, "PI for order 2026-001");
  assert.equal(body.draft.body, "Dear Laura, please find attached the PI.");
  assert.equal(body.draft.from, "alex@acme-trade.example");
  // inline images are not attachments the user chose
  assert.deepEqual(body.draft.attachments.map((a) => a.name), ["PI_SolarTech_2026-001.pdf"]);
  assert.ok(check.init.signal, "the request can be aborted");
});

test("warn: blocks with a summary, markdown, cancel label, task pane command and a prompt-user override", async () => {
  const { handler } = setup({ response: jsonResponse(WARN) });
  const calls = await send(handler);
  assert.equal(calls.length, 1);
  const o = calls[0].options;
  assert.equal(o.allowEvent, false);
  // The prompt is the service's summary as it is: one sentence per problem, never a list of card titles.
  assert.equal(o.errorMessage, WARN.summary);
  assert.ok(o.errorMessage.length <= 500);
  assert.match(o.errorMessageMarkdown, /^\*\*PI\\_SolarTech\\_2026-001\.pdf names SolarTech GmbH/);
  for (const finding of WARN.findings) {
    assert.doesNotMatch(o.errorMessage, new RegExp(finding.title), "titles are not the prompt");
  }
  assert.equal(o.cancelLabel, "Review in SendGuard");
  assert.equal(o.commandId, "SendGuardComposeButton");
  assert.equal(o.sendModeOverride, "promptUser");
});

test("block: no override, so Outlook keeps the soft block until the user fixes the mail", async () => {
  const { handler } = setup({ response: jsonResponse({ ...WARN, verdict: "block" }) });
  const [call] = await send(handler);
  assert.equal(call.options.allowEvent, false);
  assert.equal(call.options.sendModeOverride, undefined);
  assert.equal(call.options.commandId, "SendGuardComposeButton");
});

test("messages longer than 500 characters are cut to 500", async () => {
  const { handler } = setup({ response: jsonResponse({ ...WARN, summary: "x".repeat(900) }) });
  const [call] = await send(handler);
  assert.equal(call.options.errorMessage.length, 500);
  assert.ok(call.options.errorMessageMarkdown.length <= 500);
});

test("hold_minutes > 0 delays delivery before the send is allowed", async () => {
  const { handler, compose } = setup({ response: jsonResponse({ ...WARN, verdict: "ok", findings: [], hold_minutes: 5 }) });
  const before = Date.now();
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
  assert.ok(compose.log.delay instanceof Date, "delayDeliveryTime.setAsync got a Date");
  const delta = compose.log.delay.getTime() - before;
  assert.ok(delta >= 5 * 60 * 1000 - 1000 && delta <= 5 * 60 * 1000 + 5000, `held ~5 minutes, got ${delta} ms`);
});

test("a checked message carries its check id, so the sent-mail watch does not report it again", async () => {
  const { handler, compose } = setup({ response: jsonResponse(WARN) });
  await send(handler);
  assert.deepEqual(compose.log.headers, { "X-SendGuard-Check": WARN.check_id });
});

test("a blocked message is not stamped: it does not leave as it is", async () => {
  const { handler, compose } = setup({ response: jsonResponse({ ...WARN, verdict: "block" }) });
  await send(handler);
  assert.deepEqual(compose.log.headers, {});
});

test("no hold when hold_minutes is 0", async () => {
  const { handler, compose } = setup({ response: jsonResponse({ ...WARN, verdict: "ok", findings: [] }) });
  await send(handler);
  assert.equal(compose.log.delay, null);
});

test("Chinese Outlook: Chinese labels and locale zh-CN sent to the service", async () => {
  let sentLocale = null;
  const { handler } = setup({
    displayLanguage: "zh-CN",
    response: (url, init) => {
      sentLocale = JSON.parse(init.body).locale;
      return jsonResponse(WARN);
    },
  });
  const [call] = await send(handler);
  assert.equal(sentLocale, "zh-CN");
  assert.equal(call.options.cancelLabel, "在 SendGuard 中查看");
});

test("unreachable service, fail_mode open (the default): the mail goes", async () => {
  const { handler } = setup({ fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
});

test("unreachable service, fail_mode closed cached in roamingSettings: blocked with a clear message", async () => {
  const { handler } = setup({
    roaming: { "sendguard.policy": { fail_mode: "closed" } },
    fetchImpl: async () => { throw new TypeError("Failed to fetch"); },
  });
  const [call, ...rest] = await send(handler);
  assert.equal(rest.length, 0);
  assert.equal(call.options.allowEvent, false);
  assert.match(call.options.errorMessage, /could not check this message/);
});

test("fail_mode closed cached in localStorage (HTML runtime) is honoured too", async () => {
  const { handler } = setup({
    localStorage: memoryStorage({ "sendguard.policy": JSON.stringify({ fail_mode: "closed" }) }),
    fetchImpl: async () => { throw new TypeError("Failed to fetch"); },
  });
  const [call] = await send(handler);
  assert.equal(call.options.allowEvent, false);
});

test("a server error follows the fail mode", async () => {
  const { handler } = setup({ response: jsonResponse({ error: { code: "internal" } }, 500) });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
});

function unavailable(retryAfter) {
  const response = jsonResponse({ error: { code: "index_unavailable", message: "m", details: null } }, 503);
  response.headers = { get: (name) => (name.toLowerCase() === "retry-after" ? retryAfter : null) };
  return response;
}

test("a 503 with a short Retry-After is tried once more after that wait, and its answer decides", async () => {
  const answers = [unavailable("1"), jsonResponse(WARN)];
  const { handler, requests } = setup({ response: () => answers.shift() });
  const calls = await send(handler);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].options.allowEvent, false, "the second answer (warn) blocked the send");
  assert.equal(calls[0].options.errorMessage, WARN.summary);
  assert.ok(calls[0].ms >= 1000 && calls[0].ms < 3500, `completed after ${calls[0].ms} ms`);
  assert.equal(requests.filter((r) => r.url.endsWith("/v1/drafts/check")).length, 2);
});

test("a second 503 follows the fail mode: one retry only, inside the time budget", async () => {
  const requests = [];
  const { handler } = setup({
    fetchImpl: async (url) => {
      requests.push({ url });
      return url.endsWith("/v1/policy") ? jsonResponse({ fail_mode: "closed" }) : unavailable("0");
    },
  });
  const calls = await send(handler);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].options.allowEvent, false, "blocked: the policy says closed");
  assert.ok(calls[0].ms < 1000, `completed after ${calls[0].ms} ms`);
  assert.equal(requests.filter((r) => r.url.endsWith("/v1/drafts/check")).length, 2);
});

test("a 503 without Retry-After, or with a long one, is not retried", async () => {
  for (const retryAfter of [null, "30", "soon"]) {
    const { handler, requests } = setup({ response: () => unavailable(retryAfter) });
    const calls = await send(handler);
    assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }], `Retry-After ${retryAfter}`);
    assert.equal(requests.filter((r) => r.url.endsWith("/v1/drafts/check")).length, 1, `Retry-After ${retryAfter}`);
  }
});

test("a malformed answer follows the fail mode", async () => {
  const { handler } = setup({ response: jsonResponse({ verdict: "maybe" }) });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
});

test("a hanging service: aborted and completed inside the time budget (well under Outlook's 5 s)", async () => {
  let aborted = false;
  const { handler } = setup({
    roaming: { "sendguard.policy": { fail_mode: "closed" } },
    fetchImpl: (url, init) =>
      new Promise((resolve, reject) => {
        init.signal?.addEventListener("abort", () => {
          aborted = true;
          reject(new Error("aborted"));
        });
      }),
  });
  const calls = await send(handler, { settleMs: 300 });
  assert.equal(calls.length, 1, "completed exactly once");
  assert.equal(calls[0].options.allowEvent, false);
  assert.ok(calls[0].ms >= 3000 && calls[0].ms < 4500, `completed after ${calls[0].ms} ms`);
  assert.ok(aborted, "the request was aborted");
});

test("an Office error reading the item still completes the event", async () => {
  const { handler } = setup({ itemOverrides: { failGet: "cc" }, response: jsonResponse(WARN) });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
});

test("a thrown error (no item at all) still completes the event, by the fail mode", async () => {
  const { handler } = setup({ throwOnItem: true, response: jsonResponse(WARN) });
  const calls = await send(handler);
  assert.deepEqual(calls.map((c) => c.options), [{ allowEvent: true }]);
  const closed = setup({ throwOnItem: true, roaming: { "sendguard.policy": { fail_mode: "closed" } }, response: jsonResponse(WARN) });
  const [call] = await send(closed.handler);
  assert.equal(call.options.allowEvent, false);
});

test("a thrown error inside fetch itself (synchronous) still completes the event", async () => {
  const { handler } = setup({ fetchImpl: () => { throw new Error("sync boom"); } });
  const calls = await send(handler);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].options.allowEvent, true);
});

test("the policy answer is cached for the next time the service cannot be reached", async () => {
  const roaming = {};
  const compose = composeItem();
  const { office, associated } = officeMock({ item: compose.item, roaming });
  loadLaunchEvent({
    office,
    fetch: async (url) =>
      url.endsWith("/v1/policy") ? jsonResponse({ fail_mode: "closed" }) : jsonResponse({ ...WARN, verdict: "ok", findings: [] }),
  });
  await send(associated.onMessageSendHandler);
  assert.equal(roaming["sendguard.policy"].fail_mode, "closed");
});

test("the dev header is sent when configured (the demo); a bearer token from Office SSO otherwise", async () => {
  const compose = composeItem();
  const seen = [];
  const fetch = async (url, init) => {
    seen.push(init.headers);
    return jsonResponse({ ...WARN, verdict: "ok", findings: [] });
  };
  const dev = officeMock({ item: compose.item });
  loadLaunchEvent({ office: dev.office, fetch, config: { apiBase: "http://x", devUser: "alex@acme-trade.example" } });
  await send(dev.associated.onMessageSendHandler);
  assert.equal(seen.at(-1)["X-Dev-User"], "alex@acme-trade.example");

  const sso = officeMock({ item: compose.item });
  sso.office.auth = { getAccessToken: async () => "tok-123" };
  loadLaunchEvent({ office: sso.office, fetch, config: { apiBase: "http://x" } });
  await send(sso.associated.onMessageSendHandler);
  assert.equal(seen.at(-1).Authorization, "Bearer tok-123");
});
