"""Cue words: which sector a noun implies, and which role and sector a title implies.

Both tables are plain dicts keyed by lower-case words (or word tuples for phrases), so the mention
step can look them up per token without any regex. The choices follow CAMEO/PLOVER habits:
a junta or a "military government" is ``GOV`` (it governs), "government forces" are ``MIL``, a
defence ministry is ``MIL``, a spokesperson has no sector of their own (it comes from whom they
speak for).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectorCue:
    """What a noun says about the actor it heads."""

    sector: str | None
    """conventions.md sector; ``None`` for actor nouns that carry no sector (``group``)."""
    kind: str
    """``organization`` for organs and companies, ``group`` for unorganised collectives."""
    strong: bool
    """A strong head fixes the sector; a weak one (``forces``) takes a modifier's (``rebel forces``)."""


def _cues(sector: str | None, kind: str, strong: bool, words: str) -> dict[str, SectorCue]:
    cue = SectorCue(sector, kind, strong)
    return {word: cue for word in words.split()}


ORG, GROUP = "organization", "group"

SECTOR_WORDS: dict[str, SectorCue] = {
    **_cues("GOV", ORG, True, "government governments junta juntas regime regimes cabinet ministry "
            "ministries presidency administration executive embassy"),
    **_cues("GOV", ORG, False, "authorities state officials official representatives representative "
            "diplomats leadership leaders delegation"),
    **_cues("MIL", ORG, True, "army armies military navy airforce guard"),
    **_cues("MIL", ORG, False, "forces troops soldiers personnel units battalion battalions brigade "
            "brigades regiment contingent garrison peacekeepers officers"),
    **_cues("COP", ORG, True, "police gendarmerie gendarmes policemen"),
    **_cues("SPY", ORG, True, "intelligence"),
    **_cues("LEG", ORG, True, "parliament legislature congress senate lawmakers legislators"),
    **_cues("JUD", ORG, True, "court courts judiciary tribunal prosecutors"),
    **_cues("OPP", ORG, True, "opposition"),
    **_cues("PTY", ORG, True, "party"),
    **_cues("REB", GROUP, True, "rebels rebel insurgents insurgent jihadists jihadist militants "
            "separatists islamists terrorists guerrillas guerrilla fighters extremists"),
    **_cues("REB", ORG, True, "insurgency"),
    **_cues("PRM", ORG, True, "militia militias paramilitaries paramilitary"),
    **_cues("PMC", GROUP, True, "mercenaries mercenary"),
    **_cues("PMC", ORG, False, "contractor contractors pmc pmcs"),
    **_cues("UAF", GROUP, True, "gunmen assailants attackers"),
    **_cues("BUS", ORG, False, "company companies firm firms corporation conglomerate giant "
            "multinational enterprise producer"),
    **_cues("CRM", GROUP, True, "gangs gang cartel cartels traffickers smugglers criminals"),
    **_cues("CVL", GROUP, True, "civilians protesters protestors demonstrators villagers residents "
            "populace crowd crowds witnesses marchers"),
    **_cues("REF", GROUP, True, "refugees migrants displaced"),
    **_cues("JRN", ORG, False, "newspaper outlet broadcaster journalists reporters media"),
    **_cues("EDU", ORG, True, "university institute academy"),
    **_cues("REL", GROUP, True, "clerics imams clergy"),
    **_cues(None, ORG, False, "group groups organisation organization movement coalition"),
}
"""Lower-case head nouns of actor descriptions. Words missing here are not actor heads."""

MODIFIER_SECTORS: dict[str, str] = {
    "military": "MIL", "army": "MIL", "armed": "MIL", "naval": "MIL", "defence": "MIL",
    "defense": "MIL", "security": "MIL",
    "police": "COP", "intelligence": "SPY", "government": "GOV", "state": "GOV",
    "rebel": "REB", "jihadist": "REB", "jihadi": "REB", "insurgent": "REB", "militant": "REB",
    "islamist": "REB", "terrorist": "REB", "separatist": "REB", "extremist": "REB",
    "mercenary": "PMC", "paramilitary": "PRM", "militia": "PRM", "opposition": "OPP",
    "criminal": "CRM", "gold": "BUS", "mining": "BUS", "oil": "BUS", "energy": "BUS",
    "media": "JRN", "news": "JRN", "multinational": "BUS", "radical": "REB",
    "islamic": "REB",
}
"""Lower-case modifiers that decide the sector of a weak head (``rebel forces`` -> ``REB``)."""

