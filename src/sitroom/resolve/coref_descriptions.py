"""Descriptions that refer back to a named actor without sharing a cue word with it.

The rules in :mod:`sitroom.resolve.coref_links` follow "the group", "the junta", "the council". These
add the descriptions they miss, each tied to its antecedent by something the text says, never by
distance alone:

- head nouns: "the gang" after "the Red Scorpion gang", "the union" after "the Vell Workers' Union",
  "the UN peacekeeping mission" after "the ... Stabilisation Mission" (the name ends in the head);
  "the force" after a named police force, "the bloc" after the one bloc named (the head's sector, when
  exactly one named organisation of it precedes);
- places: "the Ethiopian capital" is the capital the text names; "Ecuador's largest city" the country's
  largest city when the text names it (both from the knowledge tables); "the Karesian capital" of an
  unlisted state is the one town the text names in its paragraph;
- titles: "the mayor" after "Mayor Jane Dorsk", when one person in the text holds that role;
- nicknames: 'Tomas Velko, known as "El Contador"' makes El Contador Tomas Velko wherever it appears;
- members: "Islamic State Sahel fighters", "Volkov men" are the named group they belong to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sitroom.knowledge import lookup_city, role_for_title
from sitroom.knowledge.tables import city_names
from sitroom.records import Mention
from sitroom.resolve import typing_lexicon as lex
from sitroom.resolve.aliases import contained_name, name_key
from sitroom.resolve.coref_mentions import (
    CROWD_CUE,
    DESCRIPTION_CUES,
    EXTRA_CUES,
    EXTRACTOR,
    HEAD_CUE,
    HIRED_CUE,
    PLACE_CUE,
    RULING_CUE,
    TITLE_CUE,
    Node,
    SpanIndex,
    noun_chunks,
    whole_word_matches,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from sitroom.extract.context import Context
    from sitroom.resolve.coref_links import Clusters

# Cue families of the nodes built here (coref_links' description pass leaves them alone).

# Heads that name an organisation by its type: with no name ending in the head, "the gang" is the one
# named criminal group, "the force" the one named police force, "the bloc" the one named bloc.
HEAD_SECTORS: dict[str, set[str]] = {
    "gang": {"CRM"}, "cartel": {"CRM"}, "syndicate": {"CRM"}, "mafia": {"CRM"},
    "union": {"LAB"}, "force": {"COP"}, "bloc": {"IGO"}, "body": {"IGO"},
}
# International codes a bloc or regional body carries as its country.
BLOC_COUNTRIES = {"IGO", "EUR", "UNO"}
# Heads that never stand for a named organisation however its name ends ("the Vell Workers' Union"
# ends in Union, but "the state" or "the people" are something else).
_NEVER_HEADS = {"state", "people", "country", "republic", "region", "city", "town", "province", "area",
                "government", "army", "police", "military", "forces", "force's"}
# Words that make a city the largest ("Ecuador's largest city", "the country's biggest city").
LARGEST_WORDS = {"largest", "biggest"}
# Plural nouns for members of a named group: "Islamic State Sahel fighters", "Volkov men".
MEMBER_WORDS = {"fighters", "militants", "members", "men", "gunmen", "loyalists", "operatives",
                "combatants", "mercenaries", "contractors", "soldiers", "troops"}
_MEMBER_AFTER = re.compile(r"(?:['\u2019]s)? (?:" + "|".join(sorted(MEMBER_WORDS)) + r")\b")
_NICKNAME = re.compile(
    r",? (?:also |better |widely )?(?:known as|alias|nicknamed|dubbed|aka|a\.k\.a\.) "
    r"[\"\u201c']([A-Z][^\"\u201d']{1,40})[\"\u201d']")


# ---- nodes ------------------------------------------------------------------------------------

def description_nodes(ctx: Context, nodes: list[Node], taken: list[tuple[int, int]]) -> list[Node]:
    """Head-noun, place and title descriptions (module docstring) not covered by ``taken``."""
    name_heads = _name_heads(nodes)
    index = SpanIndex(taken)
    out: list[Node] = []
    for chunk in noun_chunks(ctx):
        node = (_place_node(ctx, chunk) or _title_node(ctx, chunk) or _head_node(ctx, chunk, name_heads)
                or _plural_node(ctx, chunk) or _placed_people_node(ctx, chunk)
                or _crowd_node(ctx, chunk))
        if node is None or _blocked(index, node, ctx):
            continue
        out.append(node)
        index.add((node.start, node.mention.end))
    return out


def _name_heads(nodes: list[Node]) -> set[str]:
    """Last words of the organisation names in the text ("gang", "union", "mission")."""
    heads = set()
    for node in nodes:
        words = name_key(node.mention.text).split()
        if node.form == "name" and node.mention.kind in ("organization", "group") and len(words) > 1:
            heads.add(words[-1])
    return heads - _NEVER_HEADS


def _blocked(index: SpanIndex, node: Node, ctx: Context) -> bool:
    """A span the mention step already has, or one cutting through another mention; a country, demonym
    or acronym inside it ("Ecuador" in "Ecuador's largest city", "UN" in "the UN peacekeeping mission")
    is typing and does not block it."""
    start, end = node.start, node.mention.end
    for s, e in index.spans_near(start, end):
        if not (s < end and start < e):
            continue
        inside = start <= s and e <= end
        text = ctx.text[s:e]
        typing = lex.country_code(text) or lex.is_demonym(text) or text.isupper() or _is_state_name(ctx, s, e)
        if not inside or not typing:
            return True
    return False


def _is_state_name(ctx: Context, start: int, end: int) -> bool:
    return any(m.start == start and m.end == end and m.kind == "country" for m in ctx.mentions_in(start, end))


def _new(ctx: Context, start: int, end: int, kind: str) -> Mention:
    return Mention(start=start, end=end, text=ctx.text[start:end], kind=kind, label="RESOLVE", is_name=False,
                   sentence=ctx.sentence_index(start), extractor=EXTRACTOR)


def _place_node(ctx: Context, chunk: SpacySpan) -> Node | None:
    """"the Ethiopian capital", "Ecuador's largest city", "the Karesian capital"."""
    head = chunk.root
    word = head.lower_
    mods = {t.lower_ for t in chunk if t.i < head.i}
    if head.tag_ != "NN" or not (word == "capital" or word == "city" and mods & LARGEST_WORDS):
        return None
    owner = next((t for t in chunk if t.i < head.i and t.dep_ in ("amod", "compound", "poss", "nmod")
                  and t.text[:1].isupper()), None)
    if owner is None or any(t.pos_ == "PROPN" and t.i != owner.i for t in chunk):
        return None
    start = chunk[0].idx if chunk[0].lower_ == "the" else owner.idx
    end = head.idx + len(head.text)
    mention = _new(ctx, start, end, "place")
    code = lex.country_code(owner.text)
    mention.country = code
    if code is None and not _unlisted_state(ctx, owner.text.removesuffix("'s")):
        return None
    return Node(mention, "description", definite=True, cue=PLACE_CUE, root=head.i,
                descriptor=["capital" if word == "capital" else "largest"])


def _unlisted_state(ctx: Context, word: str) -> bool:
    """"Karesian" or "Karesia": a word naming a state the text names and the tables do not know."""
    for m in ctx.mentions:
        if m.kind == "country" and m.country is None:
            name = re.sub(r"^(the )?((Republic|Kingdom|Federation|State) of )?", "", m.canonical or m.text,
                          flags=re.IGNORECASE)
            if word == name or lex.demonym_stem_matches(word, name):
                return True
    return False


def _title_node(ctx: Context, chunk: SpacySpan) -> Node | None:
    """"the mayor", "the interior minister": a definite title with no name after it."""
    head = chunk.root
    if chunk[0].lower_ != "the" or head.tag_ != "NN" or head.dep_ in ("attr", "appos", "compound"):
        return None
    role = role_for_title(" ".join(t.lower_ for t in chunk[1:])) or role_for_title(head.lower_)
    if role is None or any(t.pos_ == "PROPN" and not lex.is_demonym(t.text) for t in chunk):
        return None
    after = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if after is not None and after.pos_ == "PROPN":
        return None  # "the mayor Jane Dorsk": a title before a name
    mention = _new(ctx, chunk[0].idx, head.idx + len(head.text), "person")
    mention.role = role.role
    mention.country = next((lex.country_code(t.text) for t in chunk if lex.is_demonym(t.text)), None)
    return Node(mention, "description", definite=True, cue=TITLE_CUE, root=head.i, descriptor=[role.role])


def _head_node(ctx: Context, chunk: SpacySpan, name_heads: set[str]) -> Node | None:
    """"the gang", "the union", "the UN peacekeeping mission": a definite singular noun whose head ends
    an organisation name in the text, or names an organisation type (:data:`HEAD_SECTORS`)."""
    head = chunk.root
    word = head.lower_
    if chunk[0].lower_ != "the" or head.tag_ != "NN" or head.dep_ in ("attr", "acomp", "compound"):
        return None
    if word in DESCRIPTION_CUES or word in _NEVER_HEADS or not (word in name_heads or word in HEAD_SECTORS):
        return None
    if any(t.pos_ == "PROPN" and not (t.text.isupper() or lex.is_demonym(t.text)) for t in chunk):
        return None  # "the Vell Workers' Union" is a name
    if any(t.dep_ in ("poss", "case") for t in chunk):
        return None  # "the attorney general's office" names its own owner, not the named office
    mention = _new(ctx, chunk[0].idx, head.idx + len(head.text), "organization")
    mention.country = next((lex.country_code(t.text) for t in chunk if lex.is_demonym(t.text)), None)
    return Node(mention, "description", definite=True, cue=HEAD_CUE, root=head.i, descriptor=[word])


# Plural heads of descriptions for a ruling military ("the generals", "Karesia's generals") and for a
# hired force ("the mercenaries", "the Russian contractors"), with the cue each is linked by.
PLURAL_CUES = {"generals": RULING_CUE, "mercenaries": HIRED_CUE, "contractors": HIRED_CUE}


def _plural_node(ctx: Context, chunk: SpacySpan) -> Node | None:
    """"the generals", "Karesia's generals", "the Russian contractors": a definite or state-owned plural
    with nothing but a demonym or a state before its head."""
    head = chunk.root
    cue = PLURAL_CUES.get(head.lower_)
    if cue is None or head.tag_ != "NNS" or head.dep_ in ("attr", "acomp", "compound"):
        return None
    before = [t for t in chunk if t.i < head.i]
    first = before[0] if before else None
    owned = first is not None and first.dep_ == "poss" and first.text[:1].isupper()
    if first is None or not (first.lower_ == "the" or owned):
        return None
    rest = before[1:] if first.lower_ == "the" else before[2:] if len(before) > 1 and before[1].dep_ == "case" else []
    if any(not (lex.is_demonym(t.text) or t.lower_ in ("foreign", "ruling")) for t in rest):
        return None  # "the senior generals of the northern command" say more than the ruling body
    start, end = first.idx, head.idx + len(head.text)
    mention = _new(ctx, start, end, "group" if cue == HIRED_CUE else "organization")
    mention.country = next((lex.country_code(t.text) for t in before if lex.is_demonym(t.text)), None)
    mention.sector = "PMC" if cue == HIRED_CUE else "GOV"
    owner = first.text if owned else None
    return Node(mention, "description", definite=True, cue=cue, root=head.i, plural=True,
                descriptor=[owner] if owner else [])


# Plural heads of people who speak from somewhere: "diplomats in Kesh", "military sources in Niamey".
PLACED_PEOPLE = {"diplomats", "sources", "officials", "witnesses", "residents", "observers", "analysts",
                 "envoys", "journalists"}
_PLACE_AFTER = re.compile(r" (?:in|from|at) (?:the )?[A-Z][\w\-]+")


def _placed_people_node(ctx: Context, chunk: SpacySpan) -> Node | None:
    """"Diplomats in Kesh", "military sources in Niamey": a group of people placed by a name right after
    it is a group of its own (the place keeps its entity; ``cluster._placed_forms`` adds the long form)."""
    head = chunk.root
    if head.lower_ not in PLACED_PEOPLE or head.tag_ != "NNS" or chunk[-1].i != head.i:
        return None
    if any(t.pos_ == "PROPN" and not lex.is_demonym(t.text) for t in chunk):
        return None
    end = head.idx + len(head.text)
    if _PLACE_AFTER.match(ctx.text, end) is None:
        return None
    start = chunk[1].idx if chunk[0].lower_ == "the" and len(chunk) > 1 else chunk[0].idx
    mention = _new(ctx, start, end, "group")
    return Node(mention, "name", plural=True, root=head.i)


# Plural nouns for a crowd acting together, and plain words for its people ("the young people", "the
# women") that coref_links.link_crowds joins to it.
CROWD_HEADS = {"rioters", "protesters", "protestors", "demonstrators", "marchers"}
CROWD_PEOPLE = {"people", "young people", "youths", "youngsters", "women", "men", "students", "young men"}


def _crowd_node(ctx: Context, chunk: SpacySpan) -> Node | None:
    """"Rioters", "hundreds of marchers" (a crowd: a group of its own) and "the young people" (a
    description of a crowd, dropped unless link_crowds finds the one crowd it means)."""
    head = chunk.root
    if head.tag_ != "NNS" or head.dep_ in ("attr", "compound"):
        return None
    if any(t.pos_ == "PROPN" and not lex.is_demonym(t.text) for t in chunk):
        return None
    start, end = chunk[0].idx, head.idx + len(head.text)
    if head.lower_ in CROWD_HEADS and _people_follow(ctx, head):
        first = chunk[1] if chunk[0].pos_ == "DET" and len(chunk) > 1 else chunk[0]
        mention = _new(ctx, first.idx, end, "group")
        mention.sector = "CVL"
        # its own cue keeps it out of name matching: two "protesters" in one text may be two crowds
        return Node(mention, "name", plural=True, definite=chunk[0].lower_ == "the", root=head.i,
                    cue=CROWD_CUE)
    words = " ".join(t.lower_ for t in chunk if t.i <= head.i and t.lower_ != "the")
    if chunk[0].lower_ != "the" or words not in CROWD_PEOPLE:
        return None
    mention = _new(ctx, start, end, "group")
    mention.sector = "CVL"
    return Node(mention, "description", definite=True, plural=True, cue=CROWD_CUE, root=head.i)


def _people_follow(ctx: Context, head: Token) -> bool:
    """A crowd-people description ("the young people") in the crowd's sentence after it or the next one."""
    sent = head.sent
    end = sent.end
    if end < len(ctx.doc):
        end = ctx.doc[end].sent.end
    text = ctx.doc[head.i + 1:end].text.lower()
    found = [m for w in CROWD_PEOPLE if (m := re.search(rf"\bthe {re.escape(w)}\b", text))]
    if not found:
        return False
    # another acting crowd in between ("while farmers blocked the road") makes "the young people" unclear
    stop = ctx.doc[head.i + 1].idx + min(m.start() for m in found) if head.i + 1 < len(ctx.doc) else 0
    return not any(t.tag_ == "NNS" and t.dep_ == "nsubj" and t.lower_ not in VOICE_WORDS
                   for t in ctx.doc[head.i + 1:end] if t.idx < stop)


