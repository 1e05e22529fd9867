"""The models: the notification, its CloudEvent form, and the Notificaties API resources."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from zgw_client.notifications import (
    RESOURCE_MODELS,
    Abonnement,
    Actie,
    CloudEvent,
    Kanaal,
    Notification,
    kanalen,
)

from .conftest import STATUS, ZAAK, cloud_event, message


def test_a_notification_round_trips_with_unknown_fields() -> None:
    data = message(nieuw="veld", aanmaakdatum="2026-11-30T09:12:03Z")
    notification = Notification.model_validate(data)
    assert notification.to_wire() == data


def test_actie_is_an_open_enum() -> None:
    assert (
        Notification.model_validate(message(actie="partial_update")).actie is Actie.partial_update
    )
    assert Notification.model_validate(message(actie="archiveer")).actie == "archiveer"


def test_kenmerken_values_become_strings_the_way_the_publishers_write_them() -> None:
    notification = Notification.model_validate(
        message(kenmerken={"indicatieContactGelukt": True, "aantal": 3, "leeg": None, "x": [1]})
    )
    assert notification.kenmerken == {"indicatieContactGelukt": "True", "aantal": "3", "x": "[1]"}
    assert Notification.model_validate(message(kenmerken=None)).kenmerken == {}
    without = message()
    del without["kenmerken"]
    assert Notification.model_validate(without).kenmerken == {}


def test_resource_url_is_required_in_the_standard_form() -> None:
    with pytest.raises(ValidationError):
        Notification.model_validate(message(resourceUrl=None))


def test_open_notificaties_cloud_event_form_becomes_a_notification() -> None:
    event = CloudEvent.model_validate(
        cloud_event(type="nl.overheid.zaken.zaak.partial_update", subject=ZAAK.rsplit("/", 1)[1])
    )
    notification = event.notification()
    assert notification is not None
    assert (notification.kanaal, notification.resource) == ("zaken", "zaak")
    assert notification.actie is Actie.partial_update
    assert notification.resource_url == ZAAK  # the event is about the hoofdobject itself
    assert notification.aanmaakdatum == datetime.datetime(
        2026, 11, 30, 9, 12, 3, tzinfo=datetime.timezone.utc
    )
    assert notification.source == event.source
    assert notification.cloud_event is event
    assert "hoofdObject" not in notification.kenmerken


def test_about_another_resource_the_cloud_event_form_has_no_resource_url() -> None:
    notification = CloudEvent.model_validate(cloud_event()).notification()
    assert notification is not None
    assert notification.resource == "status"
    assert notification.resource_url is None
    assert notification.cloud_event is not None
    assert notification.cloud_event.subject == STATUS.rsplit("/", 1)[1]


@pytest.mark.parametrize(
    "changes",
    [
        {"type": "nl.overheid.zaken.zaak-gemuteerd"},  # Open Zaak's own event
        {"type": "com.example.something.else"},
        {"time": None},
        {"data": {"zaaktype": "x"}},  # no hoofdObject
        {"data": "text"},
        {"type": "nl.overheid..status.create"},
    ],
)
def test_other_cloud_events_are_no_notification(changes: dict[str, object]) -> None:
    assert CloudEvent.model_validate(cloud_event(**changes)).notification() is None


def test_cloud_event_extensions_are_kept() -> None:
    event = CloudEvent.model_validate(cloud_event(traceparent="00-abc-def-01"))
    assert event.model_extra == {"traceparent": "00-abc-def-01"}


def test_abonnement_keeps_its_auth_secret_but_sends_it() -> None:
    abonnement = Abonnement.model_validate(
        {
            "callbackUrl": "https://portal.example/notificaties/",
            "auth": "Token hunter2",
            "kanalen": [{"naam": "zaken", "filters": {"zaaktype": "https://oz/zt/1"}}],
            "sendCloudevents": False,
        }
    )
    assert "hunter2" not in repr(abonnement)
    assert "hunter2" not in str(abonnement.model_dump())
    wire = abonnement.to_wire()
    assert wire["auth"] == "Token hunter2"
    assert wire["kanalen"] == [{"naam": "zaken", "filters": {"zaaktype": "https://oz/zt/1"}}]


def test_abonnement_as_the_api_returns_it_has_no_auth() -> None:
    abonnement = Abonnement.model_validate(
        {
            "url": "https://nrc/api/v1/abonnement/1",
            "callbackUrl": "https://portal.example/notificaties/",
            "kanalen": [{"naam": "objecten"}],
            "cloudeventFilters": [{"typeSubstring": "nl.overheid.zaken", "filters": {}}],
        }
    )
    assert abonnement.auth is None
    assert abonnement.cloudevent_filters is not None
    assert abonnement.cloudevent_filters[0].type_substring == "nl.overheid.zaken"
    assert "auth" not in abonnement.to_wire()


def test_kanaal_model() -> None:
    kanaal = Kanaal.model_validate(
        {"naam": "objecten", "documentatieLink": "https://x/docs", "filters": ["object_type"]}
    )
    assert kanaal.documentatie_link == "https://x/docs"
    assert RESOURCE_MODELS["kanaal"] is Kanaal
    assert RESOURCE_MODELS["abonnement"] is Abonnement
    assert RESOURCE_MODELS["notificaties"] is Notification


def test_known_kanalen_document_what_arrives() -> None:
    zaken = kanalen.known_kanaal("zaken")
    assert zaken is kanalen.ZAKEN
    assert "zaaktype" in zaken.kenmerken
    assert "status" in zaken.resources
    assert kanalen.OBJECTEN.kenmerken == ("objectType",)
    assert kanalen.known_kanaal("parkeervergunningen") is None
    assert all(naam == k.naam for naam, k in kanalen.KNOWN_KANALEN.items())
