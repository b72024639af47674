"""The rules that put two mentions in the same cluster, applied in order of reliability.

1. names: same normal form, a person's later surname, an org name without its generic word, acronyms
   matching initials;
2. inline definitions: "the Internet Research Agency (IRA)", "a ... contractor (PMC)";
3. appositions: "the Volkov Group, a private military company"; "The group ..., known as the Wagner Group";
   a lede's indefinite description named by the next sentence's subject;
4. state organs with the same country and sector ("Mali's ruling military junta" ... "the Malian authorities");
5. definite descriptions ("the group", "the junta") back to the nearest compatible cluster; an unowned
   organ ("the government") to the state the article is about; far back only when one cluster fits;
6. pronouns (optional) back to the nearest compatible cluster;
7. definite collectives ("the rebels", "the demonstrators") to an armed organisation or an earlier crowd;
8. descriptions still unlinked stand alone when they name a collective or a person by nationality
   ("The Karesian delegation", "the French ambassador"), else are dropped.
"the junta" joins a named ruling council ("the National Transitional Council") and "the council" the
nearest named council (section 5). Capitals used as actors are :mod:`sitroom.resolve.coref_capitals`'s;
head-noun, place, title, nickname and member forms are :mod:`sitroom.resolve.coref_descriptions`'. Two
branches of one state's forces ("the Malian air force", "the Malian army") never merge (:data:`BRANCHES`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.resolve import typing_lexicon as lex
from sitroom.resolve.aliases import (
    ORG_GENERIC,
    acronym_key,
    acronym_matches,
    contained_name,
    initials,
    name_key,
    same_person,
    strip_titles,
    surname,
)
from sitroom.resolve.coref_home import home_state_weights, pick_home
from sitroom.resolve.coref_mentions import CROWD_CUE, EXTRA_CUES, HIRED_CUE, UNIT_HEADS, Node, SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

# Cue families of sitroom.resolve.coref_descriptions' nodes: linked there, not by section 5.
# How far back a description looks for its antecedent, in sentences (brief: same or previous 2-3).
DESCRIPTION_WINDOW = 3
# Pronouns look back to the same or previous sentence only: beyond that precision drops.
PRONOUN_WINDOW = 1


class Clusters:
    """Union-find over node indices, with each root's member list kept (not rebuilt by a scan)."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self._members: dict[int, list[int]] = {k: [k] for k in range(len(nodes))}
        self._sorted: set[int] = set(range(len(nodes)))
        # Backward searches stop at the window's first sentence when node sentences never decrease
        # (they follow text order); otherwise they scan every earlier node as before.
        self.sentences_ordered = all(a.sentence <= b.sentence for a, b in zip(nodes, nodes[1:], strict=False))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            root, other = min(a, b), max(a, b)
            self.parent[other] = root
            self._members[root].extend(self._members.pop(other))
            self._sorted.discard(root)
            self._sorted.discard(other)

    def member_indices(self, i: int) -> list[int]:
        """Indices of ``i``'s cluster, ascending."""
        root = self.find(i)
        indices = self._members[root]
        if root not in self._sorted:
            indices.sort()
            self._sorted.add(root)
        return indices

    def members(self, i: int) -> list[Node]:
        return [self.nodes[k] for k in self.member_indices(i)]

    def earlier(self, k: int, first_sentence: int) -> range:
        """Indices before ``k``, nearest first, down to the first node of sentence ``first_sentence``
        (all of them when sentences are not ordered; callers still test the sentence)."""
        if not self.sentences_ordered:
            return range(k - 1, -1, -1)
        low = k
        while low > 0 and self.nodes[low - 1].sentence >= first_sentence:
            low -= 1
        return range(k - 1, low - 1, -1)

    def groups(self) -> list[list[int]]:
        """Clusters as ascending index lists, ordered by their first member."""
        return [list(self.member_indices(root)) for root in range(len(self.nodes)) if self.parent[root] == root]

    def is_named(self, i: int) -> bool:
        return any(n.form in ("name", "acronym") and n.cue == "" or n.form == "organ"
                   for n in self.members(i))


# ---- 1. names ---------------------------------------------------------------------------------

def link_names(clusters: Clusters) -> None:
    """Each named node joins the nearest earlier named node whose name matches (:func:`_names_corefer`).

    Only earlier nodes sharing a key with it are tested (:func:`_name_keys`): every pair that
    ``_names_corefer`` accepts shares one, so the result is that of testing every earlier node, without
    the pairwise scan (quadratic in document length).
    """
    nodes = clusters.nodes
    named = [i for i, n in enumerate(nodes) if n.form in ("name", "acronym", "demonym") and n.cue == ""]
    buckets: dict[tuple[str, str], list[int]] = {}
    for i in named:
        offered, wanted = _name_keys(nodes[i])
        candidates = sorted({j for key in wanted for j in buckets.get(key, ())}, reverse=True)
        for j in candidates:
            if _names_corefer(nodes[j], nodes[i]):
                clusters.union(j, i)
                break
        for key in offered:
            buckets.setdefault(key, []).append(i)


