"""Full-text search over sentences with PostgreSQL's own text search (tsvector + GIN).

The query language is the one :mod:`sitroom.store.fts` gives SQLite users: every word must occur,
a balanced ``"..."`` is a phrase, a trailing ``*`` on a word of two or more letters is a prefix
search, and nothing typed is an operator. Each term becomes its own ``plainto_tsquery`` /
``phraseto_tsquery`` call with the user's words as a bound parameter (so no input is tsquery
syntax); only prefix terms go through ``to_tsquery``, and then only as quoted ``\\w+`` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import psycopg

from sitroom.store import sqlite_read
from sitroom.store.base import ELLIPSIS, MARK_END, MARK_START, SearchHit

CONFIG = "simple"
"""No stemming and no stop words: the same matching as FTS5's unicode61 tokenizer."""

_PHRASE = re.compile(r'"([^"]*)"')
_SEARCHABLE = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W_]+")

# Sentences are short: ask for the whole of one fragment of up to 24 words, like FTS5's snippet().
_HEADLINE = f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=24, MinWords=12, ShortWord=0'


@dataclass(frozen=True)
class Term:
    """One condition of a search: ``plain`` words, a ``phrase`` or a ``prefix``."""

    kind: str
    text: str

    def sql(self) -> str:
        function = {"plain": "plainto_tsquery", "phrase": "phraseto_tsquery", "prefix": "to_tsquery"}[self.kind]
        return f"{function}('{CONFIG}', %s)"

    def param(self) -> str:
        if self.kind != "prefix":
            return self.text
        words = _WORDS.findall(self.text)
        quoted = [f"'{w}'" for w in words]
        quoted[-1] += ":*"
        return " & ".join(quoted)


def _term(chunk: str, phrase: bool = False) -> Term | None:
    prefix = chunk.endswith("*") and not phrase
    core = chunk.rstrip("*").replace('"', " ").strip()
    if not _SEARCHABLE.search(core):
        return None
    if prefix and len(core) >= 2:
        return Term("prefix", core)
    return Term("phrase" if phrase else "plain", core)


def parse_query(text: str) -> list[Term]:
    """The terms of what a user typed; empty when nothing in it is searchable."""
    terms: list[Term] = []
    if text.count('"') % 2 == 0:
        terms.extend(t for t in (_term(p, phrase=True) for p in _PHRASE.findall(text)) if t)
        text = _PHRASE.sub(" ", text)
    terms.extend(t for t in (_term(chunk) for chunk in text.split()) if t)
    return terms


def search(conn: psycopg.Connection[Any], text: str, limit: int, offset: int) -> list[SearchHit]:
    terms = parse_query(text)
    if not terms:
        return []
    query = " && ".join(t.sql() for t in terms)
    # Rank only the newest RANK_CAP matches, as the SQLite store does: ts_rank over every match of a
    # common word is what makes a search slow, and nobody pages through thousands of hits.
    rows = conn.execute(
        "WITH q AS (SELECT " + query + " AS q),"  # noqa: ISC003 (built from fixed fragments only)
        " hits AS (SELECT s.rowid FROM q, sentences s WHERE s.tsv @@ q.q ORDER BY s.rowid DESC LIMIT %s)"
        " SELECT s.doc_id, d.title, d.published, s.idx, s.start, s.\"end\", s.text,"
        f" ts_headline('{CONFIG}', s.text, q.q, %s), -ts_rank(s.tsv, q.q) AS rank"
        " FROM q, hits h JOIN sentences s ON s.rowid = h.rowid JOIN documents d ON d.id = s.doc_id"
        " ORDER BY rank, s.rowid LIMIT %s OFFSET %s",
        [*(t.param() for t in terms), max(sqlite_read.RANK_CAP, offset + limit), _HEADLINE, limit, offset],
    ).fetchall()
    return [_hit(row) for row in rows]


def _hit(row: tuple[Any, ...]) -> SearchHit:
    doc_id, title, published, idx, start, end, sentence, headline, rank = row
    return SearchHit(doc_id, title, published, idx, start, end, _ellipsised(headline, sentence), float(rank))


def _ellipsised(headline: str, sentence: str) -> str:
    """Mark a cut-off start or end with an ellipsis, as FTS5's snippet() does."""
    plain = headline.replace(MARK_START, "").replace(MARK_END, "")
    if plain and not sentence.startswith(plain[:20]):
        headline = ELLIPSIS + headline
    if plain and not sentence.endswith(plain[-20:]):
        headline += ELLIPSIS
    return headline
