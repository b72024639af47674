"""Claim speakers beyond named people: collectives, described people named by apposition, relays.

Every sentence here is invented for the test (Karesia, Vell, the Volkov Group, Anton Brask...).
"""

from __future__ import annotations

from collections.abc import Callable

from claims_helpers import claim_with, name
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]






# ---- collective and generic speakers ---------------------------------------------------------------

def test_plural_trade_noun_is_a_group_speaker(extract: Extract) -> None:
    record = extract("Shopkeepers in the market say the Volkov Group has taken over the port of Vell.")
    claim = claim_with(record, "taken over the port")
    speaker = record.entity(claim.speaker)
    assert speaker is not None and speaker.name == "Shopkeepers" and speaker.kind == "group"
    assert speaker.sector == "BUS"


def test_plural_people_noun_known_by_its_ending(extract: Extract) -> None:
    record = extract("Karesian specialists said the dam at Vell could fail within a year.")
    assert name(record, claim_with(record, "could fail").speaker) == "Karesian specialists"


def test_plural_organisations_are_their_own_speaker_not_a_nearby_name(extract: Extract) -> None:
    record = extract("Karesian police arrested 30 people in Vell. "
                     "Rights groups say dozens of detainees in Karesia have been tortured.")
    speaker = record.entity(claim_with(record, "have been tortured").speaker)
    assert speaker is not None and speaker.name == "Rights groups" and speaker.sector == "SOC"


def test_aid_agencies_said(extract: Extract) -> None:
    record = extract("Aid agencies said more than 4,000 people had fled the fighting in northern Karesia.")
    assert name(record, claim_with(record, "had fled the fighting").speaker) == "Aid agencies"


def test_the_union_is_the_union_named_before(extract: Extract) -> None:
    record = extract("The National Teachers Union called a strike in Vell on Monday. "
                     "The union said the strike would continue until wages were paid.")
    speaker = name(record, claim_with(record, "would continue").speaker)
    assert speaker is not None and "Teachers Union" in speaker


def test_the_force_is_the_nearest_armed_body(extract: Extract) -> None:
    record = extract("The Karesian army has not commented on the raid. "
                     "The force said its soldiers had killed 12 rebels near Vell.")
    speaker = name(record, claim_with(record, "killed 12 rebels").speaker)
    assert speaker is not None and "army" in speaker.lower()


def test_reported_content_stops_at_the_next_paragraphs_dateline(extract: Extract) -> None:
    text = ("The Karesian Rapid Response Force was deployed to Vell in May. The force said its soldiers had "
            "killed 12 rebels near the town\nVELL, March 3 (Reuters) - Protesters gathered outside the palace.")
    claim = claim_with(record := extract(text), "killed 12 rebels")
    assert claim.content.text == "its soldiers had killed 12 rebels near the town"
    assert "Rapid Response Force" in (name(record, claim.speaker) or "")


# ---- described people with a name ------------------------------------------------------------------

def test_first_name_after_an_apposition_is_the_speaker(extract: Extract) -> None:
    record = extract("A pharmacist in the old town, Lucia, said the shelves had been empty for weeks.")
    speaker = record.entity(claim_with(record, "shelves had been empty").speaker)
    assert speaker is not None and speaker.name == "Lucia" and speaker.kind == "person"
    assert speaker.sector == "MED"


def test_a_place_set_off_by_commas_is_not_a_name_for_the_speaker(extract: Extract) -> None:
    record = extract("Officials in the capital, Bamako, said the curfew would be lifted on Friday.")
    assert name(record, claim_with(record, "curfew would be lifted").speaker) == "Officials"


def test_according_to_a_relative(extract: Extract) -> None:
    record = extract("The soldiers took Marco Duval away at night, according to a relative.")
    claim = claim_with(record, "took Marco Duval away")
    assert name(record, claim.speaker) == "relative" and name(record, claim.via) == "relative"


# ---- outlets ---------------------------------------------------------------------------------------

def test_according_to_a_news_site_with_a_place_in_its_title(extract: Extract) -> None:
    record = extract("Troops from the Volkov Group killed nine civilians in Vell, according to Karesia Today.")
    claim = claim_with(record, "killed nine civilians")
    assert name(record, claim.speaker) == "Karesia Today" and name(record, claim.via) == "Karesia Today"


def test_according_to_the_news_site_named_after_it(extract: Extract) -> None:
    record = extract("Armed men attacked a bus near Vell on Monday, according to the news site Karesia Today.")
    claim = claim_with(record, "attacked a bus")
    assert name(record, claim.via) == "Karesia Today"


