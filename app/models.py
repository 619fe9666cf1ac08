"""Every table, imported in one place so that Alembic sees the whole schema."""

from app.checks.models import AttachmentScan, CheckRecord, Correspondent, Dismissal
from app.directory.models import Contact, Organization, OrganizationDomain
from app.incidents.models import ConfusionPair, Incident
from app.learning.models import LearningJob
from app.policies.models import Policy
from app.scheduling.models import ScheduledSend
from app.templates.models import Handoff
from app.tenants.models import Tenant, User
from app.watch.models import WatchedMessage, WatchState

__all__ = [
    "AttachmentScan",
    "CheckRecord",
    "ConfusionPair",
    "Contact",
    "Correspondent",
    "Dismissal",
    "Handoff",
    "Incident",
    "LearningJob",
    "Organization",
    "OrganizationDomain",
    "Policy",
    "ScheduledSend",
    "Tenant",
    "User",
    "WatchState",
    "WatchedMessage",
]
