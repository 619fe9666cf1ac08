"""The add-in-only XML manifest: well-formed, an OnMessageSend SoftBlock launch event, and the same id,
origin and files as the unified JSON manifest."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
OUTLOOK = ROOT / "addin_manifest" / "outlook"
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "v10": "http://schemas.microsoft.com/office/mailappversionoverrides",
    "v11": "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


def _xml() -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(OUTLOOK / "manifest.xml"), parser).getroot()


def _json() -> dict:  # type: ignore[type-arg]
    return json.loads((OUTLOOK / "manifest.json").read_text(encoding="utf-8"))


def _urls(text: str) -> set[str]:
    return set(re.findall(r"https://sendguard\.example/[\w./-]+", text))


def test_xml_is_well_formed_and_a_mail_app() -> None:
    root = _xml()
    assert root.tag == f"{{{NS['o']}}}OfficeApp"
    assert root.get(XSI_TYPE) == "MailApp"
    assert root.find("o:Hosts/o:Host", NS).get("Name") == "Mailbox"


def test_xml_and_json_share_the_id_and_web_application() -> None:
    root = _xml()
    manifest = _json()
    assert root.findtext("o:Id", namespaces=NS) == manifest["id"]
    v11 = root.find("v10:VersionOverrides/v11:VersionOverrides", NS)
    assert v11 is not None and v11.get(XSI_TYPE) == "VersionOverridesV1_1"
    assert v11.findtext("v11:WebApplicationInfo/v11:Id", namespaces=NS) == manifest["webApplicationInfo"]["id"]
    assert (
        v11.findtext("v11:WebApplicationInfo/v11:Resource", namespaces=NS) == manifest["webApplicationInfo"]["resource"]
    )
    assert v11.find("v11:Requirements/bt:Sets", NS).get("DefaultMinVersion") == "1.15"


def test_xml_has_the_on_send_launch_event_with_soft_block() -> None:
    v11 = _xml().find("v10:VersionOverrides/v11:VersionOverrides", NS)
    points = v11.findall(".//v11:ExtensionPoint", NS)
    launch = [p for p in points if p.get(XSI_TYPE) == "LaunchEvent"]
    assert len(launch) == 1
    events = launch[0].findall("v11:LaunchEvents/v11:LaunchEvent", NS)
    assert [(e.get("Type"), e.get("FunctionName"), e.get("SendMode")) for e in events] == [
        ("OnMessageSend", "onMessageSendHandler", "SoftBlock")
    ]
    surfaces = {p.get(XSI_TYPE) for p in points}
    assert {"MessageComposeCommandSurface", "MessageReadCommandSurface"} <= surfaces


def test_xml_urls_resolve_to_the_same_files_as_the_json_manifest() -> None:
    root = _xml()
    v11 = root.find("v10:VersionOverrides/v11:VersionOverrides", NS)
    urls = {u.get("id"): u.get("DefaultValue") for u in v11.findall("v11:Resources/bt:Urls/bt:Url", NS)}
    manifest = _json()
    runtimes = {r["id"]: r["code"] for r in manifest["extensions"][0]["runtimes"]}
    assert urls["Taskpane.Url"] == runtimes["TaskPaneRuntime"]["page"]
    assert urls["EventRuntime.Url"] == runtimes["EventRuntime"]["page"]
    assert urls["LaunchEvent.Url"] == runtimes["EventRuntime"]["script"]
    runtime = v11.find(".//v11:Runtimes/v11:Runtime", NS)
    assert urls[runtime.get("resid")] == runtimes["EventRuntime"]["page"]
    assert urls[runtime.find("v11:Override", NS).get("resid")] == runtimes["EventRuntime"]["script"]
    # every resid used is defined
    defined = {e.get("id") for e in v11.iter() if e.get("id")}
    used = {e.get("resid") for e in v11.iter() if e.get("resid")}
    assert used <= defined, used - defined


def test_every_url_in_both_manifests_is_a_file_the_service_serves() -> None:
    text = (OUTLOOK / "manifest.xml").read_text(encoding="utf-8") + (OUTLOOK / "manifest.json").read_text(
        encoding="utf-8"
    )
    urls = _urls(text)
    assert urls, "the manifests use the placeholder origin"
    for url in urls:
        path = url.removeprefix("https://sendguard.example/")
        if path in ("privacy", "terms"):
            continue
        assert path.startswith("addin/"), url
        assert (ROOT / "frontend" / path.removeprefix("addin/")).is_file(), url


def test_button_ids_match() -> None:
    root = _xml()
    xml_ids = {c.get("id") for c in root.iter(f"{{{NS['v11']}}}Control")}
    manifest = _json()
    json_ids = {
        control["id"]
        for ribbon in manifest["extensions"][0]["ribbons"]
        for tab in ribbon["tabs"]
        for group in tab["groups"]
        for control in group["controls"]
    }
    assert xml_ids == json_ids == {"SendGuardComposeButton", "SendGuardReadButton"}
