"""Place recognition and geocoding on TR-News (118 news articles, every toponym with its GeoNames point).

    .venv/bin/python bench/trnews_eval.py [--corpus PATH] [--limit N] [--out FILE] [--errors N]

Runs the default pipeline (up to its geocode step) on each article's text and matches each gold toponym to a predicted
mention of a ``country`` or ``place`` entity overlapping it. About 9% of the gold offsets are shifted
by a few characters, so a toponym whose slice differs from its phrase is moved to the nearest
occurrence of the phrase within ``SHIFT`` characters. A toponym is correct when the matched entity's
``geo`` lies within 161 km (100 miles, the usual threshold for this set) of the gold point.

Reported over every gold toponym that has a gold point (unmatched = wrong):
- ``accuracy@161``: correct / all (the headline number; target 0.80);
- ``recall``: matched / all (recognition);
- ``accuracy among recognised``: correct / matched (geocoding alone);
- the same split by gold feature class (country, admin, city, other) and for demonym toponyms
  (``Turkish`` tagged as Turkey), which count when the document names the country (the demonym-links
  step then adds them to its entity). ``demonym-aware accuracy`` also counts a demonym as correct when a mention overlapping it carries
  that country's code (``a Turkish policeman`` -> TUR) and the country's point is within 161 km.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitroom.extract.pipeline import Pipeline, default_steps
from sitroom.knowledge import lookup_demonym
from sitroom.records import Document, DocumentRecord
from sitroom.resolve.geo_index import geo_index
from sitroom.resolve.geocode import GEO_KINDS, haversine_km

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tr-news-geoparsing.xml"
THRESHOLD_KM = 161.0
SHIFT = 40
"""How far (characters) a shifted gold offset is searched for its phrase."""
FEATURE_GROUPS = {"PCLI": "country", "PCLS": "country", "PCLD": "country", "PCLIX": "country",
                  "ADM1": "admin", "ADM2": "admin", "ADM3": "admin",
                  "PPL": "city", "PPLA": "city", "PPLA2": "city", "PPLA3": "city", "PPLC": "city",
                  "PPLX": "city"}


@dataclass
class Gold:
    doc: str
    phrase: str
    start: int
    end: int
    lat: float
    lon: float
    fcode: str

    @property
    def group(self) -> str:
        return FEATURE_GROUPS.get(self.fcode, "other")

    @property
    def demonym(self) -> bool:
        return lookup_demonym(self.phrase) is not None


@dataclass
class Outcome:
    gold: Gold
    matched: bool
    correct: bool
    demonym_correct: bool
    predicted: str | None
    distance_km: float | None


def read_articles(path: Path) -> list[tuple[Document, list[Gold]]]:
    root = ET.parse(path).getroot()
    out: list[tuple[Document, list[Gold]]] = []
    for article in root.findall("article"):
        docid = article.get("docid") or str(len(out))
        text = article.findtext("text") or ""
        published = (article.findtext("dltime") or "").strip() or None
        golds = [g for g in (_gold(docid, text, t) for t in article.iter("toponym")) if g is not None]
        out.append((Document(id=docid, text=text, published=published, language="en"), golds))
    return out


def _gold(docid: str, text: str, node: ET.Element) -> Gold | None:
    tag = node.find("gaztag")
    lat, lon = (tag.findtext("lat"), tag.findtext("lon")) if tag is not None else (None, None)
    if tag is None or lat is None or lon is None:
        return None  # no gold point: cannot be scored
    phrase = node.findtext("phrase") or ""
    start = int(node.findtext("start") or 0)
    start = realign(text, phrase, start)
    return Gold(docid, phrase, start, start + len(phrase), float(lat), float(lon), tag.findtext("fcode") or "")


def realign(text: str, phrase: str, start: int) -> int:
    """The start of ``phrase`` nearest to ``start`` (the gold offset itself when it is right)."""
    if text[start : start + len(phrase)] == phrase or not phrase:
        return start
    best = None
    low = max(0, start - SHIFT)
    at = text.find(phrase, low)
    while at != -1 and at <= start + SHIFT:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1)
    return start if best is None else best


def score_article(record: DocumentRecord, golds: list[Gold]) -> list[Outcome]:
    spans = [(m.start, m.end, e) for e in record.entities if e.kind in GEO_KINDS for m in e.mentions]
    all_mentions = [m for e in record.entities for m in e.mentions]
    outcomes = []
    for gold in golds:
        overlapping = [(min(e_, gold.end) - max(s, gold.start), ent) for s, e_, ent in spans
                       if s < gold.end and e_ > gold.start]
        entity = max(overlapping, key=lambda pair: pair[0])[1] if overlapping else None
        distance = None
        if entity is not None and entity.geo is not None:
            distance = haversine_km(gold.lat, gold.lon, float(entity.geo["lat"]), float(entity.geo["lon"]))
        correct = distance is not None and distance <= THRESHOLD_KM
        demonym_ok = correct or (gold.demonym and _demonym_correct(gold, all_mentions))
        outcomes.append(Outcome(gold, entity is not None, correct, demonym_ok,
                                entity.name if entity else None, distance))
    return outcomes


def _demonym_correct(gold: Gold, mentions: list[Any]) -> bool:
    for mention in mentions:
        if mention.start < gold.end and mention.end > gold.start and mention.country:
            box = geo_index().country(mention.country)
            if box and haversine_km(gold.lat, gold.lon, box.place.lat, box.place.lon) <= THRESHOLD_KM:
                return True
    return False


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    def block(items: list[Outcome]) -> dict[str, Any]:
        n = len(items)
        matched = sum(o.matched for o in items)
        correct = sum(o.correct for o in items)
        return {"toponyms": n, "matched": matched, "correct": correct,
                "accuracy@161": round(correct / n, 4) if n else None,
                "recall": round(matched / n, 4) if n else None,
                "accuracy_among_recognised": round(correct / matched, 4) if matched else None}

    groups = sorted({o.gold.group for o in outcomes})
    result: dict[str, Any] = {"all": block(outcomes),
                              "non_demonym": block([o for o in outcomes if not o.gold.demonym]),
                              "demonym": block([o for o in outcomes if o.gold.demonym]),
                              "by_feature": {g: block([o for o in outcomes if o.gold.group == g]) for g in groups}}
    n = len(outcomes)
    result["demonym_aware_accuracy@161"] = round(sum(o.demonym_correct for o in outcomes) / n, 4) if n else None
    return result


def print_table(summary: dict[str, Any], seconds: float, articles: int) -> None:
    rows = [("all", summary["all"]), ("non-demonym", summary["non_demonym"]),
            ("demonym", summary["demonym"])]
    rows += [(f"  {name}", block) for name, block in summary["by_feature"].items()]
    print(f"TR-News: {articles} articles, {seconds:.1f} s")
    print(f"{'subset':<14}{'toponyms':>9}{'matched':>9}{'correct':>9}{'acc@161':>9}{'recall':>9}{'acc|rec':>9}")
    for name, b in rows:
        print(f"{name:<14}{b['toponyms']:>9}{b['matched']:>9}{b['correct']:>9}"
              f"{_fmt(b['accuracy@161'])}{_fmt(b['recall'])}{_fmt(b['accuracy_among_recognised'])}")
    print(f"demonym-aware accuracy@161: {summary['demonym_aware_accuracy@161']}")


def _fmt(value: float | None) -> str:
    return f"{value:>9.3f}" if value is not None else f"{'-':>9}"


def print_errors(outcomes: list[Outcome], limit: int) -> None:
    wrong = [o for o in outcomes if not o.correct]
    reasons = Counter("unmatched" if not o.matched else "no geo" if o.distance_km is None else "far"
                      for o in wrong)
    print(f"errors: {dict(reasons)}")
    for o in wrong[:limit]:
        where = "-" if o.distance_km is None else f"{o.distance_km:.0f} km"
        print(f"  {o.gold.doc} {o.gold.phrase!r} ({o.gold.fcode}) -> {o.predicted!r} {where}")


def steps_to_geocode() -> list[Any]:
    """The default steps up to geocoding, plus the demonym links (``Turkish`` -> Turkey): the others
    (relations, claims, events) neither make nor move places, and skipping them keeps the run short
    and independent of their state."""
    steps = default_steps()
    names = [step.name for step in steps]
    return steps[: names.index("geocode") + 1] + [s for s in steps if s.name == "demonym-links"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    parser.add_argument("--out", type=Path, help="write the summary as JSON")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong toponyms")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: not found", file=sys.stderr)
        return 2
    articles = read_articles(args.corpus)[: args.limit or None]
    pipeline = Pipeline(steps=steps_to_geocode())
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    records = pipeline.process(doc for doc, _ in articles)
    for (_, golds), record in zip(articles, records, strict=True):
        outcomes += score_article(record, golds)
    seconds = time.perf_counter() - start
    summary = summarise(outcomes)
    print_table(summary, seconds, len(articles))
    if args.errors:
        print_errors(outcomes, args.errors)
    if args.out:
        payload = {"summary": summary, "seconds": round(seconds, 1), "articles": len(articles),
                   "outcomes": [asdict(o) | {"gold": asdict(o.gold)} for o in outcomes]}
        args.out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
