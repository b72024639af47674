"""Loaders and lookups over the knowledge data files in this folder.

Each table is read once per process (``functools.cache``) into plain dicts. Lookups take the text
as it appears in an article: a leading ``the``, a trailing ``'s`` and curly apostrophes are
normalised away; matching is case-sensitive first (so ``US`` is the United States and ``us`` is
not), then case-insensitive for names longer than four letters (``RUSSIA`` in a headline).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from sitroom.knowledge.lexicon import (
    FORMER_WORDS,
    MAX_TITLE_WORDS,
    MILITARY_HEADS,
    MODIFIER_SECTORS,
    ROLE_TITLES,
    SECTOR_PHRASES,
    SECTOR_WORDS,
    Role,
    SectorCue,
)

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CountryInfo:
    """A sovereign state or territory (ISO 3166)."""

    name: str
    """The name news uses: ``Russia``, ``United States``, ``Ivory Coast``."""
    alpha3: str
    capital: str | None = None
    kind: str = "country"


@dataclass(frozen=True)
class DemonymInfo:
    """A demonym, adjective or combining prefix and the country it points to."""

    form: str
    country: CountryInfo
    prefix: bool = False
    """True for combining forms such as ``Franco`` (``Franco-German``)."""


@dataclass(frozen=True)
class ActorInfo:
    """A well-known actor (IGO, armed group, outlet, institution) or a named region."""

    name: str
    category: str
    """``igo``, ``armed``, ``pmc``, ``crime``, ``media``, ``research``, ``ngo``, ``institution``, ``region``."""
    country: str | None
    sector: str | None
    kind: str
    """``organization``, or ``place`` for regions."""


@dataclass(frozen=True)
class PlaceInfo:
    """A city from GeoNames (population >= 100k, or a capital)."""

    name: str
    country: str
    population: int
    geonameid: int
    lat: float
    lon: float
    capital: bool


def _rows(filename: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file, skipping ``#`` comments and blank lines."""
    with (HERE / filename).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _split(field: str) -> list[str]:
    return [part for part in field.split("|") if part]


def normalise(text: str) -> str:
    """The lookup form of a mention: curly quotes straightened, ``the`` and ``'s`` removed."""
    text = " ".join(text.replace("\u2019", "'").split())
    if text[:4] in ("the ", "The "):
        text = text[4:]
    return text.removesuffix("'s")


T = TypeVar("T")


class _Index(Generic[T]):
    """A case-sensitive dict with a case-insensitive fallback for longer names."""

    def __init__(self) -> None:
        self.exact: dict[str, T] = {}
        self.folded: dict[str, T] = {}

    def add(self, name: str, value: T) -> None:
        self.exact.setdefault(name, value)
        if len(name) > 4 and not name.isupper():
            self.folded.setdefault(name.casefold(), value)

    def get(self, text: str) -> T | None:
        found = self.exact.get(" ".join(text.replace("\u2019", "'").split()))  # "The Hague" as is
        if found is not None:
            return found
        key = normalise(text)
        found = self.exact.get(key)
        if found is None and len(key) > 4:
            found = self.folded.get(key.casefold())
        return found

    def names(self) -> Iterator[tuple[str, T]]:
        yield from self.exact.items()


@cache
def _countries() -> tuple[dict[str, CountryInfo], _Index[CountryInfo]]:
    display: dict[str, tuple[str, list[str]]] = {}
    for row in _rows("country_aliases.tsv"):
        display[row[0]] = (row[1], _split(row[2]) if len(row) > 2 else [])
    by_code: dict[str, CountryInfo] = {}
    index: _Index[CountryInfo] = _Index()
    for code, name, names, capital in _rows("countries.tsv"):
        shown, aliases = display.get(code, (name, []))
        info = CountryInfo(shown, code, capital or None)
        by_code[code] = info
        # aliases first: a hand-written short form ("Congo" -> COG) beats a generated one
        for form in [shown, *aliases, *_split(names)]:
            index.add(form, info)
    return by_code, index


@cache
def _demonyms() -> _Index[DemonymInfo]:
    by_code = _countries()[0]
    index: _Index[DemonymInfo] = _Index()
    for row in _rows("demonyms.tsv"):
        country = by_code[row[0]]
        for form in _split(row[1]):
            index.add(form, DemonymInfo(form, country))
        for form in _split(row[2]) if len(row) > 2 else []:
            index.add(form, DemonymInfo(form, country, prefix=True))
    return index


