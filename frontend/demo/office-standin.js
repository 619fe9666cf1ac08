/*
 * An offline stand-in for the part of Office.js that SendGuard uses, so the real task pane and the real
 * on-send handler run in a plain browser (the /demo page and the browser tests) with no Microsoft account
 * and no CDN. It is NOT Office.js: only the subset below, with Office's callback conventions
 * (AsyncResult {status, value, error}, callbacks called asynchronously).
 *
 * Implemented: Office.onReady, Office.actions.associate, Office.context.{displayLanguage, roamingSettings,
 * requirements.isSetSupported, mailbox.{item, userProfile, addHandlerAsync, displayNewMessageForm}}, and on the item:
 * compose: to/cc/bcc getAsync/setAsync/addAsync, subject getAsync/setAsync, body getAsync/setAsync/
 * setSelectedDataAsync, getAttachmentsAsync, removeAttachmentAsync, delayDeliveryTime getAsync/setAsync,
 * from.getAsync; read: to/cc/bcc/subject/from/attachments/dateTimeCreated as values, body.getAsync.
 *
 * One stand-in serves the demo page and the task pane inside its iframe: the iframe reuses the parent's
 * Office object (same origin), so a fix applied in the task pane shows in the mock compose window.
 */
(function (root) {
  "use strict";

  var parentDemo = null;
  try {
    if (root.parent && root.parent !== root && root.parent.SendGuardDemo) parentDemo = root.parent.SendGuardDemo;
  } catch (e) {
    parentDemo = null;
  }

  var params = new URLSearchParams(root.location ? root.location.search : "");
  var DEV_USER = "alex@acme-trade.example";

  if (parentDemo) {
    root.Office = parentDemo.office;
    root.SENDGUARD_CONFIG = {
      devUser: parentDemo.config.devUser,
      apiBase: parentDemo.config.apiBase,
      locale: params.get("lang") || parentDemo.config.locale,
    };
    return;
  }

  function person(email, name) {
    return { emailAddress: email, displayName: name || "" };
  }

  // The SolarTech-PI-to-rival case: SolarTech's proforma invoice addressed to SunPeak, a rival distributor,
  // with two other solar customers visible in Cc.
  function sampleCompose() {
    return {
      from: person(DEV_USER, "Alex Chen"),
      to: [person("l.gomez@sunpeak.example", "Laura Gómez")],
      cc: [person("s.mueller@helio-handel.example", "Stefan Müller"), person("c.huber@alpen-pv.example", "Claudia Huber")],
      bcc: [],
      subject: "PI for order 2026-001",
      body:
        "Dear Laura,\n\nplease find attached the proforma invoice for order 2026-001 (240 x 450 W modules).\n" +
        "Payment: 30% deposit, balance before shipment.\n\nBest regards,\nAlex",
      attachments: [
        { id: "att-1", name: "PI_SolarTech_2026-001.pdf", size: 48211, contentType: "application/pdf", isInline: false, attachmentType: "file" },
      ],
      delayDeliveryTime: null,
    };
  }

  // What was actually sent: the PI for SolarTech went to SunPeak instead of Michael Schmidt.
  function sampleSent() {
    return {
      from: person(DEV_USER, "Alex Chen"),
      to: [person("l.gomez@sunpeak.example", "Laura Gómez")],
      cc: [],
      bcc: [],
      subject: "PI for order 2026-001",
      body:
        "Dear Michael,\n\nplease find attached the proforma invoice for order 2026-001 for SolarTech GmbH.\n\nBest regards,\nAlex",
      attachments: [
        { id: "att-9", name: "PI_SolarTech_2026-001.pdf", size: 48211, contentType: "application/pdf", isInline: false, attachmentType: "file" },
      ],
      dateTimeCreated: new Date(Date.now() - 5 * 60 * 1000),
    };
  }

  function clone(list) {
    return (list || []).map(function (r) {
      return { emailAddress: r.emailAddress, displayName: r.displayName || "" };
    });
  }

  function callbackOf(args) {
    for (var i = args.length - 1; i >= 0; i--) if (typeof args[i] === "function") return args[i];
    return null;
  }

  function reply(args, value, error) {
    var cb = callbackOf(args);
    if (!cb) return;
    var result = error
      ? { status: "failed", value: undefined, error: { name: error.name || "Error", message: error.message, code: error.code || 9000 } }
      : { status: "succeeded", value: value, error: null, asyncContext: undefined };
    setTimeout(function () {
      cb(result);
    }, 0);
  }

  function createStandIn(options) {
    options = options || {};
    var listeners = [];
    var changeHandlers = [];
    var settings = {};
    var actions = {};
    var state = {
      mode: options.mode || "compose",
      compose: options.compose || sampleCompose(),
      sent: options.sent || sampleSent(),
      newMessages: [],
    };

    function changed(what) {
      listeners.forEach(function (fn) {
        try {
          fn(what, state);
        } catch (e) {
          /* a listener's problem */
        }
      });
    }

    function validRecipients(list) {
      if (!Array.isArray(list)) return false;
      return list.every(function (r) {
        var email = typeof r === "string" ? r : r && r.emailAddress;
        return typeof email === "string" && email.indexOf("@") > 0;
      });
    }

    function recipientField(name) {
      return {
        getAsync: function () {
          reply(arguments, clone(state.compose[name]));
        },
        setAsync: function (list) {
          if (!validRecipients(list)) return reply(arguments, null, { name: "InvalidFormatError", message: "Invalid recipients" });
          state.compose[name] = list.map(function (r) {
            return typeof r === "string" ? { emailAddress: r, displayName: "" } : { emailAddress: r.emailAddress, displayName: r.displayName || "" };
          });
          changed(name);
          reply(arguments);
        },
        addAsync: function (list) {
          if (!validRecipients(list)) return reply(arguments, null, { name: "InvalidFormatError", message: "Invalid recipients" });
          state.compose[name] = state.compose[name].concat(
            list.map(function (r) {
              return typeof r === "string" ? { emailAddress: r, displayName: "" } : { emailAddress: r.emailAddress, displayName: r.displayName || "" };
            }),
          );
          changed(name);
          reply(arguments);
        },
      };
    }

    function htmlToText(html) {
      return String(html)
        .replace(/<\s*br\s*\/?>/gi, "\n")
        .replace(/<\/(p|div|h\d|li|tr)>/gi, "\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&nbsp;/g, " ")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
        .replace(/\n{3,}/g, "\n\n");
    }

    var composeItem = {
      itemType: "message",
      to: recipientField("to"),
      cc: recipientField("cc"),
      bcc: recipientField("bcc"),
      from: {
        getAsync: function () {
          reply(arguments, { emailAddress: state.compose.from.emailAddress, displayName: state.compose.from.displayName });
        },
      },
      subject: {
        getAsync: function () {
          reply(arguments, state.compose.subject);
        },
        setAsync: function (value) {
          state.compose.subject = String(value);
          changed("subject");
          reply(arguments);
        },
      },
      body: {
        getAsync: function (coercionType) {
          reply(arguments, coercionType === "html" ? "<div>" + state.compose.body.replace(/\n/g, "<br>") + "</div>" : state.compose.body);
        },
        setAsync: function (data, opts) {
          state.compose.body = opts && opts.coercionType === "html" ? htmlToText(data) : String(data);
          state.compose.bodyHtml = opts && opts.coercionType === "html" ? String(data) : null;
          changed("body");
          reply(arguments);
        },
        setSelectedDataAsync: function (data, opts) {
          var text = opts && opts.coercionType === "html" ? htmlToText(data) : String(data);
          state.compose.body = text.trim() + "\n\n" + state.compose.body;
          state.compose.insertedHtml = opts && opts.coercionType === "html" ? String(data) : null;
          changed("body");
          reply(arguments);
        },
      },
      getAttachmentsAsync: function () {
        reply(
          arguments,
          state.compose.attachments.map(function (a) {
            return { id: a.id, name: a.name, size: a.size, contentType: a.contentType, isInline: !!a.isInline, attachmentType: a.attachmentType || "file" };
          }),
        );
      },
      removeAttachmentAsync: function (id) {
        var before = state.compose.attachments.length;
        state.compose.attachments = state.compose.attachments.filter(function (a) {
          return a.id !== id;
        });
        if (state.compose.attachments.length === before) {
          return reply(arguments, null, { name: "InvalidAttachmentId", message: "No attachment " + id });
        }
        changed("attachments");
        reply(arguments);
      },
      delayDeliveryTime: {
        getAsync: function () {
          reply(arguments, state.compose.delayDeliveryTime || 0);
        },
        setAsync: function (date) {
          if (!(date instanceof Date) && typeof date !== "number") {
            return reply(arguments, null, { name: "InvalidFormatError", message: "A Date is required" });
          }
          state.compose.delayDeliveryTime = new Date(date);
          changed("delayDeliveryTime");
          reply(arguments);
        },
      },
    };

    function readItem() {
      var sent = state.sent;
      return {
        itemType: "message",
        itemId: "sent-demo-1",
        internetMessageId: "<demo-1@acme-trade.example>",
        from: sent.from,
        sender: sent.from,
        to: clone(sent.to),
        cc: clone(sent.cc),
        bcc: clone(sent.bcc),
        subject: sent.subject,
        dateTimeCreated: sent.dateTimeCreated,
        attachments: sent.attachments.map(function (a) {
          return { id: a.id, name: a.name, size: a.size, contentType: a.contentType, isInline: false, attachmentType: "file" };
        }),
        body: {
          getAsync: function () {
            reply(arguments, sent.body);
          },
        },
      };
    }

    var office = {
      HostType: { Outlook: "Outlook" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      CoercionType: { Text: "text", Html: "html" },
      EventType: { ItemChanged: "olkItemSelectedChanged" },
      MailboxEnums: {
        SendModeOverride: { PromptUser: "promptUser" },
        ItemType: { Message: "message" },
      },
      onReady: function (cb) {
        var info = { host: "Outlook", platform: "OfficeOnline" };
        return new Promise(function (resolve) {
          setTimeout(function () {
            if (typeof cb === "function") cb(info);
            resolve(info);
          }, 0);
        });
      },
      actions: {
        associate: function (name, fn) {
          actions[name] = fn;
        },
      },
      context: {
        displayLanguage: options.displayLanguage || "en-US",
        requirements: {
          isSetSupported: function (name, version) {
            return name === "Mailbox" && parseFloat(version) <= 1.15;
          },
        },
        roamingSettings: {
          get: function (key) {
            return settings[key];
          },
          set: function (key, value) {
            settings[key] = value;
          },
          remove: function (key) {
            delete settings[key];
          },
          saveAsync: function () {
            reply(arguments);
          },
        },
        mailbox: {
          userProfile: { emailAddress: DEV_USER, displayName: "Alex Chen", timeZone: "UTC" },
          // Outlook opens a new compose window; the demo keeps it and says so under the mock window.
          displayNewMessageForm: function (parameters) {
            state.newMessages.push(parameters || {});
            changed("newMessage");
          },
          addHandlerAsync: function (type, handler) {
            if (type === "olkItemSelectedChanged") changeHandlers.push(handler);
            reply(arguments);
          },
        },
      },
    };
    Object.defineProperty(office.context.mailbox, "item", {
      enumerable: true,
      get: function () {
        return state.mode === "compose" ? composeItem : readItem();
      },
    });

    return {
      office: office,
      state: state,
      actions: actions,
      onChange: function (fn) {
        listeners.push(fn);
      },
      setMode: function (mode) {
        state.mode = mode;
        changed("mode");
        changeHandlers.slice().forEach(function (h) {
          setTimeout(function () {
            try {
              h({ type: "olkItemSelectedChanged" });
            } catch (e) {
              /* a closed task pane */
            }
          }, 0);
        });
      },
      reset: function () {
        state.compose = sampleCompose();
        state.sent = sampleSent();
        changed("reset");
      },
      samples: { compose: sampleCompose, sent: sampleSent },
    };
  }

  var demo = createStandIn({ displayLanguage: params.get("lang") || "en-US" });
  root.Office = demo.office;
  root.SENDGUARD_CONFIG = {
    devUser: DEV_USER,
    apiBase: root.location && /^https?:$/.test(root.location.protocol) ? root.location.origin : "",
    locale: params.get("lang") || undefined,
  };
  root.SendGuardStandIn = demo;
  root.SendGuardStandIn.createStandIn = createStandIn;
})(typeof window !== "undefined" ? window : globalThis);
