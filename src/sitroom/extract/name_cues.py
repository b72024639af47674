"""Typing a name from its own words and from the words right around it.

The statistical model's labels are weakest on exactly the names conflict and crime reporting is full
of: Spanish-language outlets (``El Heraldo`` tagged PERSON), criminal groups (``Juarez Cartels``),
companies (``Eon Labs``), one-word provinces (``Tamaulipas``) and aliases (``El Chapo`` tagged ORG).
The gazetteer step asks :func:`name_cue` about every model entity the tables do not know; a cue beats
the model's label. Cues, strongest first:

- the name's last word (``... Cartel``/``Gang``/``Mafia`` -> CRM; ``... Party`` -> PTY; ``... Ltd``,
  ``plc``, ``Airways``, ``Bank`` -> BUS, but ``Central Bank``/``Bank of X`` -> GOV; ``... Police`` ->
  COP; ``... Court`` -> JUD) and its first word (``Diario ...``, ``Radio ...`` -> media);
- a person cue: ``alias "El Chayo"``, ``a woman named Margarita``, ``Mr``/``Ms`` before the name, or the
  name repeating the tail of a longer PERSON entity of the same text (``Pena Nieto`` after ``Enrique
  Pena Nieto``);
- a media cue: a media noun just before (``the daily El Tiempo``, ``news agency EFE``), an inverted
  attribution (``..., reported Vanguardia.``), or an article-initial foreign name after a reporting
  phrase (``according to La Tribuna``, ``told El Faro``);
- a place cue: a territorial noun after the name (``the Boqueron province``) or before it (``the
  state of Tamaulipas``), or ``X's governor``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.knowledge import lookup_country


@dataclass(frozen=True)
class NameCue:
    """What the words say a name is; ``sector`` and ``country`` may be unknown."""

    kind: str
    sector: str | None = None
    country: str | None = None


CRM_ENDINGS = frozenset({"cartel", "cartels", "gang", "gangs", "mafia", "mafias", "clan", "syndicate", "mara",
                         "maras", "pandilla"})
PARTY_ENDINGS = frozenset({"party", "partido"})
BUSINESS_ENDINGS = frozenset({"ltd", "ltd.", "inc", "inc.", "plc", "llc", "corp", "corp.", "co.", "gmbh", "ag",
                              "sa", "s.a.", "nv", "bv", "pjsc", "ojsc", "spa", "airways", "airlines", "holdings",
                              "industries", "motors", "pharmaceuticals", "pharma", "securities", "bank", "banks",
                              "telecom", "petroleum", "labs", "laboratories", "investments", "capital",
                              "insurance", "bancorp", "enterprises"})
"""Last words of company names (``Eon Labs``, ``Confifi Hotel Holdings``, ``British Airways``)."""
STATE_BANK_WORDS = frozenset({"central", "reserve"})
"""``Central Bank``, ``Reserve Bank``: a state's monetary authority (GOV)."""
POLICE_ENDINGS = frozenset({"police", "constabulary", "gendarmerie", "policía", "policia"})
COURT_ENDINGS = frozenset({"court", "tribunal", "judiciary"})
LEGISLATURE_ENDINGS = frozenset({"parliament", "assembly", "senate", "legislature"})
MEDIA_ENDINGS = frozenset({"times", "post", "herald", "tribune", "gazette", "journal", "telegraph", "chronicle",
                           "observer", "heraldo", "tiempo", "prensa", "diario", "noticias", "economista",
                           "espectador", "mercurio", "financiero", "informador", "universal", "periódico",
                           "periodico", "nacional", "comercio", "news", "newswire", "newspaper"})
"""Last words of newspaper names (``Karesia Herald``, ``El Heraldo``). ``Nacional``, ``Universal`` and
``Comercio`` only count after a Spanish article (see :func:`ending_cue`)."""
ARTICLE_ONLY_MEDIA = frozenset({"nacional", "universal", "comercio", "tiempo"})
MEDIA_STARTS = frozenset({"diario", "radio", "revista", "canal", "noticias", "prensa", "semanario", "periódico",
                          "periodico", "jornal", "folha", "tv", "televisión", "television"})
FOREIGN_ARTICLES = frozenset({"El", "La", "Los", "Las", "O", "A", "Le", "Les", "Il", "Der", "Die", "Das"})
MEDIA_NOUNS = frozenset({"newspaper", "newspapers", "daily", "dailies", "paper", "outlet", "outlets", "website",
                         "site", "magazine", "broadcaster", "tabloid", "weekly", "radio", "station", "channel",
                         "network", "newsweekly", "periodical", "portal", "agency", "wire", "newswire"})
