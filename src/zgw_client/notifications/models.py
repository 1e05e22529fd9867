"""Typed models of notifications and of the Notificaties API (NRC) resources.

What a subscriber receives is a [`Notification`][zgw_client.notifications.Notification]: the
`Notificatie` schema of the webhook receiver spec (1.0.0-rc1), the same shape publishers POST
to `/notificaties` (the `Message` schema of Notificaties 1.0.x). Open Notificaties can send the
same message as a CloudEvent instead, when the abonnement has `sendCloudevents` on; that form
is parsed into the same `Notification`, with the envelope kept as
[`Notification.cloud_event`][zgw_client.notifications.models.Notification.cloud_event].

[`Kanaal`][zgw_client.notifications.Kanaal] and
[`Abonnement`][zgw_client.notifications.Abonnement] are the two resources of the Notificaties
API, with Open Notificaties' experimental fields (`sendCloudevents`, `cloudeventFilters`)
typed as well. Like every model of zgw-client they keep fields they do not know and enum
values a newer server adds.
"""

from __future__ import annotations

import datetime
import json
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    Field,
    PrivateAttr,
    SecretStr,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from .._models import OPEN_ENUM, Reference, ZGWModel

__all__ = [
    "RESOURCE_MODELS",
    "Abonnement",
    "AbonnementKanaal",
    "Actie",
    "CloudEvent",
    "CloudEventFilterGroup",
    "Kanaal",
    "Notification",
]

#: The `type` prefix Open Notificaties gives a notification it turns into a CloudEvent:
#: ``nl.overheid.<kanaal>.<resource>.<actie>``.
CLOUD_EVENT_TYPE_PREFIX = "nl.overheid."


class Actie(str, Enum):
    """What the publisher did to the resource: the DRF action name of its API.

    A `PUT` arrives as `update`, a `PATCH` as `partial_update` (Open Zaak, Open Klant and the
    Objects API all send it so, although their kanaal documentation lists only `update`).
    Other values (a publisher's own actions) stay plain strings.
    """

    create = "create"
    update = "update"
    partial_update = "partial_update"
    destroy = "destroy"

    def __str__(self) -> str:
        # f"{notification.actie}" reads "update", as for a value this enum does not know
        return self.value


