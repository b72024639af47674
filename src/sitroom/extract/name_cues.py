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
  state of Tamaulipas``), or ``X's governor``;
- an NGO cue: the name's words (``... Rights Collective``, ``Fundación ...``, ``... Watch``) make a
  non-governmental organisation, country code ``NGO``;
- a gang cue (:func:`gang_names`, read once per document): a name the text calls a gang or whose
  members, leader or cells it mentions (``members of Los Halcones Negros``, ``the leader of La Mano
  Roja``), and, in a story about crime, a plural Spanish name no table knows (``Los Choneros``).
  Every use of such a name in the document is the gang.
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
                              "insurance", "bancorp", "enterprises", "mining", "minerals", "resources", "energy",
                              "logistics", "shipping", "construction", "cement", "refining"})
"""Last words of company names (``Eon Labs``, ``Confifi Hotel Holdings``, ``British Airways``)."""
STATE_BANK_WORDS = frozenset({"central", "reserve"})
"""``Central Bank``, ``Reserve Bank``: a state's monetary authority (GOV)."""
REBEL_ENDINGS = {"front": "REB", "militia": "PRM", "militias": "PRM"}
"""``Tarsk Liberation Front`` (REB), ``Bantu Self-Defence Militia`` (PRM), as the resolver's name words say."""
POLICE_ENDINGS = frozenset({"police", "constabulary", "gendarmerie", "policía", "policia"})
LOCAL_POLICE_WORDS = frozenset({"police", "sheriff", "sheriff's", "sheriff\u2019s", "sheriffs"})
LOCAL_BODY_ENDINGS = frozenset({"office", "department", "service", "force", "detachment", "precinct", "bureau"})
"""``... Sheriff's Office``, ``... Police Department``: a police body (the model often calls them FAC)."""
FIRE_ENDINGS = frozenset({"department", "service", "brigade", "rescue", "authority", "district", "ems"})
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
                             "island", "departments", "provinces", "states", "regions", "municipalities",
                             "territory", "commune", "chiefdom"})
TERRITORY_BEFORE = frozenset({"state", "states", "province", "provinces", "department", "departments",
                              "municipality", "municipalities", "region", "district", "county", "city", "town",
                              "village", "port", "capital", "island", "governorate", "prefecture", "territory",
                              "commune", "hamlet", "township", "chiefdom"})
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
NGO_ENDINGS = frozenset({"collective", "foundation", "watch", "initiative", "observatory", "association"})
"""Last words of civil-society names (``Azuay Rights Collective``, ``Sahel Peace Initiative``)."""
NGO_STARTS = frozenset({"fundación", "fundacion", "colectivo", "asociación", "asociacion", "observatorio",
                        "comité", "comite", "coordinadora"})
"""First words of Spanish-language civil-society names (``Fundación Paz y Reconciliación``)."""
NGO_WORDS = frozenset({"rights", "humanitarian", "peacebuilding", "advocacy", "ngo"})
"""Words that make any organisation's name a civil-society one (``Kivu Rights Network``)."""
MONITORED_WORDS = frozenset({"conflict", "rights", "violence", "crisis", "election", "elections", "peace",
                             "security", "displacement", "ceasefire"})
"""``Sahel Conflict Monitor``: a monitor of these is a watchdog (``Daily Monitor`` is a newspaper)."""
TRADE_WORDS = frozenset({"airline", "airlines", "industry", "industries", "trade", "bankers", "manufacturers",
                         "business", "employers", "commerce", "mining", "chamber", "retailers", "exporters",
                         "producers", "shipowners", "insurers", "transport"})
"""Words that make an association a business one (``International Air Transport Association``: BUS)."""
STATE_BODY_ENDINGS = frozenset({"commission", "council", "ministry", "office", "department", "court",
                                "tribunal", "ombudsman", "secretariat", "agency", "committee"})
"""``National Human Rights Commission``, ``Rights Ombudsman``: a state body, though rights are named."""
JUDICIAL_WORDS = frozenset({"prosecutor", "prosecutor's", "prosecutors", "prosecution", "fiscalía", "fiscalia",
                            "attorney"})
"""``Public Prosecutor's Office``, ``Attorney General's Office``: the judiciary (JUD)."""


