// A small client for the SendGuard API v1 (see DESIGN.md "API contract v1").
import { authHeaders, clearToken, config } from "./auth.js";

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function apiBase() {
  const configured = config().apiBase;
  if (configured) return String(configured).replace(/\/+$/, "");
  return globalThis.location?.origin ?? "";
}

export async function request(method, path, body, { fetchImpl = globalThis.fetch, timeoutMs = 15000 } = {}) {
  const headers = { Accept: "application/json", ...(await authHeaders()) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetchImpl(`${apiBase()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401) clearToken();
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const err = data?.error ?? {};
    throw new ApiError(response.status, err.code, err.message || `HTTP ${response.status}`, err.details);
  }
  return data;
}

export const api = {
  check: (draft, locale) => request("POST", "/v1/drafts/check", { client: "outlook", trigger: "compose", locale, draft }),
  outcome: (checkId, outcome, dismissed = []) =>
    request("POST", `/v1/checks/${encodeURIComponent(checkId)}/outcome`, { outcome, dismissed }),
  policy: () => request("GET", "/v1/policy"),
  templates: () => request("GET", "/v1/templates"),
  render: (name, locale, fields) =>
    request("POST", `/v1/templates/${encodeURIComponent(name)}/render`, { locale, fields }),
  createIncident: (payload) => request("POST", "/v1/incidents", payload),
  handoffPrefill: (recipient, locale) => request("POST", "/v1/handoffs/prefill", { recipient, locale }),
  suggestIntended: (payload) => request("POST", "/v1/incidents/suggestions", payload),
  openRecovery: (token) => request("POST", "/v1/watch/recovery", { token }),
  watchReports: (locale) => request("GET", `/v1/watch/reports?limit=10&locale=${encodeURIComponent(locale)}`),
  updateIncident: (id, patch) => request("PATCH", `/v1/incidents/${encodeURIComponent(id)}`, patch),
  mailboxDrafts: (id, drafts) =>
    request("POST", `/v1/incidents/${encodeURIComponent(id)}/mailbox-drafts`, { drafts }),
  scheduledSends: () => request("GET", "/v1/scheduled-sends"),
  cancelScheduledSend: (id) => request("DELETE", `/v1/scheduled-sends/${encodeURIComponent(id)}`),
  heldSends: () => request("GET", "/v1/held-sends"),
  cancelHeldSend: (id) => request("DELETE", `/v1/held-sends/${encodeURIComponent(id)}`),
};