@cache
def _actors() -> _Index[ActorInfo]:
    index: _Index[ActorInfo] = _Index()
    for category, name, country, sector, *rest in _rows("actors.tsv"):
        kind = "place" if category == "region" else "organization"
        info = ActorInfo(name, category, None if country == "-" else country,
                         None if sector == "-" else sector, kind)
        for form in [name, *_split(rest[0] if rest else "")]:
            index.add(form, info)
    return index


@cache
def _places() -> _Index[PlaceInfo]:
    index: _Index[PlaceInfo] = _Index()
    capitals: list[PlaceInfo] = []
    others: list[PlaceInfo] = []
    for name, country, population, geonameid, lat, lon, capital in _rows("cities.tsv"):
        info = PlaceInfo(name, country, int(population), int(geonameid), float(lat), float(lon),
                         capital == "1")
        (capitals if info.capital else others).append(info)
    # capitals first, then by population (the file is sorted): "Washington" is the US capital
    for info in capitals + others:
        index.add(info.name, info)
    return index


def country_by_code(alpha3: str) -> CountryInfo | None:
    """The country with ISO alpha-3 code ``alpha3`` (``MLI``)."""
    return _countries()[0].get(alpha3.upper())


def lookup_country(text: str) -> CountryInfo | None:
    """A country by any of its names or short forms (``Russia``, ``DRC``, ``U.S.``, ``Britain``)."""
    return _countries()[1].get(text)


def lookup_demonym(text: str) -> DemonymInfo | None:
    """The country of a demonym or combining prefix (``Nigerien`` -> Niger, ``Franco`` -> France)."""
    return _demonyms().get(text.rstrip("-"))


def demonym_for(alpha3: str) -> str | None:
    """The first (adjective) form of a country's demonyms: ``MLI`` -> ``Malian``."""
    return _adjectives().get(alpha3)


@cache
def _adjectives() -> dict[str, str]:
    first: dict[str, str] = {}
    for form, info in _demonyms().names():
        if not info.prefix:
            first.setdefault(info.country.alpha3, form)
    return first


def lookup_known_actor(text: str) -> ActorInfo | None:
    """A well-known actor or named region (``Wagner``, ``ISGS``, ``Reuters``, ``the Kremlin``)."""
    return _actors().get(text)


def lookup_igo(text: str) -> ActorInfo | None:
    """An intergovernmental organisation (``UN`` -> UNO, ``EU`` -> EUR, ``ECOWAS`` -> IGO)."""
    found = lookup_known_actor(text)
    return found if found is not None and found.category == "igo" else None


def lookup_city(text: str) -> PlaceInfo | None:
    """A capital or a city of at least 100,000 people; the capital or the biggest when names clash."""
    return _places().get(text)


def country_names() -> Iterator[tuple[str, CountryInfo]]:
    """Every surface form of every country, for building matchers."""
    return _countries()[1].names()


def demonym_forms() -> Iterator[tuple[str, DemonymInfo]]:
    return _demonyms().names()


def actor_names() -> Iterator[tuple[str, ActorInfo]]:
    return _actors().names()


def city_names() -> Iterator[tuple[str, PlaceInfo]]:
    return _places().names()


GENERIC_ADMIN_WORDS = frozenset({
    "centre", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "north-west", "north-east", "south-west", "south-east", "nord", "sud", "est", "ouest", "capital",
    "coast", "lakes", "plateau", "delta", "islands", "littoral", "maritime", "bay", "savanes", "cascades",
    "upper", "lower", "interior", "border", "mountain", "valley", "river", "federal", "national",
})
"""Admin names that are also ordinary words of news prose (``Centre`` in Burkina Faso, ``Delta`` in
Nigeria): not matched on their own, because most capitalised uses are not the unit (``the Centre for
...``, ``Delta Air Lines``). The geocoder still resolves them when another step makes them places."""
ADMIN_UNIT_WORDS = (" County", " Province", " District", " Region", " Parish", " Governorate", " Oblast")
"""Admin2 names are matched only with their unit word (``Metcalfe County``): bare admin2 names are
thousands of surnames and ordinary words (``Barren``, ``Adair``)."""
MIN_ADMIN_CHARS = 5
"""Shorter single-word admin names (``Paul``, ``Pool``, ``Acre``, ``Meta``) collide with words and names."""


@dataclass(frozen=True)
class AdminInfo:
    """A first-level unit (state, province, region) or a county-style second-level one (GeoNames)."""

    name: str
    country: str
    level: int


