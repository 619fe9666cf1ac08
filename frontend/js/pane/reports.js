// Sent mail the watch reported after it left (mail sent without the add-in): shown only when there is some.
import { $, el, formatWhen } from "./view.js";
import { api } from "../api.js";
import { getLocale, t } from "../i18n.js";

export async function loadWatchReports() {
  const section = $("watch-reports");
  let reports = [];
  try {
    reports = await api.watchReports(getLocale());
  } catch {
    reports = []; // no watch for this mailbox (not configured, or turned off): nothing to show
  }
  section.hidden = !reports.length;
  $("watch-list").replaceChildren(...reports.map(renderReport));
}

function renderReport(report) {
  const severity = report.severity || "high";
  return el(
    "li",
    { class: `row watch-report sev-${severity}`, "data-report-id": report.id },
    el(
      "span",
      {},
      el("span", { class: "badge", text: t(`severity_${severity}`) }),
      " ",
      el("strong", { text: t("watchSent", { when: formatWhen(report.created_at) }) }),
      el("small", { text: ` ${report.problems.join(" · ")}` }),
    ),
  );
}
