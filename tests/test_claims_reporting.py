"""Claims in long-form reporting: inverted attributions, described speakers, datelines, stray quotes.

Every sentence here is invented for the test (Karesia, the Volkov Group, Anton Brask...).
"""

from __future__ import annotations

from collections.abc import Callable

from claims_helpers import claim_with, name
from sitroom.extract.claims_quotes import find_quotes
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]






# ---- quotation marks -------------------------------------------------------------------------------

def test_a_stray_straight_quote_does_not_pair_with_the_next_quote() -> None:
    # the mark before "we are ready" lost its closing mark: pairing it with the next opening mark
    # would turn the narration between them into a quote
    text = ('Brask said "we are ready and then he left. Later, "The war is over," Orn said, '
            'calling the rebels "bandits".')
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found == ["The war is over", "bandits"]


def test_quote_running_on_into_the_next_paragraph_takes_its_speaker(extract: Extract) -> None:
    text = ("Vell was quiet on Monday.\n\n"
            "“We have held the airport for three weeks and nobody has come near it.\n\n"
            "“We will hold it until the Volkov Group leaves Karesia,” General Anton Brask said.")
    record = extract(text)
    first = claim_with(record, "held the airport for three weeks")
    assert first.kind == "direct" and name(record, first.speaker) == "Anton Brask"


def test_quote_introduced_by_a_colon_in_the_previous_sentence(extract: Extract) -> None:
    record = extract("General Anton Brask spoke to reporters in Vell. He told them:\n\n"
                     "“The Volkov Group will be gone by the spring.”")
    claim = claim_with(record, "will be gone by the spring")
    assert name(record, claim.speaker) == "Anton Brask"


def test_name_after_the_closing_mark(extract: Extract) -> None:
    record = extract('Pavel Orn runs the Karesia Herald. "The junta has run out of money," Orn states.')
    claim = claim_with(record, "run out of money")
    assert name(record, claim.speaker) == "Pavel Orn"


def test_quote_inside_reported_content_is_part_of_it(extract: Extract) -> None:
    record = extract('General Anton Brask said the protest had been organised by "paid agents of the Volkov Group".')
    assert [c.kind for c in record.claims] == ["reported"]
    assert "paid agents of the Volkov Group" in record.claims[0].content.text


# ---- attributions -----------------------------------------------------------------------------------

def test_inverted_report_after_a_comma(extract: Extract) -> None:
    record = extract("Nine fighters were killed near Vell on Friday, reported the Karesia Herald.")
    claim = claim_with(record, "Nine fighters were killed")
    assert claim.content.text == "Nine fighters were killed near Vell on Friday"
    assert "Karesia Herald" in (name(record, claim.speaker) or "")
    assert "Karesia Herald" in (name(record, claim.via) or "")


def test_attribution_inside_an_inverted_report_comes_via_the_outlet(extract: Extract) -> None:
    record = extract("According to figures from the Karesian Interior Ministry, 40 people were kidnapped in "
                     "Vell last year, reported El Heraldo.")
    claim = claim_with(record, "40 people were kidnapped")
    assert "Interior Ministry" in (name(record, claim.speaker) or "")
    assert name(record, claim.via) == "El Heraldo"


def test_according_to_a_report_by_names_its_author(extract: Extract) -> None:
    record = extract("According to a report by the Karesia Herald, the Volkov Group left Vell in May.")
    claim = claim_with(record, "the Volkov Group left Vell")
    assert "Karesia Herald" in (name(record, claim.speaker) or "")


def test_told_an_outlet_makes_it_the_via_and_the_official_is_one_person(extract: Extract) -> None:
    record = extract("Rebels attacked Vell on Tuesday, according to a local official. "
                     "The rebels burned the market, the official told AFP.")
    first = claim_with(record, "Rebels attacked Vell")
    second = claim_with(record, "burned the market")
    assert name(record, first.speaker) == "local official" and first.via == first.speaker
    assert second.speaker == first.speaker
    assert "AFP" in {name(record, second.via), *record.entity(second.via).aliases,  # type: ignore[union-attr]
                     *(m.text for m in record.entity(second.via).mentions)}  # type: ignore[union-attr]


def test_a_hedge_inside_a_sourced_claim_adds_no_claim(extract: Extract) -> None:
    record = extract("Pavel Orn reportedly met the rebels in Vell, according to the Karesia Herald.")
    assert len(record.claims) == 1 and record.claims[0].cue == "according to"


# ---- speakers given by a description ------------------------------------------------------------------

def test_title_only_speaker_links_to_the_person_with_that_role(extract: Extract) -> None:
    record = extract("Defence Minister Pavel Orn visited Vell on Monday. "
                     "The minister said that the army would stay until June.")
    claim = claim_with(record, "the army would stay until June")
    assert name(record, claim.speaker) == "Pavel Orn"


def test_plural_unnamed_speakers_become_one_group(extract: Extract) -> None:
    record = extract("Two Karesian diplomats said the talks had stalled. "
                     "Karesian diplomats also said that the Volkov Group had left.")
    first = claim_with(record, "the talks had stalled")
    second = claim_with(record, "the Volkov Group had left")
    group = record.entity(first.speaker)
    assert group is not None and group.kind == "group" and group.name == "Karesian diplomats"
    assert second.speaker == first.speaker


def test_the_bloc_is_the_international_organisation(extract: Extract) -> None:
    record = extract("The African Union met the Karesian junta in Vell on Monday. "
                     "The bloc said the junta had broken its promise.")
    claim = claim_with(record, "the junta had broken its promise")
    assert name(record, claim.speaker) == "African Union"


def test_dateline_is_neither_speaker_nor_content(extract: Extract) -> None:
    record = extract("Volkov leaves Vell\n\nVELL, March 3, 2022 - The Karesian army said on Monday that it "
                     "had retaken the airport, while the rebels fled north.")
    claim = claim_with(record, "retaken the airport")
    assert claim.content.text == "it had retaken the airport"
    assert "VELL" not in (name(record, claim.speaker) or "VELL")


# ---- what is not a claim, and what is -------------------------------------------------------------------

def test_purpose_and_inference_are_not_speech(extract: Extract) -> None:
    record = extract("Hundreds of students marched on the palace to demand the release of Pavel Orn. "
                     "The ease of the escape suggests that Orn was not guarded.")
    assert record.claims == []


def test_denied_charge_in_a_relative_clause(extract: Extract) -> None:
    record = extract("The ministry accused Karesia last week of shelling Vell, a charge that the Karesian "
                     "government denied.")
    accusation = claim_with(record, "shelling Vell")
    assert accusation.stance == "assert" and accusation.content.text.endswith("shelling Vell")
    denial = [c for c in record.claims if c.content.text == "a charge"]
    assert denial and denial[0].stance == "deny"


def test_claimed_responsibility_is_a_claim(extract: Extract) -> None:
    record = extract("The Northern Front claimed responsibility for the attack on Vell.")
    claim = claim_with(record, "responsibility for the attack")
    assert "Northern Front" in (name(record, claim.speaker) or "")


def test_according_to_an_amount_is_no_attribution(extract: Extract) -> None:
    record = extract("In Karesia, fines for smugglers will rise according to the amounts seized.")
    assert record.claims == []
