"""The hand-annotated gold set: reading ``NAME.txt`` + ``NAME.gold.json`` pairs and pinning them.

The format and the annotation guidelines are in ``docs/gold.md``. Gold files are a trust boundary
(they are edited by hand), so :func:`load_gold` validates every field it reads and raises
:class:`~sitroom.errors.InputError` naming the file and the field when something is off.

``MANIFEST.sha256`` (``sha256sum`` format) pins the articles and annotations: :func:`check_manifest`
lists every file that changed, appeared or vanished since :func:`write_manifest` was last run, so an
evaluation never silently scores against edited gold. ``floors.json`` is deliberately not pinned:
raising a floor is a normal commit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.errors import InputError, NotFound

MANIFEST = "MANIFEST.sha256"
CASUALTY_KINDS = ("killed", "injured", "arrested", "abducted")
GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class GoldEntity:
    """One actor or place cluster: every surface form the article uses for it."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldDate:
    text: str
    start: str | None
    end: str | None
    """``None`` for an open range (``since 2015``): only the start is scored."""


@dataclass(frozen=True)
class GoldQuantity:
    text: str
    value: float | None
    """``None`` only for vague counts (``dozens of civilians``)."""
    unit: str | None = None
    approximate: bool = False
    vague: bool = False


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    modality: str = "asserted"
    mode: str | None = None
    date: str | None = None
    place: str | None = None
    trigger: str | None = None
    casualties: tuple[tuple[str, int], ...] = ()
    """``(kind, count)`` pairs the article states (``killed``, ``injured``, ``arrested``, ``abducted``)."""


@dataclass(frozen=True)
class GoldClaim:
    speaker: str | None
    content: str
    stance: str = "assert"
    kind: str = "reported"
    via: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    type: str
    source: str
    target: str
    modality: str = "asserted"