"""Nouns that make the name right after them an outlet (``the daily El Tiempo``). ``agency``, ``network``
and ``station`` only after ``news``/``press``/``radio``/``television`` (``news agency EFE``)."""
QUALIFIED_MEDIA_NOUNS = frozenset({"agency", "network", "station", "site", "channel", "wire"})
MEDIA_QUALIFIERS = frozenset({"news", "press", "radio", "television", "tv", "investigative", "online",
                              "digital", "media", "wire"})
REPORTING_BEFORE = ("according to", "reported by", "told", "published by", "interviewed by", "cited by",
                    "quoted by", "in an interview with", "reported", "reports", "wrote", "published in",
                    "appeared in", "said in", "told the", "quoted in", "reported in")
INVERTED_REPORT = frozenset({"reported", "reports", "reporting", "wrote", "writes", "said", "noted"})
"""``..., reported Vanguardia.``: a name after one of these and before the end of the sentence; only
``reported``-type verbs make it an outlet (``said X`` is a person, see :func:`inverted_attribution`)."""
OUTLET_VERBS = frozenset({"reported", "reports", "reporting", "wrote", "writes"})
TERRITORY_AFTER = frozenset({"province", "state", "department", "region", "municipality", "district", "county",
                             "prefecture", "governorate", "parish", "canton", "neighborhood", "neighbourhood",
                             "island", "departments", "provinces", "states", "regions", "municipalities"})
TERRITORY_BEFORE = frozenset({"state", "states", "province", "provinces", "department", "departments",
                              "municipality", "municipalities", "region", "district", "county", "city", "town",
                              "village", "port", "capital", "island", "governorate", "prefecture"})
"""``the northern state of Tamaulipas``, ``the departments of Alta Verapaz and Peten``."""
LOCAL_OFFICES = frozenset({"governor", "mayor", "governorship", "mayoralty", "municipality", "outskirts",
                           "state", "province"})
"""``Chihuahua's governor``: ``X's`` followed by these names a place (a state has a president, not these)."""
PERSON_BEFORE = frozenset({"alias", "aka", "a.k.a."})
"""Not ``dubbed`` or ``nicknamed``: operations and laws get nicknames too (``dubbed Operation Car Wash``)."""
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Don", "Doña", "Dona",
                        "Senor", "Señor", "Senora", "Señora"})
NAMED_PEOPLE = frozenset({"man", "woman", "boy", "girl", "person", "men", "women", "farmer", "driver",
                          "teenager", "officer", "soldier", "student", "worker", "child"})
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})


def name_cue(ent: Span, person_tails: frozenset[str] = frozenset()) -> NameCue | None:
    """The strongest cue for the model entity ``ent`` (see module docstring), or None."""
    return (ending_cue(ent) or person_cue(ent, person_tails) or media_cue(ent) or place_cue(ent))


# ---- the name's own words ---------------------------------------------------------------------

def ending_cue(ent: Span) -> NameCue | None:
    """Sector from the name's last (or first) word: ``Gulf Cartel`` -> CRM, ``Karesia Airways`` -> BUS."""
    words = [t.text for t in ent if not t.is_punct]
    if not words:
        return None
    last = words[-1].lower()
    if last in CRM_ENDINGS and len(words) > 1:
        return NameCue("organization", "CRM")
    if last in PARTY_ENDINGS and len(words) > 1:
        return NameCue("organization", "PTY")
    if last in ("bank", "banks") and len(words) > 1:
        return state_bank(words) or NameCue("organization", "BUS")
    if "bank" in (w.lower() for w in words[:-1]) and len(words) > 2:
        return state_bank(words)  # "Bank of England", "Central Bank of Karesia"
    if last in BUSINESS_ENDINGS and len(words) > 1:
        return NameCue("organization", "BUS")
    if last in POLICE_ENDINGS and len(words) > 1:
        return NameCue("organization", "COP")
    if last in COURT_ENDINGS and len(words) > 1:
        return NameCue("organization", "JUD")
    if last in LEGISLATURE_ENDINGS and len(words) > 1:
        return NameCue("organization", "LEG")
    if media_name(words):
        return NameCue("organization", "JRN")
    return None


def state_bank(words: list[str]) -> NameCue | None:
    """``Central Bank``, ``Reserve Bank of Karesia``, ``Bank of Karesia``: a state's bank (GOV).

    ``Bank of X`` counts only when ``Bank`` opens the name (``Commonwealth Bank of Australia`` is a
    company) and X is a state other than ``America`` (``Bank of America``)."""
    lower = [w.lower() for w in words]
    if STATE_BANK_WORDS.intersection(lower):
        return NameCue("organization", "GOV")
    if lower[:2] == ["bank", "of"] and len(words) > 2 and words[2] != "America":
        country = lookup_country(" ".join(words[2:]))
        if country is not None:
            return NameCue("organization", "GOV", country.alpha3)
    return None


