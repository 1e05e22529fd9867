"""Registrations: filters, names, included routers."""

from __future__ import annotations

import functools

import pytest

from zgw_client import ConfigurationError
from zgw_client.notifications import Notification, Router

from .conftest import message


def note(**changes: object) -> Notification:
    return Notification.model_validate(message(**changes))


def test_filters_accept_one_value_or_several() -> None:
    router = Router()

    @router.on(kanaal=["zaken", "documenten"], actie=("create", "update"))
    def handler(notification: Notification) -> None: ...

    assert router.handlers_for(note(), None)
    assert router.handlers_for(note(kanaal="documenten", actie="update"), None)
    assert not router.handlers_for(note(actie="destroy"), None)
    assert not router.handlers_for(note(kanaal="objecten"), None)


def test_a_missing_kenmerk_does_not_match() -> None:
    router = Router()
    router.add(lambda n: None, kenmerken={"objectType": "x"}, name="h")
    assert not router.handlers_for(note(kenmerken={}), None)


def test_default_names_are_module_and_qualname() -> None:
    router = Router()

    @router.on()
    def handler(notification: Notification) -> None: ...

    (registered,) = router.handlers
    assert registered.name.endswith("test_default_names_are_module_and_qualname.<locals>.handler")
    assert registered.name.startswith("tests.notifications.test_router.")


def test_two_functions_with_one_name_are_refused() -> None:
    router = Router()
    router.add(lambda n: None, name="same")
    with pytest.raises(ConfigurationError, match="name="):
        router.add(lambda n: None, name="same")


def test_async_is_detected_for_partials_and_callable_objects() -> None:
    async def coroutine(extra: int, notification: Notification) -> None: ...

    class Callable:
        async def __call__(self, notification: Notification) -> None: ...

    router = Router()
    router.add(functools.partial(coroutine, 1), name="partial")
    router.add(Callable(), name="object")
    router.add(lambda n: None, name="plain")
    assert [h.is_async for h in router.handlers] == [True, True, False]


def test_include_takes_over_registrations_and_keeps_names_unique() -> None:
    first, second = Router(), Router()
    first.add(lambda n: None, name="a")
    second.add(lambda n: None, name="b")
    first.include(second)
    assert [h.name for h in first.handlers] == ["a", "b"]
    clash = Router()
    clash.add(lambda n: None, name="a")
    with pytest.raises(ConfigurationError):
        first.include(clash)


def test_an_empty_collection_of_values_is_a_mistake() -> None:
    with pytest.raises(ConfigurationError):
        Router().add(lambda n: None, kanaal=[], name="x")