def name_cue(ent: Span, person_tails: frozenset[str] = frozenset(),
             gangs: dict[str, NameCue] | None = None) -> NameCue | None:
    """The strongest cue for the model entity ``ent`` (see module docstring), or None. ``gangs`` is
    :func:`gang_names` of the entity's document."""
    gang = (gangs or {}).get(ent.text)
    return (ending_cue(ent) or person_cue(ent, person_tails) or gang or media_cue(ent) or place_cue(ent))


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
    lower = {w.lower() for w in words}
    if lower & JUDICIAL_WORDS and len(words) > 1:
        return NameCue("organization", "JUD")
    if lower & TRADE_WORDS and last in ("association", "federation", "council", "chamber"):
        return NameCue("organization", "BUS")  # "Airline Association", "Chamber of Commerce"
    if ngo_name(words) or (last == "monitor" and lower & MONITORED_WORDS):
        return NameCue("organization", None, "NGO")  # "Azuay Rights Collective", "Sahel Conflict Monitor"
    if last in REBEL_ENDINGS and len(words) > 1:
        return NameCue("organization", REBEL_ENDINGS[last])
    if last in POLICE_ENDINGS and len(words) > 1:
        return NameCue("organization", "COP")
    if lower & LOCAL_POLICE_WORDS and last in LOCAL_BODY_ENDINGS and len(words) > 1:
        return NameCue("organization", "COP")  # "Metcalfe County Sheriff's Office", "Dover Police Department"
    if fire_service(words):
        return NameCue("organization")
    if last in COURT_ENDINGS and len(words) > 1:
        return NameCue("organization", "JUD")
    if last in LEGISLATURE_ENDINGS and len(words) > 1:
        return NameCue("organization", "LEG")
    if media_name(words):
        return NameCue("organization", "JRN")
    return None


def fire_service(words: list[str]) -> bool:
    """``Dover Fire Department``, ``Metcalfe County Fire``: a town's fire service, not a place or a fire."""
    lower = [w.lower() for w in words]
    if "fire" not in lower[1:]:
        return False
    if lower[-1] in FIRE_ENDINGS:
        return True
    return lower[-1] == "fire" and words[-2] in ("County", "City", "Town", "Township", "Borough")


def ngo_name(words: list[str]) -> bool:
    """``Azuay Rights Collective``, ``Fundación Ciudadana``, ``Sahel Peace Initiative``: a civil-society
    organisation; a state body that names rights (``National Human Rights Commission``) is not."""
    if len(words) < 2:
        return False
    last, first = words[-1].lower(), words[0].lower()
    if last in STATE_BODY_ENDINGS or first in ("national", "state", "federal", "presidential"):
        return False
    lower = {w.lower() for w in words}
    return last in NGO_ENDINGS or first in NGO_STARTS or bool(lower & NGO_WORDS)


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
    if known_as_after(doc, ent.start, NAMED_PEOPLE | NICKNAMED_ROLES):
        return NameCue("person")
    return None


NICKNAMED_ROLES = frozenset({"leader", "boss", "chief", "commander", "kingpin", "trafficker", "hitman",
                             "founder", "head", "alias"})
"""Nouns before ``known as "X"`` that make X a person's nickname (``a boss known as "El Sastre"``)."""
KNOWN_AS = (("known", "as"), ("nicknamed",), ("dubbed",), ("called",))


def known_as_after(doc: Doc, start: int, nouns: frozenset[str]) -> bool:
    """``a man known as "El Sastre"``, ``a gang called Los Lobos``: a ``known as`` phrase before the name
    (quotes skipped) whose noun, at most three words earlier, is one of ``nouns``."""
    before = _previous_word(doc, start)
    if before is None:
        return False
    for phrase in KNOWN_AS:
        first = before.i - len(phrase) + 1
        if first < 0 or tuple(t.lower_ for t in doc[first:before.i + 1]) != phrase:
            continue
        return any(t.lower_ in nouns for t in doc[max(0, first - 3):first])
    return False


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


# ---- name spans -------------------------------------------------------------------------------

ORG_OPENERS = NGO_STARTS | frozenset({"frente", "movimiento", "cartel", "cártel", "clan", "banda", "instituto",
                                      "universidad", "partido", "ejército", "ejercito", "foundation"})
"""Capitalised first words of organisation names the model often leaves outside the entity
(``Fundación`` in ``Fundación Ciudadana Segura`` tagged PERSON from the second word)."""
ORG_RELABEL = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"})
"""Labels the model gives organisation names it misreads (``The Azuay Rights Collective`` as LAW)."""


def opener_before(doc: Doc, start: int) -> bool:
    """True when the token before ``start`` opens an organisation's name (see :data:`ORG_OPENERS`)."""
    return start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in ORG_OPENERS


def misread_organisation(ent: Span) -> bool:
    """A LAW/WORK_OF_ART/... entity whose words name an organisation (``... Rights Collective``)."""
    if ent.label_ not in ORG_RELABEL or len(ent) < 2 or not all(t.is_title or not t.is_alpha for t in ent):
        return False
    cue = ending_cue(ent)
    return cue is not None and cue.kind == "organization"


# ---- gangs ------------------------------------------------------------------------------------

GANG_NOUNS = frozenset({"gang", "gangs", "cartel", "cartels", "mafia", "clan", "syndicate", "band", "mara",
                        "maras", "pandilla", "group", "organisation", "organization", "faction"})