@dataclass
class GoldArticle:
    """One gold article: its text, its publication date and the hand annotation."""

    name: str
    text: str
    published: str | None
    author: str | None = None
    entities: list[GoldEntity] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    quantities: list[GoldQuantity] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)

    def entity_named(self, ref: str) -> GoldEntity | None:
        """The gold entity whose name (or, failing that, alias) is ``ref``."""
        for ent in self.entities:
            if ent.name == ref:
                return ent
        for ent in self.entities:
            if ref in ent.aliases:
                return ent
        return None


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """Every ``NAME.gold.json`` in ``gold_dir`` with its ``NAME.txt``, sorted by name."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise NotFound(f"{root}: no such gold folder")
    articles = [load_article(path) for path in sorted(root.glob(f"*{GOLD_SUFFIX}"))]
    if not articles:
        raise NotFound(f"{root}: no *{GOLD_SUFFIX} annotation files")
    return articles


def load_article(annotation_path: Path) -> GoldArticle:
    """One annotation file and the article text beside it."""
    name = annotation_path.name[: -len(GOLD_SUFFIX)]
    text_path = annotation_path.with_name(f"{name}.txt")
    if not text_path.exists():
        raise InputError(str(annotation_path), f"no article text {text_path.name} beside it")
    try:
        data = json.loads(annotation_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(annotation_path), f"not valid JSON: {err}") from err
    if not isinstance(data, dict):
        raise InputError(str(annotation_path), "top level is not a JSON object")
    reader = _Reader(str(annotation_path))
    return GoldArticle(
        name=name,
        text=text_path.read_text(encoding="utf-8"),
        published=reader.opt_str(data, "published"),
        author=reader.opt_str(data, "author"),
        entities=[_entity(reader, item) for item in reader.items(data, "entities")],
        dates=[_date(reader, item) for item in reader.items(data, "dates")],
        quantities=[_quantity(reader, item) for item in reader.items(data, "quantities")],
        events=[_event(reader, item) for item in reader.items(data, "events")],
        claims=[_claim(reader, item) for item in reader.items(data, "claims")],
        relations=[_relation(reader, item) for item in reader.items(data, "relations")],
    )


class _Reader:
    """Typed field access that names the file and field in every error."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, key: str, expected: str) -> InputError:
        return InputError(self.where, f"field {key!r} must be {expected}")

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "a list of objects")
        return value

    def str_(self, data: dict[str, Any], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value:
            raise self.fail(key, "a non-empty string")
        return value

    def opt_str(self, data: dict[str, Any], key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, "a string or null")
        return value

    def strs(self, data: dict[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings")
        return tuple(value)

    def opt_num(self, data: dict[str, Any], key: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "a number or null")
        return float(value)

    def counts(self, data: dict[str, Any], key: str, kinds: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
        """An optional object of ``kind -> non-negative int`` (``null`` values are left out)."""
        value = data.get(key) or {}
        if not isinstance(value, dict) or not set(value) <= set(kinds):
            raise self.fail(key, f"an object with keys among {', '.join(kinds)}")
        pairs = [(k, v) for k, v in value.items() if v is not None]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for _, v in pairs):
            raise self.fail(key, "an object of non-negative whole numbers")
        return tuple(sorted(pairs))

    def flag(self, data: dict[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value


def _entity(r: _Reader, d: dict[str, Any]) -> GoldEntity:
    return GoldEntity(r.str_(d, "name"), r.str_(d, "kind"), r.opt_str(d, "country"),
                      r.opt_str(d, "sector"), r.strs(d, "aliases"), r.opt_str(d, "role"))


def _date(r: _Reader, d: dict[str, Any]) -> GoldDate:
    return GoldDate(r.str_(d, "text"), r.opt_str(d, "start"), r.opt_str(d, "end"))


def _quantity(r: _Reader, d: dict[str, Any]) -> GoldQuantity:
    quantity = GoldQuantity(r.str_(d, "text"), r.opt_num(d, "value"), r.opt_str(d, "unit"),
                            r.flag(d, "approximate"), r.flag(d, "vague"))
    if quantity.value is None and not quantity.vague:
        raise r.fail("value", "a number unless the quantity is vague")
    return quantity


def _event(r: _Reader, d: dict[str, Any]) -> GoldEvent:
    return GoldEvent(r.str_(d, "type"), r.strs(d, "source"), r.strs(d, "target"),
                     r.opt_str(d, "modality") or "asserted", r.opt_str(d, "mode"),
                     r.opt_str(d, "date"), r.opt_str(d, "place"), r.opt_str(d, "trigger"),
                     r.counts(d, "casualties", CASUALTY_KINDS))


def _claim(r: _Reader, d: dict[str, Any]) -> GoldClaim:
    return GoldClaim(r.opt_str(d, "speaker"), r.str_(d, "content"), r.opt_str(d, "stance") or "assert",
                     r.opt_str(d, "kind") or "reported", r.opt_str(d, "via"))


def _relation(r: _Reader, d: dict[str, Any]) -> GoldRelation:
    return GoldRelation(r.str_(d, "type"), r.str_(d, "source"), r.str_(d, "target"),
                        r.opt_str(d, "modality") or "asserted")


# --- the manifest -------------------------------------------------------------------------------


def pinned_files(gold_dir: str | Path) -> list[Path]:
    """The files the manifest pins: article texts and annotations (not floors, not the manifest)."""
    root = Path(gold_dir)
    return sorted(p for p in root.iterdir()
                  if p.is_file() and (p.name.endswith(GOLD_SUFFIX) or p.suffix == ".txt"))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(gold_dir: str | Path) -> Path:
    """(Re)write ``MANIFEST.sha256`` after a deliberate change to the gold set."""
    root = Path(gold_dir)
    lines = [f"{file_sha256(p)}  {p.name}\n" for p in pinned_files(root)]
    target = root / MANIFEST
    target.write_text("".join(lines), encoding="utf-8")
    return target


def read_manifest(gold_dir: str | Path) -> dict[str, str]:
    """File name -> pinned sha256; empty when there is no manifest."""
    path = Path(gold_dir) / MANIFEST
    if not path.exists():
        return {}
    pinned: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise InputError(f"{path}:{number}", "expected '<sha256>  <file name>'")
        pinned[name.strip()] = digest
    return pinned


def check_manifest(gold_dir: str | Path) -> list[str]:
    """One line per difference between the gold files and ``MANIFEST.sha256``; empty when they agree."""
    root = Path(gold_dir)
    if not (root / MANIFEST).exists():
        return [f"{root / MANIFEST} is missing: the gold set is not pinned"]
    pinned = read_manifest(root)
    problems = []
    current = {p.name: file_sha256(p) for p in pinned_files(root)}
    for name, digest in sorted(pinned.items()):
        actual = current.get(name)
        if actual is None:
            problems.append(f"{name}: pinned in {MANIFEST} but missing")
        elif actual != digest:
            problems.append(f"{name}: modified (pinned sha256 {digest[:12]}..., now {actual[:12]}...)")
    problems += [f"{name}: not pinned in {MANIFEST}" for name in sorted(set(current) - set(pinned))]
    return problems
