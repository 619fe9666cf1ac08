from app.errors import Conflict, NotFound, ValidationFailed


class ScheduledSendNotFound(NotFound):
    code = "scheduled_send_not_found"
    message = "No such scheduled send."


class AlreadySending(Conflict):
    code = "already_sending"
    message = "Sending has begun; it can no longer be cancelled."


class AlreadyScheduled(Conflict):
    code = "already_scheduled"
    message = "This draft is already scheduled."


class InvalidSendTime(ValidationFailed):
    code = "invalid_send_time"
    message = "The send time must be between now and seven days ahead."