def media_name(words: list[str]) -> bool:
    """``El Heraldo``, ``Karesia Times``, ``Diario Libre``: a newspaper's name."""
    last, first = words[-1].lower(), words[0].lower()
    article = words[0] in FOREIGN_ARTICLES
    if len(words) < 2:
        return False
    if last in ARTICLE_ONLY_MEDIA:
        return article
    return last in MEDIA_ENDINGS or first in MEDIA_STARTS


# ---- people -----------------------------------------------------------------------------------

def person_cue(ent: Span, person_tails: frozenset[str]) -> NameCue | None:
    """``alias "El Chayo"``, ``a woman named Margarita``, ``Ms Hughes``, ``Pena Nieto`` (a longer
    PERSON's tail): a person whatever the model's label."""
    doc = ent.doc
    before = _previous_word(doc, ent.start)
    if before is not None and before.lower_ in PERSON_BEFORE:
        return NameCue("person")
    if before is not None and before.lower_ == "named" and before.i > 0 and doc[before.i - 1].lower_ in NAMED_PEOPLE:
        return NameCue("person")
    possessive = any(t.text in ("'s", "\u2019s") for t in ent)  # "Mr Brown's Finance Facility"
    if not possessive and (ent[0].text in HONORIFICS and 1 < len(ent) <= 3
                           or before is not None and before.text in HONORIFICS and before.i == ent.start - 1):
        return NameCue("person")
    if ent.label_ != "PERSON" and ent.text in person_tails:
        return NameCue("person")
    return None


def person_tails(doc: Doc) -> frozenset[str]:
    """Every proper tail of a PERSON entity of two or more words: ``Pena Nieto``, ``Nieto``."""
    tails = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for k in range(1, len(ent)):
                if ent[k].is_title:
                    tails.add(ent[k:].text)
    return frozenset(tails)


def _previous_word(doc: Doc, start: int) -> Token | None:
    """The token before ``start``, skipping opening quotes (``alias "Gato Seco"``)."""
    i = start - 1
    while i >= 0 and doc[i].text in QUOTES:
        i -= 1
    return doc[i] if i >= 0 else None


# ---- outlets ----------------------------------------------------------------------------------

def media_cue(ent: Span) -> NameCue | None:
    """An outlet by context: a media noun before it, an inverted ``reported X``, or a foreign-article
    name after a reporting phrase."""
    if media_noun_before(ent) or inverted_attribution(ent):
        return NameCue("organization", "JRN")
    if ent[0].text in FOREIGN_ARTICLES and len(ent) > 1 and reporting_before(ent):
        return NameCue("organization", "JRN")
    return None


def media_noun_before(ent: Span) -> bool:
    """``the daily El Tiempo``, ``Spanish news agency EFE``, ``website El Faro``."""
    doc = ent.doc
    if ent.start == 0:
        return False
    noun = doc[ent.start - 1]
    if noun.lower_ not in MEDIA_NOUNS or noun.is_title and noun.i > 0 and not doc[noun.i - 1].is_sent_end:
        return False
    if noun.lower_ in QUALIFIED_MEDIA_NOUNS:
        return noun.i > 0 and doc[noun.i - 1].lower_ in MEDIA_QUALIFIERS
    return True


def inverted_attribution(ent: Span) -> bool:
    """``..., reported Vanguardia.``: verb after a comma or a closing quote, the name ends the clause."""
    doc = ent.doc
    if ent.start < 2 or ent.end > len(doc):
        return False
    verb, before = doc[ent.start - 1], doc[ent.start - 2]
    after = doc[ent.end] if ent.end < len(doc) else None
    if verb.lower_ not in OUTLET_VERBS or not (before.text in (",", "--") or before.text in QUOTES):
        return False
    return after is None or after.is_punct and after.text in (".", ",", ";", ":", "!", "?")


def reporting_before(ent: Span) -> bool:
    """A reporting phrase ends right before the name (``according to``, ``told``, ``reported by``)."""
    doc = ent.doc
    text = doc[max(0, ent.start - 5):ent.start].text.lower()
    return any(text.endswith(phrase) for phrase in REPORTING_BEFORE)


# ---- places -----------------------------------------------------------------------------------

def place_cue(ent: Span) -> NameCue | None:
    return NameCue("place") if territory_context(ent.doc, ent.start, ent.end) else None


def territory_context(doc: Doc, start: int, end: int) -> bool:
    """``the Boqueron province``, ``the state of Tamaulipas``, ``Chihuahua's governor``."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in TERRITORY_AFTER and after.text.islower():
        return True
    if after is not None and after.text in ("'s", "\u2019s") and end + 1 < len(doc) \
            and doc[end + 1].lower_ in LOCAL_OFFICES:
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TERRITORY_BEFORE \
        and doc[start - 2].text.islower()
