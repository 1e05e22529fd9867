"""A fresh in-memory backend and a client of each face (see ``tests/support/platform.py``)."""

from tests.support.platform import backend, client, face

__all__ = ["backend", "client", "face"]
