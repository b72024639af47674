"""Contradictions: one source denies what another asserts, within one article or across articles.

Both sides are :class:`Item` s, flat and backend-neutral (a store builds them from its rows, a test
by hand), and :func:`find_contradictions` pairs them. The rule is deliberately conservative, because
a false "these sources disagree" misleads an analyst more than a missed one:

**Deny side**: claims with stance ``deny`` (their ``about`` entities and their speaker, because a
denier usually denies their own part: "Prigozhin denies any attachments to Wagner") and events
with modality ``denied``. **Assert side**: events and relations with modality ``asserted``,
``reported``, ``alleged`` or ``planned``, and asserting claims that hold no event (a claim that
holds events is represented by its events).

A pair contradicts when all of these hold:

1. **Topic**: the same event type or relation type. :data:`SAME_TOPIC` widens this a little:
   ``AID`` and ``MOBILIZE`` both code "sending troops" depending on the reporter's reading of the
   intent, and ``finances`` (a relation) is ``AID`` in money. A claim holding no event gets its
   topics from a small lexicon over its words (:data:`TOPIC_WORDS`: "present"/"troops" ->
   deployments, "attachments"/"ties" -> ties, "financed" -> funding); a claim none of those words
   speak to has no topic and contradicts nothing.
2. **Actors**: at least two distinct actors of the assert side are each matched by a distinct
   actor of the deny side, at least one of them not the denier (the speaker alone never makes a
   pair). Actors match by cross-document actor id, or under the **state-organ rule**: two actors
   with the same ISO country code where one is a state organ (a country, or sector GOV, MIL, SPY
   or COP) and the other a state organ or a force a state may deploy at arm's length (PMC, PRM).
   So "Russian military representatives" (RUS MIL) meet "the Russian PMC" (RUS PMC), but a
   Russian company (RUS BUS), a Russian newspaper, an opposition party, rebels and persons never
   stand in for the state; international codes (IGO, UNO, IMG...) never match by code.
3. **Time**: both windows overlap. An item's window is its own date range when it has one, else
   its document's publication date widened by :data:`NEWS_WINDOW_DAYS` (news reports on the
   present). Ties (relations and the ties topic) are stable, so only two own dates are compared.
   Items with no date and no publication date compare only within their own document.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

DENY_MODALITIES = frozenset({"denied"})
ASSERT_MODALITIES = frozenset({"asserted", "reported", "alleged", "planned"})

STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP"})
"""Sectors that are the state itself."""
PROXY_SECTORS = frozenset({"PMC", "PRM"})
"""Armed forces a state can deploy while denying it: private military companies and militias."""
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})

NEWS_WINDOW_DAYS = 30
"""How far an undated report reaches around its publication date: a month covers the follow-up
articles of one news cycle, and no more, so a 2019 arms sale never meets a 2021 denial."""

TIE_TYPES = frozenset({"finances", "works_for", "member_of", "leads", "owns", "ally_of", "part_of",
                       "spokesperson_of"})
"""Relation types that say two actors are linked (not ``opposes``, ``competes_with``, places...)."""

SAME_TOPIC: dict[str, frozenset[str]] = {
    "AID": frozenset({"AID", "MOBILIZE", "finances"}),
    "MOBILIZE": frozenset({"MOBILIZE", "AID"}),
    "finances": frozenset({"finances", "AID"}),
}

# Each family also carries a lower-case name of its own, the topic two claims share.
_DEPLOYMENT = frozenset({"presence", "MOBILIZE", "AID", "COOPERATE", "ASSAULT", "operates_in", "based_in"})
_TIES = TIE_TYPES | {"ties"}
_FUNDING = frozenset({"funding", "finances", "AID"})
_ATTACK = frozenset({"attack", "ASSAULT"})
_SUPPLY = frozenset({"supply", "AID"})

TOPIC_WORDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\b(present|presence|deploy\w*|stationed|troops|soldiers|forces|fighters|mercenar\w+|"
                r"contractors|instructors|boots on the ground)\b"), _DEPLOYMENT),
    (re.compile(r"\b(ties|links?|linked|attachments?|affinity|connections?|connected|relationship|"
                r"affiliat\w+|associated|member|works? for|employ\w*|controls?|owns?)\b"), _TIES),
    (re.compile(r"\b(fund\w*|financ\w*|bankroll\w*|paid|pays?|paying)\b"), _FUNDING),
    (re.compile(r"\b(attack\w*|kill\w*|bomb\w*|shell\w*|massacre\w*|shot|shoot\w*|strikes?)\b"), _ATTACK),
    (re.compile(r"\b(weapons|arms|suppl\w+|deliver\w*)\b"), _SUPPLY),
)


@dataclass(frozen=True)
class ItemActor:
    """An actor taking part in an item, with what the state-organ rule needs."""

    actor_id: int
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    entity_id: str = ""
    """The document-local entity id (stored with the contradiction, so later merges are seen)."""
    role: str = "about"
    """``source``, ``target``, ``about`` or ``speaker``."""


@dataclass(frozen=True)
class Item:
    """One side of a possible contradiction: a claim, an event or a relation of one document."""

    doc_id: str
    kind: str
    """``claim``, ``event`` or ``relation``."""
    id: str
    topics: frozenset[str]
    """Event types and relation types this item speaks about."""
    actors: tuple[ItemActor, ...]
    polarity: str
    """``deny`` or ``assert``."""
    modality: str
    """The event's or relation's modality; a claim's stance."""
    text: str
    """What is claimed (a claim's content) or the evidence sentence."""
    evidence_start: int
    evidence_end: int
    evidence_text: str
    published: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    speaker: ItemActor | None = None
    via: ItemActor | None = None
    claim_id: str | None = None
    """The claim an event sits in."""
    label: str = ""
    """A short human summary: ``AID (planned) Wagner Group -> Mali``."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.doc_id, self.kind, self.id)


@dataclass(frozen=True)
class Contradiction:
    """A deny item and an assert item that cannot both be true, and why the rule thinks so."""

    deny: Item
    asserted: Item
    topic: str
    matched: tuple[tuple[ItemActor, ItemActor], ...]
    """(deny-side actor, assert-side actor) pairs that made the actors agree."""
    reason: str
    actors: tuple[ItemActor, ...] = field(default=())
    """Every actor of both sides that took part in the match."""


# --- building items ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFacts:
    """An event as a store holds it, its entities already resolved to actors (also read by dedup)."""

    doc_id: str
    id: str
    type: str
    modality: str
    source: tuple[ItemActor, ...]
    target: tuple[ItemActor, ...]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    published: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    place: int | None = None
    """Actor id of the event's place."""
    claim_id: str | None = None


