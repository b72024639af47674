"""record_from_json rebuilds the record its JSON describes."""

from __future__ import annotations

import copy

import pytest

from sitroom.errors import InputError
from sitroom.ids import content_hash
from sitroom.store.serialize import record_from_json
from store_suite import record_a, record_b


@pytest.mark.parametrize("build", [record_a, record_b])
def test_json_round_trip_is_exact(build) -> None:  # type: ignore[no-untyped-def]
    data = build().to_json()
    again = record_from_json(copy.deepcopy(data))
    assert again.to_json() == data


def test_rebuilt_record_has_text_derived_fields() -> None:
    rec = record_from_json(record_a().to_json())
    text = rec.document.text
    assert rec.document.content_hash == content_hash(text)
    assert [s.text for s in rec.sentences] == [text[s.start:s.end] for s in rec.sentences]
    assert rec.sentences[2].text.startswith("General Anton Brask denied")
    mention = rec.entities[0].mentions[0]
    assert (mention.text, mention.kind, mention.entity) == ("Republic of Karesia", "country", "e1")
    accuse = rec.events[2]
    assert accuse.date is not None and accuse.date is rec.dates[0], "event dates reuse the record's DateRef"


def test_minimal_record_and_unknown_fields() -> None:
    rec = record_from_json({"document": {"id": "x", "text": "Volkov arrived."}, "future_field": 1})
    assert rec.document.id == "x" and rec.entities == [] and rec.sentences == []


@pytest.mark.parametrize("bad", [
    {"schema": "other/1", "document": {"id": "x", "text": "t"}},
    {"schema": "sitroom.document/1"},
    {"document": {"id": "x", "text": 5}},
    {"document": {"id": "x", "text": "t"}, "entities": [{"id": "e1"}]},
])
def test_malformed_records_raise_input_error(bad: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError, match="rec-7"):
        record_from_json(bad, where="rec-7")