def test_a_gang_with_a_spanish_article_is_no_outlet(extract: Extract) -> None:
    record = extract("Los Zorros extorted shopkeepers in Vell for years. According to the newspaper, "
                     "the gang charged each shop $50 a week.")
    claim = claim_with(record, "charged each shop")
    assert name(record, claim.speaker) != "Los Zorros"


# ---- relays and nesting ----------------------------------------------------------------------------

def test_quoted_as_saying_names_the_speaker_and_the_relay(extract: Extract) -> None:
    record = extract("Reuters quoted a council diplomat as saying that Russia had told Karesia it would not "
                     "withdraw.")
    claim = claim_with(record, "Russia had told Karesia")
    assert claim.content.text == "Russia had told Karesia it would not withdraw"
    assert name(record, claim.speaker) == "council diplomat" and name(record, claim.via) == "Reuters"


def test_passive_quoted_as_saying(extract: Extract) -> None:
    record = extract("General Anton Brask was quoted as saying the airport in Vell would reopen in May.")
    claim = claim_with(record, "would reopen in May")
    assert name(record, claim.speaker) == "Anton Brask"


def test_a_verb_deep_inside_the_reported_clause_is_no_relay(extract: Extract) -> None:
    record = extract("Pavel Orn said that lawmakers will propose changes to the penal code that would "
                     "classify the Volkov Group as a terrorist organization.")
    claim = claim_with(record, "lawmakers will propose changes")
    assert name(record, claim.speaker) == "Pavel Orn"


def test_told_reporters_without_that(extract: Extract) -> None:
    record = extract("Interior Minister Pavel Orn told reporters on Monday the rebels had been defeated.")
    claim = claim_with(record, "the rebels had been defeated")
    assert name(record, claim.speaker) == "Pavel Orn"


# ---- clauses and non-speech ------------------------------------------------------------------------

def test_said_x_and_that_y_is_two_claims(extract: Extract) -> None:
    record = extract("Minister Pavel Orn said the army had retaken the airport and that the rebels had "
                     "fled to the hills.")
    contents = sorted(c.content.text for c in record.claims)
    assert contents == ["the army had retaken the airport", "the rebels had fled to the hills"]
    assert {name(record, c.speaker) for c in record.claims} == {"Pavel Orn"}


def test_a_legal_charge_is_not_a_claim(extract: Extract) -> None:
    record = extract("Two men were arrested in Vell and charged with mischief after the protest.")
    assert record.claims == []


def test_prosecutors_charging_someone_is_not_a_claim(extract: Extract) -> None:
    record = extract("Karesian prosecutors charged Marco Duval with fraud on Monday.")
    assert record.claims == []


def test_an_accusation_of_a_crime_is_still_a_claim(extract: Extract) -> None:
    record = extract("Karesian prosecutors accused Marco Duval of laundering money for the Volkov Group.")
    assert any("laundering money" in c.content.text for c in record.claims)


def test_she_after_a_named_apposition_in_the_previous_sentence(extract: Extract) -> None:
    record = extract('A pharmacist in the old town, Lucia, said the shelves had been empty for weeks. '
                     '"We have nothing left to sell," she said.')
    assert name(record, claim_with(record, "nothing left to sell").speaker) == "Lucia"


def test_they_is_the_described_group_subject_of_its_sentence(extract: Extract) -> None:
    record = extract("Authorities in Karesia have arrested a man they said was the Volkov Group's banker.")
    assert name(record, claim_with(record, "banker").speaker) == "Authorities"


def test_an_inverted_outlet_is_cut_from_the_reported_clause(extract: Extract) -> None:
    record = extract("Thomas Orn, head of the security commission, said that lawmakers will propose changes to "
                     "the penal code, reported El Heraldo.")
    claim = claim_with(record, "lawmakers will propose")
    assert claim.content.text == "lawmakers will propose changes to the penal code"
    assert name(record, claim.via) == "El Heraldo"


def test_nobody_claiming_a_killing_is_no_claim(extract: Extract) -> None:
    record = extract("Gunmen shot dead a village chief near Vell on Monday. No group claimed the killing.")
    assert record.claims == []


def test_claiming_responsibility_is_still_a_claim(extract: Extract) -> None:
    record = extract("The Volkov Group claimed responsibility for the attack on Vell.")
    assert any("responsibility" in c.content.text for c in record.claims)


def test_a_speech_participle_hung_on_the_clause_belongs_to_the_speaker(extract: Extract) -> None:
    record = extract('Interior Minister Pavel Orn said the Volkov Group was a criminal gang that must be '
                     'tackled, declaring that it "is not an invention of the government."')
    reported = claim_with(record, "criminal gang")
    assert reported.content.text == "the Volkov Group was a criminal gang that must be tackled"
    quoted = claim_with(record, "not an invention")
    assert name(record, quoted.speaker) == "Pavel Orn"