@dataclass(frozen=True)
class ClaimFacts:
    """A claim as a store holds it."""

    doc_id: str
    id: str
    stance: str
    text: str
    about: tuple[ItemActor, ...]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    published: str | None = None
    speaker: ItemActor | None = None
    via: ItemActor | None = None


@dataclass(frozen=True)
class RelationFacts:
    """A relation as a store holds it."""

    doc_id: str
    id: str
    type: str
    modality: str
    source: ItemActor
    target: ItemActor
    evidence_start: int
    evidence_end: int
    evidence_text: str
    published: str | None = None


def topics_from_words(text: str) -> frozenset[str]:
    """Topics a claim holding no event speaks about, read from its words; empty when none."""
    lowered = text.lower()
    found: set[str] = set()
    for pattern, topics in TOPIC_WORDS:
        if pattern.search(lowered):
            found |= topics
    return frozenset(found)


def event_label(type_: str, modality: str, source: Iterable[ItemActor], target: Iterable[ItemActor]) -> str:
    names = [", ".join(a.name for a in side) or "?" for side in (source, target)]
    shown = "" if modality == "asserted" else f" ({modality})"
    return f"{type_}{shown} {names[0]} -> {names[1]}"


def claim_label(speaker: ItemActor | None, via: ItemActor | None, stance: str, text: str) -> str:
    who = speaker.name if speaker else (f"(unattributed, via {via.name})" if via else "(unattributed)")
    verb = "denies" if stance == "deny" else "says"
    short = text if len(text) <= 120 else text[:117] + "..."
    return f'{who} {verb}: "{short}"'


def _with_role(actors: Iterable[ItemActor], role: str) -> tuple[ItemActor, ...]:
    return tuple(ItemActor(a.actor_id, a.name, a.kind, a.country, a.sector, a.entity_id, role) for a in actors)