def _name_keys(node: Node) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Keys a node offers as an earlier name and looks up as a later one, one family per test of
    :func:`_names_corefer`: same normal form (``k``), same country (``c``), same surname (``s``), a name
    that is another minus generic words (``F``/``C``), an acronym of initials (``I``/``A``)."""
    m = node.mention
    full, core = _full_and_core(m.text)
    offered = {("k", name_key(m.canonical or m.text)), ("I", initials(strip_titles(m.text))),
               ("I", initials(strip_titles(m.text), skip_function_words=False))}
    wanted = {("k", name_key(m.canonical or m.text))}
    if full:
        offered.add(("F", full))
        wanted.add(("C", full))
    if core:
        offered.add(("C", core))
        wanted.add(("F", core))
    if (m.kind == "country" or node.form == "demonym") and m.country:
        offered.add(("c", m.country))
        wanted.add(("c", m.country))
    if m.kind == "person":
        offered.add(("s", surname(m.text)))
        wanted.add(("s", surname(m.text)))
    if node.form == "acronym":
        offered.add(("A", acronym_key(m.text)))
        wanted.add(("I", acronym_key(m.text)))
    wanted |= {("A", key) for tag, key in offered if tag == "I"}
    return offered, wanted


def _full_and_core(text: str) -> tuple[str, str]:
    """A name's normal form and that form without generic org words (see ``contained_name``)."""
    words = name_key(text).split()
    return " ".join(words), " ".join(w for w in words if w not in ORG_GENERIC)


def _names_corefer(earlier: Node, later: Node) -> bool:
    a, b = earlier.mention, later.mention
    ka, kb = name_key(a.canonical or a.text), name_key(b.canonical or b.text)
    if ka == kb:
        return True
    if "demonym" in (earlier.form, later.form) or a.kind == "country" or b.kind == "country":
        countries = ((a.kind == "country" or earlier.form == "demonym")
                     and (b.kind == "country" or later.form == "demonym"))
        return countries and bool(a.country and a.country == b.country)
    if a.kind == "person" and b.kind == "person":
        return same_person(a.text, b.text)
    if "person" in (a.kind, b.kind):
        return _surname_is_org(a, b) or _surname_is_org(b, a)
    if later.form == "acronym" and acronym_matches(b.text, a.text):
        return True
    if earlier.form == "acronym" and acronym_matches(a.text, b.text):
        return True
    return contained_name(b.text, a.text) or contained_name(a.text, b.text)


def _surname_is_org(single: object, org: object) -> bool:
    """"Volkov" after "the Volkov Group": a one-word "person" that is the core of an org name."""
    text = getattr(single, "text", "")
    return (getattr(single, "kind", "") == "person" and len(text.split()) == 1
            and getattr(org, "kind", "") == "organization" and contained_name(text, getattr(org, "text", "")))


# ---- 2. inline acronym definitions ------------------------------------------------------------

def link_inline_acronyms(ctx: Context, clusters: Clusters) -> None:
    """"NAME (ACR)": the bracketed acronym right after a name or description is that actor's."""
    nodes = clusters.nodes
    index = SpanIndex([(n.start, n.mention.end) for n in nodes])
    for i, node in enumerate(nodes):
        if node.form != "acronym":
            continue
        bracket = _end_before_spaces(ctx.text, node.start) - 1
        if bracket < 0 or ctx.text[bracket] != "(" or ctx.text[node.mention.end:node.mention.end + 1] != ")":
            continue
        opening = ctx.text.rfind("(", 0, node.start)
        # Only nodes ending in the spaces right before the bracket can qualify: look there.
        near = index.near(_end_before_spaces(ctx.text, opening), opening)
        before = [k for k in near if nodes[k].mention.end <= opening
                  and not ctx.text[nodes[k].mention.end:opening].strip() and nodes[k].form != "demonym"]
        if before:
            clusters.union(before[-1], i)


# ---- 3. appositions ---------------------------------------------------------------------------

def link_appositions(ctx: Context, clusters: Clusters, appositives: dict[int, int]) -> None:
    """Join a name with the description in apposition to it (``appositives``: node -> token index)."""
    by_root = {n.root: k for k, n in enumerate(clusters.nodes) if n.form == "description"}
    for i, token_i in appositives.items():
        k = by_root.get(token_i)
        if k is not None:
            clusters.union(i, k)
    _link_known_as(ctx, clusters, by_root)
    _link_lede_descriptions(ctx, clusters)
    _link_prefix_descriptions(ctx, clusters)


