"""Explicit registry of source adapters: URL scheme or path kind -> factory.

Adapters register here by name; nothing is discovered by scanning subclasses.
"""

from __future__ import annotations

from collections.abc import Callable

from privacy.errors import UnsupportedSourceError
from privacy.sources.base import Source

#: factory(url, name) -> Source
Factory = Callable[[str, str], Source]

_FACTORIES: dict[str, Factory] = {}


def register(kind: str, factory: Factory) -> None:
    """Register an adapter for a URL scheme (``postgresql``, ``sqlite``, ...) or a path kind
    (``path``)."""
    _FACTORIES[kind] = factory


def open_source(url: str, name: str | None = None) -> Source:
    """Open a SOURCE argument: a SQLAlchemy URL, or a path to a file, folder or Delta table.

    Filled in by the sources work; raises UnsupportedSourceError for unknown schemes.
    """
    raise UnsupportedSourceError(f"no adapter can open {url!r} yet")
