// Import a CSV or Excel file: first a preview of what would be created, updated and rejected, then apply.

import { api } from "../api.js";
import { clear, h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { errorText } from "./directory.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SHOWN = 200;
const COLUMNS = ["organization", "kind", "domains", "aliases", "rival_group", "owner_email", "contact_name", "contact_email", "language", "customer_code", "country"];

function contentType(file) {
  return file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv";
}

export function importPanel(panel) {
  const input = h("input", { type: "file", accept: ".csv,.tsv,.txt,.xlsx", id: "import-file", class: "visually-hidden" });
  const choose = h("fluent-button", { appearance: "primary", id: "import-choose" }, t("import.choose"));
  const result = h("div", { class: "import-result", "aria-live": "polite" });
  choose.addEventListener("click", () => input.click());
  input.addEventListener("change", () => input.files[0] && preview(result, input.files[0]));
  const columns = h(
    "details",
    { class: "columns" },
    h("summary", {}, t("import.columns")),
    h("dl", {}, COLUMNS.map((c) => [h("dt", {}, h("code", {}, c)), h("dd", {}, t(`import.col.${c}`))])),
  );
  clear(panel, h("p", { class: "intro" }, t("import.intro")), columns, h("div", { class: "toolbar" }, choose, input), result);
}

async function send(file, dryRun) {
  return api("POST", "/v1/organizations/import", {
    query: dryRun ? { dry_run: "true" } : {},
    body: await file.arrayBuffer(),
    contentType: contentType(file),
  });
}

async function preview(node, file) {
  clear(node, h("fluent-spinner", { size: "small" }), t("common.loading"));
  let report;
  try {
    report = await send(file, true);
  } catch (error) {
    clear(node, h("fluent-message-bar", { intent: "error", id: "import-error" }, errorText(error)));
    return;
  }
  const creates = report.preview.filter((p) => p.action === "create");
  const updates = report.preview.filter((p) => p.action === "update");
  const apply = h("fluent-button", { appearance: "primary", id: "import-apply", disabled: !(report.created || report.updated || report.contacts_created || report.contacts_updated) }, t("import.apply"));
  apply.addEventListener("click", async () => {
    apply.disabled = true;
    try {
      const done = await send(file, false);
      clear(
        node,
        h(
          "fluent-message-bar",
          { intent: done.errors.length ? "warning" : "success", id: "import-done" },
          t("import.applied", { created: formatNumber(done.created), updated: formatNumber(done.updated), rejected: formatNumber(done.errors.length) }),
        ),
      );
    } catch (error) {
      clear(node, h("fluent-message-bar", { intent: "error", id: "import-error" }, errorText(error)));
    }
  });
  const nothing = !report.created && !report.updated && !report.errors.length && !report.contacts_created && !report.contacts_updated;
  clear(
    node,
    h("p", { class: "muted" }, t("import.file", { name: file.name })),
    nothing ? h("fluent-message-bar", { intent: "info" }, t("import.nothing")) : null,
    h(
      "div",
      { class: "preview", id: "import-preview" },
      column("create", t("import.willCreate"), report.created, creates.map((p) => p.organization), "success"),
      column("update", t("import.willUpdate"), report.updated, updates.map((p) => p.organization), "brand"),
      column(
        "reject",
        t("import.willReject"),
        report.errors.length,
        report.errors.map((e) => `${t("import.line", { line: e.line })}${e.organization ? ` · ${e.organization}` : ""}: ${e.message}`),
        "danger",
      ),
    ),
    h("p", { class: "muted" }, t("import.contacts", { created: formatNumber(report.contacts_created), updated: formatNumber(report.contacts_updated) })),
    h("div", { class: "actions" }, apply),
  );
}

function column(id, title, count, items, color) {
  const shown = items.slice(0, SHOWN);
  return h(
    "section",
    { class: `card preview-col ${id}`, id: `preview-${id}` },
    h("div", { class: "preview-head" }, h("h2", {}, title), h("fluent-badge", { appearance: "filled", color }, formatNumber(count))),
    h(
      "ul",
      {},
      shown.map((text) => h("li", {}, text)),
      count > shown.length ? h("li", { class: "muted" }, t("import.more", { n: formatNumber(count - shown.length) })) : null,
    ),
  );
}
