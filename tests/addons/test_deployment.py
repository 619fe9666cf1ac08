"""The HTTP deployment file parses as Google's own Deployment type, so a typo cannot ship."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from google.cloud.gsuiteaddons_v1 import Deployment

from app.main import create_app

DEPLOYMENT = Path(__file__).resolve().parents[2] / "addin_manifest" / "gmail" / "deployment.json"
BASE = "https://sendguard.example"


def load() -> Deployment:
    return Deployment.from_json(DEPLOYMENT.read_text(encoding="utf-8"), ignore_unknown_fields=False)


def test_deployment_parses_strictly() -> None:
    deployment = load()
    gmail = deployment.add_ons.gmail
    assert deployment.add_ons.common.name == "SendGuard"
    assert deployment.add_ons.common.use_locale_from_app is True
    assert deployment.add_ons.http_options.authorization_header.name == "SYSTEM_ID_TOKEN"
    assert gmail.compose_trigger.draft_access.name == "METADATA"
    assert len(gmail.contextual_triggers) == 1
    assert "unconditional" in gmail.contextual_triggers[0]


def test_a_typo_is_rejected() -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8").replace('"homepageTrigger"', '"homePageTrigger"')
    with pytest.raises(Exception, match="homePageTrigger"):
        Deployment.from_json(text, ignore_unknown_fields=False)


def test_urls_point_at_the_addon_routes() -> None:
    deployment = load()
    common, gmail = deployment.add_ons.common, deployment.add_ons.gmail
    urls = {
        common.homepage_trigger.run_function: "/addons/gmail/homepage",
        gmail.contextual_triggers[0].on_trigger_function: "/addons/gmail/message",
        gmail.compose_trigger.actions[0].run_function: "/addons/gmail/compose",
    }
    for url, path in urls.items():
        assert url == BASE + path
    paths = create_app().openapi()["paths"]
    for path in (*urls.values(), "/addons/gmail/action"):
        assert set(paths[path]) == {"post"}
    assert common.logo_url.startswith(BASE + "/")


def test_scopes_are_the_narrow_ones() -> None:
    scopes = set(json.loads(DEPLOYMENT.read_text(encoding="utf-8"))["oauthScopes"])
    assert scopes == {
        "https://www.googleapis.com/auth/gmail.addons.execute",
        "https://www.googleapis.com/auth/gmail.addons.current.message.readonly",
        "https://www.googleapis.com/auth/gmail.addons.current.action.compose",
        "https://www.googleapis.com/auth/gmail.compose",
        "https://www.googleapis.com/auth/userinfo.email",
    }
    assert "https://mail.google.com/" not in scopes
    assert not any(s.endswith(("gmail.readonly", "gmail.modify")) for s in scopes)