# Plural subjects that report on a crowd rather than forming another one.
VOICE_WORDS = {"witnesses", "sources", "officials", "analysts", "diplomats", "observers", "journalists",
               "residents"}


def link_ruling_descriptions(clusters: Clusters) -> None:
    """"the generals", "Karesia's generals" join the one ruling body of the text (a junta, a military
    government, a named ruling council) when there is exactly one, before or after them."""
    rulers = {clusters.find(j) for j, n in enumerate(clusters.nodes) if _rules(n) and clusters.is_named(j)}
    if len(rulers) != 1:
        return
    ruler = rulers.pop()
    for k, node in enumerate(clusters.nodes):
        if node.cue == RULING_CUE and node.form == "description" and len(clusters.members(k)) == 1 \
                and _owner_fits(node, clusters.members(ruler)):
            clusters.union(ruler, k)


# Words in a ruling body's names: "the Karesian junta", "the military government", "the National
# Transitional Council" (a council named as a ruling one).
_RULING_NAME = re.compile(r"\b(?:junta|military government|military regime)\b|\b(?:transitional|salvation|"
                          r"revolutionary|restoration|safeguard|redemption) (?:\w+ )?(?:council|committee)\b")


def _rules(node: Node) -> bool:
    return node.form in ("name", "organ") and _RULING_NAME.search(node.mention.text.lower()) is not None


