"""Event modality on sentences we wrote: planned, hypothetical, negated, denied, alleged, reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("The Volkov Group is set to deploy 500 fighters to Karesia.", "MOBILIZE", "planned"),
        ("Karesia plans to expel the ambassador of Norway.", "SANCTION", "planned"),
        ("Dorn will visit Oslo next week.", "CONSULT", "planned"),
        ("The rebels would attack the capital if the talks failed.", "ASSAULT", "hypothetical"),
        ("Karesia could impose sanctions on Norway.", "SANCTION", "hypothetical"),
        ("The army did not attack the village.", "ASSAULT", "negated"),
        ("Karesian forces never shelled Vell.", "ASSAULT", "negated"),
        ("Dorn denied that his army had attacked the village.", "ASSAULT", "denied"),
        ("The Volkov Group allegedly tortured prisoners in Vell.", "ASSAULT", "alleged"),
        ("The militia is accused of torture and beheadings in Vell.", "ASSAULT", "alleged"),
        ("Rebels ambushed a convoy near Vell, according to the Karesia Herald.", "ASSAULT", "reported"),
        ("Karesian troops shelled Vell on Monday.", "ASSAULT", "asserted"),
    ],
)
def test_modality(extract: Extract, text: str, type_: str, modality: str) -> None:
    record = extract(text, published="2021-09-22")
    found = [e for e in record.events if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in record.events]
    assert found[0].modality == modality


def test_denied_event_keeps_actor(extract: Extract) -> None:
    record = extract("Dorn denied that his army had attacked the village.", published="2021-09-22")
    event = next(e for e in record.events if e.type == "ASSAULT")
    assert event.source  # "his army": an actor, even when the resolver cannot say whose


def test_modality_helpers() -> None:
    from sitroom.extract.events_modality import strongest

    assert strongest({"reported", "planned"}) == "planned"
    assert strongest({"alleged", "denied"}) == "denied"
    assert strongest(set()) == "asserted"
