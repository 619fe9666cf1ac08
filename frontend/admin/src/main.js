// The admin console: Directory, Policy, Insight and Incidents in Outlook's own look (Fluent 2 web components).

import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/divider.js";
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/option.js";
import "@fluentui/web-components/spinner.js";
import "@fluentui/web-components/tab.js";
import "@fluentui/web-components/tablist.js";
import "@fluentui/web-components/text-input.js";
import "@fluentui/web-components/textarea.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webLightTheme } from "@fluentui/tokens";

import { api, loadConfig, signIn, signedIn } from "./api.js";
import { clear, dropdown, h } from "./dom.js";
import { LANGUAGE_NAMES, chooseLocale, locale, setLocale, t } from "./i18n.js";
import { directoryScreen } from "./screens/directory.js";
import { incidentsScreen } from "./screens/incidents.js";
import { insightScreen } from "./screens/insight.js";
import { policyScreen } from "./screens/policy.js";

const SCREENS = {
  directory: { icon: "M4 4h12v12H4z M7 8h6 M7 11h6", render: directoryScreen },
  policy: { icon: "M10 3l6 3v4c0 4-3 6-6 7-3-1-6-3-6-7V6z", render: policyScreen },
  insight: { icon: "M4 16V9 M8 16V5 M12 16v-4 M16 16V7", render: insightScreen },
  incidents: { icon: "M10 3l7 13H3z M10 8v4 M10 14v.5", render: incidentsScreen },
};

let me = null;

function icon(path) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("nav-icon");
  const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
  p.setAttribute("d", path);
  svg.append(p);
  return svg;
}

function currentScreen() {
  const name = location.hash.replace(/^#\/?/, "").split("/")[0];
  return SCREENS[name] ? name : "directory";
}

function header() {
  const picker = dropdown(
    "lang",
    LANGUAGE_NAMES,
    locale(),
    { id: "lang", "aria-label": t("app.language"), size: "small" },
  );
  picker.addEventListener("change", () => {
    const value = picker.value;
    if (value && value !== locale()) {
      localStorage.setItem("sendguard.admin.lang", value);
      const params = new URLSearchParams(location.search);
      params.set("lang", value);
      location.search = params.toString();
    }
  });
  return h(
    "header",
    { class: "app-bar" },
    h("div", { class: "brand" }, h("img", { src: "/addin/assets/icon-32.png", width: 20, height: 20, alt: "" }), h("span", {}, t("app.title"))),
    h("div", { class: "app-bar-end" }, me ? h("span", { class: "who" }, me.display_name) : null, picker),
  );
}

function nav(active) {
  return h(
    "nav",
    { class: "rail", "aria-label": t("app.title") },
    Object.entries(SCREENS).map(([name, screen]) =>
      h(
        "a",
        { href: `#${name}`, class: name === active ? "rail-item active" : "rail-item", "aria-current": name === active ? "page" : null, id: `nav-${name}` },
        icon(screen.icon),
        h("span", {}, t(`nav.${name}`)),
      ),
    ),
  );
}

function render() {
  const root = document.getElementById("app");
  const active = currentScreen();
  const main = h("main", { class: "content", id: "content" });
  clear(root, header(), h("div", { class: "body" }, nav(active), main));
  document.title = `${t(`nav.${active}`)} · ${t("app.title")}`;
  SCREENS[active].render(main).catch((error) => showError(main, error));
}

export function showError(node, error) {
  clear(node, h("fluent-message-bar", { intent: "error" }, t("common.error", { message: error.message })));
}

function gate(root, title, text, action) {
  clear(
    root,
    header(),
    h("div", { class: "gate" }, h("div", { class: "card gate-card" }, h("h1", {}, title), h("p", {}, text), action)),
  );
}

async function start() {
  setTheme(webLightTheme);
  setLocale(chooseLocale());
  const root = document.getElementById("app");
  await loadConfig();
  if (!signedIn()) {
    const button = h("fluent-button", { appearance: "primary", id: "sign-in" }, t("auth.signIn"));
    button.addEventListener("click", async () => {
      try {
        await signIn();
        await start();
      } catch (error) {
        gate(root, t("auth.signIn"), t("auth.failed", { message: error.message }), button);
      }
    });
    gate(root, t("auth.signIn"), t("auth.signInText"), button);
    return;
  }
  me = await api("GET", "/v1/me");
  if (me.role !== "admin") {
    gate(root, t("auth.adminsOnly"), t("auth.adminsOnlyText", { who: me.email }));
    return;
  }
  window.addEventListener("hashchange", render);
  render();
}

start().catch((error) => {
  const root = document.getElementById("app");
  clear(root, h("fluent-message-bar", { intent: "error" }, t("common.error", { message: error.message })));
});