def _event_item(v: EventFacts, polarity: str) -> Item:
    return Item(doc_id=v.doc_id, kind="event", id=v.id, topics=frozenset({v.type}),
                actors=_with_role(v.source, "source") + _with_role(v.target, "target"), polarity=polarity,
                modality=v.modality, text=v.evidence_text, evidence_start=v.evidence_start,
                evidence_end=v.evidence_end, evidence_text=v.evidence_text, published=v.published,
                date_start=v.date_start, date_end=v.date_end, claim_id=v.claim_id,
                label=event_label(v.type, v.modality, v.source, v.target))


def _deny_claim_item(c: ClaimFacts, inner: Sequence[EventFacts]) -> Item:
    """A denial: its words' topics and its denied events' types; its about, events' actors and speaker."""
    actors = list(_with_role(c.about, "about"))
    for v in inner:
        actors += _with_role(v.source, "source") + _with_role(v.target, "target")
    if c.speaker is not None:
        actors += _with_role([c.speaker], "speaker")
    dated = next((v for v in inner if v.date_start), None)
    return Item(doc_id=c.doc_id, kind="claim", id=c.id,
                topics=topics_from_words(c.text) | {v.type for v in inner}, actors=tuple(actors),
                polarity="deny", modality="deny", text=c.text, evidence_start=c.evidence_start,
                evidence_end=c.evidence_end, evidence_text=c.evidence_text, published=c.published,
                date_start=dated.date_start if dated else None, date_end=dated.date_end if dated else None,
                speaker=c.speaker, via=c.via, label=claim_label(c.speaker, c.via, "deny", c.text))


_NEGATION = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor)\b|n't\b", re.IGNORECASE)


def says_absence(text: str) -> bool:
    """True for claim contents that state that something is not so ("there are no troops", "did not")."""
    return _NEGATION.search(text) is not None


_HEDGE = re.compile(r"\b(?:would|could|might|may|if|unless)\b", re.IGNORECASE)


def is_hedged(text: str) -> bool:
    """True for conditional or speculative contents, which assert no fact a denial could contradict."""
    return _HEDGE.search(text) is not None


def _assert_claim_item(c: ClaimFacts) -> Item:
    return Item(doc_id=c.doc_id, kind="claim", id=c.id, topics=topics_from_words(c.text),
                actors=_with_role(c.about, "about"), polarity="assert", modality="asserted", text=c.text,
                evidence_start=c.evidence_start, evidence_end=c.evidence_end, evidence_text=c.evidence_text,
                published=c.published, speaker=c.speaker, via=c.via,
                label=claim_label(c.speaker, c.via, "assert", c.text))


def _relation_item(r: RelationFacts) -> Item:
    return Item(doc_id=r.doc_id, kind="relation", id=r.id, topics=frozenset({r.type}),
                actors=(*_with_role([r.source], "source"), *_with_role([r.target], "target")),
                polarity="assert", modality=r.modality, text=r.evidence_text, evidence_start=r.evidence_start,
                evidence_end=r.evidence_end, evidence_text=r.evidence_text, published=r.published,
                label=f"{r.source.name} {r.type} {r.target.name}"
                      + ("" if r.modality == "asserted" else f" ({r.modality})"))


def document_items(events: Sequence[EventFacts], claims: Sequence[ClaimFacts],
                   relations: Sequence[RelationFacts]) -> list[Item]:
    """The deny and assert items of one document (module docstring: which facts are which side).

    A denial's own events are folded into the denial (one item, not two saying the same); an
    asserting claim that holds events is represented by them.
    """
    inside: dict[str, list[EventFacts]] = {}
    for v in events:
        if v.claim_id:
            inside.setdefault(v.claim_id, []).append(v)
    denials = {c.id for c in claims if c.stance == "deny"}
    items = []
    for c in claims:
        if c.stance == "deny":
            items.append(_deny_claim_item(c, [v for v in inside.get(c.id, []) if v.modality in DENY_MODALITIES]))
        elif c.id not in inside:
            # "There are no Russian soldiers in Karesia" asserts an absence: it sides with denials;
            # "hiring them would be a mistake" asserts nothing that happened
            if says_absence(c.text):
                items.append(_deny_claim_item(c, []))
            elif not is_hedged(c.text):
                items.append(_assert_claim_item(c))
    for v in events:
        if v.modality in ASSERT_MODALITIES:
            items.append(_event_item(v, "assert"))
        elif v.modality in DENY_MODALITIES and v.claim_id not in denials:
            items.append(_event_item(v, "deny"))
    items.extend(_relation_item(r) for r in relations if r.modality in ASSERT_MODALITIES)
    return items


