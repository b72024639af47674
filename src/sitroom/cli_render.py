"""Terminal rendering of the demo tour."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from rich.console import Console
from rich.table import Table


def _d(obj: Any) -> dict[str, Any]:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return dict(obj)


def _names(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_names(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or "")
    return str(value)


def _render_rows(console: Console, title: str, rows: Any, columns: tuple[str, ...]) -> None:
    if not rows:
        return
    table = Table(*columns, title=title, title_justify="left")
    for row in rows[:25]:
        row = _d(row)
        table.add_row(*(_names(row.get(c))[:140] for c in columns))
    console.print(table)


def print_tour(store: Any, console: Console) -> None:
    """What the demo found: counts, the most mentioned actors, events with both sides, denials, a search."""
    console.rule("[bold]What sitroom found[/bold]")
    stats = store.stats()
    console.print("  " + ", ".join(f"{v} {k}" for k, v in stats.items()))
    table = Table("actor", "kind", "code", "mentions", "docs", "also called", title="Most mentioned actors",
                  title_justify="left")
    for a in [_d(a) for a in store.actors(top=12)]:
        aliases = [alias for alias, _n in store.actor(a["id"]).aliases if alias != a.get("name")]
        table.add_row(str(a.get("name")), str(a.get("kind")), str(a.get("code") or ""),
                      str(a.get("mention_count", "")), str(a.get("doc_count", "")), ", ".join(aliases[:3]))
    console.print(table)
    _render_rows(console, "Events with both sides known, most reported first", _showcase_events(store),
                 ("type", "modality", "source", "target", "date_start", "place", "source_count"))
    _render_rows(console, "Denials", [_d(c) for c in store.claims(stance="deny", limit=8)],
                 ("speaker", "via", "text"))
    contradictions = [_d(c) for c in store.contradictions(limit=3)]
    if contradictions:
        console.print("[bold]Contradictions (one source asserts what another denies):[/bold]", markup=True)
        for row in contradictions:
            console.print(f"  {row['deny']['label']}\n    vs {row['asserted']['label']}", markup=False)
    hits = [_d(h) for h in store.search("denied", limit=3)]
    if hits:
        console.print("[bold]Search 'denied':[/bold]", markup=True)
        for hit in hits:
            snippet = str(hit.get("snippet") or hit.get("text") or "")
            console.print("  " + snippet.replace("\x02", "").replace("\x03", ""), markup=False)


def _showcase_events(store: Any, limit: int = 10) -> list[dict[str, Any]]:
    rows = [_d(e) for e in store.events(limit=300)]
    complete = [r for r in rows if r.get("source") and r.get("target")]
    complete.sort(key=lambda r: (-(r.get("source_count") or 1), not r.get("date_start")))
    return complete[:limit]
