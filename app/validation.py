"""Input rules every request shares, in one place.

NUL characters are never meaningful in mail addresses, names or text, PostgreSQL refuses to store them,
and some clients truncate at them. Every request model mixes in `NulFree`
(``class DraftIn(NulFree, BaseModel)``), which refuses a NUL anywhere in its strings (lists and mappings
included) with a 422 that names the field; free-text query parameters use `SafeText`.
tests/test_validation.py checks that every model a route reads has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

NUL = "\x00"
NUL_ERROR = "nul_character"


def contains_nul(value: Any) -> bool:
    """Whether a string anywhere in a (nested) value contains a NUL character.

    Nested models are skipped: they check their own fields and name them more precisely."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, Mapping):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


def _nul_error(field: str | None) -> PydanticCustomError:
    return PydanticCustomError(NUL_ERROR, "{field} must not contain NUL characters", {"field": field or "text"})


def reject_nul(value: str) -> str:
    if NUL in value:
        raise _nul_error(None)
    return value


SafeText = Annotated[str, AfterValidator(reject_nul)]


class NulFree:
    """Mixed into every model the service reads from a request (a mixin, so linters still see BaseModel)."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if contains_nul(value):
            raise _nul_error(info.field_name)
        return value