def split_sides(items: Iterable[Item]) -> tuple[list[Item], list[Item]]:
    """(deny items, assert items)."""
    deny: list[Item] = []
    asserted: list[Item] = []
    for item in items:
        (deny if item.polarity == "deny" else asserted).append(item)
    return deny, asserted


# --- matching ------------------------------------------------------------------------------------


def find_contradictions(deny_items: Sequence[Item], assert_items: Sequence[Item]) -> list[Contradiction]:
    """Every (deny, assert) pair the module rule calls a contradiction, in input order."""
    found = []
    reaches = [_assert_reach(a) for a in assert_items]
    for deny in deny_items:
        ids = {a.actor_id for a in deny.actors}
        states = {a.country for a in deny.actors if a.country and a.kind != "person" and is_state_or_proxy(a)}
        for asserted, reach in zip(assert_items, reaches, strict=True):
            if sum(1 for actor_id, state in reach if actor_id in ids or state in states) < 2:
                continue  # rule 2 cannot hold: fewer than two assert actors have any partner
            pair = contradiction(deny, asserted)
            if pair is not None:
                found.append(pair)
    return found


def _assert_reach(item: Item) -> list[tuple[int, str | None]]:
    """Each distinct actor of an assert item with the state it may stand for (None: none).

    A cheap necessary condition of :func:`match_actors`, so a store can pair a denial with hundreds
    of assertions without running the matching on each.
    """
    by_id = {a.actor_id: a for a in item.actors}
    return [(i, a.country if a.country and a.kind != "person" and is_state_or_proxy(a) else None)
            for i, a in by_id.items()]


def contradiction(deny: Item, asserted: Item) -> Contradiction | None:
    """The contradiction between two items, or None when the rule does not call it one."""
    if deny.polarity != "deny" or asserted.polarity != "assert" or deny.key == asserted.key:
        return None
    if asserted.doc_id == deny.doc_id and asserted.claim_id is not None and asserted.claim_id == deny.id:
        return None  # an event inside the denial is what is denied, not a second source
    topic = shared_topic(deny.topics, asserted.topics)
    if topic is None:
        return None
    matched = match_actors(deny.actors, asserted.actors)
    if matched is None:
        return None
    is_tie = topic in TIE_TYPES or topic == "ties" or asserted.kind == "relation"
    if not times_overlap(deny, asserted, stable=is_tie):
        return None
    actors = tuple(dict.fromkeys([*(d for d, _ in matched), *(a for _, a in matched)]))
    return Contradiction(deny=deny, asserted=asserted, topic=topic, matched=matched,
                         reason=explain(deny, asserted, topic, matched), actors=actors)


def shared_topic(deny_topics: frozenset[str], assert_topics: frozenset[str]) -> str | None:
    """The topic both sides speak about (the assert side's name for it), or None.

    Family names (lower case: ``presence``, ``ties``) come first, so two claims name their family.
    """
    for topic in sorted(assert_topics, key=lambda t: (not t.islower() or "_" in t, t)):
        if topic in deny_topics or SAME_TOPIC.get(topic, frozenset()) & deny_topics:
            return topic
    return None


def assert_topics_for(deny_topics: frozenset[str]) -> frozenset[str]:
    """Every topic an assert item may carry to meet a denial of ``deny_topics`` (:func:`shared_topic`)."""
    related = {t for t, same in SAME_TOPIC.items() if same & deny_topics}
    return frozenset(deny_topics | related)


def actors_match(deny_actor: ItemActor, assert_actor: ItemActor) -> bool:
    """Same cross-document actor, or the state-organ rule (see the module docstring)."""
    if deny_actor.actor_id == assert_actor.actor_id:
        return True
    return same_state(deny_actor, assert_actor)


def is_state_organ(actor: ItemActor) -> bool:
    return actor.kind == "country" or (actor.kind != "person" and actor.sector in STATE_SECTORS)


def is_state_or_proxy(actor: ItemActor) -> bool:
    return is_state_organ(actor) or (actor.kind not in ("person", "place") and actor.sector in PROXY_SECTORS)


def same_state(a: ItemActor, b: ItemActor) -> bool:
    """Two actors that stand for one state: same ISO country, one a state organ, the other one or a proxy."""
    country = a.country
    if not country or country != b.country or country in INTERNATIONAL_CODES or len(country) != 3:
        return False
    if a.kind == "person" or b.kind == "person":
        return False
    return (is_state_organ(a) and is_state_or_proxy(b)) or (is_state_organ(b) and is_state_or_proxy(a))


