"""MijnZaken: a citizen's or company's overview of zaken, taken and contact, and their
home page (zaken, taken, berichten and producten in one composition).

Composed from the registers with the public client API only, concurrently and honestly:
what could not be fetched is listed in ``missing``, never silently dropped.
"""

from .._async.citizen_caches import AsyncOverviewCache
from .._async.homepage import AsyncHomePage
from .._async.mijnzaken import AsyncMijnZaken
from .._sync.citizen_caches import OverviewCache
from .._sync.homepage import HomePage
from .._sync.mijnzaken import MijnZaken
from .models import (
    BerichtView,
    BesluitView,
    ContactView,
    DocumentView,
    ExpectedEnd,
    HomePageView,
    HomePart,
    Missing,
    Overview,
    ProductView,
    Progress,
    QuestionConfirmation,
    Step,
    Subject,
    TaakView,
    TimelineEntry,
    ZaakDetail,
    ZaakSummary,
)
from .policy import HomeParts, Policy

__all__ = [
    "AsyncHomePage",
    "AsyncMijnZaken",
    "AsyncOverviewCache",
    "BerichtView",
    "BesluitView",
    "ContactView",
    "DocumentView",
    "ExpectedEnd",
    "HomePage",
    "HomePageView",
    "HomePart",
    "HomeParts",
    "MijnZaken",
    "Missing",
    "Overview",
    "OverviewCache",
    "Policy",
    "ProductView",
    "Progress",
    "QuestionConfirmation",
    "Step",
    "Subject",
    "TaakView",
    "TimelineEntry",
    "ZaakDetail",
    "ZaakSummary",
]
