"""Store connections for the web app: one read-only store and connection per worker thread.

SQLite connections belong to the thread that opened them, and FastAPI runs plain ``def`` routes in
a thread pool, so each pool thread lazily opens its own read-only :class:`SQLiteStore` (for the
Store protocol queries) and a raw read-only connection (for :mod:`sitroom.query.web`). WAL lets
them read while an ingest request writes through the one writer (see :meth:`Database.writer`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sitroom.errors import StoreError
from sitroom.query.web import GraphIndex, connect_readonly, store_version
from sitroom.store.sqlite import SQLiteStore


@dataclass
class Handles:
    """What one thread reads through."""

    store: SQLiteStore
    conn: sqlite3.Connection


class Database:
    """The store file the app serves; hands each thread its own read handles."""

    def __init__(self, path: str, read_only: bool = True) -> None:
        self.path = _plain_path(path)
        self.read_only = read_only
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Handles] = []
        self._write_lock = threading.Lock()
        self._graph: GraphIndex | None = None
        self._graph_lock = threading.Lock()
        self._check()

    def _check(self) -> None:
        """Fail at start-up, not on the first request: missing file, or a store needing migration."""
        if self.path == ":memory:":
            raise StoreError("the web app needs a store file, not an in-memory store")
        if self.read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no store here; create one with `sitroom ingest` or `sitroom import`")
        if not self.read_only:
            SQLiteStore(self.path).close()  # creates or migrates the file once, before readers open it
        self.handles()

    def handles(self) -> Handles:
        found: Handles | None = getattr(self._local, "handles", None)
        if found is None:
            found = Handles(SQLiteStore(self.path, readonly=True), connect_readonly(self.path))
            self._local.handles = found
            with self._lock:
                self._opened.append(found)
        return found

    def graph(self) -> GraphIndex:
        """The in-memory actor graph, rebuilt when documents were added since it was built."""
        conn = self.handles().conn
        with self._graph_lock:
            if self._graph is None or self._graph.version != store_version(conn):
                self._graph = GraphIndex(conn)
            return self._graph

    @contextmanager
    def writer(self) -> Iterator[SQLiteStore]:
        """The single writing store, one request at a time (SQLite has one writer anyway)."""
        if self.read_only:
            raise StoreError(f"{self.path}: the web app was started read-only")
        # Opened per request, in the thread that uses it (SQLite connections are per thread);
        # opening costs a schema-version read, nothing next to extracting a document.
        with self._write_lock, SQLiteStore(self.path) as store:
            yield store

    def close(self) -> None:
        with self._lock:
            for h in self._opened:
                h.conn.close()
                try:
                    h.store.close()
                except sqlite3.ProgrammingError:
                    pass  # opened by another (pool) thread: SQLite closes it when the object is freed
            self._opened.clear()


def _plain_path(path: str) -> str:
    if path.startswith("sqlite:///"):
        return path[len("sqlite:///"):]
    return path
