"""The country a story is set in, and what it tells about names the text leaves without one.

A story about gang violence in Guayaquil names Ecuador once and a dozen Ecuadorian towns, gangs,
courts and police forces without repeating the country. The reader gives all of them Ecuador; the
tables cannot. This module reads the story's *setting* from the places and states it names and uses
it, carefully, in three ways:

- :func:`settle_hits` (gazetteer hits, before mentions exist): a bare ``Congo`` is the Democratic
  Republic of the Congo in a story whose other places are Congolese ones of the DRC (Goma, Kivu,
  Kinshasa), and a town name shared by two countries (``Caledonia``) is the one in the setting;
- :func:`inherit_setting` (mentions): an organisation named in the story, with no country of its own,
  gets the setting's country when its name or sector makes it a local body (a national police, a
  prosecutor's office, a gang, a company, a court); outlets, NGOs and international bodies never do,
  and neither does an organisation of unknown type with no local word in its name;
- the same pass gives an unknown town (learned from the text, no table knows it) the setting's country.

The setting needs a clear majority: at least three weighted uses and twice the next country's weight.
Weights: a country name 1, a demonym 1/2, each distinct town or province of that country 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sitroom.knowledge import country_by_code, lookup_city

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extract.mentions import Hit
    from sitroom.records import Mention

MIN_SETTING_WEIGHT = 3.0
SETTING_MARGIN = 2.0
"""The setting's weight must be at least this many times the next country's."""

SHARED_NAME_MAX_POPULATION = 150_000
"""Above this a table city keeps its country even when the setting has a town of the same name."""
MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"})
DRC, CONGO = "COD", "COG"
BARE_CONGO = frozenset({"Congo", "the Congo"})
"""Forms that name either Congo; ``Republic of the Congo`` and ``Congo-Brazzaville`` are unambiguous."""

LOCAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "CRM", "BUS", "REB", "PRM",
                           "EDU", "SPY", "LAB"})
"""Sectors whose unnamed-country organisations are, in a one-country story, that country's."""
LOCAL_NAME_WORDS = frozenset({"national", "federal", "public", "municipal", "provincial", "state",
                              "ministry", "prosecutor", "prosecutor's", "prosecutors", "attorney", "office",
                              "police", "army", "navy", "court", "congress", "senate", "assembly",
                              "supreme", "department", "secretariat", "commission", "council", "union",
                              "regional", "district", "city", "town", "prison", "penitentiary", "front",
                              "movement", "liberation", "militia", "brigade", "brigades", "resistance",
                              "nacional", "público", "publico", "pública", "publica", "policía", "policia",
                              "fiscalía", "fiscalia", "ministerio", "secretaría", "secretaria", "ejército",
                              "ejercito", "procuraduría", "procuraduria", "estatal"})
"""Words in an organisation's name that make it a body of the state or the place it is in, or an armed
movement of that place (transnational ones, ``Islamic State``, are in the tables with their own code)."""
FOREIGN_NAME_WORDS = frozenset({"international", "global", "world", "united", "nations", "african",
                                "european", "american", "inter-american", "interamerican", "transnational",
                                "sans", "frontières", "frontieres", "rights", "watch", "amnesty", "foundation",
                                "crisis", "collective"})
"""Words that mark an international body or an NGO, which the setting does not own."""
NON_LOCAL_COUNTRIES = frozenset({"NGO", "IGO", "UNO", "EUR", "IMG", "MNC"})


def setting_of(weights: Counter[str]) -> str | None:
    """The country with a clear majority of the weights (see module docstring), or None."""
    ranked = weights.most_common(2)
    if not ranked or ranked[0][1] < MIN_SETTING_WEIGHT:
        return None
    if len(ranked) > 1 and ranked[0][1] < SETTING_MARGIN * ranked[1][1]:
        return None
    code = ranked[0][0]
    return code if country_by_code(code) is not None else None