"""Nouns that make the name they call a criminal group (``a gang known as Los Lobos``)."""
MEMBER_AFTER = frozenset({"gang", "cartel", "members", "member", "leader", "leaders", "boss", "bosses",
                          "cell", "cells", "faction", "factions", "hitmen", "gunmen", "affiliates", "militants",
                          "operatives", "henchmen", "associates", "rivals", "founder"})
"""Words after a name that make it a group (``La Mano Roja members``, ``Los Lobos leader``)."""
MEMBER_BEFORE = frozenset({"members", "member", "leader", "leaders", "boss", "bosses", "faction", "factions",
                           "cell", "cells", "founder", "founders", "ranks", "hitmen", "rivals", "allies",
                           "remnants", "splinter", "offshoot"})
"""Words before ``of X`` that make X a group (``members of Los Halcones Negros``)."""
CRIME_WORDS = frozenset({"gang", "gangs", "cartel", "cartels", "extortion", "trafficking", "traffickers",
                         "drug", "drugs", "narco", "criminal", "criminals", "homicides", "hitmen", "sicarios",
                         "kidnapping", "smuggling", "cocaine", "murders", "extort", "extorted", "extorting",
                         "racketeering", "prison", "prisons"})
CRIME_STORY = 2
"""Crime words a document needs before an unknown plural Spanish name (``Los Choneros``) is a gang."""
PLURAL_ARTICLES = frozenset({"Los", "Las"})
GANG_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})


def gang_names(doc: Doc) -> dict[str, NameCue]:
    """Names the document shows to be groups (see module docstring), keyed by their text; a gang
    (``CRM``) when the words say so or the story is about crime, else a group of unknown sector."""
    crime = sum(1 for t in doc if t.lower_ in CRIME_WORDS) >= CRIME_STORY
    found: dict[str, NameCue] = {}
    for ent in doc.ents:
        if ent.label_ not in GANG_LABELS or not ent[0].is_title:
            continue
        text = _bare(ent)
        gangish = known_as_after(doc, ent.start, GANG_NOUNS) or _gang_word_after(doc, ent.end)
        grouped = gangish or _members_around(doc, ent)
        plural = crime and _spanish_plural(text)
        if not (grouped or plural) or lookup_country(text) is not None or _known_place(text):
            continue
        sector = "CRM" if gangish or crime else None
        if text not in found or sector:
            found[text] = NameCue("organization", sector)
            found[ent.text] = found[text]
    return found


def _bare(ent: Span) -> str:
    words = ent.text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in ("the", "The") else ent.text


def _gang_word_after(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in ("gang", "cartel", "clan", "mafia") and doc[end].text.islower()


def _members_around(doc: Doc, ent: Span) -> bool:
    """``La Mano Roja members``, ``members of La Mano Roja``, ``the leader of Los Lobos``."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text in ("'s", "\u2019s") and ent.end + 1 < len(doc):
        after = doc[ent.end + 1]
    if after is not None and after.lower_ in MEMBER_AFTER and after.text.islower():
        return True
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else ent.start
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in MEMBER_BEFORE


def _spanish_plural(text: str) -> bool:
    """``Los Choneros``, ``Las Pelusas``, ``Los Hermanos de la Costa``: a Spanish plural article, a
    capitalised plural head right after it, and capitalised words (or particles) after that."""
    words = text.split()
    return len(words) >= 2 and words[0] in PLURAL_ARTICLES and words[1].endswith("s") \
        and all(w[:1].isupper() or w in ("de", "del", "la", "las", "los", "y") for w in words[1:])


def _known_place(text: str) -> bool:
    from sitroom.knowledge import lookup_admin, lookup_city

    return lookup_city(text) is not None or lookup_admin(text) is not None


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


DIRECTIONS_OF = frozenset({"outside", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "north-east", "north-west", "south-east", "south-west", "outskirts"})
"""``outside of Waterloo``, ``north of Cairns``: the name after ``of`` is a place."""
PLACE_NOUNS_AFTER = frozenset({"suburbs", "suburb", "area", "region", "outskirts", "residents", "streets",
                               "airport", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
                               "district", "metro", "hinterland", "waterfront", "skyline", "harbour", "harbor",
                               "port", "downtown", "cbd", "townships", "villages", "municipality"})
"""``the Cairns suburbs``, ``the Waterloo area``: a name before these (after ``the``) is a place, never a person."""


def town_context(doc: Doc, start: int, end: int) -> bool:
    """Uses that make a town of a name the model called a person: ``Jane Roe, 49, of Waterloo``
    (a news report's age-and-hometown apposition), ``outside of Waterloo``, ``the Cairns suburbs``."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        if doc[start - 2].lower_ in DIRECTIONS_OF:
            return True
        if start >= 4 and doc[start - 2].text == "," and doc[start - 3].like_num and doc[start - 4].text == ",":
            return True
    after = doc[end] if end < len(doc) else None
    return (start >= 1 and doc[start - 1].lower_ == "the" and after is not None and after.is_lower
            and after.lower_ in PLACE_NOUNS_AFTER)
