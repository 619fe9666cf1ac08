// Shared fixtures for the unit tests: an Outlook compose item built with office-addin-mock, and a loader that
// runs launchevent.js the way Outlook's JavaScript-only runtime does (a plain script, no modules).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { OfficeMockObject } from "office-addin-mock";

export const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const LAUNCHEVENT_SOURCE = fs.readFileSync(path.join(FRONTEND, "launchevent.js"), "utf8");

const ok = (value) => ({ status: "succeeded", value, error: null });
const lastFn = (args) => [...args].reverse().find((a) => typeof a === "function");

/** A compose item (the SolarTech-PI-to-rival case unless overridden) and a log of what was written to it. */
export function composeItem(overrides = {}) {
  const log = { set: [], delay: null, removed: [], inserted: [], subjectSet: null, headers: {} };
  const lists = {
    to: overrides.to ?? [{ emailAddress: "l.gomez@sunpeak.example", displayName: "Laura Gómez" }],
    cc: overrides.cc ?? [
      { emailAddress: "s.mueller@helio-handel.example", displayName: "Stefan Müller" },
      { emailAddress: "c.huber@alpen-pv.example", displayName: "Claudia Huber" },
    ],
    bcc: overrides.bcc ?? [],
  };
  let attachments = overrides.attachments ?? [
    { id: "a1", name: "PI_SolarTech_2026-001.pdf", size: 48211, contentType: "application/pdf", isInline: false },
    { id: "a2", name: "logo.png", size: 10, contentType: "image/png", isInline: true },
  ];
  let subject = overrides.subject ?? "PI for order 2026-001";
  const field = (name) => ({
    getAsync(...args) {
      if (overrides.failGet === name) return lastFn(args)({ status: "failed", error: { message: "boom" } });
      lastFn(args)(ok(lists[name].map((r) => ({ ...r }))));
    },
    setAsync(value, ...args) {
      lists[name] = value.map((r) => ({ ...r }));
      log.set.push({ name, value });
      lastFn(args)(ok());
    },
  });
  const item = {
    to: field("to"),
    cc: field("cc"),
    bcc: field("bcc"),
    from: { getAsync: (...args) => lastFn(args)(ok({ emailAddress: "alex@acme-trade.example", displayName: "Alex" })) },
    subject: {
      getAsync: (...args) => lastFn(args)(ok(subject)),
      setAsync: (value, ...args) => {
        subject = value;
        log.subjectSet = value;
        lastFn(args)(ok());
      },
    },
    body: {
      getAsync: (coercion, ...args) => lastFn(args)(ok(overrides.body ?? "Dear Laura, please find attached the PI.")),
      setSelectedDataAsync: (data, options, ...args) => {
        log.inserted.push({ data, options });
        lastFn(args)(ok());
      },
    },
    getAttachmentsAsync: (...args) => lastFn(args)(ok(attachments.map((a) => ({ ...a })))),
    removeAttachmentAsync: (id, ...args) => {
      attachments = attachments.filter((a) => a.id !== id);
      log.removed.push(id);
      lastFn(args)(ok());
    },
    delayDeliveryTime: {
      setAsync: (date, ...args) => {
        log.delay = date;
        lastFn(args)(ok());
      },
    },
    internetHeaders: {
      setAsync: (headers, ...args) => {
        Object.assign(log.headers, headers);
        lastFn(args)(ok());
      },
    },
  };
  return { item, log, lists: () => lists, attachments: () => attachments };
}

/** Office (office-addin-mock) around an item. */
export function officeMock({ item, displayLanguage = "en-US", roaming = {}, throwOnItem = false } = {}) {
  const associated = {};
  const mailbox = { userProfile: { emailAddress: "alex@acme-trade.example" } };
  const data = {
    context: {
      displayLanguage,
      mailbox,
      roamingSettings: {
        get: (key) => roaming[key],
        set: (key, value) => {
          roaming[key] = value;
        },
        saveAsync: (cb) => cb && cb(ok()),
      },
      requirements: { isSetSupported: (name, version) => name === "Mailbox" && parseFloat(version) <= 1.15 },
    },
    actions: {
      associate: (name, fn) => {
        associated[name] = fn;
      },
    },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
  };
  const office = new OfficeMockObject(data, "outlook");
  if (throwOnItem) {
    Object.defineProperty(office.context.mailbox, "item", {
      get() {
        throw new Error("no item");
      },
    });
  } else {
    office.context.mailbox.item = item;
  }
  return { office, associated, roaming };
}

export function jsonResponse(body, status = 200) {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
    text: async () => JSON.stringify(body),
  };
}

/** Run launchevent.js in a fresh context (no require, no import, no DOM), as Outlook's JS runtime would. */
export function loadLaunchEvent({ office, fetch, localStorage, config } = {}) {
  const sandbox = {
    Office: office,
    fetch,
    AbortController,
    setTimeout,
    clearTimeout,
    Promise,
    console,
    JSON,
    Date,
    SENDGUARD_CONFIG: config ?? { apiBase: "https://sendguard.example" },
  };
  if (localStorage) sandbox.localStorage = localStorage;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(LAUNCHEVENT_SOURCE, sandbox, { filename: "launchevent.js" });
  return sandbox;
}

/** Call the handler like Outlook does and resolve with every completed() call once it settles. */
export function send(handler, { settleMs = 50 } = {}) {
  return new Promise((resolve) => {
    const calls = [];
    const started = Date.now();
    handler({
      completed(options) {
        // Plain copy: objects made inside the vm context have that realm's prototypes.
        calls.push({ options: JSON.parse(JSON.stringify(options)), ms: Date.now() - started });
        setTimeout(() => resolve(calls), settleMs);
      },
    });
  });
}

export function memoryStorage(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
}