def _owner_fits(node: Node, members: list[Node]) -> bool:
    """"Karesia's generals" need a ruling body of Karesia (or of no named state)."""
    if not node.descriptor:
        return True
    owner = node.descriptor[0]
    states = {n.organ_country or n.mention.country for n in members if n.organ_country or n.mention.country}
    return not states or any(s == owner or lex.country_code(owner) == s or lex.demonym_stem_matches(owner, s)
                             for s in states if s)


def drop_absorbed_demonyms(nodes: list[Node], added: list[Node]) -> list[Node]:
    """Demonyms inside the descriptions built here ("Ethiopian" in "the Ethiopian capital") type them."""
    spans = [(n.start, n.mention.end) for n in added]
    return [n for n in nodes if n.form != "demonym"
            or not any(s <= n.start and n.mention.end <= e for s, e in spans)]


def nickname_nodes(ctx: Context, nodes: list[Node], taken: list[tuple[int, int]]) -> list[Node]:
    """Quoted nicknames after a person's name ('Tomas Velko, known as "El Contador"') and their later
    uses, as person names, where no mention covers them."""
    index = SpanIndex(taken)
    out: list[Node] = []
    for nick in sorted({m.group(1).strip() for m in _NICKNAME.finditer(ctx.text)}):
        for start, end in _occurrences(ctx, nick):
            if index.overlaps(start, end):
                continue
            mention = _new(ctx, start, end, "person")
            mention.is_name = True
            out.append(Node(mention, "name"))
            index.add((start, end))
    return out


