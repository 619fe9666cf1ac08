// The unified manifest, validated offline with Microsoft's office-addin-manifest (JSON manifests are checked
// against the schema bundled in @microsoft/app-manifest; only XML manifests go to an online service).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { FRONTEND } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const MANIFEST_DIR = path.resolve(FRONTEND, "..", "addin_manifest", "outlook");
const MANIFEST = path.join(MANIFEST_DIR, "manifest.json");
const CLI = path.join(FRONTEND, "node_modules", "office-addin-manifest", "cli.js");
const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));

function validate(file) {
  // Opt out of the tool's usage-data prompt/telemetry; the validation itself runs offline.
  return spawnSync(process.execPath, [CLI, "validate", file], {
    encoding: "utf8",
    env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    timeout: 60_000,
  });
}

function brokenCopy(mutate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  for (const f of fs.readdirSync(MANIFEST_DIR)) fs.copyFileSync(path.join(MANIFEST_DIR, f), path.join(dir, f));
  const copy = structuredClone(manifest);
  mutate(copy);
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(copy, null, 2));
  return path.join(dir, "manifest.json");
}

test("office-addin-manifest validate accepts manifest.json (offline, bundled schema)", () => {
  const run = validate(MANIFEST);
  assert.equal(run.status, 0, `validate failed:\n${run.stdout}\n${run.stderr}`);
  assert.doesNotMatch(run.stdout + run.stderr, /Error/);
});

test("office-addin-manifest validate rejects a manifest that breaks the schema", () => {
  const missing = validate(brokenCopy((m) => delete m.extensions[0].runtimes[1].code.page));
  assert.notEqual(missing.status, 0, "a runtime without code.page must be rejected");
  const badMode = validate(brokenCopy((m) => (m.extensions[0].autoRunEvents[0].events[0].options.sendMode = "sometimes")));
  assert.notEqual(badMode.status, 0, "an unknown sendMode must be rejected");
});

test("the library call agrees (validateManifest from office-addin-manifest)", async () => {
  const { validateManifest } = require("office-addin-manifest");
  const result = await validateManifest(MANIFEST);
  assert.equal(result.isValid, true, JSON.stringify(result.report));
});

test("on-send: messageSending -> onMessageSendHandler, softBlock, on the event runtime", () => {
  const ext = manifest.extensions[0];
  const [event] = ext.autoRunEvents[0].events;
  assert.deepEqual(event, { type: "messageSending", actionId: "onMessageSendHandler", options: { sendMode: "softBlock" } });
  const runtime = ext.runtimes.find((r) => r.actions.some((a) => a.id === "onMessageSendHandler"));
  assert.equal(runtime.code.page, "https://sendguard.example/addin/commands.html");
  assert.equal(runtime.code.script, "https://sendguard.example/addin/launchevent.js");
  const pane = ext.runtimes.find((r) => r.actions.some((a) => a.type === "openPage"));
  assert.equal(pane.code.page, "https://sendguard.example/addin/taskpane.html");
  for (const r of [ext, ...ext.runtimes, ext.autoRunEvents[0]]) {
    assert.deepEqual(r.requirements.capabilities, [{ name: "Mailbox", minVersion: "1.15" }]);
  }
  const contexts = ext.ribbons.flatMap((r) => r.contexts).sort();
  assert.deepEqual(contexts, ["mailCompose", "mailRead"]);
});

test("the Smart Alerts commandId in launchevent.js names the compose task pane button", () => {
  const source = fs.readFileSync(path.join(FRONTEND, "launchevent.js"), "utf8");
  const commandId = source.match(/COMMAND_ID = "([^"]+)"/)[1];
  const button = manifest.extensions[0].ribbons[0].tabs[0].groups[0].controls[0];
  assert.equal(button.id, commandId);
  assert.ok(manifest.extensions[0].ribbons[0].contexts.includes("mailCompose"));
});

test("zh-CN strings: follow the bundled localization schema, and every key names a manifest string", async () => {
  const file = manifest.localizationInfo.additionalLanguages.find((l) => l.languageTag === "zh-cn").file;
  const zh = JSON.parse(fs.readFileSync(path.join(MANIFEST_DIR, file), "utf8"));
  const schema = JSON.parse(
    fs.readFileSync(
      require.resolve("@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json"),
      "utf8",
    ),
  );
  // ajv cannot compile this bundled schema (one of its patterns is not a valid unicode regex), so its rules are
  // applied directly: required keys, known keys (properties or patternProperties), maximum lengths.
  for (const key of schema.required) assert.ok(key in zh, `missing ${key}`);
  for (const [key, value] of Object.entries(zh)) {
    const direct = schema.properties[key];
    const pattern = Object.entries(schema.patternProperties).find(([p]) => new RegExp(p).test(key));
    assert.ok(direct || pattern, `${key} is not a localizable manifest string`);
    const rule = direct ?? pattern[1];
    assert.equal(typeof value, "string", key);
    if (rule.maxLength) assert.ok(value.length <= rule.maxLength, `${key} is longer than ${rule.maxLength}`);
  }
  assert.equal(schema.additionalProperties, false);
  for (const key of Object.keys(zh).filter((k) => k !== "$schema")) {
    // "extensions[0].ribbons[1].tabs[0].groups[0].label" -> walk the manifest
    const value = key.split(".").reduce((node, part) => {
      const m = part.match(/^(\w+)((?:\[\d+\])*)$/);
      let next = node?.[m[1]];
      for (const idx of m[2].matchAll(/\[(\d+)\]/g)) next = next?.[Number(idx[1])];
      return next;
    }, manifest);
    assert.equal(typeof value, "string", `${key} does not name a string in manifest.json`);
  }
  assert.equal(manifest.localizationInfo.defaultLanguageTag, "en-us");
});

test("the CLI is the one pinned in package.json", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(FRONTEND, "package.json"), "utf8"));
  const installed = JSON.parse(execFileSync(process.execPath, ["-p", "JSON.stringify(require('office-addin-manifest/package.json'))"], { cwd: FRONTEND, encoding: "utf8" }));
  assert.equal(installed.version, pkg.devDependencies["office-addin-manifest"]);
});
