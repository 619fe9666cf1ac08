// Pure task pane logic (no DOM, no Office): grouping findings, computing what a fix does to the
// recipient lists, building API payloads from an item, reading template form values.

export const SEVERITIES = ["critical", "high", "medium", "low", "info"];

const lower = (s) => String(s || "").trim().toLowerCase();

/** Findings grouped by severity, most severe first; empty groups left out. */
export function groupBySeverity(findings) {
  const groups = new Map(SEVERITIES.map((s) => [s, []]));
  for (const finding of findings || []) {
    const key = groups.has(finding.severity) ? finding.severity : "info";
    groups.get(key).push(finding);
  }
  return SEVERITIES.filter((s) => groups.get(s).length).map((severity) => ({ severity, findings: groups.get(severity) }));
}

/** Office recipient details -> API recipients. */
export function toApiRecipients(list) {
  return (list || []).map((r) => ({ email: r.emailAddress ?? r.email ?? "", name: r.displayName ?? r.name ?? "" }));
}

function sameAddress(detail, email) {
  return lower(detail.emailAddress ?? detail.email) === lower(email);
}

/**
 * What a recipient fix does to {to, cc, bcc} (Office EmailAddressDetails lists).
 * Returns the new lists, or null when the fix does not touch recipients. Moving to Bcc never leaves To
 * empty: the sender's own address (`self`) goes into To, and `selfAdded` says so.
 */
export function applyRecipientFix(lists, fix, self = "") {
  const to = [...(lists.to || [])];
  const cc = [...(lists.cc || [])];
  let bcc = [...(lists.bcc || [])];
  switch (fix.type) {
    case "move_to_bcc": {
      const targets = (fix.recipients || []).map(lower);
      const moving = [];
      const keep = (list) =>
        list.filter((r) => {
          if (targets.includes(lower(r.emailAddress))) {
            moving.push(r);
            return false;
          }
          return true;
        });
      let newTo = keep(to);
      const newCc = keep(cc);
      for (const r of moving) if (!bcc.some((b) => sameAddress(b, r.emailAddress))) bcc.push(r);
      const selfAdded = newTo.length === 0 && moving.length > 0 && lower(self) !== "";
      if (selfAdded) newTo = [{ emailAddress: self, displayName: "" }];
      return { to: newTo, cc: newCc, bcc, selfAdded };
    }
    case "remove_recipient": {
      const drop = (list) => list.filter((r) => !sameAddress(r, fix.recipient));
      return { to: drop(to), cc: drop(cc), bcc: drop(bcc) };
    }
    case "replace_recipient": {
      const swap = (list) =>
        list.map((r) =>
          sameAddress(r, fix.recipient) ? { emailAddress: fix.suggestion, displayName: r.displayName || "" } : r,
        );
      bcc = swap(bcc);
      return { to: swap(to), cc: swap(cc), bcc };
    }
    default:
      return null;
  }
}

/** Which lists a recipient fix changed (so only those are written back). */
export function changedLists(before, after) {
  const key = (list) => (list || []).map((r) => lower(r.emailAddress)).join(",");
  return ["to", "cc", "bcc"].filter((name) => key(before[name]) !== key(after[name]));
}

/** Outlook needs {emailAddress, displayName}; blank display names make it show the address. */
export function forSetAsync(list) {
  return list.map((r) =>
    r.displayName ? { emailAddress: r.emailAddress, displayName: r.displayName } : { emailAddress: r.emailAddress },
  );
}

/** The draft for POST /v1/drafts/check. */
export function buildDraft({ from = "", to, cc, bcc, subject, body, attachments }) {
  return {
    from,
    to: toApiRecipients(to),
    cc: toApiRecipients(cc),
    bcc: toApiRecipients(bcc),
    subject: subject || "",
    body: body || "",
    body_format: "text",
    attachments: (attachments || [])
      .filter((a) => !a.isInline)
      .map((a) => ({ name: a.name, size: a.size || 0, content_type: a.contentType || "" })),
  };
}

/** All distinct addresses of a sent message, for the wrong/intended pickers. */
export function messageRecipients(message) {
  const seen = new Set();
  const result = [];
  for (const r of [...(message.to || []), ...(message.cc || []), ...(message.bcc || [])]) {
    const email = lower(r.email ?? r.emailAddress);
    if (email && !seen.has(email)) {
      seen.add(email);
      result.push({ email, name: r.name ?? r.displayName ?? "" });
    }
  }
  return result;
}

/** The body of POST /v1/incidents. */
export function buildIncident({ message, wrong, intended, locale, client }) {
  const intendedClean = [...new Set((intended || []).map(lower).filter(Boolean))].filter(
    (e) => !(wrong || []).map(lower).includes(e),
  );
  return {
    ...(client ? { client } : {}),
    locale,
    message,
    wrong_recipients: [...new Set((wrong || []).map(lower))],
    intended_recipients: intendedClean,
  };
}

/** A template field's form value -> the API value (lists are one item per line; empty optional fields dropped). */
export function fieldValue(field, raw) {
  if (field.type === "list") {
    const items = String(raw || "")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length ? items : undefined;
  }
  const value = String(raw ?? "").trim();
  return value === "" ? undefined : value;
}

export function collectFields(fields, readRaw) {
  const values = {};
  for (const field of fields) {
    const value = fieldValue(field, readRaw(field.name));
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/** The findings still to show after the user dismissed some of them (by finding id: one card each). */
export function visibleFindings(findings, dismissedIds) {
  return (findings || []).filter((f) => !dismissedIds.has(f.id));
}

/** Dismissing a low or medium finding quiets that same evidence for a while; critical and high only this once. */
export function dismissalNote(finding) {
  return finding.severity === "critical" || finding.severity === "high" ? "dismissedOnce" : "dismissed";
}

/** A scheduled send can be cancelled only while it is still waiting. */
export function cancellable(row) {
  return row.status === "pending";
}

/**
 * What the task pane does with the held-sends answer: 404 (not deployed) and 422 (a provider that cannot hold,
 * such as Gmail) hide that part quietly; another error is reported; held messages are listed soonest first.
 */
export function heldSendsView(outcome) {
  if (outcome.status === "rejected") {
    const status = outcome.reason?.status;
    return { show: false, error: status === 404 || status === 422 ? null : outcome.reason, rows: [] };
  }
  const rows = [...(outcome.value || [])]
    .filter((row) => row && row.id && row.deliver_at)
    .sort((a, b) => new Date(a.deliver_at) - new Date(b.deliver_at));
  return { show: true, error: null, rows };
}
