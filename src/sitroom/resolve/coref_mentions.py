"""The mentions the resolver works on: the mention step's, repaired and typed, plus its own.

Each mention is wrapped in a :class:`Node` that says what form it has (a name, an acronym, a
description such as "the group", a state organ such as "French forces", a demonym adjective, a pronoun)
and carries the typing hints read around it. The resolver adds the description, organ and pronoun
mentions itself from the spaCy parse (``is_name=False``), and works on either mention source: the
model's raw entities or the gazetteer's typed mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Mention
from sitroom.resolve import typing_lexicon as lex
from sitroom.resolve.aliases import acronym_key, is_acronym

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

HEAD_CUE, PLACE_CUE, TITLE_CUE, RULING_CUE, HIRED_CUE = "orghead", "place", "title", "ruling", "hired"
CROWD_CUE = "crowd"
EXTRA_CUES = frozenset({HEAD_CUE, PLACE_CUE, TITLE_CUE, RULING_CUE, HIRED_CUE, CROWD_CUE})
"""Description cues linked by :mod:`coref_descriptions`; :mod:`coref_links` leaves them alone."""

EXTRACTOR = "resolve/1"

# Head nouns of definite descriptions the resolver follows back ("the group", "the junta").
DESCRIPTION_CUES: dict[str, str] = {
    "group": "group", "organisation": "group", "organization": "group", "outfit": "group",
    "militia": "group", "movement": "group", "contractor": "company", "pmc": "company",
    "company": "company", "firm": "company", "giant": "company", "corporation": "company",
    "junta": "organ", "government": "organ", "regime": "organ", "administration": "organ",
    "ministry": "ministry", "agency": "agency", "council": "council", "committee": "council",
    "newspaper": "media", "broadcaster": "media",
}
# Description heads that make a private military company of a description with no sector word of its own:
# in conflict reporting "the contractor" beside a PMC is the PMC, not a builder.
_PMC_HEADS = {"contractor", "contractors"}
# Plural nouns for people who serve an organ: a group of their own ("Karesian officials" are not the
# Karesian government: they are some of its people, and they may speak against it).
PEOPLE_HEADS = {"officials", "diplomats", "envoys", "lawmakers", "legislators", "delegates", "ministers"}
# Heads of state units: each ministry or guard is an organ of its own, not the whole government or army.
UNIT_HEADS = {"ministry", "ministries", "department", "embassy", "guard"}
# Sector acronyms that describe rather than name ("the Russian PMC").
SECTOR_ACRONYMS = {"PMC", "NGO", "PMSC"}
PRONOUNS: dict[str, str] = {"he": "person", "him": "person", "she": "person", "her": "person",
                            "it": "thing", "they": "plural", "them": "plural"}
# Organisation heads that may carry "in <Place>" as part of the name (regional jihadist branches).
_REGIONAL_BRANDS = re.compile(r"(islamic state|qaeda|caliphate)$", re.IGNORECASE)


@dataclass
class Node:
    """One mention plus what the resolver knows about its form and type."""

    mention: Mention
    form: str
    """``name``, ``acronym``, ``description``, ``organ``, ``demonym`` or ``pronoun`` (``capital`` while
    a capital used as an actor waits to join its state: :mod:`sitroom.resolve.coref_capitals`)."""
    definite: bool = False
    cue: str = ""
    """For descriptions: the cue family (``group``, ``company``, ``organ``...)."""
    plural: bool = False
    organ_country: str | None = None
    """For organs: ISO code, or the country's own name when it has none ("Karesia")."""
    descriptor: list[str] = field(default_factory=list)
    """Words around the name that type it (titles, demonyms, descriptor nouns)."""
    affiliation: tuple[int, int] | None = None
    """Span of the mention this person speaks or works for."""
    root: int = -1
    """Index of the mention's head token in ``ctx.doc``."""
    locative: bool = False
    """A one-word name written as a place ("in Vell", "near Dumeni"), whatever its model type."""

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def sentence(self) -> int:
        return self.mention.sentence


