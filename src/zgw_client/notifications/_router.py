"""Which handlers a message goes to: registrations by kanaal, resource, actie and kenmerken.

Pure bookkeeping, no I/O. A handler is a plain or an `async` function of one argument: a
[`Notification`][zgw_client.notifications.Notification] for `on`, a
[`CloudEvent`][zgw_client.notifications.CloudEvent] for `on_cloud_event`. Its *name*
(module and qualified name, unless given) identifies it in the delivery store, so it must
stay the same across workers and restarts; a function runs at most once per message, however
many of its registrations match.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from .._exceptions import ConfigurationError
from .models import CloudEvent, Notification

__all__ = ["Handler", "Router"]

NotificationHandler = Callable[[Notification], Any]
CloudEventHandler = Callable[[CloudEvent], Any]
HandlerT = TypeVar("HandlerT", bound=Callable[..., Any])

#: A filter value: one accepted value, or several.
Accepted = str | Collection[str]

_CAMEL = re.compile(r"[a-z0-9]?_[a-z0-9]")


def _camel_part(match: re.Match[str]) -> str:
    text = match.group()
    return text[0] + text[2].upper() if len(text) == 3 else text[1].upper()


def camelize(name: str) -> str:
    """``object_type`` -> ``objectType``, the way the publishers (DRF) camelize kenmerken."""
    return _CAMEL.sub(_camel_part, name)


def _accepted(value: Accepted | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset({value})
    values = frozenset(str(v) for v in value)
    if not values:
        raise ConfigurationError("An empty collection of accepted values matches nothing.")
    return values


@dataclass(frozen=True, slots=True)
class Handler:
    """One registered handler.

    Attributes:
        name: its identity in the delivery store.
        func: the function.
        is_async: whether it is a coroutine function (run with `await`).
        for_cloud_events: whether it takes the `CloudEvent` rather than the `Notification`.
    """

    name: str
    func: Callable[[Any], Any]
    is_async: bool
    for_cloud_events: bool


@dataclass(frozen=True, slots=True)
class _Route:
    handler: Handler
    kanalen: frozenset[str] | None = None
    resources: frozenset[str] | None = None
    acties: frozenset[str] | None = None
    kenmerken: tuple[tuple[str, frozenset[str]], ...] = ()
    types: frozenset[str] | None = None
    type_prefix: str | None = None

    def matches_notification(self, notification: Notification) -> bool:
        if self.kanalen is not None and notification.kanaal not in self.kanalen:
            return False
        if self.resources is not None and notification.resource not in self.resources:
            return False
        if self.acties is not None and str(notification.actie) not in self.acties:
            return False
        kenmerken = notification.kenmerken
        for key, values in self.kenmerken:
            value = kenmerken.get(key)
            if value is None:
                value = kenmerken.get(camelize(key))
            if value is None or value not in values:
                return False
        return True

    def matches_cloud_event(self, event: CloudEvent) -> bool:
        if self.types is not None and event.type not in self.types:
            return False
        return self.type_prefix is None or event.type.startswith(self.type_prefix)


def _is_async(func: Callable[..., Any]) -> bool:
    # a coroutine function, a partial of one, or an object with an `async def __call__`
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(type(func).__call__)


def _default_name(func: Callable[..., Any]) -> str:
    module = getattr(func, "__module__", None) or "?"
    qualname = getattr(func, "__qualname__", None) or type(func).__qualname__
    return f"{module}.{qualname}"


class Router:
    """Handlers and the messages they are for.

    Examples:
        ```python
        router = Router()

        @router.on(kanaal="zaken", resource="status", actie="create")
        def status_changed(notification: Notification) -> None:
            ...

        @router.on(kanaal="objecten", kenmerken={"objectType": TAAK_TYPE_URL})
        async def taak_changed(notification: Notification) -> None:
            ...
        ```
    """

    def __init__(self) -> None:
        self._routes: list[_Route] = []
        self._handlers: dict[str, Handler] = {}

    def __repr__(self) -> str:
        return f"Router(<{len(self._handlers)} handler(s), {len(self._routes)} route(s)>)"

    @property
    def handlers(self) -> tuple[Handler, ...]:
        """Every registered handler, in registration order."""
        return tuple(self._handlers.values())

    def on(
        self,
        *,
        kanaal: Accepted | None = None,
        resource: Accepted | None = None,
        actie: Accepted | None = None,
        kenmerken: Mapping[str, Accepted] | None = None,
        name: str | None = None,
    ) -> Callable[[HandlerT], HandlerT]:
        """Register the decorated function for the notifications that match every filter.

        Args:
            kanaal: the kanaal (or kanalen) to accept; `None` accepts any.
            resource: the resource name(s), e.g. ``"status"``.
            actie: the actie(s), e.g. ``"create"`` or
                [`Actie.create`][zgw_client.notifications.Actie].
            kenmerken: kenmerk name -> accepted value(s); a notification without the kenmerk
                does not match. Names match as given or camelCased (`object_type` finds
                `objectType`).
            name: the handler's identity in the delivery store (default: module and
                qualified name). Give one for lambdas and for functions you may rename.
        """

        def register(func: HandlerT) -> HandlerT:
            self.add(
                func, kanaal=kanaal, resource=resource, actie=actie, kenmerken=kenmerken, name=name
            )
            return func

        return register

    def on_cloud_event(
        self,
        *,
        type: Accepted | None = None,
        type_prefix: str | None = None,
        name: str | None = None,
    ) -> Callable[[HandlerT], HandlerT]:
        """Register the decorated function for CloudEvents of the given type(s).

        The handler gets the [`CloudEvent`][zgw_client.notifications.CloudEvent]: any event
        that arrived as one, also a notification Open Notificaties wrapped (which `on`
        handlers get as well). Use it for Open Zaak's own events
        (``nl.overheid.zaken.zaak-gemuteerd``), which are no notifications.
        """

        def register(func: HandlerT) -> HandlerT:
            handler = self._handler(func, name, for_cloud_events=True)
            self._routes.append(
                _Route(handler=handler, types=_accepted(type), type_prefix=type_prefix)
            )
            return func

        return register

    def add(
        self,
        func: NotificationHandler,
        *,
        kanaal: Accepted | None = None,
        resource: Accepted | None = None,
        actie: Accepted | None = None,
        kenmerken: Mapping[str, Accepted] | None = None,
        name: str | None = None,
    ) -> Handler:
        """Register `func` like [`on`][zgw_client.notifications.Router.on], without a decorator."""
        handler = self._handler(func, name, for_cloud_events=False)
        kenmerk_filters = tuple(
            (key, values)
            for key, value in (kenmerken or {}).items()
            if (values := _accepted(value)) is not None
        )
        self._routes.append(
            _Route(
                handler=handler,
                kanalen=_accepted(kanaal),
                resources=_accepted(resource),
                acties=_accepted(actie),
                kenmerken=kenmerk_filters,
            )
        )
        return handler

    def include(self, other: Router) -> None:
        """Take over every registration of `other` (a router of another module)."""
        for route in other._routes:
            self._claim(route.handler)
            self._routes.append(route)

    def handlers_for(
        self, notification: Notification | None, cloud_event: CloudEvent | None
    ) -> list[Handler]:
        """The handlers a message goes to, each once, in registration order."""
        found: dict[str, Handler] = {}
        for route in self._routes:
            handler = route.handler
            if handler.name in found:
                continue
            if handler.for_cloud_events:
                if cloud_event is not None and route.matches_cloud_event(cloud_event):
                    found[handler.name] = handler
            elif notification is not None and route.matches_notification(notification):
                found[handler.name] = handler
        return list(found.values())

    def _handler(
        self, func: Callable[[Any], Any], name: str | None, *, for_cloud_events: bool
    ) -> Handler:
        if not callable(func):
            raise ConfigurationError(f"A handler must be callable, not {type(func).__name__}.")
        handler = Handler(
            name=name or _default_name(func),
            func=func,
            is_async=_is_async(func),
            for_cloud_events=for_cloud_events,
        )
        return self._claim(handler)

    def _claim(self, handler: Handler) -> Handler:
        known = self._handlers.get(handler.name)
        if known is None:
            self._handlers[handler.name] = handler
            return handler
        if known.func != handler.func or known.for_cloud_events != handler.for_cloud_events:
            raise ConfigurationError(
                f"Two different handlers are both named {handler.name!r}; the delivery store "
                "tells handlers apart by name. Pass name=... to one of them."
            )
        return known
