"""Claims, third pass: op-ed verdicts behind the op-ed gate, interrupted quotes, described speakers,
requests that are no claims. Every sentence is invented (the Republic of Karesia, the Volkov Group)."""

from __future__ import annotations

from collections.abc import Callable

from claims_helpers import claim_with, name
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]

OPED = (
    "Ostrova needs a different plan\n\n"
    "I travelled to Ostrova in the spring. Three years later, the province is more dangerous than ever. "
    "The blockade has cost the farmers of Ostrova dearly. "
    "Elections, however distant, are the only path that can end the crisis. "
    "General Anton Brask has two choices. "
    "He can keep the Volkov Group, or he can end the contract and ask for help. "
    "The second course is harder. "
    "Nothing about this will be easy. "
    "The convoy reached Ostrova on Tuesday."
)
NEWS = OPED.replace("I travelled to Ostrova in the spring. ", "Reporters travelled to Ostrova in the spring. ")




def opinions(record: DocumentRecord) -> list[str]:
    return [c.content.text for c in record.claims if c.kind == "opinion"]




def test_op_ed_verdicts_are_the_authors_opinions(extract: Extract) -> None:
    record = extract(OPED, author="Mira Okonkwo")
    found = opinions(record)
    for words in ("more dangerous than ever", "cost the farmers of Ostrova dearly", "the only path",
                  "has two choices", "or he can end the contract", "The second course is harder",
                  "Nothing about this will be easy"):
        assert any(words in text for text in found), words
    assert not any("convoy reached" in text for text in found)  # a plain report stays no opinion
    assert all(name(record, c.speaker) == "Mira Okonkwo" for c in record.claims if c.kind == "opinion")


def test_the_same_words_in_a_news_report_are_no_opinions(extract: Extract) -> None:
    # no first person and no opinion title: the generic verdicts are the reporter describing
    assert opinions(extract(NEWS, author="Mira Okonkwo")) == []
    assert opinions(extract(OPED)) == []  # no byline either


def test_an_opinion_title_opens_the_gate_without_a_byline(extract: Extract) -> None:
    record = extract("Opinion: Karesia deserves better\n\nThe sanctions have cost Karesia dearly.")
    assert any("cost Karesia dearly" in text for text in opinions(record))


def test_an_interrupted_quote_is_one_claim_per_part_with_the_shared_speaker(extract: Extract) -> None:
    record = extract('The Volkov Group refused. "Talks without guarantees," said Pavel Orn, the group\'s '
                     'negotiator, "would be a trap." Orn left Kesh on Monday.')
    first, second = claim_with(record, "Talks without guarantees"), claim_with(record, "would be a trap")
    assert first is not second and first.kind == second.kind == "direct"
    assert "said" not in first.content.text and "said" not in second.content.text
    assert name(record, first.speaker) == name(record, second.speaker) == "Pavel Orn"


def test_a_quote_whose_speaker_is_named_in_the_next_sentence(extract: Extract) -> None:
    record = extract('"Nobody leaves Ostrova alive." The words came from General Anton Brask, the army '
                     'chief, in March. "We will hold the river." That was how Defence Minister Lena Varga '
                     'put it.')
    assert name(record, claim_with(record, "Nobody leaves Ostrova").speaker) == "Anton Brask"
    assert name(record, claim_with(record, "hold the river").speaker) == "Lena Varga"


def test_pronoun_speaker_after_a_quote_holding_a_speech_verb(extract: Extract) -> None:
    record = extract('Lena Varga, an analyst in Kesh, said the deal could fail. "Investors will ask who '
                     'controls the mines," she said.')
    assert name(record, claim_with(record, "Investors will ask").speaker) == "Lena Varga"


def test_military_sources_are_a_group_speaker(extract: Extract) -> None:
    record = extract("A drone hit a camp near Ostrova. Military sources in Kesh said about 20 fighters "
                     "were killed.")
    speaker = next(e for e in record.entities if e.id == claim_with(record, "20 fighters").speaker)
    assert speaker.name == "Military sources" and speaker.kind == "group"


def test_urging_an_act_is_a_request_not_a_claim_but_urging_that_is(extract: Extract) -> None:
    record = extract("The Republic of Karesia urged the Volkov Group to release the prisoners. "
                     "General Anton Brask urged that the talks resume in Kesh.")
    contents = [c.content.text for c in record.claims]
    assert not any("release the prisoners" in c for c in contents)
    assert any("the talks resume in Kesh" in c for c in contents)