def build_nodes(ctx: Context, pronouns: bool) -> list[Node]:
    """All nodes for the document, in text order, with overlapping duplicates removed."""
    found = [_node_for(ctx, m) for m in _repaired(ctx)]
    nodes = [n for n in found if n is not None]
    nodes = _with_org_names(ctx, nodes)
    nodes += _acronym_nodes(ctx, nodes)
    _retype_surnames(nodes)
    nodes += _surname_nodes(ctx, nodes)
    taken = [(n.start, n.mention.end) for n in nodes]
    nodes += _organ_nodes(ctx, taken)
    taken = [(n.start, n.mention.end) for n in nodes if n.form != "demonym"]
    nodes += _description_nodes(ctx, taken)
    taken = [(n.start, n.mention.end) for n in nodes if n.form != "demonym"]
    nodes += _same_head_nodes(ctx, nodes, taken)
    if pronouns:
        nodes += _pronoun_nodes(ctx)
    nodes = _drop_absorbed(nodes)
    nodes.sort(key=lambda n: (n.start, -n.mention.end))
    return nodes


def _new_mention(ctx: Context, start: int, end: int, kind: str, is_name: bool) -> Mention:
    return Mention(start=start, end=end, text=ctx.text[start:end], kind=kind, label="RESOLVE",
                   is_name=is_name, sentence=ctx.sentence_index(start), extractor=EXTRACTOR)


def _repaired(ctx: Context) -> list[Mention]:
    """The mention step's mentions with regional brand names extended ("Islamic State in Mali")."""
    out: list[Mention] = []
    for m in ctx.mentions:
        if m.extractor == EXTRACTOR:
            continue  # a re-run: our own mentions are rebuilt
        _company_extension(ctx, m)
        end = _regional_extension(ctx, m)
        if end > m.end:
            m.end, m.text = end, ctx.text[m.start:end]
            m.kind, m.canonical = "organization", None
        if m.kind == "person" and m.label != "GAZ":
            m.start = _first_name_start(ctx, m)
            m.text = ctx.text[m.start:m.end]
        out.append(m)
    return _without_swallowed(out)


# Last words of company names after a place-like first word ("Korvath Minerals", "Redstone Mining").
INDUSTRY_WORDS = {"mining", "minerals", "resources", "energy", "gold", "oil", "petroleum", "gas", "metals",
                  "holdings", "industries", "logistics", "airlines", "airways", "telecom", "shipping",
                  "construction", "capital", "partners", "investments", "security"}


def _company_extension(ctx: Context, m: Mention) -> None:
    """"Korvath Minerals": a place name the mention step learned or guessed (no country) followed by a
    capitalised industry word is a company named after it; widen the mention and make it one.

    The mention step reads "Korvath" as a town from "Shares in Korvath"; the name it heads says otherwise.
    """
    if m.kind != "place" or m.country:
        return
    match = re.match(r" ((?:[A-Z][a-z]+ ){0,2}([A-Z][a-z]+))\b", ctx.text[m.end:m.end + 60])
    if match is None or match.group(2).lower() not in INDUSTRY_WORDS:
        return
    m.end += len(match.group(0))
    m.text, m.kind, m.label, m.canonical = ctx.text[m.start:m.end], "organization", "ORG", None
    m.sector = m.sector or "BUS"


def _first_name_start(ctx: Context, m: Mention) -> int:
    """"Dimitry Peskov" when the model only marked "Peskov": take capitalised compound words before it."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return m.start
    i = span.start - 1
    while i >= 0 and ctx.doc[i].dep_ == "compound" and ctx.doc[i].pos_ == "PROPN" and ctx.doc[i].head.i in range(
            span.start, span.end) and _plain_word(ctx.doc[i].text):
        i -= 1
    return ctx.doc[i + 1].idx if i + 1 < span.start else m.start


def _plain_word(word: str) -> bool:
    low = word.lower()
    return (word[:1].isupper() and low not in lex.TITLES and low not in lex.HONORIFICS
            and not lex.is_demonym(word) and lex.country_code(word) is None and lex.metonym_organ(word) is None)


def _regional_extension(ctx: Context, m: Mention) -> int:
    if not _REGIONAL_BRANDS.search(m.text):
        return m.end
    match = re.match(r" in (?:the )?((?:[A-Z][\w\-]+ ?){1,3})", ctx.text[m.end:m.end + 60])
    if match is None:
        # "Islamic State Sahel (Province)", "Islamic State West Africa Province": the branch's region
        # written straight after the brand is part of its name
        match = re.match(r" ((?:[A-Z][a-z][\w\-]* ?){1,3})", ctx.text[m.end:m.end + 60])
        if match is not None and match.group(1).split()[0].lower() in _NOT_REGIONS:
            match = None
    return m.end + len(match.group(0).rstrip()) if match else m.end


# Capitalised words after a brand that do not name its region ("Islamic State Monday claimed ...").
_NOT_REGIONS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "said", "says", "claimed", "and", "or", "but"}


def _without_swallowed(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions lying inside a longer one (the place inside an extended name)."""
    index = SpanIndex([(m.start, m.end) for m in mentions])
    keep = []
    for m in mentions:
        inside = any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                     and o.is_name and m.is_name and {o.label, m.label}.isdisjoint({"GAZ", "DESC"})
                     for o in (mentions[k] for k in index.near(m.start, m.end)))
        if not inside:
            keep.append(m)
    return keep


