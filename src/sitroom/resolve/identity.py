"""Cross-document actor identity: a conservative key that two mentions of one actor share.

The key is deliberately cautious, because a wrong merge poisons every profile built on it while a
missed merge only splits one: names are compared after lowercasing, accent folding, dropping a
leading "the", a possessive and punctuation; a few generic wrappers are removed only where they
are known to be decoration ("Wagner Group", "PMC Wagner", "Wagner PMC" -> ``wagner``). Prefix
and suffix matching ("Niger" / "Nigeria") never happens. Countries are keyed by ISO code so "Mali",
"Republic of Mali" and "MLI" meet. Persons lose honorifics and ranks ("General Anton Brask" ->
``anton brask``) but never their first name (``brask`` stays apart: which Brask is not knowable here).

>>> actor_key("the Wagner group's", "organization", "RUS")
'org:wagner'
>>> actor_key("Niger", "country", None) != actor_key("Nigeria", "country", None)
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Kinds that NER confuses with each other share one key space; persons, places and countries
# are kept apart because "Wagner" the person and "Wagner" the company are different actors.
_KIND_CLASS = {
    "organization": "org",
    "group": "org",
    "other": "org",
    "person": "person",
    "place": "place",
    "country": "country",
}

# Decorations of an organisation's name that do not change which organisation it is.
_ORG_PREFIXES = ("pmc ", "private military company ", "the ")
_ORG_SUFFIXES = (
    " group", " pmc", " private military company", " company", " organisation", " organization",
    " inc", " ltd", " llc", " corp", " corporation", " plc", " sa", " gmbh",
)
# Words that carry no identity on their own: stripping down to one of them would merge unrelated
# organisations ("the Group", "the Company"), so the wrapper is kept.
_GENERIC_WORDS = {
    "", "group", "company", "organisation", "organization", "pmc", "state", "army", "government",
    "front", "movement", "party", "forces", "force", "ministry", "council", "union", "alliance",
}
# Institutions whose bare name needs a country to say which one ("the army", "the Ministry of Defence").
_INSTITUTION_WORDS = {
    "army", "government", "military", "police", "presidency", "parliament", "junta", "cabinet",
    "armed forces", "defence ministry", "defense ministry", "foreign ministry", "ministry of defence",
    "ministry of defense", "ministry of foreign affairs", "interior ministry", "gendarmerie", "navy",
    "air force", "national assembly", "supreme court", "constitutional court", "intelligence service",
    "security forces", "prime minister", "president", "foreign minister", "defence minister",
    "defense minister", "embassy", "senate", "election commission",
}
_HONORIFICS = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "sheikh", "imam",
    "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt",
    "sergeant", "sgt", "commander", "cmdr", "admiral", "adm", "marshal", "brigadier",
    "president", "prime", "minister", "pm", "king", "queen", "prince", "princess", "emir",
    "senator", "sen", "representative", "rep", "ambassador", "governor", "gov", "mayor",
    "chancellor", "secretary", "interim", "acting", "former", "late", "ex",
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_NON_WORD = re.compile(r"[^\w']+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip accents and punctuation, collapse spaces: ``"Al-Qaïda!"`` -> ``al qaida``."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace(".", "")  # "U.N." -> "un" rather than "u n"
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" '")


def normalise_name(name: str) -> str:
    """The name part of a key shared by all kinds: folded, without "the" or a possessive."""
    text = fold(name)
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.replace("'", "").strip()


def _strip_org_wrappers(norm: str) -> str:
    """Drop one known decoration at each end while something identifying remains."""
    for prefix in _ORG_PREFIXES:
        rest = norm.removeprefix(prefix)
        if rest != norm and rest not in _GENERIC_WORDS:
            norm = rest
            break
    for suffix in _ORG_SUFFIXES:
        rest = norm.removesuffix(suffix)
        if rest != norm and rest not in _GENERIC_WORDS:
            norm = rest
            break
    return norm


def _strip_honorifics(norm: str) -> str:
    """Drop leading titles and ranks, keeping at least one word."""
    words = norm.split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code for a country name or code, or ``None`` when it is not one."""
    import pycountry

    raw = name.strip()
    if not raw:
        return None
    if len(raw) == 3 and raw.isalpha() and raw.isupper():
        return raw
    try:
        return str(pycountry.countries.lookup(normalise_name(raw)).alpha_3)
    except LookupError:
        pass
    try:
        # fuzzy search also knows official names ("Republic of Mali"); accept it only when the
        # match is unique so "Niger" never becomes Nigeria or the other way round.
        found = pycountry.countries.search_fuzzy(raw)
    except LookupError:
        return None
    return str(found[0].alpha_3) if len(found) == 1 else None


def actor_key(name: str, kind: str, country: str | None = None) -> str:
    """A conservative cross-document identity key: ``org:wagner``, ``country:MLI``, ``person:anton brask``.

    ``country`` is the ISO alpha-3 (or PLOVER) code of the actor's country when known. It is part
    of the key only where the name alone cannot say which actor it is: countries (their own code)
    and generic institutions (``org:army@MLI``).
    """
    kind_class = _KIND_CLASS.get(kind, "org")
    # A name of punctuation only folds to nothing; keeping it verbatim stops all such names merging.
    norm = normalise_name(name) or name.strip()
    if kind_class == "country":
        code = country or country_code(name)
        return f"country:{code}" if code else f"country:{norm}"
    if kind_class == "person":
        return f"person:{_strip_honorifics(norm)}"
    if kind_class == "org":
        if norm in _INSTITUTION_WORDS:
            return f"org:{norm}@{country or '?'}"
        return f"org:{_strip_org_wrappers(norm)}"
    return f"{kind_class}:{norm}"


def key_name(key: str) -> str:
    """The name part of a key (what name look-ups compare against): ``org:army@MLI`` -> ``army``."""
    rest = key.split(":", 1)[-1]
    return rest.split("@", 1)[0]
