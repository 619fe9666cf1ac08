// How the task pane proves who the user is to the SendGuard API.
//
// In Outlook: an Entra access token for the add-in's own API from Office SSO (Office.auth.getAccessToken,
// which uses nested app authentication where the client supports it). The service validates it
// (AUTH_MODE=entra). In the demo (and only where the page is configured with a dev user, i.e. the
// /demo page against a service running AUTH_MODE=dev) the header X-Dev-User is sent instead.

let cached = null; // { token, expires }

export function config() {
  return globalThis.SENDGUARD_CONFIG || {};
}

function tokenExpiry(token) {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return typeof payload.exp === "number" ? payload.exp * 1000 : Date.now() + 5 * 60 * 1000;
  } catch {
    return Date.now() + 5 * 60 * 1000;
  }
}

/** Headers that authenticate an API request. */
export async function authHeaders({ office = globalThis.Office, interactive = true } = {}) {
  const cfg = config();
  if (cfg.devUser) return { "X-Dev-User": cfg.devUser };
  if (cached && cached.expires - 60_000 > Date.now()) return { Authorization: `Bearer ${cached.token}` };
  if (!office?.auth?.getAccessToken) throw new Error("Office single sign-on is not available in this client");
  const token = await office.auth.getAccessToken({ allowSignInPrompt: interactive, allowConsentPrompt: interactive });
  cached = { token, expires: tokenExpiry(token) };
  return { Authorization: `Bearer ${token}` };
}

export function clearToken() {
  cached = null;
}
