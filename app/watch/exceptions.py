from app.errors import Forbidden, ValidationFailed


class RecoveryLinkInvalid(ValidationFailed):
    code = "recovery_link_invalid"
    message = "This recovery link is not valid."


class RecoveryLinkNotYours(Forbidden):
    code = "recovery_link_not_yours"
    message = "This recovery link belongs to another user."
