"""The citizen's pages: a demo login and the MijnZaken overview."""

from __future__ import annotations

import os

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from zgw_client.django import get_client
from zgw_client.mijnzaken import MijnZaken

SESSION_KEY = "bsn"


@require_http_methods(["GET", "POST"])
def demo_login(request: HttpRequest) -> HttpResponse:
    """Log in as ``ZGW_DEMO_BSN``. A portal logs in with DigiD (e.g. through OIDC) instead;
    what matters here is that the BSN lives in the session on the server, never in a URL."""
    bsn = os.environ.get("ZGW_DEMO_BSN")
    if not bsn:
        raise Http404("No demo login configured.")
    if request.method == "POST":
        request.session.cycle_key()  # a new session id at login
        request.session[SESSION_KEY] = bsn
        return redirect("mijn-zaken")
    return render(request, "portal_site/login.html")


def mijn_zaken(request: HttpRequest) -> HttpResponse:
    """The logged-in citizen's overview: what to do, running and closed zaken."""
    bsn = request.session.get(SESSION_KEY)
    if not bsn:
        return redirect("login")
    # One client per process (zgw_client.django), its cache in CACHES["zgw"].
    overview = MijnZaken(get_client()).overview(bsn=bsn)
    return render(request, "portal_site/mijn_zaken.html", {"overview": overview})
