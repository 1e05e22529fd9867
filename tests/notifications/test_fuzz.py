"""Whatever arrives, the receiver answers and never raises (hypothesis)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zgw_client.notifications import (
    JWTAuthenticator,
    NotificationReceiver,
    StaticTokenAuthenticator,
)

from .conftest import JWT_SECRET, TOKEN, make_jwt, message

RECEIVER = NotificationReceiver(
    auth=[StaticTokenAuthenticator(TOKEN), JWTAuthenticator([JWT_SECRET])],
    max_body_size=4096,
)
RECEIVER.on(name="every-notification")(lambda notification: None)
RECEIVER.on_cloud_event(name="every-event")(lambda event: None)

ANSWERS = {204, 400, 401, 403, 405, 413, 500, 503}

header_names = st.one_of(
    st.sampled_from(["Authorization", "authorization", "Content-Type", "X-Other"]),
    st.text(max_size=20),
)
header_values = st.one_of(
    st.sampled_from([TOKEN, "Bearer " + make_jwt(), "application/cloudevents+json"]),
    st.text(max_size=200),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def bodies() -> st.SearchStrategy[bytes]:
    def mutated(changes: dict[str, Any]) -> bytes:
        return json.dumps({**message(), **changes}, default=str).encode()

    field_names = st.sampled_from(
        [
            "kanaal",
            "hoofdObject",
            "resource",
            "resourceUrl",
            "actie",
            "aanmaakdatum",
            "kenmerken",
            "specversion",
            "id",
            "source",
            "type",
            "data",
            "time",
        ]
    )
    return st.one_of(
        st.binary(max_size=600),
        st.dictionaries(field_names, json_values, max_size=8).map(mutated),
        json_values.map(lambda v: json.dumps(v).encode()),
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    method=st.sampled_from(["POST", "GET", "post", "PUT", ""]) | st.text(max_size=8),
    headers=st.lists(st.tuples(header_names, header_values), max_size=5),
    body=bodies(),
)
def test_the_sync_face_never_raises(
    method: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    response = RECEIVER.receive(method, headers, body)
    assert response.status in ANSWERS
    if response.body:
        assert isinstance(json.loads(response.body), dict)


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(st.tuples(st.binary(max_size=20), st.binary(max_size=80)), max_size=4).map(
        lambda pairs: [(b"authorization", TOKEN.encode()), *pairs]
    ),
    body=bodies(),
)
def test_the_async_face_never_raises(headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    response = asyncio.run(RECEIVER.receive_async("POST", headers, body))
    assert response.status in ANSWERS