def _end_before_spaces(text: str, at: int) -> int:
    """``len(text[:at].rstrip())`` without copying the text before ``at``."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _link_prefix_descriptions(ctx: Context, clusters: Clusters) -> None:
    """"Russian gold company Nordgold": a description running straight into a name describes it."""
    nodes = clusters.nodes
    starts = {n.start: k for k, n in enumerate(nodes) if n.form == "name"}
    for k, node in enumerate(nodes):
        if node.form != "description":
            continue
        gap = ctx.text[node.mention.end:node.mention.end + 3]
        after = node.mention.end + len(gap) - len(gap.lstrip(" "))
        if after in starts and after > node.mention.end:
            clusters.union(starts[after], k)


def _link_known_as(ctx: Context, clusters: Clusters, by_root: dict[int, int]) -> None:
    """"The group ..., known as the Wagner Group": the name after "known as"/"called" is the noun's."""
    name_at = {n.root: k for k, n in enumerate(clusters.nodes) if n.form == "name"}
    for token in ctx.doc:
        if token.lower_ not in ("known", "called", "dubbed", "named") or token.i + 1 >= len(ctx.doc):
            continue
        obj = next((c for p in token.children if p.lower_ == "as" for c in p.children if c.dep_ == "pobj"), None)
        if obj is None and token.lower_ != "known":
            obj = next((c for c in token.children if c.dep_ in ("oprd", "attr", "dobj")), None)
        if obj is None or obj.i not in name_at:
            continue
        described = _described_noun(token)
        if described is not None and described.i in by_root:
            clusters.union(by_root[described.i], name_at[obj.i])


def _described_noun(participle: Token) -> Token | None:
    """The noun a "known as" participle describes: its head noun, or the clause subject."""
    head = participle.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _link_lede_descriptions(ctx: Context, clusters: Clusters) -> None:
    """"... with a supposed Russian private military contractor. The Wagner Group, ..." (next-sentence name)."""
    nodes = clusters.nodes
    for k, node in enumerate(nodes):
        if node.form != "description" or node.definite or clusters.is_named(k):
            continue
        sentence = ctx.record.sentences[node.sentence] if 0 <= node.sentence < len(ctx.record.sentences) else None
        if sentence is None or node.sentence + 1 >= len(ctx.record.sentences):
            continue
        following = ctx.record.sentences[node.sentence + 1]
        opener = next((j for j, n in enumerate(nodes) if n.sentence == following.index and n.form == "name"), None)
        if opener is None:
            continue
        first = nodes[opener]
        lead = ctx.text[following.start:first.start].strip().lower()
        if lead in ("", "the") and first.mention.kind == "organization" and _cue_fits(node.cue, first.mention):
            clusters.union(k, opener)


def _cue_fits(cue: str, mention: object) -> bool:
    sector = getattr(mention, "sector", None)
    if cue == "group":
        return sector in lex.GROUP_SECTORS
    if cue == "company":
        return sector in ("BUS", "PMC", None)
    return True


# ---- 4. organs --------------------------------------------------------------------------------

def link_organs(clusters: Clusters) -> None:
    """Organs of the same country and sector are one actor ("the Kremlin" ... "the Russian state");
    a ministry or a guard is a unit of its own ("Karesia's foreign ministry", "the presidential guard")."""
    first: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for k, node in enumerate(clusters.nodes):
        if node.form != "organ" or node.organ_country is None:
            continue
        key = (node.organ_country, node.mention.sector or _metonym_sector(node), unit_words(node))
        # "the Malian air force" and "the Malian army" share a key but are two branches: join the first
        # cluster of the key holding no other branch
        target = next((j for j in first.get(key, []) if not branch_conflict(node, clusters, j)), None)
        if target is not None:
            clusters.union(target, k)
        else:
            first.setdefault(key, []).append(k)


# Branches of a state's armed forces: two different ones are two actors; a whole organ ("the
# military", "Karesian forces") may join either.
BRANCHES = ("air force", "navy", "army", "gendarmerie", "marines", "coast guard", "national guard")


def branch_of(node: Node) -> str | None:
    text = " ".join(re.findall(r"[a-z]+", node.mention.text.lower()))
    return next((b for b in BRANCHES if re.search(rf"\b{b}\b", text)), None)


def branch_conflict(node: Node, clusters: Clusters, target: int) -> bool:
    """True when ``node`` names one branch and ``target``'s cluster another."""
    mine = branch_of(node)
    return mine is not None and any(
        (theirs := branch_of(n)) is not None and theirs != mine
        for n in clusters.members(target) if n.form in ("organ", "description", "name"))


