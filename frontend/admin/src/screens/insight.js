// Insight: what users do with each finding, week by week, and incidents by severity.

import { api } from "../api.js";
import { stackedBars } from "../chart.js";
import { clear, dropdown, h } from "../dom.js";
import { codeName, formatNumber, formatWeek, t } from "../i18n.js";

const OUTCOMES = [
  { key: "fixed", color: "#107c10" },
  { key: "sent_anyway", color: "#f7630c" },
  { key: "dismissed", color: "#c50f1f" },
  { key: "cancelled", color: "#8a8886" },
  { key: "pending", color: "#d1d1d1" },
];
const LEVELS = ["critical", "high", "medium", "low"];
const LEVEL_COLORS = { critical: "#a4262c", high: "#d13438", medium: "#f7630c", low: "#8a8886" };

export async function insightScreen(main) {
  const state = { weeks: 12, code: "" };
  const body = h("div", { class: "insight-body" });
  const weeks = dropdown("weeks", [4, 12, 26, 52].map((n) => [String(n), t("insight.weeksN", { n })]), "12", { id: "insight-weeks", "aria-label": t("insight.weeks") });
  weeks.addEventListener("change", () => {
    state.weeks = Number(weeks.value) || 12;
    load();
  });
  async function load() {
    const data = await api("GET", "/v1/insight", { query: { weeks: state.weeks } });
    renderInsight(body, data, state, load);
  }
  clear(main, h("div", { class: "title-row" }, h("h1", { class: "page-title" }, t("nav.insight")), weeks), body);
  await load();
}

function renderInsight(node, data, state, reload) {
  const checks = data.checks_per_week.reduce((a, b) => a + b, 0);
  const incidents = Object.values(data.incidents_by_severity).reduce((a, b) => a + b, 0);
  const stats = h(
    "div",
    { class: "stats" },
    stat(t("insight.checks"), checks),
    stat(t("insight.col.fired"), data.codes.reduce((a, c) => a + c.fired, 0)),
    stat(t("insight.col.dismissed"), data.codes.reduce((a, c) => a + c.dismissed, 0)),
    stat(t("nav.incidents"), incidents),
  );
  if (!checks && !incidents) {
    clear(node, stats, h("p", { class: "empty card" }, t("insight.empty")));
    return;
  }
  const codePicker = dropdown("code", [["", t("insight.allCodes")], ...data.codes.map((c) => [c.code, codeName(c.code)])], state.code, { id: "insight-code", "aria-label": t("insight.col.code") });
  codePicker.addEventListener("change", () => {
    state.code = codePicker.value || "";
    renderInsight(node, data, state, reload);
  });
  clear(
    node,
    stats,
    h("section", { class: "card" }, h("div", { class: "title-row" }, h("h2", {}, t("insight.chartTitle")), codePicker), chart(data, state.code), legend()),
    h("div", { class: "two-cards" }, codesTable(data), incidentsCard(data)),
  );
}

function stat(label, value) {
  return h("div", { class: "card stat" }, h("div", { class: "stat-value" }, formatNumber(value)), h("div", { class: "muted" }, label));
}

function chart(data, code) {
  const rows = data.series.filter((s) => !code || s.code === code);
  const pending = (r) => r.fired - r.fixed - r.sent_anyway - r.dismissed - r.cancelled;
  const series = OUTCOMES.map((o) => ({
    ...o,
    label: t(`insight.col.${o.key}`),
    values: data.weeks.map((week) =>
      rows.filter((r) => r.week === week).reduce((sum, r) => sum + (o.key === "pending" ? pending(r) : r[o.key]), 0),
    ),
  }));
  return stackedBars({ labels: data.weeks.map(formatWeek), series, title: t("insight.chartTitle"), format: formatNumber });
}

function legend() {
  return h(
    "ul",
    { class: "legend" },
    OUTCOMES.map((o) => h("li", {}, h("span", { class: "swatch", style: `background:${o.color}` }), t(`insight.col.${o.key}`))),
  );
}

function codesTable(data) {
  const highlighted = data.codes.some((c) => c.mostly_dismissed);
  return h(
    "section",
    { class: "card" },
    h("h2", {}, t("insight.byCode")),
    highlighted ? h("fluent-message-bar", { intent: "warning", id: "mostly-dismissed" }, t("insight.mostly")) : null,
    h(
      "table",
      { class: "grid", id: "codes-table" },
      h("thead", {}, h("tr", {}, ["code", "fired", "fixed", "sent_anyway", "dismissed", "rate"].map((c) => h("th", { scope: "col", class: c === "code" ? "" : "num" }, t(`insight.col.${c}`))))),
      h(
        "tbody",
        {},
        data.codes.map((c) =>
          h(
            "tr",
            { class: c.mostly_dismissed ? "highlight" : "", dataset: { code: c.code } },
            h("td", {}, codeName(c.code), c.mostly_dismissed ? h("fluent-badge", { appearance: "tint", color: "danger", class: "inline-badge" }, t("insight.mostlyBadge")) : null),
            ...["fired", "fixed", "sent_anyway", "dismissed"].map((k) => h("td", { class: "num" }, formatNumber(c[k]))),
            h("td", { class: "num" }, rateBar(c.dismiss_rate)),
          ),
        ),
      ),
    ),
  );
}

function rateBar(rate) {
  const percent = Math.round(rate * 100);
  return h("span", { class: "rate" }, h("span", { class: "rate-track" }, h("span", { class: "rate-fill", style: `width:${percent}%` })), `${percent}%`);
}

function incidentsCard(data) {
  const max = Math.max(1, ...Object.values(data.incidents_by_severity));
  const total = Object.values(data.incidents_by_severity).reduce((a, b) => a + b, 0);
  return h(
    "section",
    { class: "card", id: "incidents-by-severity" },
    h("h2", {}, t("insight.incidents")),
    total
      ? h(
          "div",
          { class: "hbars" },
          LEVELS.map((level) => {
            const n = data.incidents_by_severity[level] || 0;
            return h(
              "div",
              { class: "hbar" },
              h("span", { class: "hbar-label" }, t(`sev.${level}`)),
              h("span", { class: "hbar-track" }, h("span", { class: "hbar-fill", style: `width:${(n / max) * 100}%;background:${LEVEL_COLORS[level]}` })),
              h("span", { class: "num" }, formatNumber(n)),
            );
          }),
        )
      : h("p", { class: "empty" }, t("insight.noIncidents")),
  );
}