def _node_for(ctx: Context, m: Mention) -> Node | None:
    """Classify one incoming mention; None for ones the resolver should not cluster."""
    core = m.text.removeprefix("the ").removeprefix("The ")
    organ = lex.metonym_organ(m.text)
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    root = span.root.i if span is not None and len(span) else -1
    if organ is not None:
        m.kind, m.country, m.sector = "organization", organ[0], organ[1]
        return Node(m, "organ", organ_country=organ[0], root=root, cue="organ")
    if core.upper() in SECTOR_ACRONYMS or core.rstrip("s") in SECTOR_ACRONYMS:
        return Node(m, "acronym", root=root, cue="company")
    if m.label != "GAZ":
        if _model_noise(m, span):
            return None
        _retype_model_mention(m)
    if m.kind == "group" and lex.is_demonym(m.text):
        m.country = m.country or lex.country_code(m.text)
        return Node(m, "demonym", root=root)
    if is_acronym(m.text) and m.kind != "country":
        return Node(m, "acronym", root=root)
    if m.label == "DESC" or (not m.is_name and m.kind in ("organization", "person")):
        return _description_node(ctx, m, root)
    return Node(m, "name", root=root)


def _description_node(ctx: Context, m: Mention, root: int) -> Node:
    """A description from the mention step: an organ, a collective, or a description to resolve."""
    definite = ctx.text[max(0, m.start - 4):m.start].lower() == "the "
    head = ctx.doc[root].lower_ if root >= 0 else ""
    if m.kind == "group" or head in PEOPLE_HEADS or _plural_typed(ctx, m, root, definite):
        # collectives ("separatists", "Karesian officials", "jihadist groups") are actors of their own;
        # officials are people, not the government they serve
        m.kind = "group"
        if head in PEOPLE_HEADS:
            m.canonical = None  # the mention step names them after the organ ("Veskian government")
        return Node(m, "name", root=root, definite=definite, plural=True)
    region = head in _REGION_HEADS and root >= 0 and is_region_phrase(ctx.text, ctx.doc[root].idx, m.end)
    if m.kind == "organization" and not region and (
            head in lex.ORGAN_HEADS or head in UNIT_HEADS or _is_organ_phrase(m.text)):
        owner = m.country or unknown_owner(ctx, m)
        if owner is not None:
            return Node(m, "organ", organ_country=owner, root=root, cue="organ")
    if definite and m.kind != "person":
        m.start -= 4  # "the Russian PMC": the article makes it an anaphor, keep it in the alias
        m.text = ctx.text[m.start:m.end]
    head = m.text.split()[-1].lower() if m.text.split() else ""
    cue = "person" if m.kind == "person" else DESCRIPTION_CUES.get(head, DESCRIPTION_CUES.get(head.rstrip("s"), ""))
    if cue == "organ" or head in lex.ORGAN_HEADS:
        cue = "organ"
    return Node(m, "description", definite=definite, cue=cue, root=root, descriptor=m.text.split())


def _plural_typed(ctx: Context, m: Mention, root: int, definite: bool) -> bool:
    """"jihadist groups", "armed groups": an indefinite plural description typed by its words."""
    return (root >= 0 and not definite and m.sector is not None and ctx.doc[root].tag_ == "NNS"
            and ctx.doc[root].lower_ not in lex.ORGAN_HEADS)


