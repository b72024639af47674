"""Claims on the seed article (shared/corpus/mali-wagner-2021.txt): issue 4's expectations.

Entity names come from the mention and resolve steps, which keep improving; the assertions match on
the distinctive part of a name ("Peskov", "Jazeera") rather than its exact form.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claims_helpers import claim_with, name
from sitroom.extract.claims import modality_for_claim
from sitroom.records import DocumentRecord

AUTHOR = "Emmet McGeown"


@pytest.fixture(scope="module")
def seed(extract: Callable[..., DocumentRecord], seed_text: str) -> DocumentRecord:
    return extract(seed_text, published="2021-09-22", author=AUTHOR)






def test_spans_are_slices_of_the_text(seed: DocumentRecord) -> None:
    text = seed.document.text
    ids = {e.id for e in seed.entities}
    for claim in seed.claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert {claim.speaker, claim.via} - {None} <= ids and set(claim.about) <= ids


def test_peskov_denial_and_caveat(seed: DocumentRecord) -> None:
    denial = claim_with(seed, "Russian military representatives are present in Mali")
    assert denial.content.text == "Russian military representatives are present in Mali"
    assert denial.stance == "deny" and denial.kind == "reported" and "Peskov" in name(seed, denial.speaker)
    assert modality_for_claim(denial) == "denied"
    caveat = claim_with(seed, "[w]e are in contact")
    assert caveat.kind == "direct" and "Peskov" in name(seed, caveat.speaker)


def test_france_warning(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "the heavy consequences if this decision")
    assert claim.kind == "direct"
    assert "France" in name(seed, claim.speaker) or "Minister" in name(seed, claim.speaker)


def test_red_line_via_al_jazeera(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "red line", kind="reported")
    assert "Jazeera" in name(seed, claim.via)
    assert any("Macron" in name(seed, a) for a in claim.about)
    assert not any(c.kind == "direct" and c.content.text.startswith("red line") for c in seed.claims)


def test_foreign_policy_description(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "defies the conventional definition")
    assert claim.kind == "direct"
    assert "Foreign Policy" in name(seed, claim.via) and "Foreign Policy" in name(seed, claim.speaker)


def test_putin_reply(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "they are not breaking Russian law")
    assert claim.kind == "direct" and claim.cue == "replied" and "Putin" in name(seed, claim.speaker)


def test_prigozhin_denial(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "any attachments to the Wagner group")
    assert claim.stance == "deny" and "Prigozhin" in name(seed, claim.speaker)
    assert any("Wagner" in name(seed, a) for a in claim.about)


def test_marten_two_quotes(seed: DocumentRecord) -> None:
    first = claim_with(seed, "I think he is the middleman")
    second = claim_with(seed, "he gets a huge payment")
    assert first is not second
    assert "Marten" in name(seed, first.speaker) and first.speaker == second.speaker
    assert second.cue == "went on to say"


def test_sipri_very_poor(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "very poor")
    assert "Stockholm International Peace Research Institute" in name(seed, claim.speaker)


def test_maiga_questions_and_addition(seed: DocumentRecord) -> None:
    questions = claim_with(seed, "what do we do?", kind="direct")
    assert "Should we not have a plan B?" in questions.content.text
    assert "Maiga" in name(seed, questions.speaker)
    added = claim_with(seed, "We can’t be stopped")
    assert added.cue == "added" and added.speaker == questions.speaker


def test_unattributed_accusation(seed: DocumentRecord) -> None:
    claim = claim_with(seed, "mercenary involvement in conflicts in Africa")
    assert claim.speaker is None and claim.cue == "accused of" and modality_for_claim(claim) == "alleged"
    assert any("Wagner" in name(seed, a) for a in claim.about)


def test_author_opinions(seed: DocumentRecord) -> None:
    author = [e for e in seed.entities if e.name == AUTHOR]
    assert len(author) == 1 and author[0].role == "author"
    opinions = {c.content.text for c in seed.claims if c.kind == "opinion" and c.speaker == author[0].id}
    for words in ("force alone will not solve the problem", "I agree with Mali Prime Minister Choguel Maiga",
                  "Education and health must go", "Sanctions are not an effective way"):
        assert any(words in text for text in opinions), words
    reported = {c.content.text for c in seed.claims if c.kind == "opinion"}
    assert not any("exported $23 million" in text for text in reported)
