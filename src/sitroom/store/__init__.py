"""Where extracted records live: :func:`open_store` picks the backend from a path or URL.

>>> store = open_store("sitroom.db")            # or "sqlite:///data/sitroom.db"
>>> store.add_record(record); store.actor("Wagner")

See :mod:`sitroom.store.base` for the :class:`Store` protocol and its result rows.
"""

from __future__ import annotations

from sitroom.config import default_db
from sitroom.errors import StoreError
from sitroom.store.base import Store

__all__ = ["Store", "open_store"]


def open_store(url_or_path: str | None = None, readonly: bool = False) -> Store:
    """Open (creating or migrating as needed) the store at a path, ``sqlite:///path`` or ``postgresql://``.

    ``None`` means the configured default (``SITROOM_DB``, else ``sitroom.db``).
    """
    target = url_or_path or default_db()
    if target.startswith(("postgresql://", "postgres://", "postgresql+")):
        try:
            from sitroom.store.postgres import PostgresStore
        except ImportError as err:  # psycopg is a dependency, but say what to do if it is missing
            raise StoreError(f"PostgreSQL support needs psycopg: pip install 'psycopg[binary]' ({err})") from err
        return PostgresStore(target, readonly=readonly)
    if target.startswith("sqlite:"):
        target = _sqlite_path(target)
    elif "://" in target:
        raise StoreError(f"unknown store URL {target!r}; use a file path, sqlite:///path or postgresql://...")
    from sitroom.store.sqlite import SQLiteStore

    return SQLiteStore(target, readonly=readonly)


def _sqlite_path(url: str) -> str:
    """``sqlite:///rel/path`` -> ``rel/path``; ``sqlite:////abs/path`` -> ``/abs/path``; ``sqlite://`` -> memory."""
    rest = url.removeprefix("sqlite:")
    if rest in ("", "//", "///", "///:memory:", ":memory:"):
        return ":memory:"
    if not rest.startswith("///"):
        raise StoreError(f"bad SQLite URL {url!r}: write sqlite:///relative/path or sqlite:////absolute/path")
    return rest[3:]
