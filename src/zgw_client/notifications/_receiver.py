"""The receiver: authenticate, parse, route, run each handler once, answer.

All decisions live in generator *flows* that yield effects (a store operation, a handler
call, a hand-over to the queue) and get their results sent back, the way an httpx auth flow
does. [`receive`][zgw_client.notifications.NotificationReceiver.receive] and
[`receive_async`][zgw_client.notifications.NotificationReceiver.receive_async] are two
short drivers that carry out those effects, one plainly and one with `await`; neither holds
any logic of its own, so the two faces cannot drift apart.

Order of the checks, and the answer to each:

1. method other than POST: 405;
2. no `Authorization`: 401; one no authenticator accepts: 403 (before the body is read);
3. body over `max_body_size`: 413; not JSON, not an object, wrong shape: 400;
4. Open Notificaties' check of a new abonnement (kanaal `test`): 204, no handler runs;
5. each matching handler not yet done for this message runs; all done: 204; one failed:
   500 (the sender retries), or, with `on_failure`, the failure goes to your queue and 204;
   one still running in another worker: 503; the store unreachable: 503.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Collection, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._exceptions import ConfigurationError, InputError, InvalidParam, ZGWError
from ._auth import REFUSAL_CODES, Authenticator, AuthResult
from ._delivery import Delivery, Headers, header_values, parse
from ._response import WebhookResponse, accepted, problem
from ._router import Accepted, Handler, HandlerT, Router
from ._store import AsyncDeliveryStore, DeliveryStore, InMemoryDeliveryStore

__all__ = ["DispatchError", "FailedDelivery", "InvalidDeliveryError", "NotificationReceiver"]

logger = logging.getLogger("zgw_client.notifications")

PROCESSING = "processing"
DONE = "done"

#: What Open Notificaties POSTs (with the abonnement's `auth`) to check a new callback URL.
_SUBSCRIPTION_CHECK = ("test", "http://some.hoofdobject.nl/")

_REFUSAL_DETAILS = {
    "jwt-expired": "The JWT has expired (its exp, or its iat beyond max_age). If it was "
    "minted just now, check the clocks of sender and receiver.",
    "jwt-not-yet-valid": "The JWT's iat or nbf lies in the future: check the clocks.",
    "client-not-allowed": "The JWT's client_id is not one this receiver accepts.",
    "jwt-invalid": "The JWT is malformed, not HS256, or not signed with an accepted secret.",
    "invalid-credentials": "The Authorization value is not one this receiver accepts. Check "
    "the abonnement's auth against the receiver's configuration.",
}


class DispatchError(ZGWError):
    """`dispatch` could not finish: a handler failed, or another worker is still on it.

    Raised to a queue worker so its own retry takes over. `failed` and `in_progress` name
    the handlers; the first handler error is chained as `__cause__`.
    """

    def __init__(
        self,
        *,
        failed: tuple[str, ...],
        in_progress: tuple[str, ...],
        errors: tuple[Exception, ...],
    ) -> None:
        self.failed = failed
        self.in_progress = in_progress
        self.errors = errors
        parts = []
        if failed:
            parts.append(f"handler(s) failed: {', '.join(failed)}")
        if in_progress:
            parts.append(f"still being handled by another worker: {', '.join(in_progress)}")
        super().__init__(
            f"Dispatch incomplete; {'; '.join(parts)}. Dispatch it again later: handlers "
            "that finished are skipped."
        )


class InvalidDeliveryError(InputError):
    """`dispatch` was given a body that holds no notification; `invalid_params` says why."""

    def __init__(self, invalid_params: list[InvalidParam]) -> None:
        self.invalid_params = invalid_params
        fields = "; ".join(f"{p.name} ({p.code})" for p in invalid_params)
        super().__init__(f"Not a notification: {fields}. Queue the body exactly as received.")


@dataclass(frozen=True, slots=True)
class FailedDelivery:
    """A message one or more handlers failed on, for your queue (`on_failure`).

    Attributes:
        delivery: the message; `delivery.body` and `delivery.content_type` are what to
            store, to `dispatch` later.
        handlers: the names of the handlers that failed; pass them to `dispatch` so the
            others do not run again.
        errors: their exceptions, in the same order.
    """

    delivery: Delivery
    handlers: tuple[str, ...]
    errors: tuple[Exception, ...]


FailureQueue = Callable[[FailedDelivery], Awaitable[None] | None]


@dataclass(slots=True)
class _StoreOp:
    name: str
    args: tuple[Any, ...]


@dataclass(slots=True)
class _Call:
    handler: Handler
    arg: object


@dataclass(slots=True)
class _Enqueue:
    failed: FailedDelivery


_Effect = _StoreOp | _Call | _Enqueue
_Flow = Generator[_Effect, Any, Any]


@dataclass(slots=True)
class _Outcome:
    failed: list[Handler] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)
    in_progress: list[Handler] = field(default_factory=list)
    store_error: Exception | None = None


class NotificationReceiver:
    """Receives deliveries of a Notificaties API (Open Notificaties) and runs your handlers.

    Framework-free: give it the method, headers and body of a request, get a
    [`WebhookResponse`][zgw_client.notifications.WebhookResponse]; the adapters in
    `zgw_client.notifications.django`, `.fastapi`, `.asgi` and `.wsgi` do exactly that.

    Args:
        auth: the authenticator(s) of which one must accept the `Authorization` header,
            e.g. `StaticTokenAuthenticator("Token abc")` or `JWTAuthenticator([secret])`.
        router: the handlers; a new, empty one by default (register on `receiver.on`).
        store: remembers which handler is done with which message; an
            [`InMemoryDeliveryStore`][zgw_client.notifications.InMemoryDeliveryStore]
            by default. Share one between workers (Redis, the Django cache) in production.
        remember_for: seconds a finished message is remembered, to recognise its
            redeliveries. Open Notificaties retries for almost 24 hours; default 25 hours.
        lease: seconds a handler may take before another worker may take the message over.
        max_body_size: bodies larger than this many bytes get 413 unread.
        on_failure: if given, a message a handler failed on is handed to it (enqueue it)
            and answered 204; if it raises, 500 after all. `None` (default): answer 500 and
            let Open Notificaties deliver it again later.
        key_prefix: prefix of the store's keys, to share a store between receivers.
    """

    def __init__(
        self,
        *,
        auth: Authenticator | Sequence[Authenticator],
        router: Router | None = None,
        store: DeliveryStore | AsyncDeliveryStore | None = None,
        remember_for: float = 25 * 3600,
        lease: float = 300,
        max_body_size: int = 256 * 1024,
        on_failure: FailureQueue | None = None,
        key_prefix: str = "zgw-notification:",
    ) -> None:
        authenticators = (auth,) if isinstance(auth, Authenticator) else tuple(auth)
        if not authenticators:
            raise ConfigurationError(
                "A receiver needs at least one authenticator: Open Notificaties always sends "
                "the abonnement's auth, and refuses a callback URL that accepts anything."
            )
        self._authenticators = authenticators
        self._challenge = ", ".join(dict.fromkeys(a.scheme for a in authenticators))
        self.router = router if router is not None else Router()
        self._store = store if store is not None else InMemoryDeliveryStore()
        self._store_is_async = inspect.iscoroutinefunction(self._store.add_if_absent)
        self._remember_for = remember_for
        self._lease = lease
        self._max_body_size = max_body_size
        self._on_failure = on_failure
        self._key_prefix = key_prefix

    def __repr__(self) -> str:
        return (
            f"NotificationReceiver(auth={list(self._authenticators)!r}, router={self.router!r}, "
            f"store={self._store!r}, max_body_size={self._max_body_size})"
        )

    @property
    def max_body_size(self) -> int:
        """The largest body accepted, in bytes; adapters read at most one byte more."""
        return self._max_body_size

    def on(
        self,
        *,
        kanaal: Accepted | None = None,
        resource: Accepted | None = None,
        actie: Accepted | None = None,
        kenmerken: dict[str, Accepted] | None = None,
        name: str | None = None,
    ) -> Callable[[HandlerT], HandlerT]:
        """Register a notification handler, as
        [`Router.on`][zgw_client.notifications.Router.on] does."""
        return self.router.on(
            kanaal=kanaal, resource=resource, actie=actie, kenmerken=kenmerken, name=name
        )

    def on_cloud_event(
        self,
        *,
        type: Accepted | None = None,
        type_prefix: str | None = None,
        name: str | None = None,
    ) -> Callable[[HandlerT], HandlerT]:
        """Register a CloudEvent handler; see
        [`Router.on_cloud_event`][zgw_client.notifications.Router.on_cloud_event]."""
        return self.router.on_cloud_event(type=type, type_prefix=type_prefix, name=name)

    # -- the sans-I/O part ------------------------------------------------------------------

    def verify(self, method: str, headers: Headers, body: bytes) -> Delivery | WebhookResponse:
        """Check a request and parse it: the delivery, or the refusal to answer.

        Nothing runs and nothing is stored. Authentication comes before anything of the
        body is looked at.
        """
        if method.upper() != "POST":
            return self._refuse(
                405,
                "method_not_allowed",
                "Method not allowed",
                "Notifications are delivered with POST.",
                headers=(("Allow", "POST"),),
            )
        found = header_values(headers, "authorization", "content-type")
        authorization = [value for value in found["authorization"] if value.strip()]
        if not authorization:
            return self._refuse(
                401,
                "not_authenticated",
                "Authentication credentials were not provided",
                "Send the Authorization value registered as the abonnement's auth.",
                headers=(("WWW-Authenticate", self._challenge),),
            )
        result = self._authenticate(authorization)
        if not result.accepted:
            code = result.code or "invalid-credentials"
            return self._refuse(403, code, "Permission denied", _REFUSAL_DETAILS[code])
        if len(body) > self._max_body_size:
            return self._refuse(
                413,
                "payload-too-large",
                "Payload too large",
                f"A notification is at most {self._max_body_size} bytes here.",
            )
        content_type = found["content-type"][0] if found["content-type"] else None
        parsed = parse(body, content_type, result.client_id)
        if isinstance(parsed, list):
            return self._refuse(
                400,
                "parse_error" if parsed[0].code == "parse_error" else "invalid",
                "Invalid notification",
                "The body is not a notification (the Notificatie schema) or a CloudEvent.",
                invalid_params=parsed,
            )
        return parsed

    def _authenticate(self, values: list[str]) -> AuthResult:
        if len(values) > 1:
            return AuthResult(accepted=False, code="invalid-credentials")
        refusals = []
        for authenticator in self._authenticators:
            result = authenticator.authenticate(values[0])
            if result.accepted:
                return result
            refusals.append(result)
        rank = {code: i for i, code in enumerate(REFUSAL_CODES)}
        return min(refusals, key=lambda r: rank.get(r.code or "", len(rank)))

    def _refuse(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        *,
        invalid_params: Sequence[InvalidParam] = (),
        headers: Sequence[tuple[str, str]] = (),
    ) -> WebhookResponse:
        response, instance = problem(
            status, code, title, detail, invalid_params=invalid_params, headers=headers
        )
        fields = ", ".join(f"{p.name} ({p.code})" for p in invalid_params)
        logger.warning(
            "Notification refused: %s %s%s (%s)",
            status,
            code,
            f": {fields}" if fields else "",
            instance,
        )
        return response

    # -- the flows ----------------------------------------------------------------------------

    def _receive_flow(self, method: str, headers: Headers, body: bytes) -> _Flow:
        verified = self.verify(method, headers, body)
        if isinstance(verified, WebhookResponse):
            return verified
        notification = verified.notification
        if notification is not None and (
            (notification.kanaal, notification.hoofd_object) == _SUBSCRIPTION_CHECK
        ):
            logger.info("Answered Open Notificaties' check of a new abonnement")
            return accepted()
        outcome: _Outcome = yield from self._dispatch_flow(verified, None)
        if outcome.store_error is not None:
            return self._refuse(
                503,
                "store-unavailable",
                "Service unavailable",
                "The receiver cannot record deliveries right now; deliver it again later.",
            )
        if outcome.failed:
            if self._on_failure is None:
                return self._refuse(
                    500,
                    "handler-failed",
                    "Handling failed",
                    "A handler of this receiver failed; deliver it again later.",
                )
            failed = FailedDelivery(
                verified,
                tuple(h.name for h in outcome.failed),
                tuple(outcome.errors),
            )
            try:
                yield _Enqueue(failed)
            except Exception:
                logger.exception("on_failure raised; answering 500 so the sender retries")
                return self._refuse(
                    500,
                    "handler-failed",
                    "Handling failed",
                    "A handler of this receiver failed; deliver it again later.",
                )
            logger.info("Handed %s to on_failure for %s", verified.describe(), failed.handlers)
        elif outcome.in_progress:
            return self._refuse(
                503,
                "in-progress",
                "Service unavailable",
                "This message is being handled by another delivery; deliver it again later.",
            )
        return accepted()

    def _dispatch_flow(self, delivery: Delivery, only: frozenset[str] | None) -> _Flow:
        outcome = _Outcome()
        handlers = self.router.handlers_for(delivery.notification, delivery.cloud_event)
        if only is not None:
            handlers = [h for h in handlers if h.name in only]
        if not handlers:
            logger.debug("No handler for %s", delivery.describe())
        for handler in handlers:
            key = f"{self._key_prefix}{delivery.key}:{handler.name}"
            try:
                claimed = yield _StoreOp("add_if_absent", (key, PROCESSING, self._lease))
                if not claimed:
                    state = yield _StoreOp("get", (key,))
                    if state == DONE:
                        logger.info(
                            "Duplicate of %s: %s already ran", delivery.describe(), handler.name
                        )
                        continue
                    # absent: it expired in between; take it, unless another was quicker
                    claimed = state is None and (
                        yield _StoreOp("add_if_absent", (key, PROCESSING, self._lease))
                    )
                    if not claimed:
                        outcome.in_progress.append(handler)
                        continue
            except Exception as error:
                logger.exception("The delivery store failed on %s", delivery.describe())
                outcome.store_error = error
                return outcome
            arg = delivery.cloud_event if handler.for_cloud_events else delivery.notification
            try:
                yield _Call(handler, arg)
            except Exception as error:
                logger.exception("Handler %s failed on %s", handler.name, delivery.describe())
                outcome.failed.append(handler)
                outcome.errors.append(error)
                try:
                    yield _StoreOp("delete", (key,))
                except Exception:
                    logger.exception("Could not release %s; it frees itself after the lease", key)
                continue
            try:
                yield _StoreOp("set", (key, DONE, self._remember_for))
            except Exception:
                logger.exception("Could not mark %s done; a redelivery may run it again", key)
        return outcome

    def _parse_trusted(self, body: bytes | str, content_type: str | None) -> Delivery:
        raw = body.encode() if isinstance(body, str) else body
        parsed = parse(raw, content_type)
        if isinstance(parsed, list):
            raise InvalidDeliveryError(parsed)
        return parsed

    @staticmethod
    def _raise_for(outcome: _Outcome) -> None:
        if outcome.store_error is not None:
            raise outcome.store_error
        if outcome.failed or outcome.in_progress:
            raise DispatchError(
                failed=tuple(h.name for h in outcome.failed),
                in_progress=tuple(h.name for h in outcome.in_progress),
                errors=tuple(outcome.errors),
            ) from (outcome.errors[0] if outcome.errors else None)

    # -- the sync face --------------------------------------------------------------------

    def receive(self, method: str, headers: Headers, body: bytes) -> WebhookResponse:
        """Handle one request: the answer to give. Never raises for anything the sender did.

        Sync handlers run in this thread; `async` handlers with `asyncio.run` (so not from
        inside a running event loop: use `receive_async` there).
        """
        try:
            response: WebhookResponse = self._drive(self._receive_flow(method, headers, body))
        except ConfigurationError:
            raise
        except Exception:
            return _internal_error()
        return response

    def dispatch(
        self,
        body: bytes | str,
        *,
        content_type: str | None = None,
        handlers: Collection[str] | None = None,
    ) -> None:
        """Run the handlers for a body received earlier (from your queue), without auth.

        Args:
            body: the request body as received (`FailedDelivery.delivery.body`).
            content_type: its `Content-Type` (tells a CloudEvent apart).
            handlers: only these handlers (`FailedDelivery.handlers`); default all that
                match. Handlers already done for this message are skipped either way.

        Raises:
            InvalidDeliveryError: `body` is not a notification.
            DispatchError: a handler failed or is running elsewhere; retry later.
        """
        delivery = self._parse_trusted(body, content_type)
        only = frozenset(handlers) if handlers is not None else None
        self._raise_for(self._drive(self._dispatch_flow(delivery, only)))

    def _drive(self, flow: _Flow) -> Any:
        if self._store_is_async:
            raise ConfigurationError(
                "This receiver has an async delivery store: call receive_async/dispatch_async."
            )
        try:
            effect = next(flow)
            while True:
                try:
                    result = self._carry_out(effect)
                except Exception as error:
                    effect = flow.throw(error)
                else:
                    effect = flow.send(result)
        except StopIteration as stop:
            return stop.value

    def _carry_out(self, effect: _Effect) -> Any:
        if isinstance(effect, _StoreOp):
            return getattr(self._store, effect.name)(*effect.args)
        if isinstance(effect, _Call):
            result = effect.handler.func(effect.arg)
        else:
            assert self._on_failure is not None
            result = self._on_failure(effect.failed)
        if inspect.isawaitable(result):
            return asyncio.run(_awaited(result))
        return result

    # -- the async face -------------------------------------------------------------------

    async def receive_async(self, method: str, headers: Headers, body: bytes) -> WebhookResponse:
        """`receive` for an event loop: `async` handlers are awaited, sync ones run in a
        worker thread (`asyncio.to_thread`), an async store is awaited."""
        try:
            response: WebhookResponse = await self._drive_async(
                self._receive_flow(method, headers, body)
            )
        except ConfigurationError:
            raise
        except Exception:
            return _internal_error()
        return response

    async def dispatch_async(
        self,
        body: bytes | str,
        *,
        content_type: str | None = None,
        handlers: Collection[str] | None = None,
    ) -> None:
        """`dispatch` for an event loop (an async queue worker)."""
        delivery = self._parse_trusted(body, content_type)
        only = frozenset(handlers) if handlers is not None else None
        self._raise_for(await self._drive_async(self._dispatch_flow(delivery, only)))

    async def _drive_async(self, flow: _Flow) -> Any:
        try:
            effect = next(flow)
            while True:
                try:
                    result = await self._carry_out_async(effect)
                except Exception as error:
                    effect = flow.throw(error)
                else:
                    effect = flow.send(result)
        except StopIteration as stop:
            return stop.value

    async def _carry_out_async(self, effect: _Effect) -> Any:
        if isinstance(effect, _StoreOp):
            result = getattr(self._store, effect.name)(*effect.args)
        elif isinstance(effect, _Call):
            handler = effect.handler
            if handler.is_async:
                result = handler.func(effect.arg)
            else:
                result = await asyncio.to_thread(handler.func, effect.arg)
        else:
            queue = self._on_failure
            assert queue is not None
            if inspect.iscoroutinefunction(queue):
                result = queue(effect.failed)
            else:
                result = await asyncio.to_thread(queue, effect.failed)
        if inspect.isawaitable(result):
            return await result
        return result


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def _internal_error() -> WebhookResponse:
    """500 for a fault of the receiver itself (a bug, not the sender's doing), logged."""
    logger.exception("The notification receiver failed")
    response, _ = problem(
        500, "error", "Internal error", "The receiver failed; deliver it again later."
    )
    return response
