// Held sends (waiting in the Outbox) and SendGuard's scheduled sends, each cancellable while it still can be.
import { $, el, setStatus, errorText, formatWhen } from "./view.js";
import { api, ApiError } from "../api.js";
import { t } from "../i18n.js";
import { cancellable, heldSendsView } from "../logic.js";

export async function loadScheduled() {
  const section = $("scheduled");
  // Held sends wait in the mailbox's Outbox (Outlook's delivery time); scheduled sends are SendGuard's own.
  const [scheduled, heldOutcome] = await Promise.allSettled([api.scheduledSends(), api.heldSends()]);
  const held = heldSendsView(heldOutcome);
  if (scheduled.status === "rejected" && !held.show) {
    // Not deployed (404) or not available to this user: the section simply stays hidden.
    section.hidden = true;
    return;
  }
  section.hidden = false;
  if (held.error) setStatus("scheduled-status", t("heldUnavailable", { error: errorText(held.error) }), "error");
  const rows = scheduled.status === "fulfilled" ? scheduled.value || [] : [];
  const list = $("scheduled-list");
  if (!rows.length && !held.rows.length) {
    list.replaceChildren(el("li", { class: "hint", text: t("scheduledEmpty") }));
    return;
  }
  list.replaceChildren(...held.rows.map(renderHeld), ...rows.map(renderScheduled));
}

function renderHeld(row) {
  const subject = row.subject || t("noSubject");
  const when = formatWhen(row.deliver_at);
  return el(
    "li",
    { class: "row held", "data-held-id": row.id },
    el(
      "span",
      {},
      el("strong", { text: t("heldUntil", { when }) }),
      " · ",
      el("span", { class: "subject", text: subject }),
      (row.to || []).length ? el("small", { text: ` ${t("draftTo", { to: row.to.join(", ") })}` }) : null,
    ),
    el("button", {
      class: "btn",
      type: "button",
      text: t("backToDrafts"),
      "aria-label": t("backToDraftsLabel", { subject }),
      onclick: (event) => onCancelHeld(event.currentTarget, row),
    }),
  );
}

function renderScheduled(row) {
  return el(
    "li",
    { class: "row", "data-id": row.id, "data-status": row.status },
    el("span", {}, el("strong", { text: t(`status_${row.status}`) }), " · ", t("sendAt", { when: formatWhen(row.send_at) })),
    cancellable(row)
      ? el("button", {
          class: "btn",
          type: "button",
          text: t("cancelSend"),
          "aria-label": t("cancelSendLabel", { when: formatWhen(row.send_at) }),
          onclick: () => onCancelScheduled(row),
        })
      : null,
  );
}

async function onCancelHeld(button, row) {
  button.disabled = true;
  try {
    await api.cancelHeldSend(row.id);
    setStatus("scheduled-status", t("movedToDrafts"), "ok");
  } catch (err) {
    const message = err instanceof ApiError && err.status === 409 ? t("heldTooLate") : t("cancelFailed", { error: errorText(err) });
    setStatus("scheduled-status", message, "error");
  }
  await loadScheduled();
  $("scheduled-refresh").focus();
}

async function onCancelScheduled(row) {
  try {
    await api.cancelScheduledSend(row.id);
    setStatus("scheduled-status", t("cancelled"), "ok");
  } catch (err) {
    const message = err instanceof ApiError && err.status === 409 ? t("tooLate") : t("cancelFailed", { error: errorText(err) });
    setStatus("scheduled-status", message, "error");
  }
  await loadScheduled();
  $("scheduled-refresh").focus();
}
