// Browser test of the /demo page against a running SendGuard (started by tests/addin/test_browser.py).
// Usage: node tests/e2e/demo.e2e.mjs <base-url> [screenshot-dir]
// Drives Debian's chromium with playwright-core (no downloaded browsers, no network besides <base-url>).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const base = process.argv[2];
const shots = process.argv[3];
if (!base) {
  console.error("usage: node tests/e2e/demo.e2e.mjs <base-url> [screenshot-dir]");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ARGS,
  viewport: { width: 1280, height: 900 },
});

const problems = [];
const offsite = [];
context.on("request", (req) => {
  const url = req.url();
  if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("about:")) offsite.push(url);
});

function watch(page) {
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    // Expected HTTP errors (a 404 or 409 the page handles) are logged by Chrome too; anything else is a problem.
    if (msg.type() === "error" && !/the server responded with a status of (404|409)/.test(msg.text())) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
}

const steps = [];
async function step(name, fn) {
  const started = Date.now();
  await fn();
  steps.push(`${name} (${Date.now() - started} ms)`);
  console.log(`ok - ${name}`);
}

async function openDemo(lang) {
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/demo?lang=${lang}`);
  const pane = page.frameLocator("#taskpane");
  return { page, pane };
}

try {
  // ---- compose: the SolarTech PI addressed to a rival, other solar customers in Cc ----
  const { page, pane } = await openDemo("en");

  await step("the demo opens with the SolarTech-PI-to-rival case prefilled", async () => {
    assert.equal(await page.inputValue("#f-to"), "l.gomez@sunpeak.example");
    assert.match(await page.inputValue("#f-cc"), /helio-handel\.example.*alpen-pv\.example/);
    assert.equal(await page.inputValue("#f-subject"), "PI for order 2026-001");
    assert.equal(await page.locator("#f-attachments li").first().getAttribute("data-name"), "PI_SolarTech_2026-001.pdf");
  });

  await step("the task pane checks the draft and shows findings grouped by severity", async () => {
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    await pane.locator('.finding[data-code="content_mismatch"]').waitFor();
    const groups = await pane.locator(".severity-group").evaluateAll((els) => els.map((e) => e.dataset.severity));
    assert.equal(groups[0], "critical");
    const order = ["critical", "high", "medium", "low", "info"];
    assert.deepEqual([...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)), groups, "most severe first");
    const rival = pane.locator('.finding[data-code="rival_exposure"]');
    assert.match(await rival.locator(".evidence").innerText(), /sunpeak\.example/);
    // The summary says what is wrong, naming the file and the customers, not a count of cards.
    assert.match(await pane.locator("#verdict").innerText(), /PI_SolarTech_2026-001\.pdf names SolarTech GmbH but goes to/);
    const titles = await pane.locator(".finding .title").allInnerTexts();
    assert.equal(new Set(titles).size, titles.length, `no two cards share a title: ${titles}`);
  });

  if (shots) {
    await step("screenshot: task pane in English", async () => {
      await page.locator(".pane-frame").screenshot({ path: path.join(shots, "taskpane-en.png") });
      await page.screenshot({ path: path.join(shots, "demo-en.png") });
    });
  }

  await step("Send runs the real on-send handler: a Smart Alert instead of sending", async () => {
    await page.click("#send-btn");
    await page.locator("#smart-alert:not([hidden])").waitFor({ timeout: 10000 });
    const last = JSON.parse(await page.locator("body").getAttribute("data-last-send"));
    assert.equal(last.allowEvent, false);
    assert.equal(last.commandId, "SendGuardComposeButton");
    assert.ok(last.errorMessage.length > 0 && last.errorMessage.length <= 500);
    assert.ok(last.ms < 3500, `the handler finished in ${last.ms} ms`);
    assert.match(await page.locator("#alert-message").innerText(), /names SolarTech GmbH but goes to .*rival of SolarTech/);
    assert.equal(await page.locator("#alert-send").innerText(), "Send anyway");
    await page.click("#alert-close");
    await page.locator("#smart-alert").waitFor({ state: "hidden" });
  });

  await step("Move to Bcc moves the customers in the mock compose window", async () => {
    await pane.locator('.finding[data-code="rival_exposure"] button[data-fix="move_to_bcc"]').click();
    // To never stays empty: the sender's own address takes its place.
    await page.waitForFunction(
      () => document.querySelector("#f-to").value === "alex@acme-trade.example" && document.querySelector("#f-cc").value === "",
    );
    const bcc = await page.inputValue("#f-bcc");
    for (const address of ["l.gomez@sunpeak.example", "s.mueller@helio-handel.example", "c.huber@alpen-pv.example"]) {
      assert.ok(bcc.includes(address), `${address} is in Bcc: ${bcc}`);
    }
    // checked again: the exposure findings are gone
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ state: "detached", timeout: 15000 });
    assert.equal(await pane.locator('.finding[data-code="exposed_recipients"]').count(), 0);
    assert.match(await pane.locator("#check-status").innerText(), /Fixed: Move to Bcc\. Your own address is now in To/);
  });

  await step("Remove the PI attachment through the fix", async () => {
    await pane.locator('.finding[data-code="content_mismatch"] button[data-fix="remove_attachment"]').click();
    await page.locator('#f-attachments li[data-name="PI_SolarTech_2026-001.pdf"]').waitFor({ state: "detached" });
    await pane.locator('.finding[data-code="content_mismatch"]').waitFor({ state: "detached", timeout: 15000 });
  });

  await step("a template form is built from /v1/templates and inserted into the body", async () => {
    await pane.locator("#template-select").selectOption("intro_consent_request");
    const required = await pane.locator("#template-fields [aria-required=true]").count();
    assert.ok(required > 0, "required fields are marked");
    const fields = await pane.locator("#template-fields [name]").evaluateAll((els) =>
      els.map((e) => ({ name: e.name, tag: e.tagName, type: e.type, required: e.required })),
    );
    for (const f of fields.filter((x) => x.required)) {
      const input = pane.locator(`#template-fields [name="${f.name}"]`);
      if (f.tag === "SELECT") continue;
      if (f.type === "date") await input.fill("2026-03-01");
      else if (f.type === "email") await input.fill("m.schmidt@solartech.example");
      else await input.fill("SolarTech GmbH");
    }
    await pane.locator('#template-form button[type="submit"]').click();
    await pane.locator("#template-status.ok").waitFor({ timeout: 10000 });
    assert.match(await page.inputValue("#f-body"), /SolarTech GmbH/);
  });

  await step("a customer owned by a colleague: the hand-off opens a new message to that colleague, filled in", async () => {
    await page.fill("#f-to", "s.mueller@helio-handel.example");
    await page.dispatchEvent("#f-to", "change");
    const bodyBefore = await page.inputValue("#f-body");
    await pane.locator("#check-btn").click();
    const fix = pane.locator('.finding[data-code="owner_mismatch"] button[data-fix="use_template"]');
    await fix.waitFor({ timeout: 15000 });
    await fix.click();
    const submit = pane.locator('#template-form button[type="submit"]');
    await pane.locator('#template-form button[type="submit"]', { hasText: "Write to Lin Wei" }).waitFor({ timeout: 10000 });
    assert.equal(await pane.locator('#template-fields [name="company"]').inputValue(), "Helio Handel AG");
    assert.equal(await pane.locator('#template-fields [name="contact_name"]').inputValue(), "Stefan Müller");
    assert.match(await pane.locator('#template-fields [name="basic_info"]').inputValue(), /Country: AT/);
    for (const name of ["matter", "overview", "source_history", "needs", "materials_sent", "personality", "next_steps"]) {
      await pane.locator(`#template-fields [name="${name}"]`).fill("Order 2026-014");
    }
    await pane.locator('#template-fields [name="takeover_date"]').fill("2026-12-01");
    await submit.click();
    await pane.locator("#template-status.ok").waitFor({ timeout: 10000 }).catch(async (err) => {
      throw new Error(`${err.message}: ${await pane.locator("#template-status").innerText()}`);
    });
    assert.match(await page.locator("#send-result").innerText(), /New message opened to lin\.wei@acme-trade\.example: "\[Customer Handoff\] Helio Handel AG/);
    assert.equal(await page.inputValue("#f-body"), bodyBefore, "the customer draft is untouched");
  });

  await step("read mode: the wrong-recipient flow rates the damage and creates drafts", async () => {
    await page.click("#tab-read");
    await pane.locator("#read-view:not([hidden])").waitFor();
    await pane.locator('input[name="wrong"][value="l.gomez@sunpeak.example"]').check();
    // "Meant for" is suggested, not typed: the greeted contact of the customer the PI names, already ticked.
    const suggested = pane.locator('#intended-list input[name="intended"]').first();
    await pane.locator('#intended-list input[value="m.schmidt@solartech.example"]:checked').waitFor({ timeout: 10000 });
    assert.equal(await suggested.getAttribute("value"), "m.schmidt@solartech.example");
    assert.match(await pane.locator("#intended-list .suggestion-why").first().textContent(), /Suggested/);
    await pane.locator("#assess-btn").click();
    const level = pane.locator("#incident-level");
    await level.waitFor({ timeout: 15000 });
    assert.ok(["high", "critical"].includes(await level.getAttribute("data-level")));
    assert.ok((await pane.locator("#incident-reasons li").count()) > 0, "reasons are listed");
    const steps = pane.locator('#incident-steps input[name="step"]');
    assert.ok((await steps.count()) >= 3, "steps are listed");
    await steps.first().check();
    await pane.locator("#incident-status.ok").waitFor();
    assert.ok((await pane.locator("#incident-drafts li").count()) >= 2, "apology and notice");
    // The letters are German: each says in English what it says.
    assert.match(await pane.locator("#incident-drafts .gloss").first().textContent(), /^In German: apologises to Laura Gómez/);
    await pane.locator("#create-drafts-btn").click();
    await pane.locator("#drafts-status.ok").waitFor({ timeout: 15000 });
    assert.ok((await pane.locator("#drafts-created li").count()) >= 2);
    assert.equal(await pane.locator("#drafts-created li").first().textContent(), "Open the apology to Laura Gómez");
  });

  if (shots) {
    await step("screenshot: recovery flow", async () => {
      await pane.locator("#read-heading").evaluate((e) => e.scrollIntoView({ block: "start" }));
      await page.locator(".pane-frame").screenshot({ path: path.join(shots, "taskpane-recovery-en.png") });
    });
  }
  await page.close();

  // ---- Chinese UI ----
  const zh = await openDemo("zh-CN");
  await step("the task pane speaks Chinese when Outlook does", async () => {
    await zh.pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    assert.equal(await zh.pane.locator("html").getAttribute("lang"), "zh-CN");
    assert.equal(await zh.pane.locator("#check-btn").innerText(), "检查这封草稿");
    assert.equal(
      await zh.pane.locator('.finding[data-code="rival_exposure"] button[data-fix="move_to_bcc"]').innerText(),
      "移到密送",
    );
  });
  if (shots) {
    await step("screenshot: task pane in Chinese", async () => {
      await zh.page.locator(".pane-frame").screenshot({ path: path.join(shots, "taskpane-zh-CN.png") });
    });
  }

  await step("the send prompt and its buttons speak Chinese too", async () => {
    await zh.page.click("#send-btn");
    await zh.page.locator("#smart-alert:not([hidden])").waitFor({ timeout: 10000 });
    assert.match(await zh.page.locator("#alert-message").innerText(), /PI_SolarTech_2026-001\.pdf 提到 SolarTech GmbH/);
    assert.equal(await zh.page.locator("#alert-send").innerText(), "仍然发送");
    assert.equal(await zh.page.locator("#alert-close").innerText(), "暂不发送");
    assert.equal(await zh.page.locator("#send-btn").innerText(), "发送");
    if (shots) await zh.page.screenshot({ path: path.join(shots, "demo-alert-zh-CN.png") });
    await zh.page.click("#alert-close");
  });

  await step("the demo page itself speaks Chinese: tabs, labels and buttons", async () => {
    assert.equal(await zh.page.locator("#tab-compose").innerText(), "新邮件（撰写）");
    assert.equal(await zh.page.locator("#send-btn").innerText(), "发送");
    const chrome = await zh.page.locator(".demo-header, .tabs, #compose-panel label, .compose-actions").allInnerTexts();
    for (const english of ["New message", "Sent message", "Send", "Reset", "Subject", "demo tenant"]) {
      assert.ok(!new RegExp(`\\b${english}\\b`).test(chrome.join(" ")), `"${english}" in the Chinese demo`);
    }
  });

  await step("template choices read as words in Chinese, never codes", async () => {
    await zh.pane.locator("#template-select").selectOption("handoff_customer_notice");
    const options = await zh.pane.locator('#template-fields [name="recipient_gender"] option').allInnerTexts();
    assert.deepEqual(options, ["", "女士", "先生", "不确定：使用全名"]);
    await zh.pane.locator("#template-select").selectOption("");
  });

  await step("keyboard: the first fix button is reachable with Tab and shows a focus ring", async () => {
    const frame = zh.page.frames().find((f) => f.url().includes("taskpane.html"));
    await frame.focus("#check-btn");
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await zh.page.keyboard.press("Tab");
      found = await frame.evaluate(() => document.activeElement?.dataset?.fix === "move_to_bcc");
    }
    assert.ok(found, "Tab reaches the Move to Bcc button");
    const outline = await frame.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");
  });
  await zh.page.close();

  // ---- Dismiss acts on one card: the low "prices" card goes, the high "costs" card of the same code stays ----
  await step("dismissing a low card leaves the high card of the same code, and never silences it later", async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/demo?lang=en`);
    const pane = page.frameLocator("#taskpane");
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    await page.fill("#f-to", "m.schmidt@solartech.example");
    await page.locator("#f-to").dispatchEvent("change");
    await page.fill("#f-cc", "");
    await page.locator("#f-cc").dispatchEvent("change");
    await page.fill("#f-subject", "Prices 2027");
    await page.fill("#f-body", "Dear Michael, the unit price is EUR 0.21/W. Between us: our cost is 0.15/W, margin 4%.");
    while ((await page.locator("#f-attachments li button").count()) > 0) {
      await page.locator("#f-attachments li button").first().click();
    }
    await pane.locator("#check-btn").click();
    const cards = pane.locator('.finding[data-code="sensitive_external"]');
    // The prefilled draft's check had a low card too: wait for this draft's high costs card first.
    await pane.locator('.severity-group[data-severity="high"] .finding[data-code="sensitive_external"]').waitFor({ timeout: 15000 });
    assert.equal(await cards.count(), 2, "a low prices card and a high costs card");
    const low = pane.locator('.severity-group[data-severity="low"] .finding[data-code="sensitive_external"]');
    const highId = await pane.locator('.severity-group[data-severity="high"] .finding[data-code="sensitive_external"]').getAttribute("data-id");
    await low.locator("button[data-dismiss]").click();
    await low.waitFor({ state: "detached" });
    assert.equal(await pane.locator(`.finding[data-id="${highId}"]`).count(), 1, "the high card stays");
    assert.match(await pane.locator("#check-status").innerText(), /only as a note/);
    // The next check shows the dismissed prices as info; the costs stay high.
    await page.waitForTimeout(300);
    await pane.locator("#check-btn").click();
    await pane.locator('.severity-group[data-severity="info"] .finding[data-code="sensitive_external"]').waitFor({ timeout: 15000 });
    assert.equal(await pane.locator(`.severity-group[data-severity="high"] .finding[data-id="${highId}"]`).count(), 1);
    await page.close();
  });

  await step("a dismissed mention of a customer never silences that customer's PI to the same recipient", async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/demo?lang=en`);
    const pane = page.frameLocator("#taskpane");
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    await page.fill("#f-to", "c.rodriguez@bombasandinas.example");
    await page.locator("#f-to").dispatchEvent("change");
    await page.fill("#f-cc", "");
    await page.locator("#f-cc").dispatchEvent("change");
    await page.fill("#f-subject", "Proyecto bombas");
    await page.fill("#f-body", "Hola Carlos, Michael de SolarTech te llamará mañana por el proyecto.");
    while ((await page.locator("#f-attachments li button").count()) > 0) {
      await page.locator("#f-attachments li button").first().click();
    }
    await pane.locator("#check-btn").click();
    // Only this draft has a medium mention (the prefilled one's is critical).
    const mention = pane.locator('.severity-group[data-severity="medium"] .finding[data-code="content_mismatch"]');
    await mention.waitFor({ timeout: 15000 });
    await mention.locator("button[data-dismiss]").click();
    await mention.waitFor({ state: "detached" });
    await page.waitForTimeout(300);
    await page.fill("#f-add-attachment", "PI_SolarTech_2026-001.pdf");
    await page.press("#f-add-attachment", "Enter");
    await pane.locator("#check-btn").click();
    await pane
      .locator('.severity-group[data-severity="critical"] .finding[data-code="content_mismatch"]')
      .waitFor({ timeout: 15000 });
    assert.match(await pane.locator("#verdict").innerText(), /PI_SolarTech_2026-001\.pdf names SolarTech GmbH/);
    await page.close();
  });

  // ---- held and scheduled sends: listed with Cancel; a 409 once sending began; hidden when the API is absent ----
  await step("held sends: cancel, and 'too late' once sending has begun", async () => {
    const page = await context.newPage();
    watch(page);
    const row = {
      id: "11111111-1111-4111-8111-111111111111",
      provider: "fake",
      draft_id: "d1",
      send_at: new Date(Date.now() + 4 * 60 * 1000).toISOString(),
      status: "pending",
      attempts: 0,
      last_error: null,
      created_at: new Date().toISOString(),
    };
    const deletes = [];
    await page.route("**/v1/scheduled-sends**", (route) => {
      const request = route.request();
      if (request.method() === "DELETE") {
        deletes.push(request.url());
        return route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "conflict", message: "Sending has begun.", details: null } }),
        });
      }
      return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify([row]) });
    });
    await page.goto(`${base}/demo?lang=en`);
    const pane = page.frameLocator("#taskpane");
    const item = pane.locator(`#scheduled-list li[data-id="${row.id}"]`);
    await item.waitFor({ timeout: 15000 });
    assert.match(await item.innerText(), /Held/);
    await item.locator("button").click();
    await pane.locator("#scheduled-status.error").waitFor();
    assert.match(await pane.locator("#scheduled-status").innerText(), /Too late to cancel/);
    assert.equal(deletes.length, 1);
    assert.ok(deletes[0].endsWith(`/v1/scheduled-sends/${row.id}`));
    await page.close();
  });

  await step("held sends: the section stays hidden when the service has neither API (404)", async () => {
    const page = await context.newPage();
    watch(page);
    for (const api of ["**/v1/scheduled-sends**", "**/v1/held-sends**"]) {
      await page.route(api, (route) =>
        route.fulfill({ status: 404, contentType: "application/json", body: '{"error":{"code":"not_found","message":"x","details":null}}' }),
      );
    }
    await page.goto(`${base}/demo?lang=en`);
    const pane = page.frameLocator("#taskpane");
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    assert.equal(await pane.locator("#scheduled").isHidden(), true);
    await page.close();
  });

  // ---- a real held send: the policy holds external mail, the on-send handler sets the delivery time ----
  await step("held sends: a held send is listed in the task pane and goes back to Drafts", async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/demo?lang=en`);
    const pane = page.frameLocator("#taskpane");
    await pane.locator('.finding[data-code="rival_exposure"]').waitFor({ timeout: 20000 });
    const setHold = (minutes) =>
      page.evaluate(async (minutes) => {
        const admin = { "X-Dev-User": "boss@acme-trade.example", "X-Dev-Role": "admin" };
        const policy = await (await fetch("/v1/policy", { headers: admin })).json();
        const response = await fetch("/v1/policy", {
          method: "PUT",
          headers: { ...admin, "Content-Type": "application/json" },
          body: JSON.stringify({ ...policy, hold_external_minutes: minutes }),
        });
        return response.status;
      }, minutes);
    assert.equal(await setHold(5), 200);
    try {
      await page.fill("#f-to", "m.schmidt@solartech.example");
      await page.fill("#f-cc", "");
      await page.fill("#f-bcc", "");
      await page.fill("#f-subject", "Delivery schedule");
      await page.fill("#f-body", "Dear Michael, the delivery schedule follows next week. Best regards, Alex");
      while ((await page.locator("#f-attachments li button").count()) > 0) {
        await page.locator("#f-attachments li button").first().click();
      }
      await page.click("#send-btn");
      await page.waitForFunction(
        () => document.body.dataset.heldId || !document.querySelector("#smart-alert").hidden,
        null,
        { timeout: 15000 },
      );
      if (!(await page.locator("#smart-alert").isHidden())) {
        assert.equal(await page.locator("#alert-send").isHidden(), false, "a warning the user may send past");
        await page.click("#alert-send");
      }
      await page.waitForFunction(() => document.body.dataset.heldId, null, { timeout: 10000 });
      const heldId = await page.locator("body").getAttribute("data-held-id");
      const held = pane.locator(`#scheduled-list li[data-held-id="${heldId}"]`);
      await held.waitFor({ timeout: 10000 });
      assert.match(await held.innerText(), /Held until .*Delivery schedule/s);
      const button = held.locator("button");
      assert.equal(await button.innerText(), "Back to Drafts");
      assert.match(await button.getAttribute("aria-label"), /Delivery schedule/);
      await button.click();
      await pane.locator("#scheduled-status.ok").waitFor({ timeout: 10000 });
      assert.match(await pane.locator("#scheduled-status").innerText(), /Moved back to Drafts/);
      await held.waitFor({ state: "detached", timeout: 10000 });
    } finally {
      await setHold(0);
      await page.close();
    }
  });

  assert.deepEqual(offsite, [], "the demo loads nothing from outside the service (no CDN)");
  assert.deepEqual(problems, [], "no page errors");
  console.log(`# ${steps.length} steps passed`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