def unknown_owner(ctx: Context, m: Mention) -> str | None:
    """The unlisted state owning a description: "(the Republic of) Karesia" inside it, or its demonym
    first ("Karesian officials"). Returns the state's bare name; None when there is none."""
    states = [o for o in ctx.mentions if o.kind == "country" and o.country is None]
    for state in states:
        if m.start <= state.start and state.end <= m.end:
            return _bare(state.canonical or state.text)
    first = m.text.split()[0].removesuffix("'s").removesuffix("’s") if m.text.split() else ""
    for state in states:
        name = _bare(state.canonical or state.text)
        if first[:1].isupper() and (first == name or lex.demonym_stem_matches(first, name)):
            return name
    return None


def _model_noise(m: Mention, span: SpacySpan | None) -> bool:
    """Model entities that are not actors: "Mali Looks" (a verb inside), "democratic", "Islamic radicals"."""
    if span is None or not len(span):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return True
    if m.label == "NORP" and not lex.is_demonym(m.text):
        return m.text[:1].islower() or span.root.dep_ in ("amod", "compound")
    return False


def _retype_model_mention(m: Mention) -> None:
    """The statistical model calls "Mali" a PERSON and "Russian" NORP: fix kinds from the lexicon."""
    code = lex.country_code(m.text)
    if code is not None and not lex.is_demonym(m.text):
        m.kind, m.country = "country", code
        m.canonical = m.canonical or lex.country_name(code)
    elif re.match(r"(the )?(Republic|Kingdom|Federation|State) of [A-Z]", m.text, re.IGNORECASE):
        m.kind = "country"
    elif lex.is_demonym(m.text):
        m.kind, m.country = "group", lex.country_code(m.text)


def _is_organ_phrase(text: str) -> bool:
    words = text.lower().replace("\u2019", "'").split()
    return bool(words) and words[-1] in lex.ORGAN_HEADS


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


