// Calls to the SendGuard API with the admin's sign-in: dev headers under AUTH_MODE=dev (make run), an Entra access
// token (MSAL, popup sign-in) under AUTH_MODE=entra, a Google ID token (Google Identity Services) under google.

import { PublicClientApplication } from "@azure/msal-browser";

export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code;
    this.details = error.details;
  }
}

let config = null;
let msal = null;
let googleToken = null;

export async function loadConfig() {
  const response = await fetch("/admin/config.json");
  config = await response.json();
  // Entra: an account signed in earlier in this browser session is used without another popup.
  if (config.auth_mode === "entra") await entraClient();
  return config;
}

export function authMode() {
  return config?.auth_mode;
}

export async function signIn() {
  if (config.auth_mode === "entra") {
    const client = await entraClient();
    const result = await client.loginPopup({ scopes: [config.entra_scope] });
    client.setActiveAccount(result.account);
  } else if (config.auth_mode === "google") {
    googleToken = await googleIdToken();
  }
}

export function signedIn() {
  if (config.auth_mode === "dev") return true;
  if (config.auth_mode === "google") return Boolean(googleToken);
  return Boolean(msal?.getActiveAccount());
}

async function entraClient() {
  if (!msal) {
    msal = new PublicClientApplication({
      auth: { clientId: config.entra_client_id, authority: config.entra_authority, redirectUri: `${location.origin}/admin` },
      cache: { cacheLocation: "sessionStorage" },
    });
    await msal.initialize();
    const accounts = msal.getAllAccounts();
    if (accounts.length) msal.setActiveAccount(accounts[0]);
  }
  return msal;
}

function googleIdToken() {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "https://accounts.google.com/gsi/client";
    script.onerror = () => reject(new Error("Google sign-in could not be loaded"));
    script.onload = () => {
      globalThis.google.accounts.id.initialize({
        client_id: config.google_client_id,
        callback: (answer) => (answer.credential ? resolve(answer.credential) : reject(new Error("no credential"))),
      });
      globalThis.google.accounts.id.prompt();
    };
    document.head.append(script);
  });
}

async function authHeaders() {
  if (config.auth_mode === "dev") {
    const params = new URLSearchParams(location.search);
    return { "X-Dev-User": params.get("user") || config.dev_user, "X-Dev-Role": params.get("role") || "admin" };
  }
  if (config.auth_mode === "google") return { Authorization: `Bearer ${googleToken}` };
  const client = await entraClient();
  const result = await client.acquireTokenSilent({ scopes: [config.entra_scope] });
  return { Authorization: `Bearer ${result.accessToken}` };
}

export async function api(method, path, { json, body, contentType, query } = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const headers = { Accept: "application/json", ...(await authHeaders()) };
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (contentType) {
    headers["Content-Type"] = contentType;
  }
  const response = await fetch(url, { method, headers, body });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
