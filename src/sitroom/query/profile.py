"""An actor profile as a JSON-ready dict (web app, ``--json``) or as text lines (the terminal)."""

from __future__ import annotations

from typing import Any

from sitroom.query import as_dict
from sitroom.store.base import ActorProfile, ActorRef, ClaimRow, EventRow

MAX_LINES_PER_SECTION = 10
"""Rows shown per section in the text view; the JSON view has them all."""


def profile_dict(profile: ActorProfile) -> dict[str, Any]:
    return as_dict(profile)


def _names(refs: list[ActorRef]) -> str:
    return ", ".join(r.name for r in refs) or "?"


def event_line(e: EventRow) -> str:
    """``2021-10-03  MOBILIZE  Wagner Group -> ?  @Velmar  [doc-b]``."""
    when = e.date_start or (f"~{e.published}" if e.published else "undated")
    mode = f"/{e.mode}" if e.mode else ""
    modality = "" if e.modality == "asserted" else f" ({e.modality})"
    place = f"  @{e.place.name}" if e.place else ""
    return f"{when:<11} {e.type}{mode}{modality}  {_names(e.source)} -> {_names(e.target)}{place}  [{e.doc_id}]"


def claim_line(c: ClaimRow) -> str:
    """``Anton Brask denies: "foreign troops were in Karesia"  [doc-a]``."""
    speaker = c.speaker.name if c.speaker else "(unattributed)"
    via = f" via {c.via.name}" if c.via and (not c.speaker or c.via.id != c.speaker.id) else ""
    verb = "denies" if c.stance == "deny" else "says"
    return f'{speaker}{via} {verb}: "{c.text}"  [{c.doc_id}]'


def profile_lines(profile: ActorProfile) -> list[str]:
    """A readable profile: header, aliases, then one short section per kind of fact."""
    a = profile.actor
    tags = " ".join(x for x in (a.kind, a.code or a.country, a.role) if x)
    lines = [f"{a.name}  ({tags})  #{a.id}",
             f"  {a.mention_count} mentions in {a.doc_count} documents, seen {a.first_seen or '?'} .. "
             f"{a.last_seen or '?'}"]
    if profile.aliases:
        lines.append("  aliases: " + ", ".join(f"{alias} ({n})" for alias, n in profile.aliases[:12]))
    sections: list[tuple[str, list[str]]] = [
        ("events as source", [event_line(e) for e in profile.events_as_source]),
        ("events as target", [event_line(e) for e in profile.events_as_target]),
        ("claims by", [claim_line(c) for c in profile.claims_by]),
        ("claims about", [claim_line(c) for c in profile.claims_about]),
        ("relations", [f"{r.source.name} {r.type} {r.target.name}  [{r.doc_id}]" for r in profile.relations]),
        ("documents", [f"{d.published or '?'}  {d.title or d.id}  ({d.mentions} mentions)  [{d.id}]"
                       for d in profile.documents]),
    ]
    for title, rows in sections:
        if rows:
            lines.append(f"  {title} ({len(rows)}):")
            lines.extend(f"    {row}" for row in rows[:MAX_LINES_PER_SECTION])
            if len(rows) > MAX_LINES_PER_SECTION:
                lines.append(f"    ... {len(rows) - MAX_LINES_PER_SECTION} more")
    if profile.also_matches:
        lines.append("  also named so: " + ", ".join(f"{m.name} ({m.kind}) #{m.id}" for m in profile.also_matches))
    return lines
