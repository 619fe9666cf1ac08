// Compose mode: the check, its findings grouped by severity, one-click fixes and dismissals.
import { $, state, el, setStatus, errorText, currentItem } from "./view.js";
import { openTemplate } from "./templates.js";
import { api } from "../api.js";
import { getLocale, t } from "../i18n.js";
import { groupBySeverity, visibleFindings, dismissalNote } from "../logic.js";
import { applyFix, isCompose, readComposeDraft } from "../outlook.js";

export async function runCheck() {
  const item = currentItem();
  if (!isCompose(item)) return;
  $("check-btn").disabled = true;
  setStatus("check-status", t("checking"));
  try {
    const draft = await readComposeDraft(item);
    state.check = await api.check(draft, getLocale());
    state.dismissed = new Set();
    renderFindings();
  } catch (err) {
    state.check = null;
    $("findings").replaceChildren();
    setStatus("check-status", t("checkFailed", { error: errorText(err) }), "error");
  } finally {
    $("check-btn").disabled = false;
  }
}

function fixLabel(fix) {
  const key = `fix_${fix.type}`;
  return t(key, { recipient: fix.recipient ?? "", suggestion: fix.suggestion ?? "", name: fix.name ?? "" });
}

export function renderFindings() {
  const container = $("findings");
  const check = state.check;
  if (!check) {
    container.replaceChildren();
    return;
  }
  const findings = visibleFindings(check.findings, state.dismissed);
  const actionable = findings.filter((f) => f.severity !== "info");
  if (check.verdict === "ok" || actionable.length === 0) {
    setStatus("check-status", "");
    container.replaceChildren(el("p", { class: "verdict ok", role: "status", text: t("verdictOk") }), ...renderGroups(findings));
    return;
  }
  setStatus("check-status", "");
  // The summary names each problem in one sentence, worst first: shown as the service wrote it.
  const verdict = el("p", { class: `verdict ${check.verdict}`, id: "verdict", text: check.summary });
  container.replaceChildren(verdict, ...renderGroups(findings));
}

function renderGroups(findings) {
  return groupBySeverity(findings).map(({ severity, findings: group }) => {
    const headingId = `sev-${severity}-heading`;
    return el(
      "section",
      { class: `severity-group sev-${severity}`, "aria-labelledby": headingId, "data-severity": severity },
      el("h3", { id: headingId }, el("span", { class: "badge", text: t(`severity_${severity}`) }), ` ${group.length}`),
      el("ul", { class: "findings-list" }, group.map(renderFinding)),
    );
  });
}

function renderFinding(finding) {
  const titleId = `finding-${finding.id}-title`;
  const actions = el("div", { class: "actions" });
  for (const fix of finding.fixes || []) {
    actions.append(
      el("button", {
        class: "btn primary",
        type: "button",
        "data-fix": fix.type,
        text: fixLabel(fix),
        onclick: (event) => onFix(event.currentTarget, finding, fix),
      }),
    );
  }
  actions.append(
    el("button", {
      class: "btn",
      type: "button",
      "data-dismiss": finding.id,
      "aria-label": t("dismissLabel", { title: finding.title }),
      text: t("dismiss"),
      onclick: () => onDismiss(finding),
    }),
  );
  const evidence = (finding.evidence || []).length
    ? el(
        "ul",
        { class: "evidence", "aria-label": t("evidence") },
        finding.evidence.map((e) => el("li", { text: e })),
      )
    : null;
  return el(
    "li",
    { class: "finding", "data-code": finding.code, "data-id": finding.id, "aria-labelledby": titleId },
    el("p", { class: "title", id: titleId, text: finding.title }),
    el("p", { class: "message", text: finding.message }),
    evidence,
    actions,
  );
}

async function onFix(button, finding, fix) {
  const item = currentItem();
  button.disabled = true;
  try {
    const result = await applyFix(item, fix);
    if (result.reminder) {
      setStatus("check-status", t("attachReminder"), "ok");
      return;
    }
    if (result.template) {
      await openTemplate(result.template, finding);
      return;
    }
    const checkId = state.check?.check_id;
    setStatus("check-status", t("fixApplied", { fix: fixLabel(fix) }), "ok");
    if (checkId) api.outcome(checkId, "fixed").catch(() => {});
    await runCheck();
    setStatus("check-status", t(result.selfAdded ? "fixDoneSelfInTo" : "fixDone", { fix: fixLabel(fix) }), "ok");
  } catch (err) {
    setStatus("check-status", t("fixFailed", { error: errorText(err) }), "error");
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}

async function onDismiss(finding) {
  // One card only: another finding of the same kind (a high one beside this low one) stays.
  state.dismissed.add(finding.id);
  renderFindings();
  setStatus("check-status", t(dismissalNote(finding)), "ok");
  $("check-btn").focus();
  const checkId = state.check?.check_id;
  // The API records dismissals with an outcome: the user chose to send with this finding ignored.
  if (checkId) api.outcome(checkId, "sent_anyway", [finding.id]).catch(() => {});
}
