// Incidents: every misdirected send with its severity, status and the steps done. No content is stored, none shown.

import { api } from "../api.js";
import { clear, dropdown, h } from "../dom.js";
import { formatDateTime, locale, t } from "../i18n.js";

const SEVERITY_COLORS = { critical: "danger", high: "severe", medium: "warning", low: "informative" };

export async function incidentsScreen(main) {
  const list = h("div", {});
  const filter = dropdown("status", [["", t("inc.filter.all")], ["open", t("inc.filter.open")], ["closed", t("inc.filter.closed")]], "", { id: "inc-filter", "aria-label": t("inc.filter") });
  async function load() {
    const items = await api("GET", "/v1/incidents", { query: { limit: 200, status: filter.value || "", locale: locale() } });
    renderList(list, items);
  }
  filter.addEventListener("change", load);
  clear(main, h("div", { class: "title-row" }, h("h1", { class: "page-title" }, t("nav.incidents")), filter), h("p", { class: "intro" }, t("inc.privacy")), list);
  await load();
}

function renderList(node, items) {
  if (!items.length) {
    clear(node, h("p", { class: "empty card" }, t("inc.empty")));
    return;
  }
  clear(
    node,
    h(
      "table",
      { class: "grid card", id: "incident-table" },
      h("thead", {}, h("tr", {}, ["when", "severity", "status", "steps", "wrong", "intended", "documents"].map((c) => h("th", { scope: "col" }, t(`inc.col.${c}`))))),
      h(
        "tbody",
        {},
        items.map((incident) => {
          const done = incident.steps.filter((s) => s.done).length;
          return h(
            "tr",
            {},
            h("td", { class: "nowrap" }, formatDateTime(incident.created_at)),
            h("td", {}, h("fluent-badge", { appearance: "filled", color: SEVERITY_COLORS[incident.severity.level] }, t(`sev.${incident.severity.level}`))),
            h("td", {}, h("fluent-badge", { appearance: "tint", color: incident.status === "open" ? "brand" : "subtle" }, t(`inc.status.${incident.status}`))),
            h(
              "td",
              { class: "steps-cell" },
              h(
                "details",
                {},
                h(
                  "summary",
                  {},
                  h("span", { class: "steps-track" }, h("span", { class: "steps-fill", style: `width:${(done / Math.max(1, incident.steps.length)) * 100}%` })),
                  t("inc.stepsDone", { done, total: incident.steps.length }),
                ),
                h(
                  "ul",
                  { class: "steps" },
                  incident.steps.map((s) => h("li", { class: s.done ? "done" : "todo" }, h("span", { "aria-hidden": "true" }, s.done ? "✓ " : "○ "), s.title)),
                ),
              ),
            ),
            h("td", {}, addresses(incident.wrong_recipients)),
            h("td", {}, addresses(incident.intended_recipients)),
            h("td", {}, addresses(incident.document_names)),
          );
        }),
      ),
    ),
  );
}

/** One address per line, breakable only after the @ (never in the middle of a name). */
function addresses(list) {
  if (!list.length) return t("common.none");
  return list.map((item) => {
    const at = item.indexOf("@");
    return h("div", {}, at > 0 ? [item.slice(0, at + 1), h("wbr"), item.slice(at + 1)] : item);
  });
}