SECTOR_PHRASES: dict[tuple[str, ...], str] = {
    ("private", "military", "company"): "PMC",
    ("private", "military", "companies"): "PMC",
    ("private", "military", "contractor"): "PMC",
    ("private", "military", "contractors"): "PMC",
    ("private", "military", "firm"): "PMC",
    ("private", "security", "company"): "PMC",
    ("private", "security", "firm"): "PMC",
    ("private", "security", "contractor"): "PMC",
    ("military", "company"): "PMC",
    ("mercenary", "group"): "PMC",
    ("military", "junta"): "GOV",
    ("military", "government"): "GOV",
    ("military", "regime"): "GOV",
    ("defence", "ministry"): "MIL",
    ("defense", "ministry"): "MIL",
    ("armed", "forces"): "MIL",
    ("security", "forces"): "MIL",
    ("armed", "group"): "REB",
    ("armed", "groups"): "REB",
    ("terrorist", "group"): "REB",
    ("terrorist", "groups"): "REB",
    ("armed", "men"): "UAF",
    # pro-government auxiliaries recruited among civilians (Burkina Faso's VDP, Nigeria's CJTF)
    ("volunteer", "fighters"): "PRM",
    ("volunteer", "fighter"): "PRM",
    ("vigilante", "group"): "PRM",
    ("vigilante", "groups"): "PRM",
    ("self-defence", "group"): "PRM",
    ("self-defense", "group"): "PRM",
    ("political", "opposition"): "OPP",
    ("opposition", "party"): "OPP",
    ("opposition", "parties"): "OPP",
    ("interior", "ministry"): "GOV",
    ("news", "outlet"): "JRN",
}
"""Phrases ending in the head noun whose sector beats both head and modifiers."""

MILITARY_HEADS = frozenset({"forces", "troops", "soldiers", "units", "officers", "personnel"})
"""Weak heads whose state modifier still means the military (``government troops`` -> ``MIL``)."""


@dataclass(frozen=True)
class Role:
    """What a title before (or beside) a person's name says about them."""

    role: str
    """Normalised role: ``president``, ``spokesperson``, ``defence minister``..."""
    sector: str | None
    """Sector the role implies; ``None`` when it depends on whom they serve (spokesperson)."""


def _roles(role: str | None, sector: str | None, titles: str) -> dict[tuple[str, ...], Role]:
    """``titles`` is ``;``-separated; each title's words become the key, ``role`` defaults to it."""
    table = {}
    for title in titles.split(";"):
        words = tuple(title.split())
        table[words] = Role(role or " ".join(words), sector)
    return table


ROLE_TITLES: dict[tuple[str, ...], Role] = {
    **_roles(None, "GOV", "president;vice president;prime minister;premier;chancellor;king;queen;"
             "emir;sultan;monarch;crown prince;governor;mayor;ambassador;envoy;diplomat;"
             "foreign minister;interior minister;finance minister;secretary of state;"
             "foreign secretary;junta leader;head of state;minister;deputy minister;official"),
    **_roles("president", "GOV", "pres.;interim president;transitional president"),
    **_roles("prime minister", "GOV", "pm;interim prime minister;transitional prime minister"),
    **_roles("defence minister", "GOV", "defence minister;defense minister;armed forces minister;"
             "minister of defence;minister of defense;minister of the armed forces;defence secretary;"
             "defense secretary;secretary of defense"),
    **_roles("spokesperson", None, "spokesman;spokeswoman;spokesperson;spokespeople;press secretary"),
    **_roles("secretary-general", None, "secretary-general;secretary general"),
    **_roles(None, "LEG", "senator;lawmaker;legislator;congressman;congresswoman;mp;speaker;deputy"),
    **_roles(None, "JUD", "judge;prosecutor;chief justice;attorney general"),
    **_roles(None, "MIL", "general;colonel;lieutenant;major;captain;commander;admiral;marshal;"
             "brigadier;sergeant;army chief;chief of staff;field marshal;lieutenant colonel;"
             "major general;brigadier general;lieutenant general;soldier"),
    **_roles("general", "MIL", "gen.;gen"),
    **_roles("colonel", "MIL", "col.;col"),
    **_roles("lieutenant", "MIL", "lt.;lt"),
    **_roles("captain", "MIL", "capt.;capt"),
    **_roles(None, "COP", "police chief;police commissioner;inspector"),
    **_roles("leader", None, "leader;head;chief"),
    **_roles("rebel leader", "REB", "rebel leader;warlord;militant leader;jihadist leader"),
    **_roles("opposition leader", "OPP", "opposition leader;opposition figure"),
    **_roles(None, "EDU", "expert;analyst;researcher;professor;scholar;academic;fellow;prof.;"
             "senior fellow;research fellow"),
    **_roles(None, "JRN", "journalist;reporter;correspondent;editor"),
    **_roles(None, "BUS", "ceo;chairman;chairwoman;director;founder;businessman;businesswoman;"
             "tycoon;oligarch;chief executive;executive"),
    **_roles(None, "REL", "imam;cleric;bishop;pope;priest;archbishop;ayatollah;sheikh"),
}
"""Lower-case title words -> role. Longest match wins (``prime minister`` over ``minister``)."""

MAX_TITLE_WORDS = max(len(key) for key in ROLE_TITLES)

FORMER_WORDS = frozenset({"former", "ex", "ex-", "late"})
"""A title after these words describes a former official: sector ``ELI`` (conventions.md)."""