def unit_words(node: Node) -> tuple[str, ...]:
    """The words naming an organ's unit ("foreign ministry"), without owner and determiners; () for a
    whole organ ("the government", "French forces")."""
    owner = (node.organ_country or "").lower()
    words = [w for w in re.findall(r"[a-z]+", node.mention.text.lower())
             if w not in ("the", "s", "of", "a", "an") and not lex.is_demonym(w) and lex.country_code(w) is None
             and w != owner and not lex.demonym_stem_matches(w, owner)]
    if not any(w in UNIT_HEADS for w in words):
        return ()
    return tuple(words[-3:])


def _metonym_sector(node: Node) -> str:
    organ = lex.metonym_organ(node.mention.text)
    return organ[1] if organ else "GOV"


# ---- 5. definite descriptions -----------------------------------------------------------------

def link_descriptions(ctx: Context, clusters: Clusters, sources: set[int]) -> None:
    """Each unlinked definite description joins the nearest compatible earlier cluster.

    ``sources`` are node indices to skip as antecedents (outlets in "according to X").
    """
    nodes = clusters.nodes
    home = home_state(ctx, clusters)
    for k, node in enumerate(nodes):
        if node.form != "description" or not node.definite or clusters.is_named(k) or node.cue in EXTRA_CUES:
            continue
        if node.cue == "organ" and _link_ruling_body(clusters, k, home):
            continue
        if node.cue == "organ":
            _link_organ_description(clusters, k, sources, home)
            continue
        if node.cue == "council":
            _link_named_body(clusters, k)
            continue
        target = _nearest(clusters, k, DESCRIPTION_WINDOW, sources, _description_fits)
        if target is None:
            target = _only_compatible(clusters, k, sources)
        if target is not None:
            clusters.union(target, k)
    link_organs(clusters)


def _link_organ_description(clusters: Clusters, k: int, sources: set[int], home: str | None) -> None:
    """"the junta", "the authorities", "the government": an organ of some state. In order: an organ of
    the same sector named in this or the previous sentence; else the organ or state the article is
    about (``home``); else the nearest state; else an organ of a state the text does not name."""
    node = clusters.nodes[k]
    near = _nearest(clusters, k, 1, sources, _description_fits)
    if near is not None and cluster_kind(clusters.members(near)) == "organ" and _same_unit(node, clusters, near):
        clusters.union(near, k)
        return
    target = _home_target(clusters, k, home) if home is not None else None
    target = target if target is not None else _nearest(clusters, k, DESCRIPTION_WINDOW, sources, _description_fits)
    if target is None:
        node.form, node.organ_country = "organ", None  # an actor of its own: "the government"
        node.mention.sector = node.mention.sector or lex.ORGAN_HEADS.get(_head(node), "GOV")
        return
    members = clusters.members(target)
    if branch_conflict(node, clusters, target):
        # "the army" after "the Karesian air force": the same state's other branch, an organ of its own
        owner = next((n.organ_country for n in members if n.form == "organ" and n.organ_country), None)
        node.form, node.organ_country = "organ", owner
        node.mention.country = node.mention.country or (owner if owner and _is_code(owner) else None)
        node.mention.sector = node.mention.sector or "MIL"
        return
    if cluster_kind(members) == "country":
        _become_organ(node, members)  # "the junta" is the country's government, not the country
    else:
        clusters.union(target, k)


# Organ words that stand for a ruling body the article names ("the junta" = "the National Transitional
# Council"), and the words that mark such a body's name as a ruling one rather than any council.
RULING_ANAPHORS = {"junta", "regime"}
RULING_NAME_WORDS = {"transitional", "salvation", "revolutionary", "supreme", "restoration", "safeguard",
                     "redemption", "ruling", "military"}
BODY_HEADS = {"council", "committee"}


def _link_ruling_body(clusters: Clusters, k: int, home: str | None) -> bool:
    """"the junta" after "the National Transitional Council (NTC)": the named ruling body is the junta.
    Takes the nearest earlier one anywhere in the text (a ruling body is named once, early, then called
    "the junta"); one of a foreign state is skipped."""
    node = clusters.nodes[k]
    if _head(node) not in RULING_ANAPHORS:
        return False
    for j in range(k - 1, -1, -1):
        other = clusters.nodes[j]
        if other.form == "name" and _is_ruling_body(other) and other.mention.country in (None, home):
            clusters.union(j, k)
            other.mention.sector = other.mention.sector or "GOV"
            return True
    return False


def _is_ruling_body(node: Node) -> bool:
    words = name_key(node.mention.text).split()
    return (node.mention.kind == "organization" and bool(words) and words[-1] in BODY_HEADS
            and any(w in RULING_NAME_WORDS for w in words))


def _link_named_body(clusters: Clusters, k: int) -> None:
    """"the council" joins the nearest earlier named council (or committee, same head), any distance
    back: a bare "the council" with no council named refers to nothing we know and is dropped."""
    node = clusters.nodes[k]
    head = _head(node)
    for j in range(k - 1, -1, -1):
        other = clusters.nodes[j]
        if other.form == "name" and name_key(other.mention.text).split()[-1:] == [head]:
            clusters.union(j, k)
            return