def hit_weights(doc: Doc, hits: Iterable[Hit]) -> Counter[str]:
    """Setting weights of gazetteer hits: countries 1, demonyms 1/2, distinct places 1."""
    weights: Counter[str] = Counter()
    halves: Counter[str] = Counter()
    places: set[tuple[str, str]] = set()
    for hit in hits:
        if not hit.country or hit.kind == "prefix":
            continue
        if hit.kind == "country":
            weights[hit.country] += 1
        elif hit.kind == "demonym":
            halves[hit.country] += 1
        elif hit.kind == "place":
            places.add((hit.country, doc[hit.start:hit.end].text))
    for country, _ in places:
        weights[country] += 1
    for country, count in halves.items():
        weights[country] += count // 2  # a demonym weighs half a name
    return weights


def settle_hits(doc: Doc, hits: list[Hit]) -> str | None:
    """Read bare ``Congo`` and shared town names by the story's other places; return the setting."""
    _settle_congo(doc, hits)
    _place_unknown_towns(doc, hits)
    setting = setting_of(hit_weights(doc, hits))
    if setting is not None:
        for hit in hits:
            if hit.kind == "place" and hit.country not in (None, setting):
                _prefer_setting(doc, hit, setting)
    return setting


def _settle_congo(doc: Doc, hits: list[Hit]) -> None:
    """``Congo`` beside Goma and North Kivu is the DRC: more DRC evidence than Brazzaville evidence
    (bare Congo itself not counted) moves every bare ``Congo`` hit, and what it owns, to the DRC."""
    bare = [h for h in hits if h.country == CONGO and h.kind == "country" and _bare_congo(doc, h)]
    if not bare:
        return
    evidence: Counter[str] = Counter(h.country for h in hits if h.country in (DRC, CONGO) and h not in bare)
    if evidence[DRC] > evidence[CONGO]:
        drc = country_by_code(DRC)
        for hit in bare:
            hit.country = DRC
            hit.canonical = drc.name if drc is not None else hit.canonical


def _place_unknown_towns(doc: Doc, hits: list[Hit]) -> None:
    """Towns learned from the text (``in Babahoyo``) that the small city table lacks: the geo index
    places them in the country leading the story, when it has a town of that name there."""
    leader = next(iter(hit_weights(doc, hits).most_common(1)), None)
    if leader is None:
        return
    for hit in hits:
        if hit.kind == "place" and hit.country is None and _place_in(doc[hit.start:hit.end].text, leader[0]):
            hit.country = leader[0]


def _place_in(name: str, country: str) -> bool:
    from sitroom.resolve.geo_index import geo_index

    return any(p.country == country and p.feature in ("city", "admin1", "admin2") for p in geo_index().lookup(name))


def _bare_congo(doc: Doc, hit: Hit) -> bool:
    text = doc[hit.start:hit.end].text
    return text in BARE_CONGO or (text == "Congo" and hit.start > 0 and doc[hit.start - 1].lower_ == "the")


def _prefer_setting(doc: Doc, hit: Hit, setting: str) -> None:
    """A town name the tables give to another country, when the setting has a town of that name and
    the table's town is no big city (``Sacramento`` in a story set in Mexico is still California's)."""
    name = doc[hit.start:hit.end].text
    city = lookup_city(name)
    if city is not None and (city.capital or city.population >= SHARED_NAME_MAX_POPULATION):
        return
    if _place_in(name, setting):
        hit.country = setting


def inherit_setting(mentions: list[Mention], setting: str | None) -> None:
    """Give local organisations and unknown towns without a country the setting's (module docstring)."""
    if setting is None:
        return
    for mention in mentions:
        if mention.country or not mention.is_name:
            continue
        if mention.kind == "organization" and is_local_organisation(mention.text, mention.sector):
            mention.country = setting
        elif mention.kind == "place" and _unknown_town(mention):
            mention.country = setting


def is_local_organisation(name: str, sector: str | None) -> bool:
    """True when a name with no country of its own reads as a body of the place it is in."""
    words = {w.lower().strip(".,") for w in name.replace("-", " ").split()}
    if words & FOREIGN_NAME_WORDS or sector in ("JRN", "MED", "SOC", "REF"):
        return False
    return sector in LOCAL_SECTORS or bool(words & LOCAL_NAME_WORDS)


def _unknown_town(mention: Mention) -> bool:
    """A place the text taught (a dateline, ``the town of X``): no table knows it, so no region either."""
    from sitroom.resolve.geo_index import geo_index

    if mention.label != "GAZ" or lookup_city(mention.text) is not None or mention.text in MONTHS:
        return False
    return not geo_index().lookup(mention.text)