class SpanIndex:
    """Character spans sorted by start, for "which spans overlap, contain or lie inside this one".

    Every node, chunk and regex match used to be checked against all taken spans, which made building
    nodes quadratic in document length. :meth:`near` returns the positions (in the original list, in
    its order) of every span that overlaps, contains or lies inside ``start:end``, and possibly a few
    more: callers keep their exact test and run it on these only. :meth:`add` keeps it sorted.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = list(spans)
        order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        self.starts = [self.spans[k][0] for k in order]
        self.order = order
        self.longest = max((e - s for s, e in self.spans), default=0)

    def near(self, start: int, end: int) -> list[int]:
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_right(self.starts, max(start, end))
        return sorted(self.order[low:high])

    def spans_near(self, start: int, end: int) -> list[tuple[int, int]]:
        return [self.spans[k] for k in self.near(start, end)]

    def overlaps(self, start: int, end: int) -> bool:
        return _overlaps(start, end, self.spans_near(start, end))

    def add(self, span: tuple[int, int]) -> None:
        k = bisect.bisect_right(self.starts, span[0])
        self.starts.insert(k, span[0])
        self.order.insert(k, len(self.spans))
        self.spans.append(span)
        self.longest = max(self.longest, span[1] - span[0])


def _organ_nodes(ctx: Context, taken: list[tuple[int, int]]) -> list[Node]:
    """"Mali's ruling military junta", "French forces", "the Malian authorities" as organ mentions."""
    out: list[Node] = []
    index = SpanIndex(taken)
    countries = _country_words(ctx)
    for chunk in noun_chunks(ctx):
        head = chunk.root
        sector = _organ_sector(head)
        if sector is None or head.pos_ == "PROPN":
            continue
        owner = _organ_owner(head, countries)
        if owner is None:
            continue
        start = _organ_start(chunk, owner)
        end = head.idx + len(head.text)
        near = index.spans_near(min(start, head.idx), max(end, head.idx + 1))
        if any(s <= head.idx < e for s, e in near):
            continue  # the mention step already has it
        if _overlaps(start, end, [t for t in near if not (t[0] >= start and t[1] <= end)]):
            continue
        mention = _new_mention(ctx, start, end, "organization", is_name=False)
        country = _owner_country(ctx, owner)
        mention.sector, mention.country = sector, country if country and len(country) == 3 else None
        out.append(Node(mention, "organ", definite=True, cue="organ", organ_country=country,
                        plural=head.tag_ in ("NNS", "NNPS"), root=head.i))
    return out


def _organ_start(chunk: SpacySpan, owner: Token) -> int:
    """Start at the owner ("Mali's ..."), or at "the" right before a demonym ("the Malian authorities")."""
    before = owner.nbor(-1) if owner.i > chunk.start else None
    if before is not None and before.lower_ == "the" and owner.dep_ != "poss":
        return before.idx
    if owner.dep_ != "poss" and owner.i > chunk.start:
        return chunk[0].idx if chunk[0].lower_ == "the" else owner.idx
    return owner.idx


def _organ_sector(head: Token) -> str | None:
    word = head.lower_
    two = f"{head.nbor(-1).lower_} {word}" if head.i > 0 else word
    if two in lex.ORGAN_HEADS:
        return lex.ORGAN_HEADS[two]
    if word not in lex.ORGAN_HEADS:
        return None
    if word == "representatives" and not any(c.lower_ == "military" for c in head.lefts):
        return None  # "Russian representatives" alone may be diplomats
    if word == "state" and not any(c.dep_ in ("amod", "poss", "compound") for c in head.lefts):
        return None
    if word in _REGION_HEADS and is_region_phrase(head.doc.text, head.idx, head.idx + len(head.text)):
        return None
    return lex.ORGAN_HEADS[word]


# Organ heads that also name a part of a country: "the southwestern state of Oyo" is a province.
_REGION_HEADS = {"state", "states"}
_COMPASS = re.compile(r"\b(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
                      r"(?:ern)?\s+$", re.IGNORECASE)


def is_region_phrase(text: str, head_start: int, head_end: int) -> bool:
    """"the southwestern state of Oyo", "the state of Guerrero", "Mexico's northern states": a state
    word followed by "of" and a name, or led by a compass word, names a province, not a government."""
    if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[head_end:head_end + 20]):
        return True
    return _COMPASS.search(text, max(0, head_start - 20), head_start) is not None


_CHUNKS_KEY = "sitroom.noun_chunks"
_WORDS_KEY = "sitroom.word_positions"
_WORD = re.compile(r"\w+")


def whole_word_matches(ctx: Context, word: str, after: int) -> list[tuple[int, int]]:
    """Spans of ``re.finditer(rf"\\b{re.escape(word)}\\b", ctx.text, after)``, in text order.

    A word made of word characters only matches exactly the maximal word runs equal to it, so those
    come from an index of runs built once per text (searching the text once per surname or acronym
    was quadratic); other words ("O'Brien", "AT&T") are searched for as before.
    """
    if _WORD.fullmatch(word) is None:
        return [m.span() for m in re.compile(rf"\b{re.escape(word)}\b").finditer(ctx.text, after)]
    runs = ctx.doc.user_data.get(_WORDS_KEY)
    if runs is None or runs[0] is not ctx.text:
        positions: dict[str, list[int]] = {}
        for match in _WORD.finditer(ctx.text):
            positions.setdefault(match.group(), []).append(match.start())
        runs = (ctx.text, positions)
        ctx.doc.user_data[_WORDS_KEY] = runs
    starts = runs[1].get(word, [])
    return [(s, s + len(word)) for s in starts[bisect.bisect_left(starts, after):]]


def noun_chunks(ctx: Context) -> list[SpacySpan]:
    """``doc.noun_chunks``, computed once per Doc (three node builders walk them)."""
    chunks = ctx.doc.user_data.get(_CHUNKS_KEY)
    if chunks is None:
        chunks = list(ctx.doc.noun_chunks)
        ctx.doc.user_data[_CHUNKS_KEY] = chunks
    return list(chunks)


def _country_words(ctx: Context) -> list[str]:
    return [_bare(m.canonical or m.text) for m in ctx.mentions if m.kind in ("country", "place")]


def _organ_owner(head: Token, countries: list[str]) -> Token | None:
    """The country word that owns an organ: a demonym modifier or a possessive country."""
    for child in head.lefts:
        if child.dep_ in ("amod", "compound") and child.text[:1].isupper() and any(
                lex.demonym_stem_matches(child.text, c) for c in countries):
            return child
        if child.dep_ == "poss" and (lex.country_code(child.text) or _looks_like_country(child)):
            return child
        if child.dep_ in ("amod", "compound", "nmod") and lex.is_demonym(child.text):
            return child
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE") and child.text[:1].isupper():
            return child
    return None


def _looks_like_country(token: Token) -> bool:
    return token.ent_type_ == "GPE" and token.text[:1].isupper()


def _owner_country(ctx: Context, owner: Token) -> str | None:
    """ISO code of the owner, or its own name when it has none (an invented or unlisted state)."""
    code = lex.country_code(owner.text)
    if code is not None:
        return code
    for m in ctx.mentions:
        if m.kind in ("country", "place") and m.end <= owner.idx:
            name = m.canonical or m.text
            if lex.demonym_stem_matches(owner.text, _bare(name)) or _bare(name).endswith(owner.text):
                return m.country or _bare(name)
    return owner.text if owner.dep_ == "poss" else None


def _bare(name: str) -> str:
    """"the Republic of Karesia" -> "Karesia"."""
    return re.sub(r"^(the )?((Republic|Kingdom|Federation|State) of )?", "", name, flags=re.IGNORECASE)


def _description_nodes(ctx: Context, taken: list[tuple[int, int]]) -> list[Node]:
    """"the group", "the Russian PMC", "a private military company" as description mentions."""
    out: list[Node] = []
    index = SpanIndex(taken)
    for chunk in noun_chunks(ctx):
        head = chunk.root
        cue = DESCRIPTION_CUES.get(head.lower_) or DESCRIPTION_CUES.get(head.text.lower().rstrip("s")
                                                                       if head.text.isupper() else "")
        if cue is None or head.tag_ in ("NNS", "NNPS") and not head.text.isupper():
            continue
        if head.text.isupper() and head.text.endswith("s"):
            continue  # "PMCs": generic plural
        det = chunk[0].lower_
        if det not in ("the", "a", "an") or head.dep_ in ("attr", "acomp"):
            continue  # "he is the contractor" predicates, it does not refer
        start, end = chunk.start_char, head.idx + len(head.text)
        near = index.spans_near(start, end)
        if any(s <= start and end <= e for s, e in near):
            continue
        inner = [t for t in near if t[0] >= start and t[1] <= end]
        if _overlaps(start, end, [t for t in near if t not in inner]) or _has_name_inside(ctx, inner):
            continue
        mention = _new_mention(ctx, start, end, "organization", is_name=False)
        words = [t.text for t in chunk if t.i <= head.i]
        mention.sector = lex.sector_of_phrase(words) or ("PMC" if head.lower_ in _PMC_HEADS else None)
        mention.country = next((lex.country_code(w) for w in words if lex.is_demonym(w)), None)
        out.append(Node(mention, "description", definite=det == "the", cue=cue, descriptor=words, root=head.i))
        index.add((start, end))
    return out + _possessive_descriptions(ctx, index)


def _possessive_descriptions(ctx: Context, index: SpanIndex) -> list[Node]:
    """"the movement's political chief": a definite cue noun owning something is a description too
    (spaCy's noun chunk is the owned thing, so the chunk walk above never sees it)."""
    out: list[Node] = []
    for token in ctx.doc:
        cue = DESCRIPTION_CUES.get(token.lower_)
        if cue is None or token.dep_ != "poss" or token.i == 0 or token.nbor(-1).lower_ != "the":
            continue
        start, end = token.nbor(-1).idx, token.idx + len(token.text)
        if index.overlaps(start, end):
            continue
        mention = _new_mention(ctx, start, end, "organization", is_name=False)
        out.append(Node(mention, "description", definite=True, cue=cue, descriptor=[token.text], root=token.i))
        index.add((start, end))
    return out


def _has_name_inside(ctx: Context, inner: list[tuple[int, int]]) -> bool:
    """A chunk holding a real name ("the Wagner Group") is a name, not a description."""
    for s, e in inner:
        text = ctx.text[s:e]
        if not lex.is_demonym(text) and acronym_key(text) not in SECTOR_ACRONYMS:
            return True
    return False


def _pronoun_nodes(ctx: Context) -> list[Node]:
    out = []
    for token in ctx.doc:
        family = PRONOUNS.get(token.lower_)
        if family is None or token.pos_ != "PRON" or _is_expletive(token) or _in_quote(token):
            continue
        mention = _new_mention(ctx, token.idx, token.idx + len(token.text), "other", is_name=False)
        out.append(Node(mention, "pronoun", cue=family, plural=family == "plural", root=token.i))
    return out


def _in_quote(token: Token) -> bool:
    """Quoted speech has its own "he" and "they": on the seed, every quoted "he" was someone else."""
    before = token.sent.text[: token.idx - token.sent.start_char]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _is_expletive(token: Token) -> bool:
    """"it is estimated that", "it is raining", "it is in Russia's interest": no referent."""
    if token.lower_ != "it":
        return False
    head = token.head
    if token.dep_ == "expl" or head.lemma_ in ("rain", "snow", "seem", "appear"):
        return True
    if token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in head.children):
        return True
    return head.lemma_ == "be" and any(c.dep_ in ("acomp", "ccomp", "xcomp", "prep") for c in head.children)


