from app.errors import Forbidden, Unauthorized


class MissingCredentials(Unauthorized):
    code = "missing_credentials"
    message = "Sign-in is required."


class InvalidCredentials(Unauthorized):
    code = "invalid_credentials"
    message = "The sign-in could not be verified."


class AuthModeNotAvailable(Unauthorized):
    code = "auth_not_configured"
    message = "This sign-in method is not configured on the server."


class AdminRequired(Forbidden):
    code = "admin_required"
    message = "Only an administrator can do this."


class WorkspaceAccountRequired(Forbidden):
    code = "workspace_account_required"
    message = "Sign in with your organization's Google Workspace account; personal Google accounts are not accepted."


class DevAuthNotHere(Forbidden):
    code = "dev_auth_on_network"
    message = "Dev sign-in (X-Dev-User) is accepted only on this machine's loopback address."