def _occurrences(ctx: Context, text: str) -> list[tuple[int, int]]:
    words = text.split()
    if len(words) == 1:
        return whole_word_matches(ctx, words[0], 0)
    return [m.span() for m in re.finditer(rf"\b{re.escape(text)}\b", ctx.text)]


# ---- links ------------------------------------------------------------------------------------

def link_extra_descriptions(ctx: Context, clusters: Clusters, sources: set[int]) -> None:
    """Join each node built here to its antecedent (module docstring); unlinked ones are dropped later."""
    for k, node in enumerate(clusters.nodes):
        if node.form != "description" or node.cue not in EXTRA_CUES or clusters.is_named(k):
            continue
        if node.cue in (HIRED_CUE, RULING_CUE, CROWD_CUE):
            continue  # coref_links.link_hired, link_crowds and link_ruling_descriptions
        if node.cue == HEAD_CUE:
            target = _head_antecedent(clusters, k, sources)
        elif node.cue == PLACE_CUE:
            target = _place_antecedent(ctx, clusters, k)
        else:
            target = _title_antecedent(clusters, k)
        if target is not None:
            clusters.union(target, k)
    _link_typed_collectives(clusters, sources)


def _link_typed_collectives(clusters: Clusters, sources: set[int]) -> None:
    """"The gang" typed as a collective by the mention step (a group, not a description): the same
    head-noun rule, for a bare definite one-word collective still alone in its cluster."""
    for k, node in enumerate(clusters.nodes):
        words = node.mention.text.lower().split()
        if node.form != "name" or node.mention.kind != "group" or not node.definite or len(words) != 1:
            continue
        if node.mention.is_name or words[0] not in HEAD_SECTORS or len(clusters.members(k)) > 1:
            continue
        node.descriptor = [words[0]]
        target = _head_antecedent(clusters, k, sources)
        if target is not None:
            clusters.union(target, k)


