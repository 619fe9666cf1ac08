// Browser test of the Gmail demo (/demo/gmail) against a running SendGuard (started by tests/addin/test_gmail_demo.py):
// the add-on's own card JSON drawn in chromium, its fixes applied to the mock draft, the wrong-send recovery.
// Usage: node tests/e2e/gmail.e2e.mjs <base-url> [screenshot-dir]
import assert from "node:assert/strict";
import path from "node:path";
import { chromium } from "playwright-core";

const [base, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
const problems = [];
const offsite = [];
context.on("request", (r) => !r.url().startsWith(base) && offsite.push(r.url()));
const page = await context.newPage();
page.on("pageerror", (e) => problems.push(e.message));
let passed = 0;
async function step(name, fn) {
  await fn();
  passed += 1;
  console.log(`ok - ${name}`);
}

try {
  await step("compose: the add-on's check card, and its Move to Bcc applied to the draft", async () => {
    await page.goto(`${base}/demo/gmail?lang=en`);
    await page.locator(".card[data-name=check]").waitFor();
    assert.match(await page.locator(".card-title").textContent(), /Recipient check/);
    assert.match(await page.locator(".g-cards").textContent(), /Rivals in one mail/);
    if (shots) await page.screenshot({ path: path.join(shots, "gmail-demo-en.png") });
    await page.locator(".card-button", { hasText: "Move to Bcc" }).first().click();
    await page.waitForFunction(() => document.querySelector("#g-bcc").value.includes("l.gomez@sunpeak.example"));
    assert.doesNotMatch(await page.inputValue("#g-to"), /sunpeak/);
  });

  await step("an opened sent message: the wrong-send recovery ends in drafts", async () => {
    await page.click("#g-tab-sent");
    await page.locator(".card[data-name=message]").waitFor();
    await page.locator(".card-button").first().click();
    await page.locator(".card[data-name=wrong]").waitFor();
    await page.locator('input[data-input="wrong"][value="l.gomez@sunpeak.example"]').check();
    await page.locator('[data-input="intended_other"]').fill("m.schmidt@solartech.example");
    await page.locator(".card[data-name=wrong] .card-button").last().click();
    await page.locator(".card[data-name=incident]").waitFor();
    assert.match(await page.locator(".card[data-name=incident]").textContent(), /Critical/);
    assert.doesNotMatch(await page.locator(".card[data-name=incident]").textContent(), /Outlook/, "no Outlook recall in Gmail");
    await page.locator(".card[data-name=incident] .card-button").last().click();
    await page.locator("#g-drafts li").first().waitFor();
    assert.match(await page.locator("#g-drafts").textContent(), /drafts created/);
    assert.equal(await page.locator("#g-back").isVisible(), true);
  });

  await step("the demo and the cards speak Chinese", async () => {
    await page.goto(`${base}/demo/gmail?lang=zh-CN`);
    await page.locator(".card[data-name=check]").waitFor();
    assert.equal(await page.locator("#g-tab-compose").textContent(), "新邮件");
    assert.match(await page.locator(".card-title").textContent(), /收件人检查/);
    if (shots) await page.screenshot({ path: path.join(shots, "gmail-demo-zh-CN.png") });
  });

  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  console.log(`${passed} steps passed`);
} finally {
  await browser.close();
}
