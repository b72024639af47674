"""Run the SQLite store's read queries (:mod:`sitroom.store.sqlite_read`) on a psycopg connection.

The queries are plain SQL that both databases understand (the PostgreSQL schema keeps SQLite's
table and column names, including a ``rowid`` column where the queries order by it); only the
parameter style differs. :class:`QmarkConnection` wraps a psycopg connection with the small part of
the ``sqlite3.Connection`` interface those functions use (``execute`` returning an iterable cursor
with ``fetchone``/``fetchall``), rewriting ``?`` and ``?NNN`` placeholders to psycopg's ``%s``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg

# A quoted string or identifier (copied as is), a placeholder, or a percent sign to escape.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?(\d*)|%")


@lru_cache(maxsize=512)
def translate(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """``sql`` with psycopg placeholders, and for numbered ones (``?1``) the parameter index of each.

    The second value is None when every placeholder is a plain ``?`` (parameters pass unchanged).
    """
    order: list[int] = []
    numbered = False
    position = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal numbered, position
        token = match.group(0)
        if token == "%":
            return "%%"
        if not token.startswith("?"):
            return token.replace("%", "%%")  # psycopg reads placeholders inside quotes too
        if match.group(1):
            numbered = True
            order.append(int(match.group(1)) - 1)
        else:
            order.append(position)
            position += 1
        return "%s"

    translated = _TOKEN.sub(replace, sql)
    return translated, tuple(order) if numbered else None


class QmarkConnection:
    """A psycopg connection that accepts SQLite-style (qmark) SQL in :meth:`execute`."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        translated, order = translate(sql)
        values = list(params) if order is None else [params[i] for i in order]
        cursor = self.conn.cursor()
        cursor.execute(translated, values)
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        """``execute`` for each row (psycopg pipelines them: one round trip, not one per row)."""
        translated, order = translate(sql)
        cursor = self.conn.cursor()
        cursor.executemany(translated, [list(r) if order is None else [r[i] for i in order] for r in rows])
        return cursor

    def cursor(self) -> QmarkConnection:
        """sqlite3 code asks for a cursor to stream with; executing here already gives a fresh one."""
        return self
