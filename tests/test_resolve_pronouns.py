"""Pronoun resolution (``ResolveStep(pronouns=True)``), measured on sentences written for this test.

Each case marks pronouns as ``[he|Anton Brask]`` (resolves to the entity holding that name) or
``[it|-]`` (no actor: expletive or generic). Precision = correct links / links made; recall is over
the pronouns that have an antecedent. The figures are printed with ``pytest -s`` and floored below.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sitroom.extract.pipeline import Pipeline
from sitroom.records import Document, DocumentRecord
from sitroom.resolve.cluster import ResolveStep

CASES = [
    "General Anton Brask arrived in the capital on Monday. [He|Anton Brask] met the press at noon.",
    "President Ilya Dorn praised the army. Later [he|Ilya Dorn] visited the border.",
    "The Volkov Group, a private military company, denied the report. [It|Volkov Group] said the claims were false.",
    "Lena Varga, the foreign minister, resigned. [She|Lena Varga] gave no reason.",
    "France sent more troops. [It|France] also pledged money.",
    "Marta Kell, the leader of the Northern Liberation Front, rejected the offer. [She|Marta Kell] demanded a ceasefire.",
    "Karesia closed its border. [It|Karesia] blamed the rebels.",
    "[It|-] is raining in the capital. The Karesian junta stayed inside.",
    "Pavel Ostrov said the talks would resume. Nobody believed [him|Pavel Ostrov].",
    "Oleg Marchenko funds the Volkov Group. [He|Oleg Marchenko] denies it.",
    "The Northern Liberation Front seized two towns. [It|Northern Liberation Front] then withdrew.",
    "Anton Brask met Ilya Dorn on Friday. [He|-] left early.",
    "French forces left the town. [They|France military] moved north.",
    "[It|-] was estimated that 400 people fled. Karesia called for help.",
    "Hanna Lind, an expert at Karesia University, wrote a report. [She|Hanna Lind] called it alarming.",
    "Zolotek Mining won the licence. [It|Zolotek Mining] plans to dig next year.",
    "The Volkov Group recruited fighters in May. By June [they|fighters] numbered 300.",
    "Marta Kell thanked Lena Varga. [She|-] smiled.",
    "Russian military representatives arrived in Karesia. [They|Russia military] met the junta.",
    "Ilya Dorn spoke for an hour. The crowd cheered [him|Ilya Dorn].",
    "The Coalition for the Lakes met in May. [It|Coalition for the Lakes] issued a statement.",
    "Anton Brask denied the charges. [He|Anton Brask] said [he|Anton Brask] was in Karesia.",
    "Oleg Marchenko, a businessman, owns the Zolotek Mining company. [He|Oleg Marchenko] bought [it|Zolotek Mining] in 2019.",
]
_MARK = re.compile(r"\[(\w+)\|([^\]]+)\]")


def parse_case(case: str) -> tuple[str, list[tuple[int, str | None]]]:
    text, gold = "", []
    pos = 0
    for match in _MARK.finditer(case):
        text += case[pos:match.start()]
        gold.append((len(text), None if match.group(2) == "-" else match.group(2)))
        text += match.group(1)
        pos = match.end()
    return text + case[pos:], gold


@pytest.fixture(scope="module")
def records() -> list[tuple[DocumentRecord, list[tuple[int, str | None]]]]:
    pipe = Pipeline()
    pipe.steps = [ResolveStep(pronouns=True) if s.name == "resolve" else s for s in pipe.steps]
    out = []
    for i, case in enumerate(CASES):
        text, gold = parse_case(case)
        out.append((pipe.process_one(Document(id=str(i), text=text, language="en")), gold))
    return out


def score(records: list[tuple[DocumentRecord, list[tuple[int, str | None]]]]) -> tuple[int, int, int]:
    """(correct links, links made, pronouns with an antecedent)."""
    correct = made = answerable = 0
    for record, gold in records:
        for start, expected in gold:
            answerable += expected is not None
            entity = next((e for e in record.entities for m in e.mentions
                           if m.start == start and not m.is_name), None)
            if entity is None:
                continue
            made += 1
            names = {m.text for m in entity.mentions} | {entity.name}
            correct += expected is not None and (expected in names or expected == entity.name)
    return correct, made, answerable


def test_case_count() -> None:
    assert sum(len(parse_case(c)[1]) for c in CASES) >= 20


def test_pronoun_precision(records: list[tuple[DocumentRecord, list[tuple[int, str | None]]]]) -> None:
    correct, made, answerable = score(records)
    precision = correct / made if made else 0.0
    print(f"pronouns: precision {correct}/{made} = {precision:.2f}, recall {correct}/{answerable}")
    # Floors from the measurement reported in cluster.py; raising them is a normal commit.
    assert precision >= 0.70
    assert correct / answerable >= 0.50


def test_pronouns_off_by_default(extract: Callable[..., DocumentRecord]) -> None:
    record = extract("General Anton Brask arrived on Monday. He met the press.")
    assert not any(m.text == "He" for e in record.entities for m in e.mentions)
