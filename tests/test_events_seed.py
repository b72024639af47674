"""Issue 8 expectations on the seed article (skipped when shared/corpus is not beside the checkout)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord, Event

Extract = Callable[..., DocumentRecord]


@pytest.fixture(scope="module")
def seed(extract: Extract, seed_text: str) -> DocumentRecord:
    return extract(seed_text)


def find(record: DocumentRecord, type_: str, trigger_word: str) -> Event:
    for event in record.events:
        if event.type == type_ and trigger_word in event.trigger.text:
            return event
    raise AssertionError(f"no {type_} on {trigger_word!r}: {[(e.type, e.trigger.text) for e in record.events]}")


def name_of(record: DocumentRecord, entity_id: str | None) -> str:
    entity = record.entity(entity_id)
    return entity.name if entity else ""


def names(record: DocumentRecord, ids: list[str]) -> str:
    return " | ".join(name_of(record, i) for i in ids)


def test_planned_security_deal_is_agree_with_wagner(seed: DocumentRecord) -> None:
    event = find(seed, "AGREE", "sign")
    assert event.modality == "planned"
    assert "Wagner" in names(seed, event.target)


def test_wagner_sending_troops_to_mali_is_planned_aid(seed: DocumentRecord) -> None:
    event = find(seed, "AID", "send")
    assert event.modality == "planned"
    assert "Wagner" in names(seed, event.source)
    assert "Mali" in names(seed, event.target)


def test_minister_visit_on_september_19(seed: DocumentRecord) -> None:
    event = find(seed, "CONSULT", "sent")
    assert event.mode == "visit"
    assert event.date is not None and event.date.start == "2021-09-19"
    assert "France" in names(seed, event.source)


def test_heavy_consequences_is_threaten(seed: DocumentRecord) -> None:
    find(seed, "THREATEN", "consequences")


def test_keita_ousted_is_coerce_in_2020(seed: DocumentRecord) -> None:
    event = find(seed, "COERCE", "ousted")
    assert "Ke" in names(seed, event.target)
    assert event.date is not None and event.date.start == "2020"


def test_france_suspends_cooperation_and_announces_drawdown(seed: DocumentRecord) -> None:
    sanction = find(seed, "SANCTION", "suspending")
    assert sanction.mode == "discontinue" and "France" in names(seed, sanction.source)
    drawdown = find(seed, "CONCEDE", "draw")
    assert drawdown.modality == "planned" and "France" in names(seed, drawdown.source)


def test_us_sanctions_on_prigozhin(seed: DocumentRecord) -> None:
    event = find(seed, "SANCTION", "sanctions")
    assert "Prigozhin" in names(seed, event.target)


def test_defence_agreement_2019_is_support(seed: DocumentRecord) -> None:
    event = find(seed, "SUPPORT", "signed")
    assert "Mali" in names(seed, event.source) and "Russia" in names(seed, event.target)
    assert event.date is not None and event.date.start == "2019-11"


def test_bamako_demonstrations_are_protest(seed: DocumentRecord) -> None:
    event = find(seed, "PROTEST", "demonstrators")
    assert event.mode == "demo"
    assert event.date is not None and event.date.start == "2019-11"


def test_russian_arms_exports_are_aid(seed: DocumentRecord) -> None:
    event = find(seed, "AID", "exported")
    assert "Russia" in names(seed, event.source) and "Mali" in names(seed, event.target)


def test_every_span_matches_the_text(seed: DocumentRecord) -> None:
    text = seed.document.text
    for event in seed.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
        assert event.date is None or event.date.start != seed.document.published or event.date_fallback is False
