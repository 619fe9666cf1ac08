"""Every table, imported in one place so that Alembic sees the whole schema."""

from app.directory.models import Contact, Organization, OrganizationDomain
from app.policies.models import Policy
from app.tenants.models import Tenant, User

__all__ = ["Contact", "Organization", "OrganizationDomain", "Policy", "Tenant", "User"]
