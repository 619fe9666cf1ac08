// Browser test of the admin console's "Learn from mail" tab (started by tests/admin/test_learn_browser.py).
// Usage: node tests/e2e/learn.e2e.mjs <base-url> <screenshot-dir>
// The service holds a finished learning job; the administrator reviews its proposal, accepts two organizations
// (one with another kind than suggested), then one suggested rival group with its organizations, then one merge
// of a company's two domains.
import assert from "node:assert/strict";
import path from "node:path";
import { chromium } from "playwright-core";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node tests/e2e/learn.e2e.mjs <base-url> <screenshot-dir>");
  process.exit(2);
}
const ADMIN = { "X-Dev-User": "admin@acme-trade.example", "X-Dev-Role": "admin" };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
const problems = [];
const page = await context.newPage();
page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
page.on("console", (msg) => {
  if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
});

let passed = 0;
async function step(name, fn) {
  await fn();
  passed += 1;
  console.log(`ok - ${name}`);
}

async function apiGet(pathname) {
  const response = await fetch(new URL(pathname, base), { headers: ADMIN });
  assert.equal(response.status, 200, `${pathname}: ${response.status}`);
  return response.json();
}

try {
  let chosen = [];
  await step("the proposal is shown as new / changed organizations with confidence", async () => {
    await page.goto(`${base}/admin?lang=en&user=admin@acme-trade.example#directory/learn`);
    await page.locator("#learn-review tbody tr").first().waitFor();
    assert.match(await page.locator("#learn-job-status").innerText(), /Ready for review/);
    const rows = page.locator("#learn-review tbody tr[data-status='new']");
    assert.ok((await rows.count()) >= 5, "new organizations listed");
    assert.match(await rows.first().innerText(), /\d+ %/);
    assert.match(await rows.first().innerText(), /suggested: \w+, \d+ %/);
    assert.ok((await page.locator("#learn-rivals tbody tr").count()) >= 1, "rival suggestions listed");
    const first = await rows.first().locator("td").nth(1).innerText();
    const before = await apiGet(`/v1/organizations?q=${encodeURIComponent(first)}`);
    assert.ok(!before.items.some((o) => o.name === first), "nothing is in the directory before it is accepted");
  });

  await step("only the selected organizations are accepted", async () => {
    const boxes = page.locator("#learn-review input[type=checkbox]:not([disabled])");
    const count = await boxes.count();
    for (let i = 0; i < count; i += 1) await boxes.nth(i).uncheck();
    const rivalBoxes = page.locator("#learn-rivals input[type=checkbox]");
    for (let i = 0; i < (await rivalBoxes.count()); i += 1) await rivalBoxes.nth(i).uncheck();
    const newRows = page.locator("#learn-review tbody tr[data-status='new']");
    for (let i = 0; i < 2; i += 1) {
      await newRows.nth(i).locator("input[type=checkbox]").check();
      chosen.push(await newRows.nth(i).locator("td").nth(1).innerText());
    }
    const suggested = await newRows.nth(0).locator("select.learn-kind").inputValue();
    const other = suggested === "competitor" ? "partner" : "competitor";
    await newRows.nth(0).locator("select.learn-kind").selectOption(other);
    const total = (await apiGet("/v1/organizations?limit=1")).total;
    await page.locator("#learn-accept-selected").click();
    await page.locator("#learn-accepted").waitFor();
    assert.match(await page.locator("#learn-accepted").innerText(), /2 organizations created, 0 updated, 0 skipped/);
    assert.equal((await apiGet("/v1/organizations?limit=1")).total, total + 2);
    for (const name of chosen) {
      const found = await apiGet(`/v1/organizations?q=${encodeURIComponent(name)}`);
      assert.ok(found.items.some((o) => o.name === name), name);
    }
    const first = await apiGet(`/v1/organizations?q=${encodeURIComponent(chosen[0])}`);
    assert.equal(first.items.find((o) => o.name === chosen[0]).kind, other, "the chosen kind is sent");
    await page.screenshot({ path: path.join(shots, "admin-learn-en.png") });
  });

  await step("accepting a rival suggestion gives its organizations one rival group", async () => {
    await page.reload();
    await page.locator("#learn-rivals tbody tr").first().waitFor();
    const boxes = page.locator("#learn-review input[type=checkbox]:not([disabled]), #learn-rivals input[type=checkbox]");
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).uncheck();
    const rival = page.locator("#learn-rivals tbody tr").first();
    await rival.locator("input[type=checkbox]").check();
    const keys = (await rival.getAttribute("data-keys")).split(" ");
    const names = [];
    for (const key of keys) {
      const row = page.locator(`#learn-review tbody tr[data-key="${key}"]`);
      if ((await row.count()) === 0) continue;
      await row.locator("input[type=checkbox]").check();
      names.push(await row.locator("td").nth(1).innerText());
    }
    await page.locator("#learn-accept-selected").click();
    await page.locator("#learn-accepted").waitFor();
    assert.match(await page.locator("#learn-accepted").innerText(), /1 rival groups set/);
    const groups = new Set();
    for (const name of names) {
      const found = await apiGet(`/v1/organizations?q=${encodeURIComponent(name)}`);
      groups.add(found.items.find((o) => o.name === name).rival_group);
    }
    assert.equal(groups.size, 1);
    assert.ok([...groups][0], "a rival group is set");
  });

  await step("a merge shows the domains it joins, how sure and why, and is accepted as one organization", async () => {
    await page.reload();
    const merged = page.locator("#learn-review tbody tr[data-status='merged']").first();
    await merged.waitFor();
    assert.match(await merged.innerText(), /Merged/);
    assert.match(await merged.innerText(), /one company: \S+ \+ \S+ \(\d+ %: [a-z ,]+\)/);
    const boxes = page.locator("#learn-review input[type=checkbox]:not([disabled]), #learn-rivals input[type=checkbox]");
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).uncheck();
    await merged.locator("input[type=checkbox]").check();
    const name = await merged.locator("td").nth(1).innerText();
    await page.locator("#learn-accept-selected").click();
    await page.locator("#learn-accepted").waitFor();
    assert.match(await page.locator("#learn-accepted").innerText(), /1 organizations created/);
    const found = await apiGet(`/v1/organizations?q=${encodeURIComponent(name)}`);
    assert.ok(found.items.find((o) => o.name === name).domains.length >= 2, "both domains on one organization");
  });

  await step("in Chinese, the accepted ones are no longer proposed", async () => {
    await page.goto(`${base}/admin?lang=zh-CN&user=admin@acme-trade.example#directory/learn`);
    await page.locator("#learn-review").waitFor();
    assert.match(await page.locator("#learn-review-area h2").first().innerText(), /建议的更改/);
    assert.match(await page.locator("#learn-rivals-area h2").innerText(), /建议的竞争组/);
    assert.match(await page.locator("#learn-job-status").innerText(), /已接受/);
    const names = await page.locator("#learn-review tbody tr td:nth-child(2)").allInnerTexts();
    for (const name of chosen) assert.ok(!names.includes(name), name);
    await page.screenshot({ path: path.join(shots, "admin-learn-zh-CN.png") });
  });
  assert.deepEqual(problems, []);
  console.log(`${passed} steps passed`);
} finally {
  await browser.close();
}