def _drop_absorbed(nodes: list[Node]) -> list[Node]:
    """Demonyms inside an organ or description ("Russian" in "the Russian PMC") are typing, not actors."""
    big = [n for n in nodes if n.form in ("organ", "description") and n.mention.label == "RESOLVE"]
    index = SpanIndex([(b.start, b.mention.end) for b in big])
    keep = []
    for n in nodes:
        inside = any(b is not n and b.start <= n.start and n.mention.end <= b.mention.end
                     for b in (big[k] for k in index.near(n.start, n.mention.end)))
        if inside and n.form in ("demonym", "acronym") and n.cue in ("", "company"):
            continue
        if inside and n.form == "name" and n.mention.label != "GAZ" and n.mention.kind != "country":
            continue  # "Karesian" tagged ORG inside "the Karesian junta"
        keep.append(n)
    return keep


# Capitalised heads of organisation names the model often misses ("the Coalition for the Sahel").
ORG_NAME_HEADS = {"coalition", "alliance", "union", "council", "front", "movement", "mission", "committee",
                  "organisation", "organization", "group", "agency", "institute", "party", "court", "fund",
                  "ministry", "force", "forces", "brigade", "army", "league", "federation"}
_ORG_NAME = re.compile(
    r"\b(?:[Tt]he )?((?:[A-Z][\w\-]+ ){0,4}(?:" + "|".join(h.title() for h in sorted(ORG_NAME_HEADS)) +
    r"|Islamic State)\b(?: (?:for|of|in) (?:the )?(?:[A-Z][\w\-]+ ?){1,3})?)")