def _named_earlier(clusters: Clusters, k: int, sources: set[int]) -> list[int]:
    """Named nodes before ``k`` (nearest first), one per cluster, outlets left out."""
    seen: set[int] = set()
    out = []
    for j in range(k - 1, -1, -1):
        node = clusters.nodes[j]
        root = clusters.find(j)
        if j in sources or root in seen or node.form not in ("name", "acronym") or node.cue:
            continue
        seen.add(root)
        out.append(j)
    return out


def _head_antecedent(clusters: Clusters, k: int, sources: set[int]) -> int | None:
    node = clusters.nodes[k]
    head = node.descriptor[0]
    named = [j for j in _named_earlier(clusters, k, sources)
             if clusters.nodes[j].mention.kind in ("organization", "group")]
    for j in named:
        if any(name_key(n.mention.text).split()[-1:] == [head] and _country_fits(node, n)
               for n in clusters.members(j) if n.form == "name"):
            return j
    sectors = HEAD_SECTORS.get(head)
    if sectors is None:
        return None
    fitting = [j for j in named if _has_sector(clusters, j, sectors)]
    return fitting[0] if len(fitting) == 1 else None


def _country_fits(node: Node, other: Node) -> bool:
    a, b = node.mention.country, other.mention.country
    return a is None or b is None or a == b


def _has_sector(clusters: Clusters, j: int, sectors: set[str]) -> bool:
    for n in clusters.members(j):
        if n.form not in ("name", "acronym"):
            continue
        if n.mention.sector in sectors or ("IGO" in sectors and n.mention.country in BLOC_COUNTRIES):
            return True
    return False


