// Directory: organizations searched on the server as the admin types, an editor for one organization,
// rival groups with their members, and the CSV/XLSX import with its preview.

import { api } from "../api.js";
import { clear, debounce, dropdown, h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { importPanel } from "./import.js";
import { learnPanel } from "./learn.js";

export const KINDS = ["customer", "prospect", "partner", "supplier", "competitor"];
const PAGE = 25;

export async function directoryScreen(main) {
  const tabs = [
    ["orgs", t("dir.tabOrgs")],
    ["groups", t("dir.tabGroups")],
    ["import", t("dir.tabImport")],
    ["learn", t("dir.tabLearn")],
  ];
  const sub = location.hash.split("/")[1] || "orgs";
  const tablist = h(
    "fluent-tablist",
    { id: "dir-tabs", "activeid": `tab-${sub}` },
    tabs.map(([id, label]) => h("fluent-tab", { id: `tab-${id}` }, label)),
  );
  const panel = h("section", { class: "panel" });
  tablist.addEventListener("change", () => {
    const id = (tablist.activeid || "").replace("tab-", "");
    if (id && id !== (location.hash.split("/")[1] || "orgs")) history.replaceState(null, "", `#directory/${id}`);
    showTab(panel, id || "orgs");
  });
  clear(main, h("h1", { class: "page-title" }, t("nav.directory")), tablist, panel);
  await showTab(panel, sub);
}

async function showTab(panel, id) {
  if (id === "groups") return groupsTab(panel);
  if (id === "import") return importPanel(panel);
  if (id === "learn") return learnPanel(panel);
  return orgsTab(panel);
}

function orgsTab(panel) {
  const state = { q: "", offset: 0, seq: 0 };
  const search = h("fluent-text-input", {
    id: "dir-search",
    type: "search",
    placeholder: t("dir.search"),
    "aria-label": t("dir.searchLabel"),
    class: "search",
    autocomplete: "off",
  });
  const results = h("div", { class: "results", "aria-live": "polite" });
  const editor = h("aside", { class: "editor", id: "org-editor", hidden: true });
  const newButton = h("fluent-button", { appearance: "primary", id: "org-new" }, t("dir.new"));
  newButton.addEventListener("click", () => openEditor(editor, null, reload));

  async function reload() {
    const seq = ++state.seq;
    const page = await api("GET", "/v1/organizations", { query: { q: state.q, limit: PAGE, offset: state.offset } });
    if (seq === state.seq) renderResults(results, page, state, reload, editor);
  }
  const onType = debounce(() => {
    state.q = (search.value || "").trim();
    state.offset = 0;
    reload();
  }, 200);
  search.addEventListener("input", onType);
  clear(panel, h("div", { class: "toolbar" }, search, newButton), h("div", { class: "split" }, results, editor));
  return reload();
}

function renderResults(node, page, state, reload, editor) {
  if (!page.total) {
    clear(node, h("p", { class: "empty" }, state.q ? t("dir.empty", { q: state.q }) : t("dir.emptyAll")));
    return;
  }
  const rows = page.items.map((org) => {
    const row = h(
      "tr",
      { tabindex: 0, class: "clickable", dataset: { id: org.id } },
      h("td", {}, h("div", { class: "org-name" }, org.name), org.aliases.length ? h("div", { class: "muted" }, org.aliases.join(" · ")) : null),
      h("td", { class: "kind" }, h("fluent-badge", { appearance: "tint", color: org.kind === "competitor" ? "danger" : "informative" }, t(`kind.${org.kind}`))),
      h("td", {}, org.domains.length ? org.domains.map((d) => h("div", { class: "line" }, d)) : t("common.none")),
      h("td", {}, org.owner_email ? breakAfterAt(org.owner_email) : t("common.none")),
      h("td", {}, org.country || t("common.none")),
      h("td", {}, org.customer_code || t("common.none")),
      h("td", { class: "num" }, formatNumber(org.contacts.length)),
    );
    const open = () => openEditor(editor, org, reload);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (event) => event.key === "Enter" && open());
    return row;
  });
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const prev = h("fluent-button", { appearance: "subtle", disabled: page.offset === 0, id: "page-prev" }, t("common.previous"));
  const next = h("fluent-button", { appearance: "subtle", disabled: to >= page.total, id: "page-next" }, t("common.next"));
  prev.addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    reload();
  });
  next.addEventListener("click", () => {
    state.offset += PAGE;
    reload();
  });
  clear(
    node,
    h(
      "table",
      { class: "grid", id: "org-table" },
      h(
        "thead",
        {},
        h("tr", {}, ["name", "kind", "domains", "owner", "country", "code", "contacts"].map((c) => h("th", { scope: "col" }, t(`dir.col.${c}`)))),
      ),
      h("tbody", {}, rows),
    ),
    h(
      "div",
      { class: "pager" },
      h("span", { id: "page-count" }, t("dir.count", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(page.total) })),
      prev,
      next,
    ),
  );
}

