# GENERATED from src/zgw_client/_async/api.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""One API of one configured service, as a namespace of resources (synchronous face).

``client.zaken`` is an [`ZakenAPI`][zgw_client.zaken.ZakenAPI] bound to the
default Zaken service; ``client.api("zaken_oost")`` the same API bound to another service
of that kind. The resources hang off it (``.zaken``, ``.statussen``) and are built on first
use, bound to the same service.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, overload

from .._exceptions import ConfigurationError

if TYPE_CHECKING:
    from typing_extensions import Self

    from .client import ZGWClient

__all__ = ["API", "ResourceSlot"]

R = TypeVar("R")


class API:
    """The resources of one API on one service.

    Args:
        client: the client that sends the requests.
        service: the name of a configured service of this API's kind.
    """

    kind: ClassVar[str]

    def __init__(self, client: ZGWClient, service: str) -> None:
        if client.kind_of(service) != self.kind:
            raise ConfigurationError(
                f"Service {service!r} is of kind {client.kind_of(service)!r}, not "
                f"{self.kind!r}: use client.api({service!r}) for the API it is."
            )
        self._client = client
        #: The name of the service this namespace sends to.
        self.service = service

    def __repr__(self) -> str:
        root = self._client.service(self.service).api_root
        return f"<{type(self).__name__.removeprefix('Async')} {self.service!r} at {root}>"

    def of(self, service: str) -> Self:
        """The same API on another service of its kind (e.g. a second Open Zaak)."""
        return type(self)(self._client, service)


class ResourceSlot(Generic[R]):
    """A resource of a namespace, built on first use and bound to the namespace's service.

    Declared on the namespace class (``zaken = ResourceSlot(Zaken)``), so that the
    namespace lists its resources in one place and builds only those a program uses.
    """

    def __init__(self, resource: Callable[[ZGWClient, str], R]) -> None:
        self._resource = resource
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, namespace: None, owner: type) -> ResourceSlot[R]: ...
    @overload
    def __get__(self, namespace: API, owner: type) -> R: ...
    def __get__(self, namespace: API | None, owner: type) -> ResourceSlot[R] | R:
        if namespace is None:
            return self
        value: R = self._resource(namespace._client, namespace.service)
        namespace.__dict__[self._name] = value  # the slot is not asked again
        return value