def _same_unit(node: Node, clusters: Clusters, target: int) -> bool:
    """"the presidential guard" is not the defence ministry named just before it: a unit ("guard",
    "ministry") joins only an organ cluster holding the same unit; a whole organ joins any."""
    units = unit_words(node)
    if branch_conflict(node, clusters, target):
        return False
    return not units or any(unit_words(n) == units for n in clusters.members(target) if n.form == "organ")


def _head(node: Node) -> str:
    words = node.mention.text.lower().split()
    return words[-1] if words else ""


def _home_target(clusters: Clusters, k: int, home: str) -> int | None:
    """An earlier organ of the home state with the node's sector (and unit), else the home state itself."""
    node = clusters.nodes[k]
    sector = node.mention.sector or lex.ORGAN_HEADS.get(_head(node), "GOV")
    state = None
    for j in range(k):
        other = clusters.nodes[j]
        if other.form == "organ" and other.organ_country == home and (other.mention.sector or "GOV") == sector \
                and unit_words(other) == unit_words(node) and not branch_conflict(node, clusters, j):
            return j
        if state is None and state_key(other) == home and other.form == "name":
            state = j
    return state


def state_key(node: Node) -> str | None:
    """The ISO code of a country mention, or the bare name of an unlisted one ("Karesia")."""
    m = node.mention
    if node.form == "organ":
        return node.organ_country
    if m.kind != "country" and node.form != "demonym":
        return None
    if m.country:
        return m.country
    name = m.canonical or m.text
    return re.sub(r"^(the )?((Republic|Kingdom|Federation|State) of )?", "", name, flags=re.IGNORECASE)


def home_state(ctx: Context, clusters: Clusters) -> str | None:
    """The state the article is about (see :mod:`sitroom.resolve.coref_home`): an unowned "the
    government" in a news story is this state's. Unlisted states ("Karesia") are known by their name."""
    unlisted = {key for n in clusters.nodes if (key := state_key(n)) and not _is_code(key)}
    return pick_home(home_state_weights(ctx, unlisted))


def _is_code(key: str) -> bool:
    return len(key) == 3 and key.isupper()


def _only_compatible(clusters: Clusters, k: int, sources: set[int]) -> int | None:
    """Beyond the window, a description still refers back when exactly one earlier cluster fits it by
    type ("the Russian-linked PMC" five sentences after the only private military company named)."""
    node = clusters.nodes[k]
    by_word = node.cue in WORD_CUES  # "the ministry" far after the one ministry named
    if not by_word and (node.cue not in ("company", "group") or not (node.mention.sector or node.mention.country)):
        return None
    fitting = []
    for group in _earlier_groups(clusters, k, sources):
        members = [clusters.nodes[j] for j in group]
        if _named(members) and (by_word or cluster_sector(members) is not None) \
                and _description_fits(node, members):
            fitting.append(group[0])
    return fitting[0] if len(fitting) == 1 else None


def _earlier_groups(clusters: Clusters, k: int, sources: set[int]) -> list[list[int]]:
    """Clusters (as index lists) with a member before node ``k``, other than ``k``'s own and sources."""
    own = clusters.find(k)
    return [g for g in clusters.groups() if clusters.find(g[0]) != own
            and any(j < k and j not in sources for j in g)]


def _named(members: list[Node]) -> bool:
    return any(n.form in ("name", "acronym") and n.cue == "" or n.form == "organ" for n in members)


def _become_organ(node: Node, country_members: list[Node]) -> None:
    code = next((n.mention.country for n in country_members if n.mention.country), None)
    name = country_members[0].mention.canonical or country_members[0].mention.text
    node.form, node.organ_country = "organ", code or name
    node.mention.country, node.mention.sector = code, node.mention.sector or "GOV"


def _nearest(clusters: Clusters, k: int, window: int, skip: set[int], fits: object) -> int | None:
    nodes = clusters.nodes
    node = nodes[k]
    candidates: list[int] = []
    for j in range(k - 1, -1, -1):
        other = nodes[j]
        if other.sentence < node.sentence - window:
            break
        if j in skip or other.form in ("pronoun", "demonym") or not clusters.is_named(j):
            continue
        if clusters.find(j) == clusters.find(k):
            continue
        if fits(node, clusters.members(j)):  # type: ignore[operator]
            candidates.append(j)
    # Head match first ("the group" -> "the clandestine group" / "the Wagner Group"), then recency.
    head = node.mention.text.split()[-1].lower() if node.form == "description" else None
    for j in candidates:
        if head and any(m.mention.text.lower().endswith(head) for m in clusters.members(j)):
            return j
    return candidates[0] if candidates else None


