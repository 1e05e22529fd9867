"""Django views that receive notifications, and a delivery store on Django's cache.

```python
# urls.py
from django.urls import include, path
from zgw_client.notifications import django as zgw_notifications

from .notifications import receiver

urlpatterns = [path("notificaties/", include(zgw_notifications.urls(receiver)))]
```

Needs the `django` extra (``pip install "zgw-client[django]"``). The view is exempt from
CSRF (the sender is a server, authenticated by its `Authorization` header) and synchronous:
handlers run in the request's thread, where the ORM works as usual; `async` handlers run
with `asyncio.run`. Under ASGI, Django runs the view in its thread-sensitive executor.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import BaseCache, caches
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.views.decorators.csrf import csrf_exempt

from ._receiver import NotificationReceiver

__all__ = ["CacheDeliveryStore", "notification_view", "urls"]


def notification_view(receiver: NotificationReceiver) -> Callable[[HttpRequest], HttpResponse]:
    """A CSRF-exempt view that hands each request to `receiver.receive`."""

    @csrf_exempt
    def receive_notification(request: HttpRequest) -> HttpResponse:
        # read() rather than .body: the receiver's cap applies, not DATA_UPLOAD_MAX_MEMORY_SIZE
        body = request.read(receiver.max_body_size + 1)
        answer = receiver.receive(request.method or "", request.headers, body)
        response = HttpResponse(answer.body, status=answer.status)
        if answer.header("Content-Type") is None:
            del response["Content-Type"]
        for name, value in answer.headers:
            response[name] = value
        return response

    return receive_notification


def urls(receiver: NotificationReceiver, *, name: str = "zgw-notifications") -> list[URLPattern]:
    """URL patterns for `include()`: the callback URL is where you include them."""
    return [path("", notification_view(receiver), name=name)]


class CacheDeliveryStore:
    """A [`DeliveryStore`][zgw_client.notifications.DeliveryStore] on a Django cache.

    With a cache all workers share (Redis, Memcached, the database cache), a redelivery is
    recognised whichever worker it reaches. Django's local-memory cache is per process, like
    the default store.

    Args:
        cache: the alias in `CACHES`, or a cache object.
    """

    def __init__(self, cache: str | BaseCache = "default") -> None:
        self._cache = cache

    def __repr__(self) -> str:
        alias = self._cache if isinstance(self._cache, str) else type(self._cache).__name__
        return f"CacheDeliveryStore({alias!r})"

    @property
    def cache(self) -> BaseCache:
        """The cache (looked up per call: Django's cache connections are per thread)."""
        return caches[self._cache] if isinstance(self._cache, str) else self._cache

    def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        return bool(self.cache.add(key, value, timeout=ttl))

    def get(self, key: str) -> str | None:
        value = self.cache.get(key)
        return value if isinstance(value, str) else None

    def set(self, key: str, value: str, ttl: float) -> None:
        self.cache.set(key, value, timeout=ttl)

    def delete(self, key: str) -> None:
        self.cache.delete(key)
