"""Word lists that type actors: countries and demonyms, titles (roles), descriptor nouns (sectors).

These are the lookups the resolver uses to read "Russian President Vladimir Putin" as a person with
role ``president`` and code ``RUSGOV``, or "Russian gold company Nordgold" as ``RUSBUS``. Countries and
demonyms come from the knowledge tables (:mod:`sitroom.knowledge`); the word lists here are the
resolver's own (titles as they appear before names, organ heads, metonyms, descriptor phrases).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitroom.knowledge import country_by_code, lookup_country, lookup_demonym

# Buildings and capitals that stand for a state's government or military (metonyms).
ORGAN_METONYMS: dict[str, tuple[str, str]] = {
    "kremlin": ("RUS", "GOV"), "white house": ("USA", "GOV"), "pentagon": ("USA", "MIL"),
    "elysee": ("FRA", "GOV"), "élysée": ("FRA", "GOV"), "downing street": ("GBR", "GOV"),
    "quai d'orsay": ("FRA", "GOV"), "zhongnanhai": ("CHN", "GOV"), "blue house": ("KOR", "GOV"),
}

# Head nouns of state-organ descriptions ("Mali's ruling military junta", "French forces").
ORGAN_HEADS: dict[str, str] = {
    "junta": "GOV", "government": "GOV", "authorities": "GOV", "administration": "GOV",
    "regime": "GOV", "state": "GOV", "cabinet": "GOV", "officials": "GOV", "leadership": "GOV",
    "military": "MIL", "forces": "MIL", "troops": "MIL", "army": "MIL", "soldiers": "MIL",
    "armed forces": "MIL", "representatives": "MIL", "navy": "MIL", "air force": "MIL",
    "police": "COP", "opposition": "OPP", "parliament": "LEG", "legislature": "LEG", "guard": "MIL",
}

# How an organ entity is named after its country: "Mali junta", "France military".
ORGAN_NAMES: dict[str, str] = {"GOV": "government", "MIL": "military", "COP": "police",
                               "OPP": "opposition", "LEG": "parliament"}


@dataclass(frozen=True)
class Title:
    """A title or role word: what a person is (``role``) and the sector it implies, if any."""

    role: str
    sector: str | None


# Multi-word titles first: matching tries the longest.
TITLES: dict[str, Title] = {
    "prime minister": Title("prime minister", "GOV"),
    "foreign minister": Title("foreign minister", "GOV"),
    "defence minister": Title("defence minister", "GOV"),
    "defense minister": Title("defence minister", "GOV"),
    "armed forces minister": Title("armed forces minister", "GOV"),
    "vice president": Title("vice president", "GOV"),
    "chief of staff": Title("chief of staff", "MIL"),
    "president": Title("president", "GOV"), "minister": Title("minister", "GOV"),
    "premier": Title("prime minister", "GOV"), "chancellor": Title("chancellor", "GOV"),
    "king": Title("king", "GOV"), "queen": Title("queen", "GOV"), "ambassador": Title("ambassador", "GOV"),
    "secretary": Title("secretary", "GOV"), "governor": Title("governor", "GOV"),
    "mayor": Title("mayor", "GOV"), "senator": Title("senator", "LEG"), "lawmaker": Title("lawmaker", "LEG"),
    "spokesman": Title("spokesperson", None), "spokeswoman": Title("spokesperson", None),
    "spokesperson": Title("spokesperson", None),
    "general": Title("general", "MIL"), "gen.": Title("general", "MIL"), "colonel": Title("colonel", "MIL"),
    "col.": Title("colonel", "MIL"), "commander": Title("commander", "MIL"), "admiral": Title("admiral", "MIL"),
    "captain": Title("captain", "MIL"), "major": Title("major", "MIL"),
    "leader": Title("leader", None), "head": Title("leader", None), "chief": Title("leader", None),
    "founder": Title("founder", None), "chairman": Title("chairman", None), "ceo": Title("ceo", "BUS"),
    "businessman": Title("businessman", "BUS"), "oligarch": Title("businessman", "BUS"),
    "expert": Title("expert", "EDU"), "analyst": Title("analyst", "EDU"), "professor": Title("professor", "EDU"),
    "researcher": Title("researcher", "EDU"), "scholar": Title("expert", "EDU"),
    "journalist": Title("journalist", "JRN"), "reporter": Title("journalist", "JRN"),
    "correspondent": Title("journalist", "JRN"), "judge": Title("judge", "JUD"),
    "imam": Title("imam", "REL"), "bishop": Title("bishop", "REL"),
}

# Honorifics stripped before names are compared ("Mr. Dorn" ~ "Ilya Dorn").
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "lt.", "sgt.",
              "former", "late", "then", "acting", "interim", "self-proclaimed"}

# Descriptor nouns (and phrases) that give an organisation its sector.
SECTOR_PHRASES: dict[str, str] = {
    "private military contractor": "PMC", "private military company": "PMC",
    "private military contractors": "PMC", "private security company": "PMC",
    "mercenary group": "PMC", "mercenary outfit": "PMC", "mercenary": "PMC", "pmc": "PMC",
    "company": "BUS", "firm": "BUS", "giant": "BUS", "corporation": "BUS", "conglomerate": "BUS",
    "multinational": "BUS", "miner": "BUS", "consultancy": "BUS", "lender": "BUS", "insurer": "BUS",
    "exporter": "BUS", "retailer": "BUS", "producer": "BUS", "bank": "BUS", "business": "BUS",
    "insurgent group": "REB", "jihadist group": "REB", "terrorist group": "REB", "armed group": "REB",
    "rebel group": "REB", "militant group": "REB", "offshoot": "REB", "affiliate": "REB",
    "franchise": "REB", "insurgency": "REB", "rebels": "REB", "insurgents": "REB", "jihadists": "REB",
    "militants": "REB", "separatists": "REB", "militia": "PRM",
    "university": "EDU", "institute": "EDU", "think tank": "EDU",
    "news agency": "JRN", "newspaper": "JRN", "broadcaster": "JRN", "magazine": "JRN",
    "ministry": "GOV", "intelligence agency": "SPY", "spy agency": "SPY",
    "party": "PTY", "opposition party": "OPP", "charity": "SOC", "ngo": "SOC",
}

# Words in an organisation's own name that give its sector ("Columbia University", "... Front").
NAME_SECTOR_WORDS: dict[str, str] = {
    "university": "EDU", "institute": "EDU", "college": "EDU", "ministry": "GOV",
    "defense ministry": "MIL", "defence ministry": "MIL", "ministry of defence": "MIL",
    "army": "MIL", "front": "REB", "qaeda": "REB", "al-qaeda": "REB", "islamic state": "REB",
    "liberation": "REB", "jihad": "REB", "brigade": "REB", "brigades": "REB", "militia": "PRM",
    "party": "PTY", "bank": "BUS", "corporation": "BUS", "inc.": "BUS", "ltd": "BUS", "s. a.": "BUS",
    "s.a.": "BUS", "group": "", "times": "JRN", "news": "JRN", "post": "JRN", "press": "JRN",
    "herald": "JRN", "gazette": "JRN", "tribune": "JRN", "journal": "JRN", "daily": "JRN", "observer": "JRN",
}

# Sectors an "armed group"-style description may refer to (the "group" family).
GROUP_SECTORS = {"PMC", "REB", "PRM", "UAF", "CRM", None}


def _title_key(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name, short form or demonym (``Mali``, ``U.S.``, ``Malian``).

    Read from the knowledge tables (:mod:`sitroom.knowledge`), which own countries and demonyms;
    combining prefixes (``Franco``) are not demonyms of a whole word and give None.
    """
    text = text.replace("\u2019", "'")
    demonym = lookup_demonym(text)
    if demonym is not None and not demonym.prefix:
        return demonym.country.alpha3
    country = lookup_country(text)
    return country.alpha3 if country is not None else None


