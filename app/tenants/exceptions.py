from app.errors import Forbidden


class TenantNotRegistered(Forbidden):
    code = "tenant_not_registered"
    message = (
        "Your organization is not registered with this SendGuard server. Ask its administrator to add it "
        "(python -m app.cli create-tenant ...)."
    )