def cluster_sector(members: list[Node]) -> str | None:
    return next((n.mention.sector for n in members if n.mention.sector and n.form != "pronoun"), None)


def cluster_kind(members: list[Node]) -> str:
    if any(n.form == "organ" for n in members):
        return "organ"
    kinds = [n.mention.kind for n in members if n.form in ("name", "acronym")]
    return kinds[0] if kinds else "organization"


def place_like(members: list[Node]) -> bool:
    """A cluster whose names are one word written as a place somewhere ("arrived in Vell"): a town the
    model typed as an organisation, never what "the group" or "the firm" stands for."""
    names = [n for n in members if n.form in ("name", "acronym")]
    return any(n.locative for n in names) and all(
        n.form == "name" and len(n.mention.text.split()) == 1 for n in names)


# Description cues that follow back to an organ or organisation holding the same word ("the ministry"
# after "the French defence ministry", "the newspaper" after "the Karesia Herald, an independent newspaper").
WORD_CUES = {"ministry", "agency", "media"}
# Sectors a media cue fits: a newspaper or broadcaster is a JRN organisation.
_MEDIA_WORDS = ("newspaper", "broadcaster")


def _word_cue_fits(node: Node, members: list[Node]) -> bool:
    texts = [n.mention.text.lower() for n in members if n.form in ("name", "organ", "acronym", "description")]
    if node.cue == "media":
        return cluster_sector(members) == "JRN" or any(w in t for t in texts for w in _MEDIA_WORDS)
    # "the justice ministry" is not the foreign ministry: every word the description has must be there
    own = [w for w in re.findall(r"[a-z]+", node.mention.text.lower())
           if w not in ("the", "a", "an") and not lex.is_demonym(w) and lex.country_code(w) is None]
    return any(all(re.search(rf"\b{w}\b", t) for w in own) for t in texts) and bool(own)


def _description_fits(node: Node, members: list[Node]) -> bool:
    if place_like(members):
        return False
    if node.cue == "head":
        return any(_head(n) == node.descriptor[0] for n in members if n.form in ("name", "organ"))
    if node.cue == "person":
        return False  # "the French ambassador" is no organisation's alias (it may stand alone: section 8)
    kind = cluster_kind(members)
    sector = cluster_sector(members)
    country = next((n.mention.country for n in members if n.mention.country), None)
    if node.mention.country and country and node.mention.country != country:
        return False
    if node.cue in WORD_CUES:
        return _word_cue_fits(node, members)
    # "the Russian firm" after a private military company: a PMC is a firm too
    firm_of_pmc = node.cue == "company" and node.mention.sector == "BUS" and sector == "PMC"
    if node.mention.sector and sector and node.mention.sector != sector and not firm_of_pmc:
        return False
    if node.cue == "organ":
        return kind in ("organ", "country")
    if kind != "organization":
        return False
    if node.cue == "group":
        return sector in lex.GROUP_SECTORS
    if node.cue == "company":
        return sector in ("BUS", "PMC", None)
    texts = " ".join(n.mention.text.lower() for n in members)
    if not node.cue:
        # No cue family ("The Karesian delegation"): only a cluster whose own words hold the head noun
        # fits. Testing the empty cue against the texts matched every cluster ("" is in every string).
        head = _head(node)
        return bool(head) and re.search(rf"\b{re.escape(head)}\b", texts) is not None
    return node.cue in texts or sector == "GOV"


# ---- 6. pronouns ------------------------------------------------------------------------------

def link_pronouns(clusters: Clusters, sources: set[int]) -> None:
    nodes = clusters.nodes
    for k, node in enumerate(nodes):
        if node.form != "pronoun":
            continue
        target = _nearest(clusters, k, PRONOUN_WINDOW, sources, _pronoun_fits)
        if target is not None and not _ambiguous(clusters, k, target, sources):
            clusters.union(target, k)


def _ambiguous(clusters: Clusters, k: int, target: int, sources: set[int]) -> bool:
    """"Anton Brask met Ilya Dorn. He left": two compatible persons in reach, so leave it."""
    node = clusters.nodes[k]
    for j in clusters.earlier(k, node.sentence - PRONOUN_WINDOW):
        other = clusters.nodes[j]
        if (other.sentence >= node.sentence - PRONOUN_WINDOW and j not in sources and other.form == "name"
                and clusters.find(j) != clusters.find(target) and _pronoun_fits(node, clusters.members(j))):
            return True
    return False


def _pronoun_fits(node: Node, members: list[Node]) -> bool:
    kind = cluster_kind(members)
    plural = any(n.plural for n in members if n.form in ("organ", "description"))
    if node.cue == "person":
        return kind == "person"
    if node.cue == "thing":
        return kind in ("organization", "country", "organ") and not plural
    return plural or kind == "group"