def _with_org_names(ctx: Context, nodes: list[Node]) -> list[Node]:
    """Add capitalised organisation names the mention step missed ("the Coalition for the Sahel").

    A model mention lying inside the new name ("Sahel", "Mali" in "the Islamic State in Mali") is
    dropped; gazetteer mentions and partly overlapping ones are left alone and win.
    """
    # Matches come in text order and never overlap, so a node dropped or added for one match lies
    # before every later match: each match is checked against the incoming nodes near it only.
    index = SpanIndex([(n.start, n.mention.end) for n in nodes])
    dropped: set[int] = set()
    added: list[Node] = []
    for match in _ORG_NAME.finditer(ctx.text):
        start, end = match.start(), match.end()
        while ctx.text[end - 1] == " ":
            end -= 1
        near = [nodes[k] for k in index.near(start, end)]
        inner = [n for n in near if start <= n.start and n.mention.end <= end and n.mention.label != "GAZ"]
        inner_ids = {id(n) for n in inner}
        others = [(n.start, n.mention.end) for n in near if id(n) not in inner_ids]
        if _overlaps(start, end, others) or match.group(1).split()[0].lower() in lex.TITLES:
            continue
        if re.match(r" [A-Z]\w+", ctx.text[end:]) and ctx.text[end:].split()[0].lower() in lex.TITLES:
            continue  # "its Armed Forces Minister": a title, not an organisation
        if " in " in ctx.text[start:end] and not _REGIONAL_BRANDS.search(ctx.text[start:end].split(" in ")[0]):
            continue
        if match.start() == match.start(1) and match.start() > 0 and ctx.text[match.start() - 1] not in " \n(":
            continue
        mention = _new_mention(ctx, start, end, "organization", is_name=True)
        mention.sector = lex.sector_of_name(mention.text)
        dropped |= inner_ids
        added.append(Node(mention, "name", root=_root_at(ctx, start, end)))
    return [n for n in nodes if id(n) not in dropped] + added


