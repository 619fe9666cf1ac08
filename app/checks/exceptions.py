from app.errors import AppError, NotFound, PayloadTooLarge, ValidationFailed


class CheckNotFound(NotFound):
    code = "check_not_found"
    message = "No such check."


class InvalidAttachment(ValidationFailed):
    code = "invalid_attachment"
    message = "An attachment could not be read."


class AttachmentTooLarge(PayloadTooLarge):
    code = "attachment_too_large"
    message = "The attachments are larger than the service accepts."


class BodyTooLarge(PayloadTooLarge):
    code = "body_too_large"
    message = "The message body is larger than the service checks."


class UnknownDismissedCode(ValidationFailed):
    code = "unknown_dismissed_code"
    message = "Only findings of this check can be dismissed."


class IndexUnavailable(AppError):
    status_code = 503
    code = "index_unavailable"
    message = "The directory is being reloaded; try again in a moment."

    def __init__(self) -> None:
        super().__init__(headers={"Retry-After": "1"})
