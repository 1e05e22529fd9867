"""A first run of zgw-client against a local mock of Open Zaak (no server needed).

Shows routing by API root, JWT-ZGW auth, CRS headers, paging across pages, a typed error,
and the refusal to send credentials to a URL under no configured API root.
"""

from __future__ import annotations

import math

import httpx

from zgw_client import (
    NotFoundError,
    UnconfiguredURLError,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
)

ROOT = "https://openzaak.example.nl/zaken/api/v1/"
ZAKEN = [{"identificatie": f"ZAAK-2026-{n:04d}", "omschrijving": f"Zaak {n}"} for n in range(7)]


def mock_open_zaak(request: httpx.Request) -> httpx.Response:
    """A few lines of fake Open Zaak: paged zaken list, 404 for anything else."""
    assert request.headers["Authorization"].startswith("Bearer ")
    if request.url.path == "/zaken/api/v1/zaken":
        assert request.headers["Accept-Crs"] == "EPSG:4326"
        page = int(request.url.params.get("page", 1))
        size = int(request.url.params.get("pageSize", 3))
        last = math.ceil(len(ZAKEN) / size)
        return httpx.Response(
            200,
            json={
                "count": len(ZAKEN),
                "next": f"{ROOT}zaken?page={page + 1}&pageSize={size}" if page < last else None,
                "previous": None,
                "results": ZAKEN[(page - 1) * size : page * size],
            },
        )
    return httpx.Response(
        404,
        json={"code": "not_found", "title": "Niet gevonden.", "status": 404},
        headers={"Content-Type": "application/problem+json"},
    )


def main() -> None:
    config = ZGWConfig.open_zaak(
        "https://openzaak.example.nl", ZGWCredentials("demo-client", "demo-secret")
    )
    http = httpx.Client(transport=httpx.MockTransport(mock_open_zaak))
    with ZGWClient(config, http_client=http) as client:
        zaken = client.paginate(
            client.url_for("zaken", "zaken"), parse=dict, params={"pageSize": 3}
        )
        print(f"{zaken.count()} zaken, read across pages:")
        for zaak in zaken:
            print(f"  {zaak['identificatie']}  {zaak['omschrijving']}")
        try:
            client.request("GET", client.url_for("zaken", "zaken/onbekend"))
        except NotFoundError as exc:
            print(f"typed error: {type(exc).__name__} status={exc.status} code={exc.code}")
        try:
            client.request("GET", "https://evil.example.com/zaken/api/v1/zaken")
        except UnconfiguredURLError:
            print("refused to send credentials to evil.example.com (no request was made)")


if __name__ == "__main__":
    main()