def _root_at(ctx: Context, start: int, end: int) -> int:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else -1


def _acronym_nodes(ctx: Context, nodes: list[Node]) -> list[Node]:
    """Acronyms defined in brackets ("(IRA)") and their later bare uses, when no mention covers them."""
    taken = SpanIndex([(n.start, n.mention.end) for n in nodes])
    defined = {m.group(1) for m in re.finditer(r"\(([A-Z][A-Z0-9&]{1,9})\)", ctx.text)}
    out = []
    for acronym in sorted(defined):
        for start, end in whole_word_matches(ctx, acronym, 0):
            if taken.overlaps(start, end):
                continue
            mention = _new_mention(ctx, start, end, "organization", is_name=True)
            cue = "company" if acronym in SECTOR_ACRONYMS else ""
            out.append(Node(mention, "acronym", cue=cue, root=_root_at(ctx, start, end)))
    return out


def _surname_nodes(ctx: Context, nodes: list[Node]) -> list[Node]:
    """Later bare surnames of full-named persons the model did not tag ("Brask" after "Anton Brask")."""
    taken = SpanIndex([(n.start, n.mention.end) for n in nodes])
    out = []
    # A surname already searched from an earlier end finds nothing new from a later one: every match
    # after the later end was taken then, or overlapped what was taken (and taken only grows).
    searched_from: dict[str, int] = {}
    for node in [n for n in nodes if n.form == "name" and n.mention.kind == "person"]:
        words = node.mention.text.split()
        if len(words) < 2 or not _plain_word(words[-1]):
            continue
        if searched_from.get(words[-1], node.mention.end + 1) <= node.mention.end:
            continue
        searched_from[words[-1]] = min(node.mention.end, searched_from.get(words[-1], node.mention.end))
        for start, end in whole_word_matches(ctx, words[-1], node.mention.end):
            if taken.overlaps(start, end):
                continue
            mention = _new_mention(ctx, start, end, "person", is_name=True)
            out.append(Node(mention, "name", root=_root_at(ctx, start, end)))
            taken.add((start, end))
    return out


def _retype_surnames(nodes: list[Node]) -> None:
    """"Dorn" after "Ilya Dorn": the model's one-word place or organisation is the person's surname.

    Gazetteer names (a real country or city) keep their type: "Chad" stays a country.
    """
    surnames = {n.mention.text.split()[-1] for n in nodes if n.form == "name" and n.mention.kind == "person"
                and len(n.mention.text.split()) > 1}
    for node in nodes:
        m = node.mention
        if node.form == "name" and m.label != "GAZ" and m.kind != "person" and m.text in surnames:
            m.kind, m.country, m.sector, m.canonical = "person", None, None, None


def _same_head_nodes(ctx: Context, nodes: list[Node], taken: list[tuple[int, int]]) -> list[Node]:
    """"The officials spoke ..." after "two Karesian officials": a definite plural noun repeating the head
    of an earlier group or organ mention refers back to it."""
    heads: dict[str, int] = {}
    for n in nodes:
        if n.form in ("name", "organ") and n.root >= 0 and ctx.doc[n.root].tag_ == "NNS":
            heads.setdefault(ctx.doc[n.root].lower_, n.start)
    out: list[Node] = []
    index = SpanIndex(taken)
    for chunk in noun_chunks(ctx):
        head = chunk.root
        first = heads.get(head.lower_)
        if first is None or chunk.start_char <= first or chunk[0].lower_ != "the" or len(chunk) != 2:
            continue
        start, end = chunk.start_char, head.idx + len(head.text)
        if index.overlaps(start, end):
            continue
        mention = _new_mention(ctx, start, end, "group", is_name=False)
        out.append(Node(mention, "description", definite=True, cue="head", plural=True, root=head.i,
                        descriptor=[head.lower_]))
    return out
