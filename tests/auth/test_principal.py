"""Principal: values longer than the user and tenant tables hold are cut once, here."""

from __future__ import annotations

from app.auth.principal import MAX_ADDRESS_CHARS, MAX_DISPLAY_NAME_CHARS, MAX_TENANT_NAME_CHARS, Principal


def test_long_values_are_cut_to_what_the_tables_hold() -> None:
    principal = Principal(
        subject="s" * 1000,
        email="e" * 1000,
        tenant_key="k" * 1000,
        tenant_name="t" * 1000,
        display_name="d" * 1000,
    )
    assert principal.email == "e" * MAX_ADDRESS_CHARS
    assert principal.display_name == "d" * MAX_DISPLAY_NAME_CHARS
    assert principal.tenant_name == "t" * MAX_TENANT_NAME_CHARS
    # the subject and tenant key identify; they are never cut (two users must not become one)
    assert (principal.subject, principal.tenant_key) == ("s" * 1000, "k" * 1000)


def test_values_that_fit_are_kept_as_they_are() -> None:
    principal = Principal(
        subject="dev:a@b.example",
        email="a" * (MAX_ADDRESS_CHARS - 10) + "@b.example",
        tenant_key="dev:b.example",
        tenant_name="n" * MAX_TENANT_NAME_CHARS,
        display_name="Ä" * MAX_DISPLAY_NAME_CHARS,
    )
    assert principal.email == "a" * (MAX_ADDRESS_CHARS - 10) + "@b.example"
    assert principal.tenant_name == "n" * MAX_TENANT_NAME_CHARS
    assert principal.display_name == "Ä" * MAX_DISPLAY_NAME_CHARS
