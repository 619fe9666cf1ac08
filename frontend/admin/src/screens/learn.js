// Learn the directory from sent mail: start a job, follow it, then review the proposal against the directory
// (new / changed / merged / conflict, with confidence; a suggested kind for new ones; for a merge, the domains
// joined, how sure and why) and the suggested rival groups, and
// accept all of it or the selected organizations, kinds and rival groups only.

import { api } from "../api.js";
import { clear, h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { errorText } from "./directory.js";

const POLL_MS = 1500;
const STATUS_COLOR = { new: "success", changed: "brand", merged: "warning", conflict: "danger" };
const MERGE_EVIDENCE = ["same_name_other_suffix", "same_company", "same_people", "written_together", "related_domains"];
const KINDS = ["customer", "prospect", "partner", "supplier", "forwarder", "competitor"];

export async function learnPanel(panel) {
  render(panel, await api("GET", "/v1/directory/learn/latest"));
}

function render(panel, job) {
  const start = h("fluent-button", { appearance: "primary", id: "learn-start", disabled: job?.status === "running" }, t("learn.start"));
  start.addEventListener("click", async () => {
    start.disabled = true;
    try {
      render(panel, await api("POST", "/v1/directory/learn", { json: { months: 12 } }));
    } catch (error) {
      clear(panel, h("fluent-message-bar", { intent: "error", id: "learn-error" }, errorText(error)));
    }
  });
  const status = h("div", { id: "learn-status", "aria-live": "polite" });
  const review = h("div", { id: "learn-review-area" });
  clear(panel, h("p", { class: "intro" }, t("learn.intro")), h("div", { class: "toolbar" }, start), status, review);
  if (!job) return;
  showStatus(status, job, panel);
  if (job.status === "running") setTimeout(() => refresh(panel, job.id), POLL_MS);
  if (job.status === "done" || job.status === "accepted") showReview(review, job.id);
}

async function refresh(panel, id) {
  if (!panel.isConnected) return;
  render(panel, await api("GET", `/v1/directory/learn/${id}`));
}

function showStatus(node, job, panel) {
  const facts = t("learn.progress", {
    messages: formatNumber(job.messages_read),
    orgs: formatNumber(job.organizations_found),
    done: formatNumber(job.mailboxes_done),
    total: formatNumber(job.mailboxes),
  });
  const eta = job.eta_seconds != null ? t("learn.eta", { minutes: formatNumber(Math.max(1, Math.round(job.eta_seconds / 60))) }) : "";
  const cancel = h("fluent-button", { id: "learn-cancel" }, t("common.cancel"));
  cancel.addEventListener("click", async () => {
    await api("POST", `/v1/directory/learn/${job.id}/cancel`);
    await refresh(panel, job.id);
  });
  clear(
    node,
    h("p", {}, h("fluent-badge", { appearance: "tint", id: "learn-job-status" }, t(`learn.status.${job.status}`)), " ", facts, eta ? ` · ${eta}` : ""),
    job.error ? h("fluent-message-bar", { intent: "error" }, job.error) : null,
    job.status === "running" ? cancel : null,
  );
}

async function showReview(node, id) {
  clear(node, h("fluent-spinner", { size: "small" }), t("common.loading"));
  const review = await api("GET", `/v1/directory/learn/${id}/review`);
  if (!review.items.length) {
    clear(node, h("fluent-message-bar", { intent: "info", id: "learn-nothing" }, t("learn.nothing")));
    return;
  }
  const boxes = [];
  const rows = review.items.map((item) => {
    // A conflict (addresses of several directory organizations) is shown, never applied.
    const box = h("input", { type: "checkbox", checked: item.status !== "conflict", disabled: item.status === "conflict", dataset: { key: item.key }, "aria-label": item.name });
    if (item.status !== "conflict") boxes.push(box);
    return h(
      "tr",
      { dataset: { key: item.key, status: item.status } },
      h("td", {}, box),
      h("td", {}, item.name),
      h("td", {}, h("fluent-badge", { appearance: "filled", color: STATUS_COLOR[item.status] }, t(`learn.item.${item.status}`))),
      h("td", {}, `${Math.round(item.confidence * 100)} %`),
      h("td", {}, formatNumber(item.messages)),
      h("td", {}, item.existing == null ? kindChoice(item) : ""),
      h("td", { class: "muted" }, changeText(item)),
    );
  });
  const rivalBoxes = review.rival_suggestions.map((_, index) => h("input", { type: "checkbox", checked: true, dataset: { index: String(index) } }));
  const names = Object.fromEntries(review.items.map((i) => [i.key, i.name]));
  const selected = h("fluent-button", { appearance: "primary", id: "learn-accept-selected" }, t("learn.acceptSelected"));
  const all = h("fluent-button", { id: "learn-accept-all" }, t("learn.acceptAll"));
  const result = h("div", { id: "learn-result", "aria-live": "polite" });
  const accept = async (body) => {
    selected.disabled = all.disabled = true;
    try {
      const done = await api("POST", `/v1/directory/learn/${id}/accept`, { json: body });
      const text = t("learn.accepted", { created: formatNumber(done.created.length), updated: formatNumber(done.updated.length), skipped: formatNumber(done.skipped.length) });
      const rivals = done.rival_groups.length ? ` ${t("learn.acceptedRivals", { n: formatNumber(done.rival_groups.length) })}` : "";
      clear(result, h("fluent-message-bar", { intent: done.skipped.length ? "warning" : "success", id: "learn-accepted" }, text + rivals));
    } catch (error) {
      clear(result, h("fluent-message-bar", { intent: "error", id: "learn-error" }, errorText(error)));
    }
  };
  const kindOf = (box) => box.closest("tr").querySelector("select.learn-kind")?.value;
  selected.addEventListener("click", () =>
    accept({
      items: boxes.filter((b) => b.checked).map((b) => (kindOf(b) ? { key: b.dataset.key, kind: kindOf(b) } : { key: b.dataset.key })),
      rivals: rivalBoxes.filter((b) => b.checked).map((b) => Number(b.dataset.index)),
    }),
  );
  all.addEventListener("click", () => accept({ all: true }));
  clear(
    node,
    h("h2", {}, t("learn.reviewTitle", { n: formatNumber(review.items.length) })),
    h(
      "table",
      { class: "grid", id: "learn-review" },
      h("thead", {}, h("tr", {}, ["", t("learn.col.name"), t("learn.col.status"), t("learn.col.confidence"), t("learn.col.messages"), t("learn.col.kind"), t("learn.col.changes")].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows),
    ),
    rivalTable(review.rival_suggestions, rivalBoxes, names),
    h("div", { class: "actions" }, selected, all),
    result,
  );
}

function kindChoice(item) {
  const select = h(
    "select",
    { class: "learn-kind", "aria-label": t("learn.col.kind") },
    KINDS.map((kind) => h("option", { value: kind, selected: kind === (item.kind || "customer") }, t(`kind.${kind}`))),
  );
  const hint = item.kind ? t("learn.suggested", { kind: t(`kind.${item.kind}`), p: formatNumber(Math.round(item.kind_confidence * 100)) }) : "";
  return h("span", {}, select, " ", h("span", { class: "muted" }, hint));
}

// Rival suggestions: customers in one country that received the same product documents; accepting one gives
// them a shared rival group (their organizations must be in the directory, or accepted with it).
function rivalTable(suggestions, boxes, names) {
  if (!suggestions.length) return null;
  const label = (key) => names[key] || key.replace(/^(domain|address):/, "");
  return h(
    "div",
    { id: "learn-rivals-area" },
    h("h2", {}, t("learn.rivalsTitle", { n: formatNumber(suggestions.length) })),
    h("p", { class: "muted" }, t("learn.rivalsIntro")),
    h(
      "table",
      { class: "grid", id: "learn-rivals" },
      h("thead", {}, h("tr", {}, ["", t("learn.col.rivals"), t("learn.col.country"), t("learn.col.documents"), t("learn.col.confidence")].map((c) => h("th", {}, c)))),
      h(
        "tbody",
        {},
        suggestions.map((s, index) =>
          h(
            "tr",
            { dataset: { index: String(index), keys: s.org_keys.join(" ") } },
            h("td", {}, boxes[index]),
            h("td", {}, s.org_keys.map(label).join(" · ")),
            h("td", {}, s.country),
            h("td", { class: "muted" }, s.documents.join(", ")),
            h("td", {}, `${Math.round(s.confidence * 100)} %`),
          ),
        ),
      ),
    ),
  );
}

function changeText(item) {
  const changes = item.changes || {};
  const parts = [];
  if (item.merge) {
    const why = item.merge.evidence.filter((e) => MERGE_EVIDENCE.includes(e)).map((e) => t(`learn.evidence.${e}`));
    parts.push(t("learn.merge", { domains: item.merge.domains.join(" + "), p: formatNumber(Math.round(item.merge.confidence * 100)), why: why.join(", ") }));
  }
  if (changes.domains?.length) parts.push(changes.domains.join(", "));
  if (changes.contacts?.length) parts.push(t("learn.contacts", { n: formatNumber(changes.contacts.length) }));
  for (const field of ["language", "owner_email", "customer_code", "country"]) {
    if (changes[field]) parts.push(`${t(`learn.field.${field}`)}: ${changes[field]}`);
  }
  return parts.join(" · ");
}
