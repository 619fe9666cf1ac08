from app.errors import Conflict, Forbidden, NotFound, ProviderUnavailable, ValidationFailed


class MailboxUnavailable(ProviderUnavailable):
    code = "mailbox_unavailable"
    message = "The mailbox service is unavailable; try again shortly."


class SendOutcomeUnknown(MailboxUnavailable):
    """The send was asked for and no answer came back: the message may have left. Never retry without looking."""

    code = "send_outcome_unknown"
    message = "The mailbox did not say whether the message was sent."


class MessageNotFound(NotFound):
    code = "message_not_found"
    message = "The message was not found in the mailbox."


class ConsentMissing(Forbidden):
    code = "consent_missing"
    message = "SendGuard has not been allowed to read or write this mailbox. Ask your administrator to grant consent."


class ProviderMismatch(ValidationFailed):
    code = "provider_not_configured"
    message = "This mailbox provider is not configured on the server."


class ProviderCannotHold(ValidationFailed):
    code = "provider_cannot_hold"
    message = "This mailbox provider cannot hold sent messages."


class AlreadySent(Conflict):
    code = "already_sent"
    message = "Too late: the message has left the Outbox and can no longer be held back."