def is_demonym(word: str) -> bool:
    found = lookup_demonym(word.replace("\u2019", "'"))
    return found is not None and not found.prefix


def country_name(code: str) -> str:
    """The name news uses for an alpha-3 code (``RUS`` -> ``Russia``); the code itself when unknown."""
    country = country_by_code(code)
    return country.name if country is not None else code


def demonym_stem_matches(adjective: str, name: str) -> bool:
    """True when ``adjective`` looks like the demonym of ``name`` ("Karesian" ~ "Karesia")."""
    adj = adjective.lower()
    name = name.lower()
    for suffix in ("ian", "an", "ese", "ish", "i", "n"):
        stem = adj.removesuffix(suffix)
        if stem != adj and len(stem) >= 4 and name.startswith(stem):
            return True
    return False


def title_of(words: list[str]) -> Title | None:
    """The longest title found in ``words`` (lower-cased tokens), or None."""
    joined = " ".join(w.lower() for w in words)
    for phrase in sorted(TITLES, key=len, reverse=True):
        if f" {phrase} " in f" {joined} ":
            return TITLES[phrase]
    return None


def sector_of_phrase(words: list[str]) -> str | None:
    """Sector named by a descriptor phrase ("a French multinational group" -> BUS), or None."""
    joined = f" {' '.join(w.lower() for w in words)} "
    for phrase in sorted(SECTOR_PHRASES, key=len, reverse=True):
        if f" {phrase} " in joined:
            return SECTOR_PHRASES[phrase]
    return None


def sector_of_name(name: str) -> str | None:
    """Sector implied by words of an organisation's own name, or None."""
    joined = f" {_title_key(name)} "
    for word in sorted(NAME_SECTOR_WORDS, key=len, reverse=True):
        if f" {word} " in joined:
            return NAME_SECTOR_WORDS[word] or None
    return None


def metonym_organ(text: str) -> tuple[str, str] | None:
    """(country, sector) for a seat-of-power name (``the Kremlin`` -> RUS GOV)."""
    key = _title_key(text).removeprefix("the ").removesuffix("'s")
    return ORGAN_METONYMS.get(key)