def _kenmerk_text(value: Any) -> str:
    # What the Django publishers themselves send: DRF's CharField renders a value with str().
    if isinstance(value, (bool, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _coerce_kenmerken(value: Any) -> Any:
    """Kenmerken as strings: the spec says strings, a sender that strays is not refused."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return value  # the model refuses it: a wrong shape, not a wrong value
    return {
        key: item if isinstance(item, str) else _kenmerk_text(item)
        for key, item in value.items()
        if item is not None
    }


class CloudEvent(ZGWModel):
    """A CloudEvent (spec 1.0, structured JSON mode) as Open Notificaties forwards it.

    Two kinds arrive. A notification turned into a CloudEvent by Open Notificaties has
    `type` ``nl.overheid.<kanaal>.<resource>.<actie>``, `subject` the resource's UUID and
    `data` its kenmerken plus `hoofdObject`; it is also given to notification handlers as a
    [`Notification`][zgw_client.notifications.Notification]. Events a publisher sends as
    CloudEvents in their own right (Open Zaak's ``nl.overheid.zaken.zaak-gemuteerd``,
    ``nl.overheid.documenten.document-geregistreerd``, ...) reach only the handlers
    registered with `on_cloud_event`. Extension attributes are kept in `model_extra`.
    """

    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    specversion: str = Field(min_length=1)
    type: str = Field(min_length=1)
    subject: str | None = None
    time: datetime.datetime | None = None
    datacontenttype: str | None = None
    dataschema: str | None = None
    #: The `dataref` extension: Open Zaak puts the resource's API path here (no host).
    dataref: str | None = None
    data: Any = None

    def notification(self) -> Notification | None:
        """The notification this event carries, or `None` when it is not a notification.

        Only events of Open Notificaties' notification form qualify: `type`
        ``nl.overheid.<kanaal>.<resource>.<actie>``, a `time`, and `data` holding
        `hoofdObject`. The result's `resource_url` is the hoofdobject when the event is about
        it (`subject` is its UUID), else `None`: the CloudEvent form carries only the UUID.
        """
        if not self.type.startswith(CLOUD_EVENT_TYPE_PREFIX) or self.time is None:
            return None
        parts = self.type[len(CLOUD_EVENT_TYPE_PREFIX) :].rsplit(".", 2)
        data = self.data
        if len(parts) != 3 or not all(parts) or not isinstance(data, dict):
            return None
        hoofd_object = data.get("hoofdObject")
        if not isinstance(hoofd_object, str) or not hoofd_object:
            return None
        kanaal, resource, actie = parts
        is_main = bool(self.subject) and hoofd_object.rstrip("/").rsplit("/", 1)[-1] == self.subject
        notification = Notification.model_validate(
            {
                "kanaal": kanaal,
                "hoofdObject": hoofd_object,
                "resource": resource,
                "resourceUrl": hoofd_object if is_main else None,
                "actie": actie,
                "aanmaakdatum": self.time,
                "kenmerken": {k: v for k, v in data.items() if k != "hoofdObject"},
                "source": self.source,
            },
            context={"cloud_event": True},
        )
        notification._cloud_event = self
        return notification


class Notification(ZGWModel):
    """One notification: a publisher created, changed or deleted a resource.

    The notification says *what* changed, never the new state: fetch `resource_url` (or the
    `hoofd_object`) to see it. `kenmerken` are the kanaal's filter attributes, with the key
    names as sent (camelCase: `objectType`, not `object_type`); see
    [`zgw_client.notifications.kanalen`][zgw_client.notifications.kanalen] for what each
    known kanaal carries. Treat kenmerken as personal data: Open Klant sends free text
    (`toelichting`, `interneNotitie`) among them.

    Attributes:
        resource_url: always set for the standard form (the receiver refuses it missing);
            `None` only for a notification that came as a CloudEvent about another resource
            than the hoofdobject (that form carries the resource's UUID only, as
            `cloud_event.subject`).
        source: Open Notificaties' experimental `source` (the publishing system), if sent.
    """

    kanaal: str = Field(min_length=1)
    hoofd_object: Reference = Field(min_length=1)
    resource: str = Field(min_length=1)
    resource_url: Reference | None
    actie: Annotated[Actie | str, OPEN_ENUM]
    aanmaakdatum: datetime.datetime
    kenmerken: dict[str, str] = Field(default_factory=dict)
    source: str | None = None

    _cloud_event: CloudEvent | None = PrivateAttr(default=None)

    @property
    def cloud_event(self) -> CloudEvent | None:
        """The CloudEvent envelope (`id`, `source`, `type`, `time`, ...) if it came as one."""
        return self._cloud_event

    _coerce = field_validator("kenmerken", mode="before")(_coerce_kenmerken)

    @field_validator("resource_url")
    @classmethod
    def _resource_url_present(cls, value: str | None, info: ValidationInfo) -> str | None:
        from_cloud_event = bool(info.context and info.context.get("cloud_event"))
        if value is None and not from_cloud_event:
            raise ValueError("a notification needs its resourceUrl")
        return value


class AbonnementKanaal(ZGWModel):
    """One kanaal of an abonnement (the spec's `FilterGroup`), with filters on kenmerken.

    Open Notificaties compares filter keys camelCased, and the value ``*`` matches any value;
    a kenmerk a message lacks does not exclude it.
    """

    naam: str
    filters: dict[str, str] = Field(default_factory=dict)


class CloudEventFilterGroup(ZGWModel):
    """Open Notificaties (experimental): CloudEvents whose `type` contains `type_substring`."""

    type_substring: str
    filters: dict[str, str] = Field(default_factory=dict)


class Abonnement(ZGWModel):
    """A subscription: where Open Notificaties delivers which kanalen, with which header.

    `auth` is the exact `Authorization` value sent with every delivery (for example
    ``Bearer a4daa31...`` or ``Token abc``). The API never returns it (write-only); it is a
    secret here too: hidden from `repr`, written out only by `to_wire()`.
    """

    url: Reference | None = None
    callback_url: str
    auth: SecretStr | None = None
    kanalen: list[AbonnementKanaal] = Field(default_factory=list)
    send_cloudevents: bool | None = None
    cloudevent_filters: list[CloudEventFilterGroup] | None = None

    @field_serializer("auth", when_used="json-unless-none")
    def _reveal_auth(self, value: SecretStr) -> str:
        return value.get_secret_value()


class Kanaal(ZGWModel):
    """A channel a publisher sends on (`zaken`, `documenten`, `objecten`, ...).

    `filters` names the kenmerken its notifications carry, as the publisher registered them
    (Objects API: `object_type`, sent in messages as `objectType`).
    """

    url: Reference | None = None
    naam: str
    documentatie_link: str | None = None
    filters: list[str] = Field(default_factory=list)


#: Path segment of the Notificaties API -> model, as in the other API packages. `notificaties`
#: is what a publisher POSTs; `cloudevents` is Open Notificaties' experimental endpoint.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "kanaal": Kanaal,
    "abonnement": Abonnement,
    "notificaties": Notification,
    "cloudevents": CloudEvent,
}
