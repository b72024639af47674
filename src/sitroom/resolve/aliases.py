"""Comparing names within one document: normal forms, surnames, acronyms, name containment.

"Russian President Vladimir Putin" and "Putin" share the surname once titles are stripped;
"the Internet Research Agency" and "IRA" share initials; "Wagner" is contained in "The Wagner Group".
Each test here is a cheap string check; the resolver decides which to apply by entity kind.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sitroom.resolve.typing_lexicon import HONORIFICS, TITLES, is_demonym

NAME_CACHE_SIZE = 16_384
"""Entries per name cache below. A full cache costs 11-19 MiB (measured, 65,536 entries): 16,384 keeps
every name of several thousand recent articles yet bounds a long run over new texts to a quarter of
that (docs/performance.md, "Memory")."""

# Words skipped when taking initials ("Islamic State in Greater Sahara" -> ISGS).
_FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "at", "de", "du", "des", "la", "le", "&"}
# Generic organisation words: "Wagner" may stand for "Wagner Group", not "Group" for it.
ORG_GENERIC = {"group", "company", "corporation", "corp.", "inc.", "ltd", "organization", "organisation",
               "agency", "s.", "a.", "s.a.", "plc", "llc", "co.", "holding", "holdings",
               # industry words: "Redstone" may stand for "Redstone Mining", "Korvath" for "Korvath Minerals"
               "mining", "minerals", "resources", "energy", "metals", "industries", "logistics"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}s?$")


# Name linking compares every named mention with the earlier ones, folding both each time: caching
# the folds made a 1,000-name document resolve about 2x faster (see docs/reliability.md).
@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower-case, strip accents and curly quotes: "Keïta" and "Keita" fold alike."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words_of(text: str) -> list[str]:
    return fold(text).replace("'s ", " ").removesuffix("'s").split()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def name_key(text: str) -> str:
    """Normal form for exact comparison: folded, leading "the" and trailing "'s" removed."""
    words = words_of(text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def strip_titles(text: str) -> str:
    """Drop leading titles, honorifics and demonyms: "Russian President Vladimir Putin" -> "Vladimir Putin"."""
    words = text.replace("\u2019", "'").split()
    while words:
        low = words[0].lower().rstrip(",")
        two = " ".join(w.lower() for w in words[:2])
        if two in TITLES:
            words = words[2:]
        elif low in TITLES or low in HONORIFICS or is_demonym(words[0]) or low == "the":
            words = words[1:]
        else:
            break
    return " ".join(words) or text


def surname(text: str) -> str:
    """Last word of a person's name once titles are stripped ("Gen. Anton Brask" -> "brask")."""
    words = words_of(strip_titles(text))
    return words[-1] if words else ""


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text.strip().removeprefix("the ").removeprefix("The ")))


def acronym_key(text: str) -> str:
    """Letters of an acronym: "U.S." -> "US", "PMCs" -> "PMC"."""
    core = text.strip().removeprefix("the ").removeprefix("The ")
    letters = re.sub(r"[^A-Za-z0-9]", "", core)
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return letters.upper()


def initials(text: str, skip_function_words: bool = True) -> str:
    """Initial letters of a name's words ("Internet Research Agency" -> "IRA")."""
    out = []
    for word in re.split(r"[\s\-]+", text.replace("\u2019", "'")):
        if not word or (skip_function_words and word.lower() in _FUNCTION_WORDS):
            continue
        out.append(word[0].upper())
    return "".join(out)


def acronym_matches(acronym: str, name: str) -> bool:
    """True when ``acronym`` is made of the initials of ``name`` (with or without "of", "the"...)."""
    key = acronym_key(acronym)
    if len(key) < 2:
        return False
    words = strip_titles(name)
    return key in (initials(words), initials(words, skip_function_words=False))


def contained_name(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` minus generic org words ("Wagner" ~ "the Wagner Group")."""
    short_words = name_key(short).split()
    long_words = name_key(long).split()
    if not short_words or len(short_words) >= len(long_words):
        return False
    # Only generic words may differ: "Islamic State" is not "Islamic State in Greater Sahara".
    core = [w for w in long_words if w not in ORG_GENERIC]
    return short_words == core


def same_person(a: str, b: str) -> bool:
    """"Yevgeny Prigozhin" ~ "Prigozhin", "Dimitry Peskov" ~ "Dmitry Peskov"; never two first names."""
    wa, wb = words_of(strip_titles(a)), words_of(strip_titles(b))
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    # Both have first names: they must agree on the initial (transliterations vary after it).
    return wa[0][0] == wb[0][0]
