/*
 * SendGuard on-send handler (Outlook Smart Alerts, `messageSending` / OnMessageSend, sendMode softBlock).
 *
 * Self-contained on purpose: classic Outlook on Windows runs this file in its JavaScript-only runtime
 * (no DOM, no modules), everywhere else commands.html loads it. No imports, no globals besides the handler.
 *
 * Every path ends in exactly one event.completed(...): a check within the time budget, a timeout, an
 * unreachable service and a thrown error all finish the event (the latter three by the policy's fail_mode).
 */
/* global Office, globalThis */
(function (root) {
  "use strict";

  var DEFAULT_API_BASE = "https://sendguard.example";
  // Outlook gives an on-send add-in 5 s, including loading it; keep well inside that.
  var TIME_BUDGET_MS = 3500;
  var POLICY_KEY = "sendguard.policy";
  var MAX_MESSAGE_CHARS = 500;
  // The task pane button that the Smart Alerts dialog opens (manifest: ribbons[0]...controls[0].id).
  var COMMAND_ID = "SendGuardComposeButton";
  // A 503 with a short Retry-After (the service swapping a large directory's index, a dependency blinking) is
  // worth one more try inside the budget, rather than letting the mail go by the fail mode.
  var RETRY_AFTER_MAX_S = 2;

  var STRINGS = {
    en: {
      cancelLabel: "Review in SendGuard",
      unreachableClosed:
        "SendGuard could not check this message (the service did not answer in time). " +
        "Your company requires a check before mail leaves. Try again in a moment, or ask your administrator.",
      more: "more",
    },
    "zh-CN": {
      cancelLabel: "在 SendGuard 中查看",
      unreachableClosed: "SendGuard 未能检查这封邮件（服务未及时响应）。公司要求邮件发出前必须经过检查。请稍后再试，或联系管理员。",
      more: "更多",
    },
  };

  function config() {
    return (root && root.SENDGUARD_CONFIG) || {};
  }

  function uiLocale() {
    var override = config().locale;
    var office = typeof Office !== "undefined" ? Office : null;
    var lang = override || (office && office.context && office.context.displayLanguage) || "en";
    return /^zh/i.test(String(lang)) ? "zh-CN" : "en";
  }

  function text(key) {
    var table = STRINGS[uiLocale()] || STRINGS.en;
    return table[key] || STRINGS.en[key];
  }

  function apiBase() {
    var configured = config().apiBase;
    if (configured) return String(configured).replace(/\/+$/, "");
    try {
      if (typeof location !== "undefined" && /^https?:$/.test(location.protocol)) return location.origin;
    } catch (e) {
      /* the JS-only runtime has no location */
    }
    return DEFAULT_API_BASE;
  }

  function clip(value, limit) {
    value = String(value || "");
    return value.length <= limit ? value : value.slice(0, limit - 1) + "…";
  }

  // Office's callback style -> Promise; a failed AsyncResult rejects.
  function officeCall(target, method) {
    var args = Array.prototype.slice.call(arguments, 2);
    return new Promise(function (resolve, reject) {
      if (!target || typeof target[method] !== "function") {
        resolve(undefined);
        return;
      }
      args.push(function (result) {
        if (result && result.status === "failed") reject(result.error || new Error(method + " failed"));
        else resolve(result ? result.value : undefined);
      });
      target[method].apply(target, args);
    });
  }

  function recipients(list) {
    return (list || []).map(function (r) {
      return { email: r.emailAddress || r.email || "", name: r.displayName || r.name || "" };
    });
  }

  function readDraft(item) {
    var coercionText = (Office.CoercionType && Office.CoercionType.Text) || "text";
    return Promise.all([
      officeCall(item.to, "getAsync"),
      officeCall(item.cc, "getAsync"),
      officeCall(item.bcc, "getAsync"),
      officeCall(item.subject, "getAsync"),
      officeCall(item.body, "getAsync", coercionText),
      officeCall(item, "getAttachmentsAsync"),
      item.from ? officeCall(item.from, "getAsync").catch(function () { return undefined; }) : Promise.resolve(undefined),
    ]).then(function (v) {
      var from = v[6] && (v[6].emailAddress || "");
      return {
        from: from || "",
        to: recipients(v[0]),
        cc: recipients(v[1]),
        bcc: recipients(v[2]),
        subject: v[3] || "",
        body: v[4] || "",
        body_format: "text",
        attachments: (v[5] || [])
          .filter(function (a) { return !a.isInline; })
          .map(function (a) { return { name: a.name, size: a.size || 0, content_type: a.contentType || "" }; }),
      };
    });
  }

  function authHeaders() {
    var cfg = config();
    if (cfg.devUser) return Promise.resolve({ "X-Dev-User": cfg.devUser });
    if (Office.auth && typeof Office.auth.getAccessToken === "function") {
      return Office.auth.getAccessToken({ allowSignInPrompt: false }).then(function (token) {
        return { Authorization: "Bearer " + token };
      });
    }
    return Promise.resolve({});
  }

  function storage() {
    try {
      return typeof localStorage !== "undefined" ? localStorage : null;
    } catch (e) {
      return null;
    }
  }

  function cachedFailMode() {
    var policy = null;
    try {
      var rs = Office.context && Office.context.roamingSettings;
      policy = rs && rs.get(POLICY_KEY);
      if (!policy && storage()) policy = JSON.parse(storage().getItem(POLICY_KEY) || "null");
    } catch (e) {
      policy = null;
    }
    return policy && policy.fail_mode === "closed" ? "closed" : "open";
  }

  function rememberPolicy(policy) {
    var slim = { fail_mode: policy.fail_mode === "closed" ? "closed" : "open", saved_at: new Date().toISOString() };
    try {
      var rs = Office.context && Office.context.roamingSettings;
      if (rs) {
        rs.set(POLICY_KEY, slim);
        if (typeof rs.saveAsync === "function") rs.saveAsync(function () {});
      }
      if (storage()) storage().setItem(POLICY_KEY, JSON.stringify(slim));
    } catch (e) {
      /* a cache only */
    }
  }

  function supports(version) {
    try {
      return Office.context.requirements.isSetSupported("Mailbox", version);
    } catch (e) {
      return true; // the manifest already requires Mailbox 1.15
    }
  }

  // The service's summary already says what is wrong, one sentence per problem, worst first (<= 500 chars).
  function messageFor(result) {
    var summary = clip(result.summary, MAX_MESSAGE_CHARS);
    var markdown = clip("**" + summary.replace(/([*_`\\[\]])/g, "\\$1") + "**", MAX_MESSAGE_CHARS);
    return { plain: summary, markdown: markdown };
  }

  function holdDelivery(item, minutes) {
    if (!minutes || minutes <= 0 || !item.delayDeliveryTime) return Promise.resolve();
    var at = new Date(Date.now() + minutes * 60 * 1000);
    return officeCall(item.delayDeliveryTime, "setAsync", at);
  }

  // The sent copy keeps this header, so the sent-mail watch knows the message was checked before it left and
  // does not report it a second time.
  function stampCheck(item, checkId) {
    if (!checkId || !item.internetHeaders) return Promise.resolve();
    return officeCall(item.internetHeaders, "setAsync", { "X-SendGuard-Check": String(checkId) });
  }

  function postCheck(draft, headers, signal, retried) {
    var body = JSON.stringify({ client: "outlook", trigger: "send", locale: uiLocale(), draft: draft });
    var allHeaders = { "Content-Type": "application/json" };
    Object.keys(headers).forEach(function (k) { allHeaders[k] = headers[k]; });
    return fetch(apiBase() + "/v1/drafts/check", {
      method: "POST",
      headers: allHeaders,
      body: body,
      signal: signal,
    }).then(function (response) {
      var wait = retried ? null : shortRetryAfter(response);
      if (wait !== null) {
        return delay(wait * 1000).then(function () { return postCheck(draft, headers, signal, true); });
      }
      if (!response.ok) throw new Error("check failed: HTTP " + response.status);
      return response.json();
    });
  }

  // Seconds to wait before the one retry of a 503, or null (not a 503, no or a long Retry-After).
  function shortRetryAfter(response) {
    if (response.status !== 503 || !response.headers || typeof response.headers.get !== "function") return null;
    var raw = response.headers.get("Retry-After");
    if (raw === null || raw === undefined || String(raw).trim() === "") return null;
    var seconds = Number(raw);
    return isFinite(seconds) && seconds >= 0 && seconds <= RETRY_AFTER_MAX_S ? seconds : null;
  }

  function delay(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function refreshPolicy(headers, signal) {
    // Fire and forget: keeps the cached fail_mode fresh for the next time the service cannot be reached.
    return fetch(apiBase() + "/v1/policy", { headers: headers, signal: signal })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (policy) { if (policy && policy.fail_mode) rememberPolicy(policy); })
      .catch(function () {});
  }

  function onMessageSendHandler(event) {
    var finished = false;
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = null;

    function complete(options) {
      if (finished) return;
      finished = true;
      if (timer !== null) clearTimeout(timer);
      try {
        event.completed(options);
      } catch (e) {
        /* nothing more can be done: Outlook decides */
      }
    }

    function failByPolicy() {
      if (finished) return;
      if (controller) controller.abort();
      if (cachedFailMode() === "closed") {
        complete({ allowEvent: false, errorMessage: clip(text("unreachableClosed"), MAX_MESSAGE_CHARS) });
      } else {
        complete({ allowEvent: true });
      }
    }

    timer = setTimeout(failByPolicy, TIME_BUDGET_MS);
    try {
      var item = Office.context.mailbox.item;
      var headersPromise = authHeaders();
      Promise.all([readDraft(item), headersPromise])
        .then(function (parts) {
          var signal = controller ? controller.signal : undefined;
          refreshPolicy(parts[1], signal);
          return postCheck(parts[0], parts[1], signal);
        })
        .then(function (result) {
          if (finished) return undefined;
          var verdict = result && result.verdict;
          if (verdict !== "ok" && verdict !== "warn" && verdict !== "block") throw new Error("unexpected response");
          var hold = verdict === "block" ? Promise.resolve() : holdDelivery(item, result.hold_minutes || 0);
          var stamp = verdict === "block" ? Promise.resolve() : stampCheck(item, result.check_id);
          return Promise.all([
            hold.catch(function () { /* delivery delay is best effort */ }),
            stamp.catch(function () { /* without the header the watch checks the sent copy again */ }),
          ])
            .then(function () {
              if (verdict === "ok") {
                complete({ allowEvent: true });
                return;
              }
              var message = messageFor(result);
              var options = {
                allowEvent: false,
                errorMessage: message.plain,
                cancelLabel: text("cancelLabel"),
                commandId: COMMAND_ID,
              };
              if (supports("1.15")) {
                options.errorMessageMarkdown = message.markdown;
                if (verdict === "warn") {
                  options.sendModeOverride =
                    (Office.MailboxEnums &&
                      Office.MailboxEnums.SendModeOverride &&
                      Office.MailboxEnums.SendModeOverride.PromptUser) ||
                    "promptUser";
                }
              }
              complete(options);
            });
        })
        .catch(failByPolicy);
    } catch (e) {
      failByPolicy();
    }
  }

  root.onMessageSendHandler = onMessageSendHandler;
  if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
    Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
  }
})(typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : this);
