"""docs/examples must show what the templates really produce today."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "examples" / "render_examples.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_examples", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_on_disk_match_the_templates() -> None:
    expected = _script().build()
    assert {"apology_wrong_recipient.de.md", "handoff_internal.zh-CN.md"} <= set(expected)
    for filename, content in expected.items():
        on_disk = (SCRIPT.parent / filename).read_text(encoding="utf-8")
        assert on_disk == content, f"{filename} is stale: run .venv/bin/python docs/examples/render_examples.py"


def test_examples_cover_the_seed_case() -> None:
    files = _script().build()
    assert len(files) == 11
    assert "PI_SolarTech_2026-001.pdf" in files["notice_intended_recipient.en.md"]
    assert "Sehr geehrte Frau Gómez," in files["apology_wrong_recipient.de.md"]
    # The apology goes to the rival: it must not tell them whose document it was beyond what they already hold.
    assert "Michael Schmidt" not in files["apology_wrong_recipient.en.md"]
