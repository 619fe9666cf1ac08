// Browser test of the admin console (/admin) against a running SendGuard (started by tests/admin/test_browser.py).
// Usage: node tests/e2e/admin.e2e.mjs <base-url> <screenshot-dir> <directory.xlsx>
// Drives Debian's chromium with playwright-core; no request may leave <base-url> (no CDN).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const [base, shots, xlsxPath] = process.argv.slice(2);
if (!base || !shots || !xlsxPath) {
  console.error("usage: node tests/e2e/admin.e2e.mjs <base-url> <screenshot-dir> <directory.xlsx>");
  process.exit(2);
}
const ADMIN = { "X-Dev-User": "admin@acme-trade.example", "X-Dev-Role": "admin" };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, timezoneId: "Asia/Shanghai" });
const problems = [];
const offsite = [];
context.on("request", (req) => {
  const url = req.url();
  if (!url.startsWith(base) && !url.startsWith("data:")) offsite.push(url);
});
const page = await context.newPage();
page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
page.on("console", (msg) => {
  if (msg.type() === "error" && !/status of (403|422)/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
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

async function open(hash, lang = "en", extra = "", ready = "#content") {
  await page.goto(`${base}/admin?lang=${lang}${extra}#${hash}`);
  await page.locator(ready).waitFor();
}

async function shot(name) {
  await page.waitForTimeout(150); // let Fluent finish its transitions
  for (const pane of ["#content", "#org-editor"]) {
    if (await page.locator(pane).count()) await page.locator(pane).evaluate((node) => node.scrollTo(0, 0));
  }
  await page.screenshot({ path: path.join(shots, name), fullPage: false });
}

async function typeInto(locator, text) {
  const input = locator.locator("input, textarea").first();
  await input.fill("");
  await input.pressSequentially(text, { delay: 15 });
}

async function pick(dropdown, optionText) {
  await dropdown.click();
  await dropdown.locator("fluent-option", { hasText: optionText }).first().click();
}

const count = () => page.locator("#page-count").textContent();

try {
  await step("directory: search as you type, on the server, page by page", async () => {
    await open("directory");
    await page.locator("#org-table").waitFor();
    const all = await count();
    assert.match(all, /^1–25 of 3,0\d\d$/, all);
    await typeInto(page.locator("#dir-search"), "Trading House 0012");
    await page.waitForFunction(() => document.querySelector("#page-count")?.textContent === "1–10 of 10");
    await typeInto(page.locator("#dir-search"), "");
    await page.waitForFunction((text) => document.querySelector("#page-count")?.textContent === text, all);
    await page.locator("#page-next").click();
    await page.waitForFunction(() => document.querySelector("#page-count")?.textContent.startsWith("26–50 of"));
    await typeInto(page.locator("#dir-search"), "xyzzy-nothing");
    await page.locator(".results .empty").waitFor();
  });

  await step("directory: edit an organization, its code and contacts; bad input is explained", async () => {
    await typeInto(page.locator("#dir-search"), "solartech");
    await page.locator("#org-table tbody tr", { hasText: "SolarTech GmbH" }).click();
    const editor = page.locator("#org-editor");
    await editor.locator("#org-name").waitFor();
    await typeInto(editor.locator('[name="customer_code"]'), "C-1001-DE");
    await page.locator("#contact-add").click();
    const row = editor.locator(".contact-row").last();
    await typeInto(row.locator('[name="c-name"]'), "Jana Vogel");
    await typeInto(row.locator('[name="c-email"]'), "j.vogel@solartech.example");
    await page.locator("#org-save").click();
    await editor.locator("fluent-message-bar[intent=success]").waitFor();
    const saved = (await apiGet("/v1/organizations?q=solartech")).items.find((o) => o.name === "SolarTech GmbH");
    assert.equal(saved.customer_code, "C-1001-DE");
    assert.ok(saved.contacts.some((c) => c.email === "j.vogel@solartech.example" && c.name === "Jana Vogel"));
    await typeInto(editor.locator('[name="country"]'), "D1");
    await page.locator("#org-save").click();
    await editor.locator("#org-error").waitFor();
    assert.match(await editor.locator("#org-error").textContent(), /country/);
    await typeInto(editor.locator('[name="country"]'), "DE");
    await page.locator("#org-save").click();
    await editor.locator("fluent-message-bar[intent=success]").waitFor();
    await shot("admin-directory-en.png");
  });

  await step("directory: rival groups as groups with their members", async () => {
    await open("directory/groups");
    const group = page.locator(".group", { hasText: "solar-dach" });
    await group.waitFor();
    assert.ok((await group.locator(".member").allTextContents()).includes("SunPeak Energy GmbH"));
    await group.locator(".member", { hasText: "SunPeak Energy GmbH" }).click();
    await page.locator("#org-editor #org-name").waitFor();
    await shot("admin-groups-en.png");
  });

  await step("directory: import with a preview before anything is written (CSV with ;, then XLSX)", async () => {
    const csv = path.join(os.tmpdir(), `sendguard-import-${process.pid}.csv`);
    fs.writeFileSync(
      csv,
      "\ufefforganization;kind;domains;aliases;rival_group;owner_email;contact_name;contact_email;language\n" +
        "Sonnenkraft GmbH;customer;sonnenkraft.example;;solar-dach;alex@acme-trade.example;Petra Lang;p.lang@sonnenkraft.example;de\n" +
        "SolarTech GmbH;customer;;SolarTech Bayern;;;;;\n" +
        "Broken Row;friend;;;;;;;\n",
    );
    await open("directory/import");
    await page.locator("#import-file").setInputFiles(csv);
    await page.locator("#import-preview").waitFor();
    assert.match(await page.locator("#preview-create").textContent(), /Sonnenkraft GmbH/);
    assert.match(await page.locator("#preview-update").textContent(), /SolarTech GmbH/);
    assert.match(await page.locator("#preview-reject").textContent(), /Line 4 · Broken Row: kind 'friend'/);
    assert.equal((await apiGet("/v1/organizations?q=sonnenkraft")).total, 0, "the preview wrote nothing");
    await shot("admin-import-en.png");
    await page.locator("#import-apply").click();
    await page.locator("#import-done").waitFor();
    assert.equal((await apiGet("/v1/organizations?q=sonnenkraft")).total, 1);
    await page.locator("#import-file").setInputFiles(xlsxPath);
    await page.locator("#import-preview").waitFor();
    assert.match(await page.locator("#preview-create").textContent(), /Nordlicht Energie AG/);
  });

  await step("policy: every field explained, invalid values stopped in the form, valid ones saved", async () => {
    await open("policy");
    await page.locator("#policy-form").waitFor();
    for (const field of ["bcc_threshold", "large_audience", "internal_domains", "enforcement", "hold_external_minutes", "fail_mode", "suppress_dismissed_days", "sent_mail_watch", "sensitive_terms"]) {
      assert.ok((await page.locator(`[data-field="${field}"] .hint`).textContent()).length > 20, field);
    }
    await typeInto(page.locator("#p-bcc_threshold"), "1");
    await typeInto(page.locator("#p-internal_domains"), "acme-trade.example\nnot a domain");
    await page.locator("#policy-save").click();
    assert.match(await page.locator("#p-bcc_threshold-error").textContent(), /2 to 1000/);
    assert.match(await page.locator("#p-internal_domains-error").textContent(), /not a domain/);
    assert.equal((await apiGet("/v1/policy")).bcc_threshold, 2, "nothing was sent");
    await typeInto(page.locator("#p-bcc_threshold"), "3");
    await typeInto(page.locator("#p-internal_domains"), "acme-trade.example");
    await pick(page.locator("#p-fail_mode"), "Do not send");
    await pick(page.locator('#p-enforcement fluent-dropdown[aria-label="Critical"]'), "Block");
    await page.locator("#policy-save").click();
    await page.locator("#policy-saved").waitFor();
    const policy = await apiGet("/v1/policy");
    assert.equal(policy.bcc_threshold, 3);
    assert.equal(policy.fail_mode, "closed");
    // Fields left alone keep their values (a dropdown nobody touched must not fall back to a default).
    assert.deepEqual(policy.enforcement, { info: "allow", low: "allow", medium: "warn", high: "warn", critical: "block" });
    assert.equal(policy.large_audience, 25);
    assert.equal(policy.sent_mail_watch, true, "the watch switch is kept as it was");
    await shot("admin-policy-en.png");
  });

  await step("insight: a plot per week, codes users mostly dismiss highlighted, incidents by severity", async () => {
    await open("insight");
    await page.locator("#codes-table").waitFor();
    assert.ok((await page.locator("svg.chart rect.bar").count()) >= 4);
    const first = page.locator('#codes-table tr[data-code="first_time_recipient"]');
    assert.match((await first.getAttribute("class")) || "", /highlight/);
    assert.doesNotMatch((await page.locator('#codes-table tr[data-code="lookalike_domain"]').getAttribute("class")) || "", /highlight/);
    assert.match(await page.locator("#incidents-by-severity").textContent(), /Critical/);
    await shot("admin-insight-en.png");
  });

  await step("incidents: severity, status and steps, no content", async () => {
    await open("incidents");
    await page.locator("#incident-table").waitFor();
    assert.equal(await page.locator("#incident-table tbody tr").count(), 3);
    const text = await page.locator("#incident-table").textContent();
    assert.match(text, /Critical/);
    assert.doesNotMatch(text, /please find attached/);
    await page.locator("#incident-table details").first().locator("summary").click();
    await shot("admin-incidents-en.png");
  });

  await step("the whole console in Chinese: no English labels, no codes", async () => {
    const shotsZh = [
      ["directory", "admin-directory-zh-CN.png"],
      ["directory/groups", "admin-groups-zh-CN.png"],
      ["directory/import", "admin-import-zh-CN.png"],
      ["policy", "admin-policy-zh-CN.png"],
      ["insight", "admin-insight-zh-CN.png"],
      ["incidents", "admin-incidents-zh-CN.png"],
    ];
    for (const [hash, name] of shotsZh) {
      await open(hash, "zh-CN");
      await page.waitForLoadState("networkidle");
      if (hash === "directory") {
        await page.locator("#org-table tbody tr", { hasText: "SolarTech GmbH" }).waitFor();
        await typeInto(page.locator("#dir-search"), "solar");
        await page.waitForFunction(() => document.querySelector("#page-count")?.textContent.includes("共"));
        await page.locator("#org-table tbody tr", { hasText: "SolarTech GmbH" }).click();
        await page.locator("#org-editor #org-name").waitFor();
      }
      if (hash === "incidents") await page.locator("#incident-table details").first().locator("summary").click();
      if (hash === "directory/import") {
        await page.locator("details.columns summary").click();
        await page.locator("#import-file").setInputFiles(xlsxPath);
        await page.locator("#import-preview").waitFor();
      }
      // The import's column list names the file's columns and kind values as the file must spell them.
      const text = await page.locator("#app").evaluate((node) => {
        const copy = node.cloneNode(true);
        copy.querySelectorAll("details.columns dl").forEach((n) => n.remove());
        return copy.innerText ?? copy.textContent;
      });
      assert.doesNotMatch(text, /\b(dir|inc|insight|policy|kind|sev|code|import|nav|common)\.[a-z_]+/, `${hash}: an i18n key leaked`);
      for (const english of ["Directory", "Policy", "Insight", "Incidents", "Customer", "Critical", "Save", "Fired", "Open", "Search", "Rival groups"]) {
        assert.ok(!text.includes(english), `${hash}: "${english}" in the Chinese UI`);
      }
      assert.ok(!/\b(first_time_recipient|lookalike_domain|customer|prospect|critical)\b/.test(text), `${hash}: a raw code in the Chinese UI`);
      await shot(name);
    }
    await open("incidents", "zh-CN");
    await page.locator("#incident-table").waitFor();
    assert.match(await page.locator("#incident-table").textContent(), /严重/);
  });

  await step("a member gets 'Admins only', not the console", async () => {
    await open("directory", "en", "&user=alex@acme-trade.example&role=member", ".gate-card");
    assert.match(await page.locator(".gate-card").textContent(), /Admins only/);
    assert.equal(await page.locator("#org-table").count(), 0);
  });

  assert.deepEqual(offsite, [], "requests left the service (CDN?)");
  assert.deepEqual(problems, []);
  console.log(`${passed} steps passed`);
} finally {
  await browser.close();
}