def match_actors(deny_actors: Sequence[ItemActor],
                 assert_actors: Sequence[ItemActor]) -> tuple[tuple[ItemActor, ItemActor], ...] | None:
    """A matching of distinct assert actors to distinct deny actors, or None when the rule fails.

    At least two distinct assert-side actors must be matched, and not by the denier alone.
    Exact-id matches are tried before the state-organ rule so the reason names the strongest link.
    """
    deny = list(dict.fromkeys(deny_actors))
    asserted = list({a.actor_id: a for a in assert_actors}.values())
    pairs = _maximum_matching(deny, asserted)
    if len(pairs) < 2 or all(d.role == "speaker" for d, _ in pairs):
        return None
    return tuple(pairs)


def _maximum_matching(deny: list[ItemActor], asserted: list[ItemActor]) -> list[tuple[ItemActor, ItemActor]]:
    """Kuhn's augmenting paths over a handful of actors; exact matches get first pick."""
    owner: dict[int, int] = {}  # assert index -> deny index

    def edges(i: int) -> list[int]:
        ok = [j for j, a in enumerate(asserted) if actors_match(deny[i], a)]
        return sorted(ok, key=lambda j: asserted[j].actor_id != deny[i].actor_id)

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges(i):
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(deny)), key=lambda k: deny[k].role == "speaker"):
        augment(i, set())
    return [(deny[i], asserted[j]) for j, i in sorted(owner.items())]


# --- time ------------------------------------------------------------------------------------------


def iso_bounds(start: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The days an ISO prefix range covers: ``2021-09`` -> 1..30 September 2021; None if unreadable."""
    stop = end or start
    first = _first_day(start) if start else None
    last = _last_day(stop) if stop else None
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def _parts(value: str) -> list[int] | None:
    try:
        parts = [int(p) for p in value[:10].split("-")]
    except ValueError:
        return None
    return parts if 1 <= len(parts) <= 3 else None


def _first_day(value: str) -> date | None:
    parts = _parts(value)
    if parts is None:
        return None
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _last_day(value: str) -> date | None:
    parts = _parts(value)
    if parts is None:
        return None
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    try:
        day = parts[2] if len(parts) > 2 else monthrange(year, month)[1]
        return date(year, month, day)
    except ValueError:
        return None


def window(item: Item) -> tuple[date, date] | None:
    """The item's own date range, else its publication date widened by the news window."""
    own = iso_bounds(item.date_start, item.date_end)
    if own is not None:
        return own
    published = iso_bounds(item.published)
    if published is None:
        return None
    reach = timedelta(days=NEWS_WINDOW_DAYS)
    return (published[0] - reach, published[1] + reach)


def times_overlap(deny: Item, asserted: Item, stable: bool = False) -> bool:
    """Whether the two items can speak of the same time (module docstring, rule 3)."""
    if stable:
        own = [iso_bounds(i.date_start, i.date_end) for i in (deny, asserted)]
        if own[0] is None or own[1] is None:
            return True
        return own[0][0] <= own[1][1] and own[1][0] <= own[0][1]
    a, b = window(deny), window(asserted)
    if a is None or b is None:
        return deny.doc_id == asserted.doc_id
    return a[0] <= b[1] and b[0] <= a[1]


# --- explaining ------------------------------------------------------------------------------------


def _link(d: ItemActor, a: ItemActor) -> str:
    if d.actor_id == a.actor_id:
        return a.name
    return f"{d.name} ~ {a.name} (same state {a.country}: {d.sector or d.kind} / {a.sector or a.kind})"


def _when(item: Item) -> str:
    if item.date_start:
        return item.date_start if item.date_end in (None, item.date_start) else f"{item.date_start}..{item.date_end}"
    return f"published {item.published}" if item.published else "undated"


def explain(deny: Item, asserted: Item, topic: str, matched: Sequence[tuple[ItemActor, ItemActor]]) -> str:
    """One line saying why the pair contradicts: topic, the actor links, the two times."""
    links = "; ".join(_link(d, a) for d, a in matched)
    stable = topic in TIE_TYPES or topic == "ties" or asserted.kind == "relation"
    time = "a stable tie" if stable else f"{_when(deny)} vs {_when(asserted)}"
    return (f"{deny.kind} denies what {asserted.kind} ({asserted.modality}) says about {topic}; "
            f"actors: {links}; time: {time}")
