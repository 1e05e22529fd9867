"""URLs of the Django test portal: the overview of the logged-in citizen."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path

from zgw_client.django import get_client
from zgw_client.mijnzaken import MijnZaken


def mijn_zaken(request: HttpRequest) -> JsonResponse:
    bsn = request.session.get("bsn") if hasattr(request, "session") else None
    bsn = bsn or request.headers.get("X-Test-Citizen", "")
    overview = MijnZaken(get_client()).overview(bsn=bsn)
    return JsonResponse(overview.model_dump(mode="json"))


urlpatterns = [path("mijn-zaken/", mijn_zaken)]
