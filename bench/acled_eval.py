"""Score sitroom's event coding against ACLED's human coding (development set, not a gate).

    .venv/bin/python bench/acled_eval.py [--csv PATH] [--limit N] [--out figures.json]

Each row's ``notes`` text runs through the default pipeline with ``published`` = the row's
``event_date``. The row's *main event* is the first extracted event, in text order, that is not
hypothetical, negated or denied (the first event of any modality when there is none).

Scores (rows without a usable expectation are skipped, and the counts say how many were scored):

* type: ACLED Battles, Explosions/Remote violence, Violence against civilians -> ASSAULT;
  Protests -> PROTEST; Riots -> PROTEST (mode riot reported separately). Strategic developments
  have no single PLOVER type: they are not scored for type, only counted (how many got any event).
* date: the main event's date start equals event_date (day precision). Events never take the
  publication date, so notes that state no date cannot score; "notes stating a date" scores only
  the rows where the dates step found a resolved date in the note.
* fatalities: the sum of ``casualties.killed`` over the note's asserted/reported/alleged events
  (a toll told in a later sentence is still the main event's) equals ACLED fatalities; no count = 0.
  The main-event-only figure is reported too.
* sectors: actor1 against the main event's source entities, actor2 against its targets. Expected
  sectors: Military Forces of X -> MIL, Police Forces of X -> COP, Civilians/Protesters/Rioters ->
  CVL, Unidentified Armed Group -> UAF, named militant groups (JNIM, Islamic State, Katiba,
  Ansaroul Islam, Al Qaeda) -> REB; other actors (communal militias, VDP, mutineers) are skipped.
  "strict" needs the exact sector; "civilian family" also accepts AGR/LAB/EDU/MED/REL/JRN/BUS/REF
  for CVL (PLOVER splits civilians by occupation, ACLED does not).
* place: the main event's place entity's ``geo`` within 50 km of ACLED's coordinates, over all
  rows (no place or no ``geo`` is a miss); "(of geocoded)" scores only rows whose place has ``geo``.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sitroom.extract.pipeline import Pipeline
from sitroom.records import Document, DocumentRecord, Event

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "acled-burkina-faso-sample.csv"
TYPE_MAP = {
    "Battles": "ASSAULT",
    "Explosions/Remote violence": "ASSAULT",
    "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST",
    "Riots": "PROTEST",
}
CIVILIAN_FAMILY = {"CVL", "AGR", "LAB", "EDU", "MED", "REL", "JRN", "BUS", "REF", "SOC"}
MILITANT_NAMES = ("JNIM", "Islamic State", "Katiba", "Ansaroul", "Al Qaeda", "AQIM", "Boko Haram")
WEAK_MODALITIES = {"hypothetical", "negated", "denied"}
TARGETS = {"type": 0.95, "date": 0.95, "fatalities": 0.90, "sectors": 0.75, "place within 50 km": 0.75}


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hits += int(ok)

    @property
    def rate(self) -> float | None:
        return round(self.hits / self.total, 3) if self.total else None


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, ok: bool, row_id: str = "") -> None:
        self.tallies.setdefault(name, Tally()).add(ok)
        if not ok and row_id:
            self.misses.setdefault(name, []).append(row_id)


def acled_date(raw: str) -> str:
    return datetime.strptime(raw, "%d-%b-%y").date().isoformat()


def expected_sector(actor: str) -> str | None:
    if not actor:
        return None
    if actor.startswith("Military Forces of"):
        return "MIL"
    if actor.startswith("Police Forces of"):
        return "COP"
    if actor.startswith(("Civilians", "Protesters", "Rioters")):
        return "CVL"
    if actor.startswith("Unidentified Armed Group"):
        return "UAF"
    if any(name in actor for name in MILITANT_NAMES):
        return "REB"
    return None


def main_event(record: DocumentRecord) -> Event | None:
    ordered = sorted(record.events, key=lambda e: e.trigger.start)
    strong = [e for e in ordered if e.modality not in WEAK_MODALITIES]
    chosen = strong or ordered
    return chosen[0] if chosen else None


def sectors_of(record: DocumentRecord, ids: list[str]) -> set[str]:
    out = set()
    for entity_id in ids:
        entity = record.entity(entity_id)
        if entity is not None and entity.sector:
            out.add(entity.sector)
    return out


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score_row(row: dict[str, str], record: DocumentRecord, scores: Scores) -> None:
    rid = row["event_id_cnty"]
    main = main_event(record)
    acled_type = row["event_type"]
    expected = TYPE_MAP.get(acled_type)
    if expected is None:
        scores.add("strategic: any event", main is not None, rid)
    else:
        scores.add("type", main is not None and main.type == expected, rid)
        if acled_type == "Riots":
            scores.add("riot mode", main is not None and main.mode == "riot", rid)
    date_ok = main is not None and main.date is not None and main.date.start == acled_date(row["event_date"])
    scores.add("date", date_ok, rid)
    if any(d.start for d in record.dates):  # notes that state a date (older ones often do not)
        scores.add("date (notes stating a date)", date_ok, rid)
    fatalities = int(row["fatalities"] or 0)
    counted = [e for e in record.events if e.modality not in WEAK_MODALITIES]
    total_killed = sum(e.casualties.killed or 0 for e in counted)
    scores.add("fatalities", total_killed == fatalities, rid)
    scores.add("fatalities (main event only)", main is not None and (main.casualties.killed or 0) == fatalities, rid)
    _score_sectors(row, record, main, scores)
    _score_place(row, record, main, scores)


def _score_sectors(row: dict[str, str], record: DocumentRecord, main: Event | None, scores: Scores) -> None:
    rid = row["event_id_cnty"]
    for column, role in (("actor1", "source"), ("actor2", "target")):
        want = expected_sector(row[column])
        if want is None:
            continue
        got = sectors_of(record, getattr(main, role)) if main is not None else set()
        scores.add("sectors", want in got, rid)
        lenient = want in got or (want == "CVL" and bool(got & CIVILIAN_FAMILY))
        scores.add("sectors (civilian family)", lenient, rid)


def _score_place(row: dict[str, str], record: DocumentRecord, main: Event | None, scores: Scores) -> None:
    """Every row scores: no place, or a place without ``geo``, is a miss."""
    rid = row["event_id_cnty"]
    entity = record.entity(main.place) if main is not None and main.place else None
    geo = entity.geo if entity is not None else None
    if not geo or geo.get("lat") is None:
        scores.add("place has geo", False, rid)
        scores.add("place within 50 km", False, rid)
        return
    scores.add("place has geo", True)
    km = km_between(float(geo["lat"]), float(geo["lon"]), float(row["latitude"]), float(row["longitude"]))
    scores.add("place within 50 km", km <= 50.0, rid)
    scores.add("place within 50 km (of geocoded)", km <= 50.0, rid)


def run(csv_path: Path, limit: int | None) -> tuple[Scores, dict[str, Any]]:
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    docs = [Document(id=r["event_id_cnty"], text=r["notes"], published=acled_date(r["event_date"]),
                     language="en") for r in rows]
    started = time.perf_counter()
    records = list(Pipeline().process(docs))
    seconds = time.perf_counter() - started
    scores = Scores()
    for row, record in zip(rows, records, strict=True):
        score_row(row, record, scores)
    return scores, {"rows": len(rows), "seconds": round(seconds, 1)}


def render(scores: Scores, meta: dict[str, Any]) -> str:
    lines = [f"ACLED Burkina Faso sample: {meta['rows']} rows in {meta['seconds']} s",
             f"{'measure':40} {'hits':>6} {'scored':>6} {'rate':>6} {'target':>6}"]
    for name, tally in scores.tallies.items():
        target = TARGETS.get(name)
        lines.append(f"{name:40} {tally.hits:>6} {tally.total:>6} {tally.rate!s:>6} {target or '':>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"{args.csv}: not found (the ACLED sample lives in shared/corpus)", file=sys.stderr)
        return 2
    scores, meta = run(args.csv, args.limit)
    print(render(scores, meta))
    if args.out is not None:
        figures = {"meta": meta, "targets": TARGETS,
                   "scores": {k: {"hits": t.hits, "total": t.total, "rate": t.rate} for k, t in scores.tallies.items()},
                   "misses": scores.misses}
        args.out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
