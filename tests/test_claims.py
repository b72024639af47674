"""Claims: direct quotes, reported speech, allegations, the author's voice, and the events helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claims_helpers import claim_with
from sitroom.extract.claims import claim_containing, modality_for_claim
from sitroom.extract.claims_quotes import find_quotes
from sitroom.extract.context import Context
from sitroom.records import Claim, Document, DocumentRecord, Span

Extract = Callable[..., DocumentRecord]


def speaker_name(record: DocumentRecord, claim: Claim, field: str = "speaker") -> str | None:
    ent = record.entity(getattr(claim, field))
    return ent.name if ent else None




def assert_spans_consistent(record: DocumentRecord) -> None:
    text = record.document.text
    for claim in record.claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.evidence.start <= claim.content.start and claim.content.end <= claim.evidence.end


# ---- quotations in raw text (no parser) ------------------------------------------------------------

def test_quotes_curly_straight_and_single_but_not_apostrophes() -> None:
    text = "Orn said “we stay” and \"we fight\"; Karesia's envoy called it a 'red line' the rebels' leaders can't cross."
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found == ["we stay", "we fight", "red line"]


def test_unclosed_quote_ends_at_paragraph_and_trailing_comma_is_dropped() -> None:
    text = "“We will stay,” he said. “Then we leave\n\nNext paragraph."
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found == ["We will stay", "Then we leave"]


# ---- direct quotes -----------------------------------------------------------------------------------

def test_direct_quote_speaker_is_subject_of_reporting_verb(extract: Extract) -> None:
    record = extract('Karesian spokesman Pavel Orn said, "We will not withdraw from Vell."')
    claim = claim_with(record, "We will not withdraw")
    assert claim.kind == "direct" and claim.stance == "assert"
    assert speaker_name(record, claim) == "Pavel Orn"
    assert claim.cue == "said"
    assert_spans_consistent(record)


def test_interrupted_quote_is_two_claims_and_pronoun_speaker(extract: Extract) -> None:
    # docs/gold.md: a quote interrupted by "he added" is one claim per part (contents are contiguous)
    record = extract('General Anton Brask visited Vell. “We were invited,” he added, “and we will stay.”')
    claim = claim_with(record, "we will stay")
    assert claim.content.text == "and we will stay."
    assert speaker_name(record, claim_with(record, "We were invited")) == "Anton Brask"
    assert speaker_name(record, claim) == "Anton Brask"
    assert claim.about == [] or all(record.entity(a).name != "Anton Brask" for a in claim.about)


def test_quoted_question_and_single_quotes(extract: Extract) -> None:
    record = extract("Pavel Orn asked, 'Why should we trust the Volkov Group?'")
    claim = claim_with(record, "Why should we trust")
    assert claim.kind == "direct" and speaker_name(record, claim) == "Pavel Orn"
    assert any("Volkov" in record.entity(a).name for a in claim.about)


def test_quote_with_speaker_named_in_next_sentence(extract: Extract) -> None:
    record = extract('"Karesia will never surrender." That was how Pavel Dorn put it.')
    claim = claim_with(record, "Karesia will never surrender")
    assert speaker_name(record, claim) == "Pavel Dorn"
    assert claim.evidence.text.endswith("put it.")


def test_bracketed_insertion_and_caveat_cue(extract: Extract) -> None:
    record = extract("A spokesman for the Karesian government, Pavel Orn, spoke on Monday. "
                     "Yet, he inserted the caveat “[w]e are in contact with many countries.”")
    claim = claim_with(record, "[w]e are in contact")
    assert claim.cue == "inserted the caveat" and speaker_name(record, claim) == "Pavel Orn"


def test_scare_quote_is_not_a_direct_claim(extract: Extract) -> None:
    record = extract("The deal would be a “red line” for Karesia, according to the Karesia Herald.")
    assert not any(c.kind == "direct" for c in record.claims)
    claim = claim_with(record, "red line")
    assert claim.kind == "reported"
    assert "Karesia Herald" in (speaker_name(record, claim, "via") or "")


# ---- reported speech -----------------------------------------------------------------------------------

def test_reported_that_clause(extract: Extract) -> None:
    record = extract("Karesian spokesman Pavel Orn said that the Volkov Group had withdrawn from Vell.")
    claim = claim_with(record, "the Volkov Group had withdrawn from Vell")
    assert claim.kind == "reported" and claim.stance == "assert"
    assert claim.content.text == "the Volkov Group had withdrawn from Vell"
    assert speaker_name(record, claim) == "Pavel Orn"
    assert any("Volkov" in record.entity(a).name for a in claim.about)


def test_denial_verbs_give_deny_stance(extract: Extract) -> None:
    record = extract("General Anton Brask denied that his troops had shelled the village. "
                     "He denies any links to the Volkov Group.")
    first = claim_with(record, "his troops had shelled the village")
    assert first.stance == "deny" and first.cue == "denied"
    second = claim_with(record, "any links to the Volkov Group")
    assert second.stance == "deny" and speaker_name(record, second) == "Anton Brask"
    assert modality_for_claim(first) == "denied"


def test_rejecting_a_denial_is_a_deny_claim_about_the_denial(extract: Extract) -> None:
    # docs/gold.md: a denial of a denial is a deny claim whose content is the denial; the "as" phrase
    # characterises it and is no quote of its own
    record = extract("The Volkov Group rejected the ministry's denial as “a lie told to everyone”.")
    claim = claim_with(record, "the ministry's denial")
    assert claim.stance == "deny" and claim.content.text == "the ministry's denial"
    assert not any(c.kind == "direct" for c in record.claims)


def test_negated_reporting_verb_is_no_claim(extract: Extract) -> None:
    record = extract("Pavel Orn did not confirm that the talks had failed.")
    assert record.claims == []


def test_according_to_outlet_is_via_and_speaker(extract: Extract) -> None:
    record = extract("The Volkov Group will send 500 fighters to Vell, according to Reuters.")
    claim = claim_with(record, "500 fighters")
    assert claim.content.text == "The Volkov Group will send 500 fighters to Vell"
    assert speaker_name(record, claim) == "Reuters" and speaker_name(record, claim, "via") == "Reuters"
    assert claim.cue == "according to"
    assert modality_for_claim(claim) == "reported"


def test_nested_attribution_officials_via_outlet(extract: Extract) -> None:
    record = extract("Reuters reported that officials said the talks had collapsed.")
    assert len(record.claims) == 1
    claim = record.claims[0]
    assert claim.content.text == "the talks had collapsed"
    assert speaker_name(record, claim, "via") == "Reuters"


def test_parenthetical_outlet(extract: Extract) -> None:
    record = extract("Officials in Vell said the Volkov Group had seized the airport, Reuters reported.")
    claim = claim_with(record, "seized the airport")
    assert claim.content.text == "the Volkov Group had seized the airport"
    assert speaker_name(record, claim, "via") == "Reuters"


def test_passive_allegations_have_no_speaker(extract: Extract) -> None:
    record = extract("The Volkov Group has been accused of looting in the north. "
                     "The rebels are alleged to have killed twelve civilians.")
    looting = claim_with(record, "looting in the north")
    assert looting.speaker is None and looting.kind == "reported" and looting.cue == "accused of"
    assert any("Volkov" in record.entity(a).name for a in looting.about)
    assert modality_for_claim(looting) == "alleged"
    killed = claim_with(record, "killed twelve civilians")
    assert killed.speaker is None and modality_for_claim(killed) == "alleged"


def test_allegedly_covers_its_clause(extract: Extract) -> None:
    record = extract("The Volkov Group is allegedly financed by Pavel Dorn.")
    claim = claim_with(record, "financed by Pavel Dorn")
    assert claim.cue == "allegedly" and modality_for_claim(claim) == "alleged"


# ---- the author's voice ----------------------------------------------------------------------------

def test_author_entity_and_opinions(extract: Extract) -> None:
    text = ("The Karesian army entered Vell on Monday. I think the occupation is a mistake. "
            "Sanctions should be lifted. Force alone will not end the war.")
    record = extract(text, author="Mira Kessel")
    author = [e for e in record.entities if e.name == "Mira Kessel"]
    assert len(author) == 1 and author[0].kind == "person" and author[0].role == "author"
    opinions = [c for c in record.claims if c.kind == "opinion"]
    assert {c.speaker for c in opinions} == {author[0].id}
    contents = [c.content.text for c in opinions]
    assert "the occupation is a mistake" in contents
    assert "Sanctions should be lifted" in contents
    assert any(t.startswith("Force alone will not end") for t in contents)
    assert not any("entered Vell" in t for t in contents), "plain facts are not opinions"


def test_opinion_without_author_has_no_speaker(extract: Extract) -> None:
    record = extract("In my view, the talks will fail.")
    claim = claim_with(record, "the talks will fail")
    assert claim.kind == "opinion" and claim.speaker is None
    assert claim.content.text == "the talks will fail"


def test_reported_facts_are_not_opinions(extract: Extract) -> None:
    record = extract("Karesian troops shelled the town of Vell on Monday, killing 12 civilians. "
                     "The government announced a curfew in the capital.", author="Mira Kessel")
    assert not any(c.kind == "opinion" for c in record.claims)


# ---- helpers for events --------------------------------------------------------------------------

def _claim(cid: str, start: int, end: int, stance: str = "assert", kind: str = "reported",
           cue: str | None = "said", speaker: str | None = "e1") -> Claim:
    return Claim(cid, speaker, None, stance, kind, cue, Span(start, end, ""), Span(0, 100, ""))


def test_claim_containing_picks_innermost() -> None:
    record = DocumentRecord(document=Document(id="x", text="x" * 100))
    record.claims = [_claim("c1", 0, 80), _claim("c2", 10, 40), _claim("c3", 50, 60)]
    ctx = Context(document=record.document, doc=None, record=record)  # type: ignore[arg-type]
    assert claim_containing(ctx, 12, 20).id == "c2"  # type: ignore[union-attr]
    assert claim_containing(ctx, 45, 48).id == "c1"  # type: ignore[union-attr]
    assert claim_containing(ctx, 85, 90) is None


@pytest.mark.parametrize(("claim", "modality"), [
    (_claim("c", 0, 1, stance="deny"), "denied"),
    (_claim("c", 0, 1, cue="accused of", speaker=None), "alleged"),
    (_claim("c", 0, 1, cue="allegedly", speaker=None), "alleged"),
    (_claim("c", 0, 1, cue="according to"), "reported"),
    (_claim("c", 0, 1, kind="direct"), "reported"),
    (_claim("c", 0, 1, kind="opinion", cue="must"), "asserted"),
])
def test_modality_for_claim(claim: Claim, modality: str) -> None:
    assert modality_for_claim(claim) == modality
