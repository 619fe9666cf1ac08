from app.errors import NotFound, ValidationFailed


class IncidentNotFound(NotFound):
    code = "incident_not_found"
    message = "No such incident."


class InvalidRecipients(ValidationFailed):
    code = "invalid_recipients"
    message = "The wrong and intended recipients do not fit the message."


class LettersNeeded(ValidationFailed):
    code = "letters_needed"
    message = "Send the letters to create, as returned when the incident was recorded (they are not stored)."


class UnknownStep(ValidationFailed):
    code = "unknown_step"
    message = "This incident has no such step."


class RecallNeedsReference(ValidationFailed):
    code = "recall_needs_reference"
    message = "Only an incident recorded from a message in the mailbox (by reference) can be recalled."