# ---- 7. definite collectives ------------------------------------------------------------------

# Collective nouns that name the same crowd or the same armed actor when repeated with "the".
COLLECTIVE_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("protesters", "protestors", "demonstrators", "crowd", "crowds", "marchers", "rioters"),
                    "protest"),
    **dict.fromkeys(("rebels", "insurgents", "militants", "jihadists", "terrorists", "guerrillas",
                     "separatists", "fighters", "islamists"), "armed"),
    **dict.fromkeys(("mercenaries", "contractors"), "hired"),
}
# Sectors of organisations a definite armed collective may stand for ("the rebels" = the NLF).
ARMED_SECTORS = {"REB", "PMC", "PRM"}


def link_collectives(clusters: Clusters, sources: set[int]) -> None:
    """"The demonstrators" after "hundreds of protesters"; "the rebels" after "the Northern Liberation
    Front": a definite collective joins, within the description window, the nearest armed organisation of
    its sector or else the nearest collective of its family."""
    nodes = clusters.nodes
    for k, node in enumerate(nodes):
        family = COLLECTIVE_FAMILIES.get(_head(node))
        if node.form != "name" or node.mention.kind != "group" or not node.definite or family is None:
            continue
        if family == "hired" and _has_organisation(clusters, k):
            continue  # linked by link_hired already
        window = [j for j in clusters.earlier(k, node.sentence - DESCRIPTION_WINDOW)
                  if nodes[j].sentence >= node.sentence - DESCRIPTION_WINDOW
                  and j not in sources and clusters.find(j) != clusters.find(k)]
        target = next((j for j in window if _armed_organisation(node, clusters.members(j))), None)
        if target is None:  # far back: only when the article names one armed organisation of that sector
            armed = [g[0] for g in _earlier_groups(clusters, k, sources)
                     if _armed_organisation(node, [nodes[j] for j in g])]
            target = armed[0] if len(armed) == 1 else None
        if target is None:
            target = next((j for j in window if any(COLLECTIVE_FAMILIES.get(_head(n)) == family
                                                    for n in clusters.members(j) if n.form == "name")),
                          None)
        if target is None and family == "hired":
            target = _hired_by(clusters, k, window, sources)
        if target is not None:
            clusters.union(target, k)


def link_crowds(clusters: Clusters) -> None:
    """"Rioters set fire to a bank. Witnesses said the young people threw stones": a definite plain
    plural (``coref_descriptions.CROWD_PEOPLE``) in the same or the next sentence as exactly one crowd, with no other
    group between them, is that crowd."""
    nodes = clusters.nodes
    for k, node in enumerate(nodes):
        if node.cue != CROWD_CUE or node.form != "description" or len(clusters.members(k)) > 1:
            continue
        groups = [j for j in clusters.earlier(k, node.sentence - 1)
                  if nodes[j].sentence >= node.sentence - 1 and nodes[j].mention.kind == "group"
                  and nodes[j].form == "name" and clusters.find(j) != clusters.find(k)]
        crowds = {clusters.find(j) for j in groups if COLLECTIVE_FAMILIES.get(_head(nodes[j])) == "protest"
                  and nodes[j].cue in ("", CROWD_CUE)}
        others = {clusters.find(j) for j in groups if _head(nodes[j]) not in VOICE_HEADS} - crowds
        if len(crowds) == 1 and not others:
            clusters.union(crowds.pop(), k)


# Groups that report on a crowd rather than being another one ("Witnesses said the young people ...").
VOICE_HEADS = {"witnesses", "sources", "officials", "analysts", "diplomats", "observers", "journalists"}


def link_hired(clusters: Clusters, sources: set[int]) -> None:
    """"The mercenaries", "the contractors" back to the organisation they are (:func:`_hired_by`), before
    the description pass, so that "the Russian firm" later finds the organisation typed PMC by them."""
    nodes = clusters.nodes
    for k, node in enumerate(nodes):
        if COLLECTIVE_FAMILIES.get(_head(node)) != "hired" or not node.definite or _has_organisation(clusters, k):
            continue
        if not (node.form == "name" and node.mention.kind == "group" or node.cue == HIRED_CUE):
            continue
        window = [j for j in clusters.earlier(k, node.sentence - DESCRIPTION_WINDOW)
                  if nodes[j].sentence >= node.sentence - DESCRIPTION_WINDOW
                  and j not in sources and clusters.find(j) != clusters.find(k)]
        target = next((j for j in window if _armed_organisation(node, clusters.members(j))), None)
        if target is None:
            target = next((j for j in window if any(COLLECTIVE_FAMILIES.get(_head(n)) == "hired"
                                                    for n in clusters.members(j) if n.form != "pronoun")
                           and clusters.is_named(j)), None)
        target = target if target is not None else _hired_by(clusters, k, window, sources)
        if target is not None:
            clusters.union(target, k)


