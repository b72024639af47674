"""Gazetteer mention step: the model's entities, corrected and typed with the knowledge tables.

Pipeline position: after sentences, before resolve. Fills ``ctx.mentions`` with
:class:`~sitroom.records.Mention` records (extractor ``gazetteer/1``):

1. a PhraseMatcher (built once per vocab) finds countries, demonyms, combining prefixes
   (``Franco-``), well-known actors, regions and cities; :mod:`sitroom.extract.learned_names` finds
   unknown states (``the Republic of Karesia``, ``Karesia`` beside ``Karesian``), their demonyms and
   unknown towns (datelines, ``the town of Dumeni``);
2. the model's entities are cleaned (no leading ``the``, no trailing ``'s``) and retyped: a known
   name beats the model's label (``Mali`` is never a person, ``Bamako`` never an organisation), a
   PERSON entity that contains a country name is a headline fragment (``Mali Looks``) and dropped;
3. rules in :mod:`sitroom.extract.mentions` add descriptions and person roles;
4. overlaps are resolved: longest span first, then priority; a name may sit inside a description
   (``Mali`` inside ``Mali's ruling military junta``), nothing else overlaps.

Places for geocoding: first-level admin units (states, provinces, regions) and county-style admin2
names (``Metcalfe County``) are matched too; a country or place inside an organisation's name
(``Kentucky State Police``, ``University of Manitoba``) is kept as a nested mention beside it.
Demonyms (``Turkish officials``) are deliberately not mentions of the country: they name nationality,
not a location (``a Turkish engineer in Berlin`` happened in Germany), so they only give the owned
description its country code; bench/trnews_eval.py scores them apart ("demonym-aware accuracy").

Labels: the model's label for its entities, ``GAZ`` for gazetteer names, ``DESC`` for descriptions.
Cities are kept when the model calls them a place, when they are a capital or have a million
people, or when a locative preposition precedes them (``in Reading``): that keeps ``Of`` or
``Surprise`` (both GeoNames cities) from matching ordinary words.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sitroom.extract.context import Context
from sitroom.extract.learned_names import DEMONYM_SUFFIXES, learned_hits
from sitroom.extract.mentions import (
    POSSESSIVE,
    Candidate,
    Hit,
    apposition_descriptor,
    collective_description,
    demonym_description,
    descriptor_before,
    owners_inside,
    person_candidate,
    possessive_description,
    postmodifier_description,
    title_before,
    title_in_apposition,
    town_body,
)
from sitroom.extract.name_cues import (
    ORG_OPENERS,
    NameCue,
    gang_names,
    misread_organisation,
    name_cue,
    opener_before,
    person_tails,
    territory_context,
    town_context,
)
from sitroom.knowledge import (
    lookup_admin,
    lookup_city,
    lookup_country,
    lookup_demonym,
    lookup_known_actor,
    role_for_title,
    sector_for_phrase,
    sector_for_word,
)
from sitroom.knowledge.tables import actor_names, admin_names, city_names, country_names, demonym_forms
from sitroom.records import Mention
from sitroom.resolve.typing_home import hit_weights, inherit_setting, setting_of, settle_hits

if TYPE_CHECKING:
    from spacy.vocab import Vocab

GIVEN_NAME_COUNTRIES = frozenset({"Chad", "Jordan", "Georgia", "India", "Israel", "Kenya", "America"})
"""Country names that are also first names: inside a longer PERSON entity they are the person."""
BIG_CITY = 1_000_000
LOCATIVE = frozenset({"in", "near", "outside", "around", "at", "from", "to", "into", "across"})
NOT_COUNTRY_ADJECTIVES = frozenset({
    "European", "African", "Asian", "American", "Arab", "Western", "Eastern", "Republican",
    "Democratic", "Christian", "Muslim", "Islamic", "Sunni", "Shia", "Shiite", "Jewish", "Latin",
    "Sahelian", "Caribbean", "Scandinavian", "Balkan", "Soviet", "Machiavellian", "Orwellian",
})
"""Capitalised adjectives in -an/-ese/-i that name no state (never an unknown country's demonym)."""
COMPANY_SUFFIXES = frozenset({"inc", "inc.", "ltd", "ltd.", "plc", "llc", "corp", "corp.", "gmbh",
                              "ag", "sa", "s.a.", "a.", "co.", "sarl", "nv", "bv", "pjsc", "ojsc"})
NAME_HOLDERS = frozenset({"ORG", "FAC"})
"""Model labels of names that hold a place name of their own (``Kentucky State Police``, ``University
of Manitoba``, ``Winnipeg Free Press``): the place is kept as a nested mention (see :func:`conflicts`)."""
NAMED_AFTER_WORDS = frozenset({"university", "college", "institute", "foundation"})
"""``Columbia University``, ``Stanford University``: the word before names a founder or patron
(``University of Manitoba`` is the place form and is kept)."""
CUED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
"""Model labels of names that :mod:`sitroom.extract.name_cues` may retype (not numbers or dates)."""
KEEP_THE = frozenset({"The Hague", "The Gambia", "The Bahamas"})
ORG_NAME_ENDINGS = frozenset({"group", "front", "movement", "company", "army", "party", "alliance", "coalition",
                              "council", "union", "brigade", "brigades", "militia", "corporation", "agency",
                              "committee", "forces", "network", "organisation", "organization", "herald",
                              "times", "news", "post", "institute", "university", "bank", "ministry"})
"""Last words of names that are never a person's (``the Volkov Group``, ``Karesia Herald``)."""


class _Gazetteer:
    """The PhraseMatcher over every knowledge-table name, built once per vocab."""

    LABELS = ("COUNTRY", "ACTOR", "CITY", "DEMONYM", "ADMIN")

    def __init__(self, vocab: Vocab) -> None:
        from spacy.lang.en import English

        # a blank English tokenizer over the model's vocab splits names exactly as the model does
        make_doc = English(vocab=vocab).make_doc
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        sources = (country_names(), actor_names(), city_names(), demonym_forms(), admin_names())
        for label, names in zip(self.LABELS, sources, strict=True):
            self.matcher.add(label, [make_doc(name) for name, _ in names])

    def hits(self, doc: Doc) -> list[tuple[str, Hit, dict[str, object]]]:
        """Every match as ``(label, hit, extra)``; overlapping matches are all returned."""
        found = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            hit = _hit_for(label, doc[start:end])
            if hit is not None:
                found.append((label, hit[0], hit[1]))
        return found


def _hit_for(label: str, span: Span) -> tuple[Hit, dict[str, object]] | None:
    text = span.text
    if label == "COUNTRY":
        country = lookup_country(text)
        return (Hit(span.start, span.end, "country", country.alpha3, None, country.name), {}) if country else None
    if label == "ACTOR":
        actor = lookup_known_actor(text)
        if actor is None:
            return None
        return Hit(span.start, span.end, actor.kind, actor.country, actor.sector, actor.name), {}
    if label == "ADMIN":
        admin = lookup_admin(text)
        if admin is None or lookup_country(text) is not None:
            return None  # "Georgia": the country's reading is the country matcher's
        return Hit(span.start, span.end, "place", admin.country, None, admin.name), {}
    if label == "CITY":
        city = lookup_city(text)
        if city is None:
            return None
        big = city.capital or city.population >= BIG_CITY
        return Hit(span.start, span.end, "place", city.country, None, city.name), {"big": big}
    demonym = lookup_demonym(text)
    if demonym is None:
        return None
    hyphen = span.end < len(span.doc) and span.doc[span.end].text == "-" and not span[-1].whitespace_
    if demonym.prefix and not hyphen:
        return None
    kind = "prefix" if hyphen else "demonym"
    return Hit(span.start, span.end, kind, demonym.country.alpha3, None, demonym.country.name,
               adjective=None if hyphen else text), {}


_CACHE: dict[int, _Gazetteer] = {}


def gazetteer_for(vocab: Vocab) -> _Gazetteer:
    """The matcher for this vocab (one per loaded spaCy pipeline; built in about a second)."""
    key = id(vocab)
    if key not in _CACHE:
        _CACHE[key] = _Gazetteer(vocab)
    return _CACHE[key]


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest kept (``Islamic State in the Greater Sahara`` over ``Islamic State``)."""
    kept: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if taken.isdisjoint(range(hit.start, hit.end)):
            kept.append(hit)
            taken.update(range(hit.start, hit.end))
    return sorted(kept, key=lambda h: h.start)


class _Document:
    """Working state for one Doc: hits, owners (by token), candidates."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ents = [clean(ent) for ent in doc.ents]
        self.ent_at: dict[tuple[int, int], str] = {(e.start, e.end): e.label_ for e in self.ents if e}
        self.owners: dict[int, Hit] = {}
        self.candidates: list[Candidate] = []
        self.person_tails = person_tails(doc)
        self.gangs = gang_names(doc)
        self.person_parts = person_parts(self.ents)
        self._cues: dict[tuple[int, int], NameCue | None] = {}
        # model entities by start, and gazetteer candidates by start, for look-ups per hit and per
        # entity: scanning every entity or candidate each time was quadratic in document length
        self._ent_order = sorted(range(len(self.ents)), key=lambda k: self.ents[k].start)
        self._ent_starts = [self.ents[k].start for k in self._ent_order]
        self._longest_ent = max((e.end - e.start for e in self.ents), default=0)
        self._gaz_ends: dict[int, list[int]] = {}
        self._gaz_seen = 0
        self.setting: str | None = None
        """The country the story is set in (:mod:`sitroom.resolve.typing_home`), once known."""

    def ents_containing(self, start: int, end: int) -> list[Span]:
        """Model entities (cleaned) with ``e.start <= start`` and ``end <= e.end``, in list order."""
        first = bisect.bisect_left(self._ent_starts, start - self._longest_ent)
        last = bisect.bisect_right(self._ent_starts, start)
        found = sorted(self._ent_order[first:last])
        return [self.ents[k] for k in found if self.ents[k].start <= start and end <= self.ents[k].end]

    def gazetteer_ends(self) -> dict[int, list[int]]:
        """Token start -> ends of the gazetteer (``GAZ``) candidates so far. Candidates are only
        appended, so each is indexed once; a shorter list (replaced) is indexed again."""
        candidates = self.candidates
        if len(candidates) < self._gaz_seen:
            self._gaz_ends, self._gaz_seen = {}, 0
        for c in candidates[self._gaz_seen :]:
            if c.label == "GAZ":
                self._gaz_ends.setdefault(c.start, []).append(c.end)
        self._gaz_seen = len(candidates)
        return self._gaz_ends

    def cue(self, ent: Span) -> NameCue | None:
        """What the name's words and context say it is (:mod:`sitroom.extract.name_cues`), once per span."""
        key = (ent.start, ent.end)
        if key not in self._cues:
            self._cues[key] = name_cue(ent, self.person_tails, self.gangs)
        return self._cues[key]

    def add_owner(self, hit: Hit) -> None:
        span = self.doc[hit.start : hit.end]
        for i in (hit.end - 1, span.root.i):
            self.owners.setdefault(i, hit)


def _untagged_name_word(token: Token) -> bool:
    return not token.ent_type_ and token.is_title and token.pos_ == "PROPN"


def person_parts(ents: list[Span]) -> frozenset[str]:
    """Every word and proper tail of a PERSON entity of two or more words (``Ana``, ``Guerrero``,
    ``Pena Nieto``): a place name among them may be someone's name in this text."""
    parts: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            parts.update(t.text for t in ent)
            parts.update(ent[k:].text for k in range(1, len(ent)))
    return frozenset(parts)


def clean(ent: Span) -> Span:
    """Drop a leading ``the``, trailing possessive and punctuation (``The Hague`` keeps its article)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if ent.text in KEEP_THE:
        return ent
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    if _dateline_run_in(doc, start, end):
        return Span(doc, start, start, label=ent.label_)  # "BUKAVU - Fighting": a dateline and a word
    opening = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = opening  # "Thiou (Thiou, Yatenga": the model ran a name into its bracketed qualifier
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    label = ent.label_
    if start < end and opener_before(doc, start) and not doc[start - 1].ent_type_:
        start -= 1  # "Fundación" left outside "Ciudadana Segura" (PERSON): the name is the foundation's
        label = "ORG"
    if start < end and misread_organisation(Span(doc, start, end, label=label)):
        label = "ORG"
    return Span(doc, start, end, label=label)


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dateline_run_in(doc: Doc, start: int, end: int) -> bool:
    """An entity that opens with a word in capitals and a spaced dash runs a dateline into the story's
    first words (``BUKAVU - Fighting``): the dateline is read by :mod:`sitroom.extract.learned_names`."""
    if end - start < 3 or not doc[start].is_upper or len(doc[start].text) < 3:
        return False
    return any(t.text in DASHES and doc[t.i - 1].whitespace_ and t.whitespace_ for t in doc[start + 1:end - 1])


class GazetteerMentionStep:
    """Typed mentions from the model's entities, the knowledge tables and description rules."""

    name = "gazetteer"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        state = _Document(ctx.doc)
        self.add_gazetteer(state)
        self.add_model_entities(state)
        self.add_descriptions(state)
        mentions = self.resolve(ctx, state.candidates)
        inherit_setting(mentions, state.setting)
        ctx.mentions.extend(mentions)

    # -- gazetteer names -------------------------------------------------------------------------

    def add_gazetteer(self, state: _Document) -> None:
        doc = state.doc
        raw = gazetteer_for(doc.vocab).hits(doc)
        state.setting = setting_of(hit_weights(doc, [hit for label, hit, _ in raw if self.plain(state, label, hit)]))
        kept: list[tuple[str, Hit]] = []
        rejected: list[tuple[str, Hit]] = []
        for label, hit, extra in raw:
            (kept if self.accept(state, label, hit, extra) else rejected).append((label, hit))
        accepted = [hit for _, hit in kept] + coordinated_places(doc, kept, rejected)
        accepted += learned_hits(doc)
        accepted = longest_first(accepted)
        state.setting = settle_hits(doc, accepted) or state.setting
        for hit in accepted:
            if hit.kind == "prefix":
                state.candidates.append(Candidate(hit.start, hit.end, "country", "GAZ", hit.country,
                                                  None, None, hit.canonical, is_name=False, priority=5))
                continue
            state.add_owner(hit)
            if hit.kind != "demonym":
                state.candidates.append(Candidate(hit.start, hit.end, hit.kind, "GAZ", hit.country,
                                                  hit.sector, None, hit.canonical, priority=5,
                                                  inside_name=hit.kind in ("country", "place")))

    @staticmethod
    def plain(state: _Document, label: str, hit: Hit) -> bool:
        """Hits that count towards a first guess at the setting: states, demonyms, and towns or
        provinces the model does not call persons and no longer name holds."""
        if label in ("COUNTRY", "DEMONYM"):
            return True
        if label not in ("CITY", "ADMIN") or state.ent_at.get((hit.start, hit.end)) == "PERSON":
            return False
        return not [e for e in state.ents_containing(hit.start, hit.end) if len(e) > hit.end - hit.start]

    def accept(self, state: _Document, label: str, hit: Hit, extra: dict[str, object]) -> bool:
        doc = state.doc
        containing = [e for e in state.ents_containing(hit.start, hit.end) if len(e) > hit.end - hit.start]
        person = next((e for e in containing if e.label_ == "PERSON"), None)
        text = doc[hit.start : hit.end].text
        local = label in ("CITY", "ADMIN")
        if person is not None and (local or text in GIVEN_NAME_COUNTRIES):
            return False  # "Chad Smith", "Paris Hilton", "Georgia Stevens": the longer person name wins
        if not local:
            return True
        if territory_context(doc, hit.start, hit.end) or town_context(doc, hit.start, hit.end):
            return True  # "the state of Tamaulipas", "Jane Roe, 49, of Waterloo": whatever the model says
        model = state.ent_at.get((hit.start, hit.end))
        if model in ("GPE", "LOC", "FAC") or extra.get("big"):
            return True
        if model in ("PERSON", "ORG") and self.local_place(state, hit):
            return True
        if not all(t.pos_ == "PROPN" for t in doc[hit.start : hit.end]):
            return False  # "Surprise", "Mobile" used as words
        before = doc[hit.start - 1].lower_ if hit.start > 0 else ""
        inside = containing
        if not inside:
            # after "in", or a proper noun the model left untagged or called a product ("a Winnipeg
            # jail"); not a sentence's first word, where any capitalised word looks like a name
            return before in LOCATIVE or (model not in ("PERSON", "ORG") and not doc[hit.start].is_sent_start)
        after = doc[hit.end].lower_ if hit.end < len(doc) else ""
        if after in NAMED_AFTER_WORDS:
            return False  # "Columbia University": named after someone, not a use of the town
        return any(e.label_ in NAME_HOLDERS for e in inside)

    @staticmethod
    def local_place(state: _Document, hit: Hit) -> bool:
        """``Tamaulipas``, ``Tecoman`` tagged PERSON or ORG in a story set in Mexico: a province or town
        of the story's country is that place, unless a person in the text bears the name (``Carlos
        Guerrero``) or it opens a longer name."""
        doc = state.doc
        if state.setting is None or hit.country != state.setting:
            return False
        after = doc[hit.end] if hit.end < len(doc) else None
        if after is not None and after.is_title and after.pos_ == "PROPN":
            return False
        return doc[hit.start:hit.end].text not in state.person_parts

    # -- model entities --------------------------------------------------------------------------

    def add_model_entities(self, state: _Document) -> None:
        for ent in state.ents:
            if len(ent) == 0 or covered_by_gazetteer(state, ent) or is_demonym(state, ent):
                continue
            candidate = self.type_entity(state, ent)
            if candidate is None:
                continue
            state.candidates.append(candidate)
            if candidate.kind in ("organization", "country", "place") and candidate.is_name:
                state.add_owner(Hit(candidate.start, candidate.end, candidate.kind, candidate.country,
                                    candidate.sector, candidate.canonical))
        self.add_untagged_openers(state)
        for ent in state.ents:
            if not len(ent) or is_demonym(state, ent) or not self.is_person(state, ent):
                continue
            if not covered_by_gazetteer(state, ent):
                if not self.is_fragment(state, ent) and not self.is_organization(state, ent):
                    state.candidates.append(person_candidate(state.doc, ent, state.owners))

    def add_untagged_openers(self, state: _Document) -> None:
        """Organisation names the model left untagged: a run of capitalised proper nouns that opens with
        an organisation word (``Fundación Ciudadana Segura``) or whose words name one (``Tarsk Conflict
        Monitor``, ``Kivu Rights Collective``; see :func:`~sitroom.extract.name_cues.ending_cue`)."""
        doc = state.doc
        i = 0
        while i < len(doc):
            end = i
            while end < len(doc) and _untagged_name_word(doc[end]):
                end += 1
            if end - i >= 2:
                self.add_untagged(state, Span(doc, i, end, label="ORG"))
            i = max(end, i + 1)

    def add_untagged(self, state: _Document, ent: Span) -> None:
        opener = ent[0].lower_ in ORG_OPENERS
        cue = state.cue(ent)
        if not opener and (cue is None or cue.kind != "organization"):
            return
        candidate = self.organization(state, ent, cue)
        if candidate is not None:
            state.candidates.append(candidate)

    def type_entity(self, state: _Document, ent: Span) -> Candidate | None:
        label = ent.label_
        if label == "NORP" or (len(ent) == 1 and ent[0].tag_ == "JJ"):
            self.unknown_demonym(state, ent)  # "Karesian" (tagged ORG): an adjective, not a name
            return None
        named = state.cue(ent) if label in CUED_LABELS else None
        if named is not None:
            return self.cued(state, ent, named)
        if label == "ORG" and self.is_person(state, ent):
            return None
        if label == "ORG" or (label == "PERSON" and self.is_organization(state, ent)):
            return self.organization(state, ent)
        if label in ("GPE", "LOC", "FAC"):
            if len(ent) == 1 and ent[0].pos_ == "ADJ":
                return None  # "Machiavellian" tagged GPE
            owner = next(owners_inside(ent, state.owners), None)
            return Candidate(ent.start, ent.end, "place", label, owner.country if owner else None,
                             priority=4)
        return None

    def cued(self, state: _Document, ent: Span, cue: NameCue) -> Candidate | None:
        """The candidate a name cue decides; persons are left to the person pass."""
        if cue.kind == "organization":
            return self.organization(state, ent, cue)
        if cue.kind == "place":
            owner = next(owners_inside(ent, state.owners), None)
            return Candidate(ent.start, ent.end, "place", ent.label_, owner.country if owner else None,
                             priority=4)
        return None

    def is_person(self, state: _Document, ent: Span) -> bool:
        """PERSON entities, and ORG ones that follow a title (``spokesman Pavel Orlov`` tagged ORG)."""
        cue = state.cue(ent)
        if cue is not None:
            return cue.kind == "person"
        if ent.label_ == "PERSON":
            return True
        if ent.label_ != "ORG" or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
            return False
        if sector_for_phrase([t.text for t in ent]) is not None or next(owners_inside(ent, state.owners), None):
            return False
        if ent[-1].lower_ in ORG_NAME_ENDINGS:
            return False
        # "spokesman Pavel Orlov", or "A UN envoy, Helena Strand, said" (a title in apposition)
        return (title_before(state.doc, ent.start, state.owners) is not None
                or title_in_apposition(state.doc, ent, state.owners) is not None)

    def is_fragment(self, state: _Document, ent: Span) -> bool:
        """A PERSON entity holding a country or known actor is a headline fragment (``Mali Looks``)."""
        return any(h.kind in ("country", "organization", "prefix") for h in owners_inside(ent, state.owners)) \
            or any(end <= ent.end for start, ends in _gazetteer_starting(state, ent.start, ent.end)
                   for end in ends)

    def is_organization(self, state: _Document, ent: Span) -> bool:
        """A PERSON entity after a company noun (``energy giant Rosatom``), with a legal suffix, or
        ending in an organisation word (``the Volkov Group``, ``Liberation Front``: never a person)."""
        named = state.cue(ent)
        if named is not None:
            return named.kind == "organization"
        if (ent[-1].lower_ in COMPANY_SUFFIXES or ent[-1].lower_ in ORG_NAME_ENDINGS) and len(ent) > 1:
            return True
        doc = state.doc
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is None or prev.pos_ != "NOUN" or role_for_title(prev.text) is not None:
            return False
        cue = sector_for_word(prev.lower_)
        return cue is not None and cue.kind == "organization"

    def organization(self, state: _Document, ent: Span, named: NameCue | None = None) -> Candidate | None:
        doc = state.doc
        words = [t.text for t in ent]
        if len(ent) == 1 and sector_for_word(ent.text) is not None:
            cue = sector_for_word(ent.text)  # "PMC" tagged ORG: a description, not a name
            assert cue is not None
            return Candidate(ent.start, ent.end, cue.kind, ent.label_, None, cue.sector, is_name=False,
                             priority=3)
        if ent.end < len(doc) and role_for_title(" ".join([*words, doc[ent.end].text])) is not None:
            return None  # "Armed Forces" of "Armed Forces Minister"
        owner = next(owners_inside(ent, state.owners), None)
        cue = sector_for_phrase(words)
        sector = cue.sector if cue else ("BUS" if ent[-1].lower_ in COMPANY_SUFFIXES else None)
        country = owner.country if owner else None
        described = apposition_descriptor(ent, state.owners) or descriptor_before(doc, ent.start, state.owners)
        if described is not None:
            sector = sector or described.sector
            country = country or described.country
        if named is not None:
            sector = named.sector or sector
            country = named.country or country
        return Candidate(ent.start, ent.end, "organization", ent.label_, country, sector, priority=4)

    def unknown_demonym(self, state: _Document, ent: Span) -> None:
        """``Kresnovian`` (NORP, not in the tables): an owner with no country code."""
        text = ent.text
        if len(ent) != 1 or text in NOT_COUNTRY_ADJECTIVES or not text.endswith(DEMONYM_SUFFIXES):
            return
        if ent.start in state.owners or lookup_demonym(text) is not None:
            return
        state.add_owner(Hit(ent.start, ent.end, "demonym", None, None, None, adjective=text))

    # -- descriptions ----------------------------------------------------------------------------

    def add_descriptions(self, state: _Document) -> None:
        doc = state.doc
        seen: set[int] = set()
        for hit in state.owners.values():
            if id(hit) in seen:
                continue
            seen.add(id(hit))
            rules = (demonym_description,) if hit.kind == "demonym" else (
                possessive_description, postmodifier_description, town_body)
            for rule in rules:
                candidate = rule(doc, hit)
                if candidate is not None:
                    state.candidates.append(candidate)
        for token in doc:
            candidate = collective_description(doc, token)
            if candidate is not None:
                state.candidates.append(candidate)

    # -- overlap resolution and output ----------------------------------------------------------

    def resolve(self, ctx: Context, candidates: list[Candidate]) -> list[Mention]:
        kept = choose(candidates)
        limit = ctx.limits.max_mentions
        if len(kept) > limit:
            ctx.record.warnings.append(
                f"{len(kept)} mentions found; kept the first {limit} (SITROOM_MAX_MENTIONS)")
            kept = kept[:limit]
        return [self.to_mention(ctx, c) for c in kept]

    def to_mention(self, ctx: Context, c: Candidate) -> Mention:
        span = ctx.doc[c.start : c.end]
        start, end = span.start_char, span.end_char
        return Mention(start=start, end=end, text=ctx.text[start:end], kind=c.kind, label=c.label,
                       country=c.country, sector=c.sector, role=c.role, canonical=c.canonical,
                       is_name=c.is_name, sentence=ctx.sentence_index(start),
                       extractor=f"{self.name}/{self.version}")


def coordinated_places(doc: Doc, accepted: list[tuple[str, Hit]],
                       rejected: list[tuple[str, Hit]]) -> list[Hit]:
    """Rejected towns and provinces listed beside accepted ones (``Puebla, Coahuila and Morelos``):
    the model often calls the later items of a list of places persons or organisations."""
    places = {(h.start, h.end) for label, h in accepted if label in ("CITY", "ADMIN")}
    ends = {end for _, end in places}
    starts = {start for start, _ in places}
    found: list[Hit] = []
    for _ in range(2):  # twice: a list of three reaches its last item through the middle one
        for label, hit in rejected:
            if label not in ("CITY", "ADMIN") or (hit.start, hit.end) in places:
                continue
            left = hit.start >= 2 and doc[hit.start - 1].lower_ in (",", "and", "or") and hit.start - 1 in ends
            right = hit.end + 1 < len(doc) and doc[hit.end].lower_ in (",", "and", "or") and hit.end + 1 in starts
            if left or right:
                places.add((hit.start, hit.end))
                ends.add(hit.end)
                starts.add(hit.start)
                found.append(hit)
    return found


def is_demonym(state: _Document, ent: Span) -> bool:
    """True when the entity is exactly a demonym (``Nigerien`` tagged PERSON): rules read it."""
    hit = state.owners.get(ent.end - 1)
    return hit is not None and hit.kind == "demonym" and (hit.start, hit.end) == (ent.start, ent.end)


def covered_by_gazetteer(state: _Document, ent: Span) -> bool:
    """True when a gazetteer name covers exactly this entity (the gazetteer's typing wins)."""
    return ent.end in state.gazetteer_ends().get(ent.start, ())


def _gazetteer_starting(state: _Document, start: int, end: int) -> list[tuple[int, list[int]]]:
    """Gazetteer candidates starting at tokens ``start`` to ``end - 1``: (start, their ends)."""
    ends = state.gazetteer_ends()
    return [(i, ends[i]) for i in range(start, end) if i in ends]


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Longest span first, then priority; a name may nest inside a description, nothing else overlaps."""
    kept: list[Candidate] = []
    # Kept candidates by the tokens they cover: only those can overlap a new one. Comparing each
    # candidate with every kept one was quadratic (minutes for a document naming 10,000 people).
    covering: dict[int, list[Candidate]] = {}
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in order:
        near = {id(o): o for i in range(cand.start, cand.end) for o in covering.get(i, ())}
        if cand.end <= cand.start or any(conflicts(cand, other) for other in near.values()):
            continue
        kept.append(cand)
        for i in range(cand.start, cand.end):
            covering.setdefault(i, []).append(cand)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def conflicts(new: Candidate, old: Candidate) -> bool:
    """True when ``new`` may not be kept beside ``old``: overlaps are allowed only for a name inside a
    description, and for a country or place name inside an organisation's name (``Kentucky`` in
    ``Kentucky State Police``: the organisation keeps its span, the place is read too)."""
    if new.end <= old.start or old.end <= new.start:
        return False
    nested = old.start <= new.start and new.end <= old.end and (new.start, new.end) != (old.start, old.end)
    if nested and new.inside_name and old.kind == "organization" and old.is_name:
        return False
    return not (nested and new.is_name and not old.is_name)