/** An address that may wrap only after its @. */
export function breakAfterAt(address) {
  const at = address.indexOf("@");
  return at > 0 ? h("span", { class: "line" }, address.slice(0, at + 1), h("wbr"), address.slice(at + 1)) : address;
}

function field(label, input, hint) {
  return h("label", { class: "field" }, h("span", { class: "field-label" }, label), input, hint ? h("span", { class: "hint" }, hint) : null);
}

function textInput(name, value, attrs = {}) {
  return h("fluent-text-input", { name, value: value ?? "", ...attrs });
}

function textArea(name, lines, attrs = {}) {
  const area = h("fluent-textarea", { name, resize: "vertical", block: true, ...attrs });
  area.value = (lines || []).join("\n");
  return area;
}

function lines(value) {
  return (value || "")
    .split(/[\n;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function contactRow(contact = {}) {
  const remove = h("fluent-button", { appearance: "subtle", size: "small", "aria-label": t("dir.c.remove"), title: t("dir.c.remove") }, "✕");
  const row = h(
    "div",
    { class: "contact-row" },
    textInput("c-name", contact.name, { placeholder: t("dir.c.name"), "aria-label": t("dir.c.name") }),
    textInput("c-email", contact.email, { placeholder: t("dir.c.email"), "aria-label": t("dir.c.email"), type: "email" }),
    textInput("c-title", contact.title, { placeholder: t("dir.c.title"), "aria-label": t("dir.c.title") }),
    textInput("c-language", contact.language, { placeholder: t("dir.c.language"), "aria-label": t("dir.c.language"), class: "short" }),
    remove,
  );
  remove.addEventListener("click", () => row.remove());
  return row;
}

function value(form, name) {
  const node = form.querySelector(`[name="${name}"]`);
  return (node?.value ?? "").trim();
}

function readForm(form) {
  const optional = (name) => value(form, name) || null;
  return {
    name: value(form, "name"),
    kind: value(form, "kind") || "customer",
    domains: lines(value(form, "domains")),
    aliases: lines(value(form, "aliases")),
    customer_code: optional("customer_code"),
    owner_email: optional("owner_email"),
    country: optional("country"),
    language: optional("language"),
    rival_group: optional("rival_group"),
    notes: optional("notes"),
    contacts: [...form.querySelectorAll(".contact-row")]
      .map((row) => ({
        name: value(row, "c-name"),
        email: value(row, "c-email"),
        title: value(row, "c-title") || null,
        language: value(row, "c-language") || null,
      }))
      .filter((c) => c.email || c.name),
  };
}

export function errorText(error) {
  const details = Array.isArray(error.details) ? error.details : [];
  const fields = details.map((d) => `${(d.loc || []).filter((p) => p !== "body").join(".")}: ${d.msg}`);
  return [error.message, ...fields].join(" · ");
}

export function openEditor(editor, org, reload) {
  editor.hidden = false;
  editor.parentElement?.classList.add("editing");
  const status = h("div", { class: "status", "aria-live": "polite" });
  const contacts = h("div", { class: "contacts" }, (org?.contacts || []).map(contactRow));
  const addContact = h("fluent-button", { appearance: "outline", size: "small", id: "contact-add" }, t("dir.c.add"));
  addContact.addEventListener("click", () => contacts.append(contactRow()));
  const kind = dropdown("kind", KINDS.map((k) => [k, t(`kind.${k}`)]), org?.kind || "customer", { id: "org-kind" });
  const form = h(
    "form",
    { class: "org-form", id: "org-form", novalidate: true },
    h("div", { class: "editor-head" }, h("h2", { tabindex: -1, id: "org-editor-title" }, org ? t("dir.edit", { name: org.name }) : t("dir.create"))),
    field(t("dir.f.name"), textInput("name", org?.name, { required: true, id: "org-name" })),
    h("div", { class: "two" }, field(t("dir.f.kind"), kind), field(t("dir.f.code"), textInput("customer_code", org?.customer_code))),
    field(t("dir.f.domains"), textArea("domains", org?.domains), t("dir.f.domainsHint")),
    field(t("dir.f.aliases"), textArea("aliases", org?.aliases), t("dir.f.aliasesHint")),
    field(t("dir.f.owner"), textInput("owner_email", org?.owner_email, { type: "email" })),
    h(
      "div",
      { class: "two" },
      field(t("dir.f.country"), textInput("country", org?.country, { maxlength: 2 })),
      field(t("dir.f.language"), textInput("language", org?.language)),
    ),
    field(t("dir.f.rival"), textInput("rival_group", org?.rival_group), t("dir.f.rivalHint")),
    field(t("dir.f.notes"), textArea("notes", org?.notes ? [org.notes] : [])),
    h("h3", {}, t("dir.contacts")),
    contacts,
    addContact,
    status,
  );
  const save = h("fluent-button", { appearance: "primary", id: "org-save" }, t("common.save"));
  const cancel = h("fluent-button", { appearance: "secondary", id: "org-cancel" }, t("common.cancel"));
  const remove = org ? h("fluent-button", { appearance: "subtle", id: "org-delete", class: "danger" }, t("common.delete")) : null;
  cancel.addEventListener("click", () => {
    editor.hidden = true;
    editor.parentElement?.classList.remove("editing");
    clear(editor);
  });
  save.addEventListener("click", async () => {
    const body = readForm(form);
    try {
      const saved = org ? await api("PATCH", `/v1/organizations/${org.id}`, { json: body }) : await api("POST", "/v1/organizations", { json: body });
      await reload();
      openEditor(editor, saved, reload);
      editor.querySelector(".status").replaceChildren(h("fluent-message-bar", { intent: "success" }, t("common.saved")));
    } catch (error) {
      clear(status, h("fluent-message-bar", { intent: "error", id: "org-error" }, errorText(error)));
    }
  });
  remove?.addEventListener("click", async () => {
    if (!window.confirm(t("dir.deleteConfirm", { name: org.name }))) return;
    await api("DELETE", `/v1/organizations/${org.id}`);
    editor.hidden = true;
    editor.parentElement?.classList.remove("editing");
    clear(editor);
    await reload();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  clear(editor, form, h("div", { class: "actions" }, save, cancel, remove));
  form.querySelector("#org-editor-title")?.focus({ preventScroll: true });
}

async function groupsTab(panel) {
  const groups = await api("GET", "/v1/rival-groups");
  const editor = h("aside", { class: "editor", id: "org-editor", hidden: true });
  const reload = () => groupsTab(panel);
  const list = groups.length
    ? h(
        "div",
        { class: "groups", id: "rival-groups" },
        groups.map((group) =>
          h(
            "section",
            { class: "card group" },
            h("div", { class: "group-head" }, h("h2", {}, group.name), h("span", { class: "muted" }, t("groups.members", { n: group.members.length }))),
            h(
              "ul",
              { class: "members" },
              group.members.map((member) => {
                const button = h("button", { type: "button", class: "member" }, member.name);
                button.addEventListener("click", async () => openEditor(editor, await api("GET", `/v1/organizations/${member.id}`), reload));
                return h("li", {}, button);
              }),
            ),
          ),
        ),
      )
    : h("p", { class: "empty" }, t("groups.empty"));
  clear(panel, h("p", { class: "intro" }, t("groups.intro")), h("div", { class: "split" }, list, editor));
}
