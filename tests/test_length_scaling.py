"""The indexes that keep extraction linear in document length give the answers of the scans they replace.

Each index is checked against a brute-force scan on generated inputs, and the name linker's work is
counted: it must not compare every pair of names (bench/length_scaling.py has the timings).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.extract.claims import _RealQuotes
from sitroom.extract.claims_quotes import Quote, find_quotes
from sitroom.extract.context import Context
from sitroom.extract.dates import dates_in
from sitroom.records import DateRef, Document, DocumentRecord, Entity, Mention, Span
from sitroom.resolve import coref_links
from sitroom.resolve.coref_links import Clusters, link_names
from sitroom.resolve.coref_mentions import Node, SpanIndex

spans = st.tuples(st.integers(0, 300), st.integers(0, 40)).map(lambda p: (p[0], p[0] + p[1]))


def _context(mentions: list[Mention], entities: list[Entity] | None = None) -> Context:
    text = "x" * 400
    document = Document(id="t", text=text, language="en")
    record = DocumentRecord(document=document)
    record.entities = entities if entities is not None else [Entity(id=f"e{k}", name=f"E{k}", kind="person")
                                                              for k in range(5)]
    return Context(document=document, doc=SimpleNamespace(text=text, user_data={}), record=record,
                   mentions=mentions)


def _mentions(draw_spans: list[tuple[int, int]], entities: list[int | None]) -> list[Mention]:
    return [Mention(start=s, end=e, text="x" * (e - s), kind="person",
                    entity=None if ent is None else f"e{ent}")
            for (s, e), ent in zip(draw_spans, entities, strict=False)]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(spans, max_size=40), st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=40,
                                                 max_size=40), st.lists(spans, min_size=1, max_size=10))
def test_mention_lookups_match_a_scan(mention_spans: list[tuple[int, int]], entities: list[int | None],
                                      queries: list[tuple[int, int]]) -> None:
    ctx = _context(_mentions(mention_spans, entities))
    for _ in range(2):  # the second round runs after an append: the index must notice it
        for start, end in queries:
            ms = ctx.mentions
            assert ctx.mentions_in(start, end) == [m for m in ms if m.start >= start and m.end <= end]
            assert ctx.mentions_overlapping(start, end) == [m for m in ms if m.end > start and m.start < end]
            assert ctx.mentions_covering(start, end) == [m for m in ms if m.start <= start and end <= m.end]
            assert ctx.entity_at(start, end) is _entity_at_by_scan(ctx, start, end)
        ctx.mentions.append(Mention(start=5, end=380, text="x" * 375, kind="person", entity="e1"))


def _entity_at_by_scan(ctx: Context, start: int, end: int) -> Entity | None:
    """The old ``Context.entity_at``: the longest resolved overlapping mention, first among equals."""
    best: Mention | None = None
    for m in ctx.mentions:
        if m.entity is None or m.end <= start or m.start >= end:
            continue
        if best is None or (m.end - m.start) > (best.end - best.start):
            best = m
    return ctx.record.entity(best.entity) if best else None


def test_entity_lookup_follows_replaced_and_reordered_entities() -> None:
    ctx = _context([])
    assert ctx.entity("e3") is ctx.record.entities[3]
    ctx.record.entities.reverse()
    assert ctx.entity("e3") is ctx.record.entity("e3")
    ctx.record.entities = [Entity(id="e3", name="Volkov Group", kind="organization")]
    assert ctx.entity("e3").name == "Volkov Group"  # type: ignore[union-attr]
    assert ctx.entity("e1") is None and ctx.entity(None) is None


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(spans, max_size=30), st.lists(spans, max_size=5), st.lists(spans, min_size=1, max_size=8))
def test_span_index_finds_every_overlapping_containing_or_inner_span(
        taken: list[tuple[int, int]], added: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    index = SpanIndex(taken)
    for span in added:
        index.add(span)
    everything = taken + added
    for start, end in queries:
        near = set(index.spans_near(start, end))
        related = {(s, e) for s, e in everything
                   if (s < end and start < e) or (s <= start and end <= e) or (start <= s and e <= end)}
        assert related <= near
        assert index.overlaps(start, end) == any(s < end and start < e for s, e in everything)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["“We will stay in Karesia,” ", "said Anton Brask. ", '"a red line" ',
                                 "'the Volkov Group is here' ", "\n\n", "“No comment ", "x "]), max_size=25),
       st.lists(spans, min_size=1, max_size=8))
def test_quoted_share_matches_a_scan(pieces: list[str], queries: list[tuple[int, int]]) -> None:
    text = "".join(pieces)
    quotes = find_quotes(text)
    real = _RealQuotes(text, quotes)
    for start, end in queries:
        expected = sum(max(0, min(end, q.outer_end) - max(start, q.outer_start)) for q in quotes
                       if len(text[q.start:q.end].split()) > 3)
        assert real.covered(start, end) == expected


def test_quoted_share_with_nested_quotes() -> None:
    text = "ab " * 34  # every quote below holds more than three words
    quotes = [Quote(0, 90, 1, 89), Quote(10, 40, 11, 39), Quote(50, 80, 51, 79)]
    real = _RealQuotes(text, quotes)
    for start, end in [(42, 48), (85, 95), (0, 100), (15, 35)]:
        assert real.covered(start, end) == sum(max(0, min(end, q.outer_end) - max(start, q.outer_start))
                                               for q in quotes)


def test_dates_in_matches_a_scan() -> None:
    ctx = _context([])
    ctx.record.dates = [DateRef(text="x", start="2021", end="2021", granularity="year",
                                evidence=Span(s, s + n, "x" * n)) for s, n in [(0, 4), (10, 30), (12, 3), (50, 5)]]
    for start, end in [(0, 100), (10, 40), (11, 20), (12, 15), (49, 54), (49, 55), (60, 70)]:
        expected = [d for d in ctx.record.dates if d.evidence.start >= start and d.evidence.end <= end]
        assert dates_in(ctx, start, end) == expected
    ctx.record.dates.reverse()  # out of text order: still the scan's answer
    assert dates_in(ctx, 0, 100) == ctx.record.dates


# ---- name linking ------------------------------------------------------------------------------

_NAMES: list[tuple[str, str, str, str | None]] = [
    # text, kind, form, country
    ("General Anton Brask", "person", "name", None), ("Brask", "person", "name", None),
    ("Bela Brask", "person", "name", None), ("the Volkov Group", "organization", "name", None),
    ("Volkov", "person", "name", None), ("Volkov", "organization", "name", None),
    ("Karesian Liberation Front", "organization", "name", None), ("KLF", "organization", "acronym", None),
    ("Republic of Karesia", "country", "name", None), ("Karesia", "country", "name", None),
    ("Karesian", "group", "demonym", None), ("Mali", "country", "name", "MLI"),
    ("Malian", "group", "demonym", "MLI"), ("France", "country", "name", "FRA"),
    ("Islamic State in Greater Sahara", "organization", "name", None), ("ISGS", "organization", "acronym", None),
    ("Islamic State", "organization", "name", None), ("Ilya Dorn", "person", "name", None),
    ("Dorn", "organization", "name", None), ("President Ilya Dorn", "person", "name", None),
    ("Internet Research Agency", "organization", "name", None), ("IRA", "organization", "acronym", None),
]


def _nodes(picks: list[int]) -> list[Node]:
    nodes = []
    for k, pick in enumerate(picks):
        text, kind, form, country = _NAMES[pick]
        mention = Mention(start=10 * k, end=10 * k + len(text), text=text, kind=kind, country=country,
                          sentence=k // 3)
        nodes.append(Node(mention, form))
    return nodes


def _groups_by_pairwise_scan(nodes: list[Node]) -> list[list[int]]:
    """The old ``link_names``: every named node against every earlier one, nearest first."""
    clusters = Clusters(nodes)
    named = [i for i, n in enumerate(nodes) if n.form in ("name", "acronym", "demonym") and n.cue == ""]
    for pos, i in enumerate(named):
        for j in reversed(named[:pos]):
            if coref_links._names_corefer(nodes[j], nodes[i]):
                clusters.union(j, i)
                break
    return sorted(clusters.groups())


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, len(_NAMES) - 1), max_size=30))
def test_link_names_matches_the_pairwise_scan(picks: list[int]) -> None:
    clusters = Clusters(_nodes(picks))
    link_names(clusters)
    assert sorted(clusters.groups()) == _groups_by_pairwise_scan(_nodes(picks))


def test_link_names_does_not_compare_every_pair(monkeypatch: Any) -> None:
    calls = 0
    original = coref_links._names_corefer

    def counting(earlier: Node, later: Node) -> bool:
        nonlocal calls
        calls += 1
        return original(earlier, later)

    monkeypatch.setattr(coref_links, "_names_corefer", counting)
    # 1,500 distinct invented names, each repeated: the pairwise scan made about a million comparisons
    picks = [f"Anton{k} Brask{k}" for k in range(1500)] * 2
    nodes = [Node(Mention(start=20 * k, end=20 * k + len(t), text=t, kind="person", sentence=k), "name")
             for k, t in enumerate(picks)]
    clusters = Clusters(nodes)
    link_names(clusters)
    assert len(clusters.groups()) == 1500
    assert calls <= 2 * len(nodes)


def test_clusters_keep_members_in_index_order() -> None:
    clusters = Clusters(_nodes([0, 1, 2, 3, 4, 5]))
    clusters.union(4, 1)
    clusters.union(5, 4)
    clusters.union(0, 5)
    assert clusters.member_indices(4) == [0, 1, 4, 5]
    assert [n.mention.text for n in clusters.members(1)] == ["General Anton Brask", "Brask", "Volkov", "Volkov"]
    assert clusters.groups() == [[0, 1, 4, 5], [2], [3]]
    assert list(clusters.earlier(5, 1)) == [4, 3]
