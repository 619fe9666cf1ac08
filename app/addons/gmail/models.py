"""The Workspace add-on event object, as Gmail posts it to the HTTP endpoints (only the parts SendGuard reads)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from app.validation import NulFree

_LIST = Annotated[list[str], Field(max_length=5000)]


class _Model(NulFree, BaseModel):
    # Google adds fields over time; unknown ones are ignored, never a reason to refuse an event.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class StringInputs(_Model):
    value: list[str] = []


class DateInput(_Model):
    ms_since_epoch: int | None = Field(default=None, alias="msSinceEpoch")


class DateTimeInput(_Model):
    ms_since_epoch: int | None = Field(default=None, alias="msSinceEpoch")
    has_date: bool | None = Field(default=None, alias="hasDate")
    has_time: bool | None = Field(default=None, alias="hasTime")


class FormInput(_Model):
    string_inputs: StringInputs | None = Field(default=None, alias="stringInputs")
    date_input: DateInput | None = Field(default=None, alias="dateInput")
    date_time_input: DateTimeInput | None = Field(default=None, alias="dateTimeInput")

    @property
    def values(self) -> list[str]:
        return self.string_inputs.value if self.string_inputs else []

    @property
    def ms_since_epoch(self) -> int | None:
        for item in (self.date_input, self.date_time_input):
            if item is not None and item.ms_since_epoch is not None:
                return item.ms_since_epoch
        return None


class TimeZone(_Model):
    id: str = ""
    offset: int = 0


class CommonEventObject(_Model):
    host_app: str | None = Field(default=None, alias="hostApp")
    platform: str | None = None
    user_locale: str | None = Field(default=None, alias="userLocale")
    time_zone: TimeZone | None = Field(default=None, alias="timeZone")
    form_inputs: dict[str, FormInput] = Field(default_factory=dict, alias="formInputs")
    parameters: dict[str, str] = Field(default_factory=dict)
    invoked_function: str | None = Field(default=None, alias="invokedFunction")


class AuthorizationEventObject(_Model):
    system_id_token: str | None = Field(default=None, alias="systemIdToken")
    # Google's documentation spells it both ways; either is accepted.
    user_oauth_token: str | None = Field(
        default=None, validation_alias=AliasChoices("userOAuthToken", "userOauthToken")
    )
    user_id_token: str | None = Field(default=None, alias="userIdToken")
    # Present once the user has answered a granular consent screen: the scopes actually granted.
    authorized_scopes: list[str] | None = Field(default=None, alias="authorizedScopes")


class GmailEvent(_Model):
    message_id: str | None = Field(default=None, alias="messageId")
    thread_id: str | None = Field(default=None, alias="threadId")
    access_token: str | None = Field(default=None, alias="accessToken")
    to_recipients: _LIST = Field(default_factory=list, alias="toRecipients")
    cc_recipients: _LIST = Field(default_factory=list, alias="ccRecipients")
    bcc_recipients: _LIST = Field(default_factory=list, alias="bccRecipients")


class AddonEvent(_Model):
    common_event_object: CommonEventObject = Field(default_factory=CommonEventObject, alias="commonEventObject")
    authorization_event_object: AuthorizationEventObject = Field(
        default_factory=AuthorizationEventObject, alias="authorizationEventObject"
    )
    gmail: GmailEvent | None = None
    # Older events carry the form inputs at the top level too.
    form_inputs: dict[str, FormInput] = Field(default_factory=dict, alias="formInputs")

    @property
    def parameters(self) -> dict[str, str]:
        return self.common_event_object.parameters

    @property
    def locale(self) -> str | None:
        return self.common_event_object.user_locale

    def inputs(self) -> dict[str, FormInput]:
        return {**self.form_inputs, **self.common_event_object.form_inputs}

    def strings(self, name: str) -> list[str]:
        item = self.inputs().get(name)
        return [v for v in item.values if v] if item else []

    def string(self, name: str) -> str:
        values = self.strings(name)
        return values[0] if values else ""


Json = dict[str, Any]
