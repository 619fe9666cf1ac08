// The admin console's two languages: the same keys, Chinese text in the Chinese table, and a formatter that fills
// every placeholder.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LOCALES, codeName, setLocale, t } from "../../admin/src/i18n.js";
import { niceScale } from "../../admin/src/chart.js";

globalThis.document = { documentElement: {} };

test("every English string has a Chinese one, written in Chinese", () => {
  const en = LOCALES.en;
  const zh = LOCALES["zh-CN"];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const notChinese = Object.entries(zh).filter(([key, text]) => !/[\u4e00-\u9fff]/.test(text) && key !== "common.none");
  assert.deepEqual(notChinese, []);
});

test("placeholders are filled and both languages use the same ones", () => {
  for (const [key, text] of Object.entries(LOCALES.en)) {
    const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(LOCALES["zh-CN"][key]), names(text), key);
  }
  setLocale("zh-CN");
  assert.equal(t("dir.count", { from: 1, to: 25, total: "3,000" }), "第 1–25 条，共 3,000 条");
  assert.equal(codeName("rival_exposure"), "竞争客户互相可见");
  assert.equal(codeName("brand_new_rule"), "brand_new_rule");
  setLocale("en");
  assert.equal(t("sev.critical"), "Critical");
});

test("chart axes end on round numbers", () => {
  assert.deepEqual(niceScale(37), { top: 40, step: 10 });
  assert.deepEqual(niceScale(3), { top: 3, step: 1 });
  assert.deepEqual(niceScale(0), { top: 4, step: 1 });
  assert.deepEqual(niceScale(1234), { top: 1500, step: 500 });
});
