"""Template errors. Each has its own ``code`` so a client can tell a typo in the name from a form left half-empty."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.errors import NotFound, ValidationFailed


class UnknownTemplate(NotFound):
    code = "template_not_found"
    message = "No such template."

    def __init__(self, name: str) -> None:
        super().__init__(f"No template named {name!r}.", details={"template": name})
        self.name = name


class UnsupportedLocale(ValidationFailed):
    code = "locale_not_supported"
    message = "The template is not available in this language."

    def __init__(self, name: str, locale: str, available: Iterable[str]) -> None:
        self.available = sorted(available)
        super().__init__(
            f"Template {name!r} has no {locale!r} version.",
            details={"template": name, "locale": locale, "available": self.available},
        )


class MissingFields(ValidationFailed):
    code = "missing_fields"
    message = "Some required fields are missing."

    def __init__(self, name: str, fields: Iterable[str]) -> None:
        self.fields = sorted(fields)
        super().__init__(
            f"Template {name!r} needs: {', '.join(self.fields)}.",
            details={"template": name, "missing": self.fields},
        )


class InvalidFields(ValidationFailed):
    code = "invalid_fields"
    message = "Some fields have values of the wrong kind."

    def __init__(self, name: str, problems: Mapping[str, str]) -> None:
        # field name -> a short reason; reasons never echo the value (it may be a customer's data).
        self.problems = dict(sorted(problems.items()))
        self.fields = list(self.problems)
        super().__init__(
            f"Template {name!r} got invalid values for: {', '.join(self.fields)}.",
            details={"template": name, "invalid": self.problems},
        )


class HandoffPrefillUnknown(NotFound):
    code = "organization_not_found"
    message = "The recipient belongs to no organization in the directory."