@cache
def _admins() -> dict[str, AdminInfo]:
    """Admin names as written (case-sensitive), from the geocoder's ``geo/admin.tsv``."""
    found: dict[str, AdminInfo] = {}
    for row in _rows("geo/admin.tsv"):
        alpha3, _code, level, _geonameid, name = row[:5]
        if not _matchable_admin(name, level):
            continue
        found.setdefault(name, AdminInfo(name, alpha3, int(level)))
    return found


def _matchable_admin(name: str, level: str) -> bool:
    if level == "2":
        return name.endswith(ADMIN_UNIT_WORDS) and name[:1].isupper()
    words = name.split()
    if not name[:1].isupper() or not all(w[:1].isupper() for w in words if w not in ("of", "and", "du", "de")):
        return False
    if len(words) == 1:
        return len(name) >= MIN_ADMIN_CHARS and name.lower() not in GENERIC_ADMIN_WORDS
    return not all(w.lower() in GENERIC_ADMIN_WORDS for w in words)


def lookup_admin(text: str) -> AdminInfo | None:
    """A state, province or region by its name as written (``Kentucky``, ``Metcalfe County``)."""
    return _admins().get(normalise(text))


@cache
def _abbreviations() -> dict[str, AdminInfo]:
    found: dict[str, AdminInfo] = {}
    for alpha3, name, forms in _rows("geo/abbreviations.tsv"):
        for form in _split(forms):
            found[_abbreviation_key(form)] = AdminInfo(name, alpha3, 1)
    return found


def _abbreviation_key(text: str) -> str:
    return text.replace(".", "").strip().casefold()


def lookup_admin_abbreviation(text: str) -> AdminInfo | None:
    """The state or province an AP-style abbreviation names (``Ky.``, ``Ont``, ``N.J.``); case and
    full stops ignored. Only read after ``Town,``: alone, ``Ark`` or ``Del`` are words or names."""
    return _abbreviations().get(_abbreviation_key(text))


def admin_names() -> Iterator[tuple[str, AdminInfo]]:
    """Every matchable admin name (see :data:`GENERIC_ADMIN_WORDS`, :data:`ADMIN_UNIT_WORDS`)."""
    return iter(_admins().items())


def sector_for_word(word: str) -> SectorCue | None:
    """The sector cue of an actor head noun (``junta`` -> GOV, ``rebels`` -> REB group)."""
    return SECTOR_WORDS.get(word.lower())


def modifier_sector(word: str) -> str | None:
    """The sector a modifier gives a weak head (``rebel`` in ``rebel forces`` -> REB)."""
    return MODIFIER_SECTORS.get(word.lower())


def sector_for_phrase(words: list[str]) -> SectorCue | None:
    """Sector and kind of a description whose last word is its head noun.

    Order: a known phrase ending at the head (``private military contractor`` -> PMC); a strong
    head (``junta`` -> GOV, even in ``military junta``); the nearest modifier with a sector
    (``military representatives`` -> MIL, but ``government troops`` stay MIL); the weak head's own.
    """
    if not words:
        return None
    lowered = [w.lower() for w in words]
    head = sector_for_word(lowered[-1])
    if head is None:
        return None
    for size in range(min(3, len(lowered)), 1, -1):
        phrase = SECTOR_PHRASES.get(tuple(lowered[-size:]))
        if phrase:
            return SectorCue(phrase, head.kind, True)
    if head.strong:
        return head
    for word in reversed(lowered[:-1]):
        sector = MODIFIER_SECTORS.get(word)
        if sector == "GOV" and lowered[-1] in MILITARY_HEADS:
            return head
        if sector:
            return SectorCue(sector, head.kind, False)
    return head


def role_for_title(text: str) -> Role | None:
    """The role a title names (``Prime Minister`` -> prime minister GOV, ``spokesman`` -> spokesperson).

    ``former``/``ex-`` before the title keeps the role and makes the sector ``ELI``.
    """
    words = tuple(normalise(text).lower().replace("ex-", "ex ").split())
    former = bool(words) and words[0] in FORMER_WORDS
    if former:
        words = words[1:]
    role = ROLE_TITLES.get(words)
    if role is None:
        return None
    return Role(role.role, "ELI") if former else role


def title_at_end(words: list[str]) -> tuple[Role, int] | None:
    """The longest title that ends the word list, and how many words it spans."""
    lowered = [w.lower() for w in words]
    for size in range(min(MAX_TITLE_WORDS, len(lowered)), 0, -1):
        role = ROLE_TITLES.get(tuple(lowered[-size:]))
        if role is not None:
            return role, size
    return None
