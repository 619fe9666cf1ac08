"""Learning a directory from sent mail: organizations, contacts, languages, owners, codes, rival suggestions and
who received which document. Pure: messages go in one at a time, a proposal comes out; nothing of a body stays."""

from app.analysis.learning.learner import Learner, learn
from app.analysis.learning.messages import LearnAttachment, LearnMessage
from app.analysis.learning.proposal import (
    DocumentOwnership,
    Proposal,
    ProposedContact,
    ProposedOrg,
    RivalSuggestion,
)

__all__ = [
    "DocumentOwnership",
    "LearnAttachment",
    "LearnMessage",
    "Learner",
    "Proposal",
    "ProposedContact",
    "ProposedOrg",
    "RivalSuggestion",
    "learn",
]
