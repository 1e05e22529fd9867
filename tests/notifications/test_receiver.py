"""The receiver end to end, on both faces: answers, routing, duplicates, failures, queue mode."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from zgw_client import ConfigurationError
from zgw_client.notifications import (
    Actie,
    CloudEvent,
    DispatchError,
    FailedDelivery,
    InMemoryDeliveryStore,
    InvalidDeliveryError,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    WebhookResponse,
)

from .conftest import AUTH, STATUS, TOKEN, ZAAK, ZAAKTYPE, body_of, cloud_event, message

Send = Callable[..., WebhookResponse]


@pytest.fixture(params=["sync", "async"])
def send(request: pytest.FixtureRequest) -> Send:
    """Deliver through `receive` or through `receive_async`."""

    def deliver(
        receiver: NotificationReceiver,
        body: bytes,
        headers: Any = AUTH,
        method: str = "POST",
    ) -> WebhookResponse:
        if request.param == "sync":
            return receiver.receive(method, headers, body)
        return asyncio.run(receiver.receive_async(method, headers, body))

    return deliver


def make_receiver(**options: Any) -> NotificationReceiver:
    return NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN), **options)


# -- answers -----------------------------------------------------------------------------------


def test_accepted_is_204_with_no_body(send: Send) -> None:
    response = send(make_receiver(), body_of(message()))
    assert (response.status, response.body) == (204, b"")
    assert response.header("API-version") == "1.0.0-rc1"


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "HEAD"])
def test_other_methods_are_405(send: Send, method: str) -> None:
    response = send(make_receiver(), body_of(message()), method=method)
    assert response.status == 405
    assert response.header("Allow") == "POST"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "parse_error"),
        (b"{not json", "parse_error"),
        (b'{"kanaal": "zaken"', "parse_error"),
        (b"\xff\xfe{}", "parse_error"),
        ('{"kanaal": "z\u00e4ken"}'.encode("latin-1"), "parse_error"),  # not UTF-8
        (b"[]", "invalid"),
        (b'"a string"', "invalid"),
        (b"null", "invalid"),
        (b"42", "invalid"),
        (b"[" * 100_000 + b"]" * 100_000, None),  # too big, or too deep
        (b'{"a":' * 5000 + b"1" + b"}" * 5000, "parse_error"),  # deeply nested
    ],
)
def test_what_is_not_a_json_object_is_400(send: Send, body: bytes, code: str | None) -> None:
    response = send(make_receiver(), body)
    assert response.status in ((400,) if code else (400, 413))
    assert response.header("Content-Type") == "application/problem+json"
    problem = response.problem
    assert problem is not None
    if code:
        assert problem["code"] == code
        assert problem["invalid-params"] == problem["invalidParams"]


def test_a_wrong_shape_names_the_fields_and_echoes_no_value(send: Send) -> None:
    bsn_like = "999990111"
    body = body_of(
        message(
            resourceUrl=None,
            aanmaakdatum=f"the day of {bsn_like}",
            kenmerken={"bsn": {"nested": bsn_like}, bsn_like: bsn_like},
            kanaal=123,
        )
    )
    response = send(make_receiver(), body)
    assert response.status == 400
    names = {p["name"] for p in response.problem["invalidParams"]}
    assert names == {"resourceUrl", "aanmaakdatum", "kanaal"}
    assert bsn_like not in response.body.decode()


def test_a_missing_field_is_400(send: Send) -> None:
    data = message()
    del data["resourceUrl"]
    response = send(make_receiver(), body_of(data))
    assert response.status == 400
    assert [p["name"] for p in response.problem["invalidParams"]] == ["resourceUrl"]


def test_bodies_over_the_cap_are_413(send: Send) -> None:
    receiver = make_receiver(max_body_size=1024)
    small = body_of(message())
    assert send(receiver, small).status == 204
    big = body_of(message(padding="x" * 2000))
    assert send(receiver, big).status == 413


def test_open_notificaties_subscription_check_passes_without_running_handlers(send: Send) -> None:
    # What Open Notificaties' CallbackURLValidator POSTs when an abonnement is created:
    # it needs a 2xx with the registered auth and a 401/403 without.
    check = {
        "kanaal": "test",
        "hoofdObject": "http://some.hoofdobject.nl/",
        "resource": "some_resource",
        "resourceUrl": "http://some.resource.nl/",
        "actie": "create",
        "aanmaakdatum": "2019-01-01T12:00:00Z",
        "kenmerken": {},
    }
    receiver = make_receiver()
    ran: list[Notification] = []
    receiver.on()(ran.append)
    assert send(receiver, body_of(check), headers={"AUTHORIZATION": TOKEN}).status == 204
    assert send(receiver, body_of(check), headers={}).status in (401, 403)
    assert ran == []


# -- routing -----------------------------------------------------------------------------------


def test_handlers_get_the_typed_notification(send: Send) -> None:
    receiver = make_receiver()
    got: list[Notification] = []

    @receiver.on(kanaal="zaken", resource="status", actie=Actie.create)
    def status_set(notification: Notification) -> None:
        got.append(notification)

    assert send(receiver, body_of(message())).status == 204
    (notification,) = got
    assert notification.hoofd_object == ZAAK
    assert notification.resource_url == STATUS
    assert notification.actie is Actie.create
    assert notification.kenmerken["zaaktype"] == ZAAKTYPE
    assert notification.aanmaakdatum.microsecond == 456000


def test_unknown_kanaal_and_unknown_fields_are_accepted(send: Send) -> None:
    receiver = make_receiver()
    got: list[Notification] = []
    receiver.on(kanaal="parkeervergunningen")(got.append)
    receiver.on(kanaal="zaken")(lambda n: pytest.fail("wrong kanaal"))
    data = message(kanaal="parkeervergunningen", actie="verlengd", source="open-product")
    data["nieuwVeld"] = {"a": [1, 2]}
    assert send(receiver, body_of(data)).status == 204
    (notification,) = got
    assert notification.actie == "verlengd"
    assert notification.source == "open-product"
    assert notification.model_extra == {"nieuwVeld": {"a": [1, 2]}}


def test_no_matching_handler_is_still_204(send: Send) -> None:
    receiver = make_receiver()
    receiver.on(kanaal="documenten")(lambda n: pytest.fail("not for documenten"))
    assert send(receiver, body_of(message())).status == 204


def test_kenmerk_filters_match_values_and_either_spelling(send: Send) -> None:
    receiver = make_receiver()
    got: list[str] = []
    taak_type = "http://127.0.0.1:8003/api/v2/objecttypes/taak"

    @receiver.on(kanaal="objecten", kenmerken={"object_type": taak_type})
    def taak(notification: Notification) -> None:
        got.append(notification.resource_url or "")

    @receiver.on(kenmerken={"vertrouwelijkheidaanduiding": ["openbaar", "beperkt_openbaar"]})
    def public(notification: Notification) -> None:
        got.append("public")

    objecten = message(kanaal="objecten", resource="object", kenmerken={"objectType": taak_type})
    send(receiver, body_of(objecten))
    send(receiver, body_of(message(resourceUrl=STATUS + "x")))
    other = message(resourceUrl=STATUS + "y")
    other["kenmerken"]["vertrouwelijkheidaanduiding"] = "geheim"
    send(receiver, body_of(other))
    assert got == [STATUS, "public"]


def test_async_and_sync_handlers_run_in_both_faces(send: Send) -> None:
    receiver = make_receiver()
    ran: list[str] = []

    @receiver.on(kanaal="zaken")
    def plain(notification: Notification) -> None:
        ran.append(f"sync in {threading.current_thread().name}")

    @receiver.on(kanaal="zaken")
    async def coroutine(notification: Notification) -> None:
        await asyncio.sleep(0)
        ran.append("async")

    assert send(receiver, body_of(message())).status == 204
    assert len(ran) == 2
    assert ran[1] == "async"


def test_a_sync_handler_in_the_async_face_runs_in_a_thread() -> None:
    receiver = make_receiver()
    threads: list[int] = []
    receiver.on()(lambda n: threads.append(threading.get_ident()))

    async def main() -> int:
        await receiver.receive_async("POST", AUTH, body_of(message()))
        return threading.get_ident()

    loop_thread = asyncio.run(main())
    assert threads
    assert threads[0] != loop_thread


# -- CloudEvents -------------------------------------------------------------------------------


CE_HEADERS = {"Authorization": TOKEN, "Content-Type": "application/cloudevents+json"}


def test_a_cloud_event_of_a_notification_reaches_both_kinds_of_handler(send: Send) -> None:
    receiver = make_receiver()
    notifications: list[Notification] = []
    events: list[CloudEvent] = []
    receiver.on(kanaal="zaken", resource="status", actie="create", name="n")(notifications.append)
    receiver.on_cloud_event(type_prefix="nl.overheid.zaken.", name="e")(events.append)
    assert send(receiver, body_of(cloud_event()), headers=CE_HEADERS).status == 204
    (notification,) = notifications
    assert notification.hoofd_object == ZAAK
    assert notification.resource_url is None  # only the UUID travels, as subject
    assert notification.kenmerken == {
        "bronorganisatie": "002220647",
        "zaaktype": ZAAKTYPE,
        "vertrouwelijkheidaanduiding": "openbaar",
    }
    assert notification.cloud_event is events[0]
    assert events[0].id == "1d3c1b57-5a3f-4bb2-9f30-3e0a5c0d9b77"


def test_open_zaaks_own_cloud_events_go_to_cloud_event_handlers_only(send: Send) -> None:
    receiver = make_receiver()
    events: list[CloudEvent] = []
    receiver.on()(lambda n: pytest.fail("not a notification"))
    receiver.on_cloud_event(type="nl.overheid.zaken.zaak-gemuteerd")(events.append)
    event = cloud_event(
        type="nl.overheid.zaken.zaak-gemuteerd",
        subject=ZAAK.rsplit("/", 1)[1],
        dataref="/zaken/api/v1/zaken/" + ZAAK.rsplit("/", 1)[1],
        data={"zaaktype": ZAAKTYPE, "vertrouwelijkheidaanduiding": "openbaar"},
    )
    assert send(receiver, body_of(event), headers=CE_HEADERS).status == 204
    assert events[0].dataref is not None


def test_a_cloud_event_without_its_required_attributes_is_400(send: Send) -> None:
    event = cloud_event()
    del event["id"]
    response = send(make_receiver(), body_of(event), headers=CE_HEADERS)
    assert response.status == 400
    assert [p["name"] for p in response.problem["invalidParams"]] == ["id"]


def test_a_redelivered_cloud_event_is_recognised_by_source_and_id(send: Send) -> None:
    receiver = make_receiver()
    ran: list[CloudEvent] = []
    receiver.on_cloud_event()(ran.append)
    send(receiver, body_of(cloud_event()), headers=CE_HEADERS)
    # the same event, serialised differently
    send(receiver, json.dumps(cloud_event(), indent=2).encode(), headers=CE_HEADERS)
    send(receiver, body_of(cloud_event(id="another-id")), headers=CE_HEADERS)
    assert [event.id for event in ran] == ["1d3c1b57-5a3f-4bb2-9f30-3e0a5c0d9b77", "another-id"]


# -- duplicates, failures, queue ---------------------------------------------------------------


def test_a_duplicate_delivery_runs_the_handler_once(send: Send) -> None:
    receiver = make_receiver()
    ran: list[Notification] = []
    receiver.on(kanaal="zaken")(ran.append)
    first = body_of(message())
    same_again = json.dumps(message(), indent=1, sort_keys=True).encode()  # other bytes
    assert send(receiver, first).status == 204
    assert send(receiver, same_again).status == 204
    assert len(ran) == 1
    assert send(receiver, body_of(message(actie="update"))).status == 204
    assert len(ran) == 2


def test_a_shared_store_recognises_a_redelivery_at_another_worker(send: Send) -> None:
    store = InMemoryDeliveryStore()
    ran: list[str] = []

    def worker(name: str) -> NotificationReceiver:
        receiver = make_receiver(store=store)
        receiver.on(name="myapp.on_status")(lambda n: ran.append(name))
        return receiver

    send(worker("a"), body_of(message()))
    send(worker("b"), body_of(message()))
    assert ran == ["a"]


def test_a_failing_handler_answers_500_and_the_redelivery_runs_it_again(send: Send) -> None:
    receiver = make_receiver()
    calls: list[str] = []
    healthy = threading.Event()

    @receiver.on(kanaal="zaken")
    def flaky(notification: Notification) -> None:
        calls.append("flaky")
        if not healthy.is_set():
            raise RuntimeError("the database is down")

    @receiver.on(kanaal="zaken")
    def steady(notification: Notification) -> None:
        calls.append("steady")

    first = send(receiver, body_of(message()))
    assert first.status == 500
    assert first.problem["code"] == "handler-failed"
    assert "database" not in first.body.decode()
    healthy.set()
    assert send(receiver, body_of(message())).status == 204
    assert calls == ["flaky", "steady", "flaky"]  # steady was done already
    assert send(receiver, body_of(message())).status == 204
    assert calls == ["flaky", "steady", "flaky"]


def test_queue_mode_hands_the_failure_over_and_answers_204(send: Send) -> None:
    queue: list[FailedDelivery] = []
    receiver = make_receiver(on_failure=queue.append)
    calls: list[str] = []
    broken = [True]

    @receiver.on(kanaal="zaken", name="portal.notify_citizen")
    def notify_citizen(notification: Notification) -> None:
        calls.append("notify")
        if broken[0]:
            raise ConnectionError("mail server unreachable")

    @receiver.on(kanaal="zaken", name="portal.refresh_cache")
    def refresh_cache(notification: Notification) -> None:
        calls.append("refresh")

    assert send(receiver, body_of(message())).status == 204
    (failed,) = queue
    assert failed.handlers == ("portal.notify_citizen",)
    assert isinstance(failed.errors[0], ConnectionError)
    assert failed.delivery.notification is not None

    # later, the queue worker: only the failed handler runs
    with pytest.raises(DispatchError) as raised:
        receiver.dispatch(failed.delivery.body, handlers=failed.handlers)
    assert raised.value.failed == ("portal.notify_citizen",)
    assert isinstance(raised.value.__cause__, ConnectionError)
    broken[0] = False
    receiver.dispatch(failed.delivery.body, handlers=failed.handlers)
    assert calls == ["notify", "refresh", "notify", "notify"]
    # and Open Notificaties redelivering the message now runs nothing
    assert send(receiver, body_of(message())).status == 204
    assert calls == ["notify", "refresh", "notify", "notify"]


def test_an_async_queue_is_awaited() -> None:
    queued: list[FailedDelivery] = []

    async def enqueue(failed: FailedDelivery) -> None:
        await asyncio.sleep(0)
        queued.append(failed)

    receiver = make_receiver(on_failure=enqueue)
    receiver.on()(lambda n: 1 / 0)
    response = asyncio.run(receiver.receive_async("POST", AUTH, body_of(message())))
    assert response.status == 204
    assert len(queued) == 1


def test_a_failing_queue_falls_back_to_500(send: Send) -> None:
    def enqueue(failed: FailedDelivery) -> None:
        raise OSError("queue down")

    receiver = make_receiver(on_failure=enqueue)
    receiver.on()(lambda n: 1 / 0)
    assert send(receiver, body_of(message())).status == 500


def test_a_message_still_running_elsewhere_is_503(send: Send) -> None:
    store = InMemoryDeliveryStore()
    receiver = make_receiver(store=store)
    ran: list[Notification] = []
    receiver.on(name="h")(ran.append)
    # another worker claimed it and is still working
    (key,) = _keys_after(receiver, body_of(message()))
    store.delete(key)
    store.add_if_absent(key, "processing", 60)
    ran.clear()
    response = send(receiver, body_of(message()))
    assert response.status == 503
    assert response.problem["code"] == "in-progress"
    assert ran == []


def _keys_after(receiver: NotificationReceiver, body: bytes) -> list[str]:
    store = receiver._store
    assert isinstance(store, InMemoryDeliveryStore)
    before = set(store._entries)
    receiver.receive("POST", AUTH, body)
    return sorted(set(store._entries) - before)


class BrokenStore:
    def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        raise ConnectionError("redis unreachable")

    def get(self, key: str) -> str | None:
        raise ConnectionError

    def set(self, key: str, value: str, ttl: float) -> None:
        raise ConnectionError

    def delete(self, key: str) -> None:
        raise ConnectionError


def test_an_unreachable_store_is_503_and_runs_nothing(send: Send) -> None:
    receiver = make_receiver(store=BrokenStore())
    receiver.on()(lambda n: pytest.fail("must not run unrecorded"))
    response = send(receiver, body_of(message()))
    assert response.status == 503
    assert response.problem["code"] == "store-unavailable"


class AsyncStore:
    """An async store (as `redis.asyncio` would back it), over the in-memory one."""

    def __init__(self) -> None:
        self.inner = InMemoryDeliveryStore()
        self.calls = 0

    async def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        self.calls += 1
        return self.inner.add_if_absent(key, value, ttl)

    async def get(self, key: str) -> str | None:
        self.calls += 1
        return self.inner.get(key)

    async def set(self, key: str, value: str, ttl: float) -> None:
        self.calls += 1
        self.inner.set(key, value, ttl)

    async def delete(self, key: str) -> None:
        self.calls += 1
        self.inner.delete(key)


def test_an_async_store_is_awaited_by_the_async_face() -> None:
    store = AsyncStore()
    receiver = make_receiver(store=store)
    ran: list[Notification] = []
    receiver.on()(ran.append)

    async def twice() -> None:
        for _ in range(2):
            response = await receiver.receive_async("POST", AUTH, body_of(message()))
            assert response.status == 204

    asyncio.run(twice())
    assert len(ran) == 1
    assert store.calls == 4  # claim + done, then claim refused + get


def test_an_async_store_in_the_sync_face_is_a_configuration_error() -> None:
    receiver = make_receiver(store=AsyncStore())
    with pytest.raises(ConfigurationError, match="receive_async"):
        receiver.receive("POST", AUTH, body_of(message()))


def test_dispatch_refuses_a_body_that_is_no_notification() -> None:
    with pytest.raises(InvalidDeliveryError) as raised:
        make_receiver().dispatch(b'{"kanaal": "zaken"}')
    assert {p.name for p in raised.value.invalid_params} >= {"hoofdObject", "resourceUrl"}


def test_dispatch_async_runs_async_handlers() -> None:
    receiver = make_receiver()
    ran: list[str] = []

    @receiver.on()
    async def handler(notification: Notification) -> None:
        ran.append(notification.resource)

    asyncio.run(receiver.dispatch_async(body_of(message())))
    assert ran == ["status"]


def test_the_same_function_registered_twice_runs_once(send: Send) -> None:
    receiver = make_receiver()
    ran: list[Notification] = []

    def handler(notification: Notification) -> None:
        ran.append(notification)

    receiver.on(kanaal="zaken")(handler)
    receiver.on(resource="status")(handler)
    send(receiver, body_of(message()))
    assert len(ran) == 1


def test_an_error_inside_the_receiver_itself_is_a_500_not_an_exception(
    send: Send, monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver = make_receiver()
    receiver.on()(lambda n: None)

    def broken(*args: object) -> object:
        raise KeyError("a bug")

    monkeypatch.setattr(receiver.router, "handlers_for", broken)
    assert send(receiver, body_of(message())).status == 500