def _has_organisation(clusters: Clusters, k: int) -> bool:
    """``k``'s cluster holds more than repeats of a collective ("the mercenaries" ... "the mercenaries")."""
    return any(n.mention.kind == "organization" and n.form in ("name", "acronym", "organ")
               for n in clusters.members(k))


def _hired_by(clusters: Clusters, k: int, window: list[int], sources: set[int]) -> int | None:
    """"The mercenaries" when no organisation is typed PMC: the one organisation that may be a hired
    force (untyped, or armed with member forms: "Volkov's fighters"), nearest in the window, else the only
    one in the text. Two such organisations leave it unlinked."""
    nodes = clusters.nodes
    near = {clusters.find(j) for j in window if _may_be_hired(clusters.members(j))}
    if len(near) == 1:
        return near.pop()
    if near:
        return None
    far = [g[0] for g in _earlier_groups(clusters, k, sources) if _may_be_hired([nodes[j] for j in g])]
    return far[0] if len(far) == 1 else None


# Sectors an organisation called "the mercenaries" may carry when typing did not say PMC.
_HIRED_SECTORS = {None, "PMC", "REB", "UAF"}


def _may_be_hired(members: list[Node]) -> bool:
    names = [n for n in members if n.form in ("name", "acronym") and n.cue == ""]
    if not names or place_like(members) or any(n.form == "organ" for n in members):
        return False
    if not any(n.mention.kind == "organization" for n in names):
        return False
    sector = cluster_sector(members)
    if sector == "PMC":
        return True
    armed = any(_head(n) in MEMBER_HEADS for n in members if n.form == "name")
    return sector is None and not any(n.mention.country in ("IGO", "EUR", "UNO", "NGO") for n in names) \
        or sector in _HIRED_SECTORS and armed


# Last words of the member forms that mark an organisation as an armed one ("Volkov Group's fighters").
MEMBER_HEADS = {"fighters", "men", "gunmen", "mercenaries", "contractors", "troops"}


def _armed_organisation(node: Node, members: list[Node]) -> bool:
    sector = node.mention.sector
    return sector in ARMED_SECTORS and any(
        n.form in ("name", "acronym") and n.mention.kind == "organization" and n.mention.sector == sector
        for n in members)


# ---- 8. unlinked collective descriptions ------------------------------------------------------

# Head nouns of descriptions naming a body of people sent or organised by a state or a people, with the
# kind and sector the entity gets when nothing earlier is its antecedent ("The Karesian delegation").
COLLECTIVE_HEADS: dict[str, tuple[str, str | None]] = {
    "delegation": ("organization", "GOV"), "mission": ("organization", "GOV"),
    "commission": ("organization", "GOV"), "contingent": ("organization", "MIL"),
    "battalion": ("organization", "MIL"), "convoy": ("organization", "MIL"), "patrol": ("organization", "MIL"),
    "crowd": ("group", "CVL"), "community": ("group", None), "diaspora": ("group", None),
    "minority": ("group", None), "population": ("group", "CVL"),
}


def promote_collectives(ctx: Context, clusters: Clusters) -> None:
    """A description left without an antecedent stands as an actor of its own when it names a
    collective of some nationality ("The Karesian delegation", "a Veskian contingent") or a person by
    nationality and role ("the French ambassador"); any other unlinked description is dropped later
    (it names no one we can tell)."""
    nodes = clusters.nodes
    states = {key for n in nodes if (key := state_key(n))}
    for k, node in enumerate(nodes):
        if node.form != "description" or node.cue not in ("", "person") or clusters.is_named(k):
            continue
        if node.cue == "person" and re.match(r"\s+[A-Z]", ctx.text[node.mention.end:node.mention.end + 3]):
            continue  # "the British trade envoy Sir Martin Crewe": a title before a name, not a person
        found = ("person", None) if node.cue == "person" else COLLECTIVE_HEADS.get(_head(node))
        nationality = _nationality(node, states)
        if found is None or nationality is None:
            continue
        node.form, node.definite = "name", False
        node.mention.kind = found[0]
        node.mention.sector = node.mention.sector or found[1]
        node.mention.country = node.mention.country or (nationality if _is_code(nationality) else None)
        node.mention.canonical = None


def _nationality(node: Node, states: set[str]) -> str | None:
    """The state a description's demonym names: an ISO code, or an unlisted state's name ("Karesia")."""
    if node.mention.country:
        return node.mention.country
    for word in node.mention.text.split()[:-1]:
        if not word[:1].isupper() or word.lower() in ("the", "a", "an"):
            continue
        code = lex.country_code(word)
        if code is not None and lex.is_demonym(word):
            return code
        named = next((s for s in states if not _is_code(s) and lex.demonym_stem_matches(word, s)), None)
        if named is not None:
            return named
    return None
