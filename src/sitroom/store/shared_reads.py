"""The read queries both backends answer with the same SQL (sqlite_read, written in a dialect that
PostgreSQL also runs through :class:`~sitroom.store.pg_compat.QmarkConnection`).

A store class mixes this in and says which connection the queries run on (``_read_conn``).
"""

from __future__ import annotations

import sqlite3

from sitroom.store import crossdoc
from sitroom.store import sqlite_read as read
from sitroom.store.base import ActorProfile, ActorSummary, ClaimRow, ContradictionRow, EventRow


class SharedReads:
    """Actors, profiles, events, claims and contradictions, over ``self._read_conn``."""

    @property
    def _read_conn(self) -> sqlite3.Connection:
        raise NotImplementedError

    def actors(self, kind: str | None = None, country: str | None = None, sector: str | None = None,
               top: int | None = None, offset: int = 0) -> list[ActorSummary]:
        return read.list_actors(self._read_conn, kind, country, sector, top, offset)

    def actor(self, name_or_id: str | int) -> ActorProfile:
        return read.actor_profile(self._read_conn, name_or_id)

    def events(self, type: str | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None, place: str | None = None, modality: str | None = None,
               limit: int = 100, offset: int = 0) -> list[EventRow]:
        conn = self._read_conn
        filters = read.EventFilter(
            type=type, since=since, until=until, modality=modality,
            actor_ids=read.actor_ids(conn, actor) if actor else None,
            place_ids=read.actor_ids(conn, place) if place else None,
        )
        return read.query_events(conn, filters, limit, offset)

    def claims(self, speaker: str | None = None, via: str | None = None, stance: str | None = None,
               about: str | None = None, kind: str | None = None, limit: int = 100,
               offset: int = 0) -> list[ClaimRow]:
        conn = self._read_conn
        filters = read.ClaimFilter(
            stance=stance, kind=kind,
            speaker_ids=read.actor_ids(conn, speaker) if speaker else None,
            via_ids=read.actor_ids(conn, via) if via else None,
            about_ids=read.actor_ids(conn, about) if about else None,
        )
        return read.query_claims(conn, filters, limit, offset)

    def contradictions(self, actor: str | None = None, limit: int = 50, offset: int = 0) -> list[ContradictionRow]:
        conn = self._read_conn
        ids = read.actor_ids(conn, actor) if actor else None
        return crossdoc.query_contradictions(conn, ids, limit, offset)