def _place_antecedent(ctx: Context, clusters: Clusters, k: int) -> int | None:
    """The city a capital or largest-city description stands for, among the places named before it."""
    node = clusters.nodes[k]
    code = node.mention.country
    places = [j for j in range(k - 1, -1, -1) if clusters.nodes[j].form in ("name", "acronym")
              and clusters.nodes[j].mention.kind == "place"]
    if code is None:  # an unlisted state: the one town named in the paragraph, if only one
        paragraph = ctx.text.rfind("\n\n", 0, node.start) + 1
        near = {clusters.find(j) for j in places if clusters.nodes[j].start >= paragraph
                and lookup_city(clusters.nodes[j].mention.text) is None}
        return next(iter(near)) if len(near) == 1 else None
    for j in places:
        city = lookup_city(clusters.nodes[j].mention.canonical or clusters.nodes[j].mention.text)
        if city is None or city.country != code:
            continue
        if node.descriptor == ["capital"] and city.capital or node.descriptor == ["largest"] \
                and (city.population or 0) >= LARGEST_SHARE * largest_population(code):
            return j
    return None


# A city counts as "the largest" when it has at least this share of the most populous one's people:
# city-proper figures rank near-equals differently from the press (Guayaquil and Quito).
LARGEST_SHARE = 0.6


@lru_cache(maxsize=256)
def largest_population(code: str) -> int:
    """The population of a country's most populous city in the knowledge tables (0 when none)."""
    return max((place.population or 0 for _, place in city_names() if place.country == code), default=0)


def _title_antecedent(clusters: Clusters, k: int) -> int | None:
    """The one person cluster before ``k`` whose role is the title's (two mayors: no link)."""
    node = clusters.nodes[k]
    holders = set()
    for j in range(k):
        other = clusters.nodes[j]
        if other.form == "name" and other.mention.kind == "person" and other.mention.role == node.mention.role \
                and _country_fits(node, other):
            holders.add(clusters.find(j))
    return next(iter(holders)) if len(holders) == 1 else None


def link_nicknames(ctx: Context, clusters: Clusters) -> None:
    """'Tomas Velko, known as "El Contador"': the quoted nickname joins the person named right before."""
    nodes = clusters.nodes
    ends = {n.mention.end: k for k, n in enumerate(nodes) if n.form == "name" and n.mention.kind == "person"}
    starts: dict[int, int] = {n.start: k for k, n in enumerate(nodes) if n.form == "name"}
    for match in _NICKNAME.finditer(ctx.text):
        person = ends.get(match.start())
        nick = starts.get(match.start(1))
        if person is None or nick is None:
            continue
        nodes[nick].mention.kind = "person"
        nodes[nick].mention.sector = nodes[nick].mention.sector or nodes[person].mention.sector
        for j, other in enumerate(nodes):  # every use of the nickname, not only the quoted one
            if other.form == "name" and name_key(other.mention.text) == name_key(nodes[nick].mention.text):
                other.mention.kind = "person"
                clusters.union(person, j)


def link_members(clusters: Clusters) -> None:
    """"Islamic State Sahel fighters", "Volkov men": a plural group named after an organisation in the
    text is that organisation (docs/gold.md lists such forms as its aliases)."""
    nodes = clusters.nodes
    orgs = [j for j, n in enumerate(nodes) if n.form in ("name", "acronym") and n.mention.kind == "organization"]
    for k, node in enumerate(nodes):
        words = node.mention.text.split()
        if node.form != "name" or len(words) < 2 or words[-1].lower() not in MEMBER_WORDS:
            continue
        owner = " ".join(words[:-1])
        if not owner[:1].isupper() or owner.lower().startswith("the "):
            continue
        found = next((j for j in orgs if j != k and _names_org(owner, nodes[j])), None)
        if found is not None:
            clusters.union(found, k)


def _names_org(owner: str, org: Node) -> bool:
    text = org.mention.text.removeprefix("the ").removeprefix("The ")
    return name_key(owner) == name_key(text) or contained_name(owner, text)


def member_forms(ctx: Context, texts: list[tuple[int, str]]) -> list[str]:
    """"Volkov fighters", "Volkov's men" after a mention "Volkov" of an organisation: the member form the text uses for
    it. ``texts`` are (end offset, mention text) of the organisation's names."""
    out = []
    for end, text in texts:
        match = _MEMBER_AFTER.match(ctx.text, end)
        if match is not None:
            out.append(text.removeprefix("the ").removeprefix("The ") + match.group(0))
    return out
