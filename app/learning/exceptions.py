from app.errors import Conflict, NotFound, ValidationFailed


class LearningJobNotFound(NotFound):
    code = "learning_job_not_found"
    message = "No such learning job in this organization."


class LearningAlreadyRunning(Conflict):
    code = "learning_already_running"
    message = "A learning job is already reading this organization's mail; cancel it or wait for it to finish."


class LearningNotFinished(Conflict):
    code = "learning_not_finished"
    message = "The learning job has not finished: there is no proposal yet."


class LearningUnsupported(ValidationFailed):
    code = "learning_unsupported"
    message = "This mailbox provider cannot read the organization's sent mail."


class NoMailboxes(ValidationFailed):
    code = "no_mailboxes"
    message = "No user of this organization has signed in yet: there is no mailbox to learn from."
