"""MijnZaken: a citizen's or company's overview of zaken, taken and contact.

Composed from the registers with the public client API only, concurrently and honestly:
what could not be fetched is listed in ``missing``, never silently dropped.
"""

from .._async.citizen_caches import AsyncOverviewCache
from .._async.mijnzaken import AsyncMijnZaken
from .._sync.citizen_caches import OverviewCache
from .._sync.mijnzaken import MijnZaken
from .models import (
    BesluitView,
    ContactView,
    DocumentView,
    ExpectedEnd,
    Missing,
    Overview,
    Progress,
    QuestionConfirmation,
    Step,
    Subject,
    TaakView,
    TimelineEntry,
    ZaakDetail,
    ZaakSummary,
)
from .policy import Policy

__all__ = [
    "AsyncMijnZaken",
    "AsyncOverviewCache",
    "BesluitView",
    "ContactView",
    "DocumentView",
    "ExpectedEnd",
    "MijnZaken",
    "Missing",
    "Overview",
    "OverviewCache",
    "Policy",
    "Progress",
    "QuestionConfirmation",
    "Step",
    "Subject",
    "TaakView",
    "TimelineEntry",
    "ZaakDetail",
    "ZaakSummary",
]
