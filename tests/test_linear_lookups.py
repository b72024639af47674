"""The indexed look-ups that made the mention step, geocoding and event attachment linear in length
give the same answers as the scans they replaced (written as plain scans here)."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.extract.context import Context
from sitroom.extract.events_attach import CharSpan, quantities_in
from sitroom.extract.gazetteer import _Document
from sitroom.extract.pipeline import Pipeline
from sitroom.records import Document, DocumentRecord, Entity, Quantity, Span
from sitroom.resolve.geo_index import geo_index, name_key
from sitroom.resolve.geocode import document_context


def _context(entities: list[Entity], quantities: list[Quantity] | None = None) -> Context:
    document = Document(id="t", text="x" * 200, language="en")
    record = DocumentRecord(document=document, entities=entities, quantities=quantities or [])
    return Context(document=document, doc=None, record=record)  # type: ignore[arg-type]


ENTITIES = [
    Entity("e1", "Kentucky State Police", "organization", country="USA"),
    Entity("e2", "Kentucky", "place", country="USA"),
    Entity("e3", "Republic of Karesia", "country"),
    Entity("e4", "Mali", "country", country="MLI"),
    Entity("e5", "Ohio National Guard", "organization", country="USA"),
    Entity("e6", "the Volkov Group", "organization", country="RUS"),
]


@pytest.mark.parametrize("exclude", [None, "e1", "e2", "e4", "e5", "e6", "nobody"])
def test_document_context_leaves_out_only_what_one_entity_alone_names(exclude: str | None) -> None:
    ctx = _context(ENTITIES)
    found = document_context(ctx, exclude=exclude)
    kentucky = {a for a in found.admins if a[0] == "USA"}
    # Kentucky is named by e1 and e2: dropping one of them keeps it
    assert len(kentucky) == 2 if exclude != "e5" else len(kentucky) == 1
    assert ("MLI" in found.countries) == (exclude != "e4")
    assert ("RUS" in found.countries) == (exclude != "e6")
    assert "USA" in found.countries  # e1 and e5 both say USA; e2 is a place (its country is a guess)


def test_document_context_drops_an_admin_unit_named_by_the_excluded_entity_only() -> None:
    ctx = _context([ENTITIES[0], ENTITIES[3]])
    assert document_context(ctx).admins
    assert not document_context(ctx, exclude="e1").admins


def test_document_context_counts_resolved_places_but_not_as_entities() -> None:
    paris = next(p for p in geo_index().lookup("Paris") if p.country == "USA")
    ctx = _context([ENTITIES[3]])
    found = document_context(ctx, resolved=[paris])
    assert found.countries == {"MLI", "USA"} and found.near == (paris,)


def test_lookup_answers_are_fresh_lists_of_the_same_places() -> None:
    first = geo_index().lookup("Ségou")
    first.clear()  # a caller editing its answer must not edit the kept one
    assert geo_index().lookup("SEGOU") == geo_index().lookup("Segou") != []
    assert name_key("The Hague's") == "hague"


def _quantity(k: int, start: int, end: int) -> Quantity:
    return Quantity(f"q{k}", "x", 1.0, Span(0, 200, ""), Span(start, end, ""))


def test_quantities_in_matches_a_scan_in_and_out_of_text_order() -> None:
    spans = [(5, 9), (10, 20), (12, 14), (30, 35), (34, 60), (100, 101)]
    for ordered in (spans, list(reversed(spans))):
        ctx = _context([], [_quantity(k, s, e) for k, (s, e) in enumerate(ordered)])
        for low, high in [(0, 200), (10, 20), (11, 40), (30, 59), (34, 60), (101, 150)]:
            window = CharSpan(low, high)
            expected = [q for q in ctx.record.quantities if window.contains(q.span.start, q.span.end)]
            assert quantities_in(ctx, window) == expected


@pytest.fixture(scope="module")
def parsed() -> Any:
    text = ("General Anton Brask met Paris Hilton in Paris on Monday. The Volkov Group said the "
            "Republic of Karesia and Kentucky State Police had talked in Vell, Karesia.")
    return Pipeline().nlp(text)


def test_entities_containing_a_span_match_a_scan(parsed: Any) -> None:
    state = _Document(parsed)
    for start in range(len(parsed)):
        for end in range(start + 1, min(len(parsed), start + 4) + 1):
            expected = [e for e in state.ents if e.start <= start and end <= e.end]
            assert state.ents_containing(start, end) == expected
    assert any(state.ents_containing(e.start, e.end) == [e] for e in state.ents if len(e))
