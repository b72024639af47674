"""The evaluation scorer on hand-made predictions, the gold manifest, and the gold set's own sanity."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sitroom.errors import InputError, NotFound
from sitroom.eval import (
    ArticleResult,
    GoldManifestWarning,
    check_floors,
    check_manifest,
    evaluate,
    load_floors,
    load_gold,
    score_records,
    suggest_floors,
    write_manifest,
)
from sitroom.eval.gold import (
    GoldArticle,
    GoldClaim,
    GoldDate,
    GoldEntity,
    GoldEvent,
    GoldQuantity,
    GoldRelation,
)
from sitroom.eval.matching import normalise, token_f1, unit_head
from sitroom.eval.report import EvalReport
from sitroom.examples import example_paths
from sitroom.extract.pipeline import Pipeline
from sitroom.records import (
    Casualties,
    Claim,
    DateRef,
    Document,
    DocumentRecord,
    Entity,
    Event,
    Mention,
    Quantity,
    Relation,
    Span,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
NO_SPAN = Span(0, 0, "")

TEXT = (
    "KESH, March 3, 2022 - The Volkov Group will deploy about 300 soldiers to the Republic of Karesia, "
    "according to Reuters. Volkov denied it. President Ilya Dorn said on Tuesday that "
    "the group was welcome. General Anton Brask, a close ally of Dorn, said nothing."
)


def make_gold() -> GoldArticle:
    """A small invented article, annotated by hand."""
    return GoldArticle(
        name="demo",
        text=TEXT,
        published="2022-03-03",
        entities=[
            GoldEntity("Volkov Group", "organization", "RUS", "PMC", ("Volkov", "the group")),
            GoldEntity("Republic of Karesia", "country", None, None, ()),
            GoldEntity("Reuters", "organization", None, "JRN", ()),
            GoldEntity("Ilya Dorn", "person", None, "GOV", ("President Ilya Dorn", "Dorn"), "president"),
            GoldEntity("Anton Brask", "person", None, "MIL", ("General Anton Brask",)),
        ],
        dates=[GoldDate("March 3, 2022", "2022-03-03", "2022-03-03"),
               GoldDate("on Tuesday", "2022-03-01", "2022-03-01")],
        quantities=[GoldQuantity("about 300 soldiers", 300, "soldiers", approximate=True)],
        events=[GoldEvent("MOBILIZE", ("Volkov Group",), ("Republic of Karesia",), "planned",
                          date="2022-03", trigger="deploy")],
        claims=[GoldClaim("Reuters", "The Volkov Group will deploy about 300 soldiers to the Republic of "
                                     "Karesia", via="Reuters"),
                GoldClaim("Volkov Group", "it", stance="deny"),
                GoldClaim("Ilya Dorn", "the group was welcome")],
        relations=[GoldRelation("ally_of", "Anton Brask", "Ilya Dorn")],
    )


def perfect_record(gold: GoldArticle) -> DocumentRecord:
    """The record a perfect pipeline would produce for ``gold`` (offsets do not matter to the scorer)."""
    record = DocumentRecord(document=Document(id=gold.name, text=gold.text, published=gold.published))
    ids: dict[str, str] = {}
    for n, g in enumerate(gold.entities, start=1):
        ids[g.name] = f"e{n}"
        record.entities.append(Entity(f"e{n}", g.name, g.kind, g.sector, g.country,
                                      aliases=list(g.aliases), role=g.role))
    record.dates = [DateRef(d.text, d.start, d.end, "day", NO_SPAN) for d in gold.dates]
    record.quantities = [Quantity(f"q{n}", q.text, q.value, NO_SPAN, Span(0, 0, q.text), unit=q.unit,
                                  approximate=q.approximate, vague=q.vague)
                         for n, q in enumerate(gold.quantities, start=1)]
    record.events = [Event(f"v{n}", v.type, NO_SPAN, Span(0, 0, v.trigger or ""), modality=v.modality,
                           source=[ids[s] for s in v.source], target=[ids[t] for t in v.target],
                           date=DateRef(v.date, v.date, v.date, "month", NO_SPAN) if v.date else None)
                     for n, v in enumerate(gold.events, start=1)]
    record.claims = [Claim(f"c{n}", ids.get(c.speaker or ""), ids.get(c.via or ""), c.stance, c.kind, None,
                           Span(0, 0, c.content), NO_SPAN)
                     for n, c in enumerate(gold.claims, start=1)]
    record.relations = [Relation(f"r{n}", r.type, ids[r.source], ids[r.target], NO_SPAN)
                        for n, r in enumerate(gold.relations, start=1)]
    return record


def score(record: DocumentRecord, gold: GoldArticle | None = None) -> dict[str, float]:
    return score_records([(record, gold or make_gold())]).scores


def entity(record: DocumentRecord, name: str) -> Entity:
    return next(e for e in record.entities if e.name == name)


# --- the scorer -----------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    scores = score(perfect_record(make_gold()))
    assert scores, "no scores at all"
    assert {name: value for name, value in scores.items() if value != 1.0} == {}
    for layer in ("entities", "dates", "quantities", "events", "claims", "relations"):
        assert scores[f"{layer}.f1"] == 1.0


def test_missing_entity_lowers_recall_not_precision() -> None:
    record = perfect_record(make_gold())
    record.entities = [e for e in record.entities if e.name != "Reuters"]
    scores = score(record)
    assert scores["entities.recall"] == pytest.approx(4 / 5)
    assert scores["entities.precision"] == 1.0


def test_spurious_entity_lowers_precision() -> None:
    record = perfect_record(make_gold())
    record.entities.append(Entity("e99", "Tuesday", "other"))
    assert score(record)["entities.precision"] == pytest.approx(5 / 6)


def test_entity_matches_through_alias_case_and_article() -> None:
    record = perfect_record(make_gold())
    volkov = entity(record, "Volkov Group")
    volkov.name, volkov.aliases = "THE VOLKOV", []
    assert score(record)["entities.recall"] == 1.0


def test_wrong_kind_sector_country_lower_their_accuracies() -> None:
    record = perfect_record(make_gold())
    entity(record, "Anton Brask").kind = "organization"
    entity(record, "Volkov Group").sector = "REB"
    entity(record, "Volkov Group").country = "UKR"
    scores = score(record)
    assert scores["entities.kind_accuracy"] == pytest.approx(4 / 5)
    # Sector is scored only where gold gives one (4 entities), country likewise (1 entity).
    assert scores["entities.sector_accuracy"] == pytest.approx(3 / 4)
    assert scores["entities.country_accuracy"] == 0.0


def test_split_cluster_lowers_clustering_recall() -> None:
    record = perfect_record(make_gold())
    volkov = entity(record, "Volkov Group")
    volkov.aliases = ["Volkov"]
    record.entities.append(Entity("e50", "the group", "organization"))
    scores = score(record)
    # Gold pairs: volkov group~volkov, volkov group~group, volkov~group, dorn's 3 pairs, brask's 1.
    assert scores["entities.clustering.recall"] == pytest.approx(5 / 7)
    assert scores["entities.clustering.precision"] == 1.0


def test_merged_clusters_lower_clustering_precision() -> None:
    record = perfect_record(make_gold())
    brask = entity(record, "Anton Brask")
    brask.mentions = [Mention(0, 4, "Dorn", "person")]  # the resolver wrongly put Dorn into Brask
    scores = score(record)
    assert scores["entities.clustering.precision"] < 1.0
    assert scores["entities.clustering.recall"] == 1.0


def test_dates_need_the_right_resolution_but_text_may_differ() -> None:
    record = perfect_record(make_gold())
    record.dates[1] = replace(record.dates[1], text="Tuesday")  # "on Tuesday" contains "Tuesday"
    assert score(record)["dates.recall"] == 1.0
    record.dates[1] = replace(record.dates[1], start="2022-03-08", end="2022-03-08")
    scores = score(record)
    assert scores["dates.recall"] == pytest.approx(0.5)
    assert scores["dates.detection_recall"] == 1.0


def test_open_range_gold_end_is_not_scored() -> None:
    gold = make_gold()
    gold.dates = [GoldDate("since 2015", "2015", None)]
    record = perfect_record(gold)
    record.dates[0] = replace(record.dates[0], end="2022-03-03")
    assert score(record, gold)["dates.recall"] == 1.0


def test_quantity_value_and_unit_head_must_agree() -> None:
    record = perfect_record(make_gold())
    record.quantities[0].unit = "soldier"
    assert score(record)["quantities.recall"] == 1.0
    record.quantities[0].unit = "troops"
    assert score(record)["quantities.recall"] == 0.0
    record.quantities[0].unit, record.quantities[0].value = "soldiers", 3000
    assert score(record)["quantities.precision"] == 0.0


def test_vague_gold_quantity_matches_by_text() -> None:
    gold = make_gold()
    gold.quantities = [GoldQuantity("dozens of civilians", None, "civilians", vague=True)]
    record = perfect_record(gold)
    assert score(record, gold)["quantities.recall"] == 1.0
    record.quantities[0].vague = False
    assert score(record, gold)["quantities.recall"] == 0.0


def test_event_needs_type_and_one_actor() -> None:
    record = perfect_record(make_gold())
    record.events[0].source = []  # the target alone still matches
    assert score(record)["events.recall"] == 1.0
    record.events[0].target = [entity(record, "Reuters").id]
    assert score(record)["events.recall"] == 0.0
    record = perfect_record(make_gold())
    record.events[0].type = "AID"
    assert score(record)["events.precision"] == 0.0


def test_event_modality_and_date_accuracy() -> None:
    record = perfect_record(make_gold())
    record.events[0].modality = "asserted"
    record.events[0].date = None
    scores = score(record)
    assert scores["events.recall"] == 1.0
    assert scores["events.modality_accuracy"] == 0.0
    assert scores["events.date_accuracy"] == 0.0


def test_event_casualties_accuracy_needs_every_stated_count() -> None:
    gold = make_gold()
    gold.events = [replace(gold.events[0], casualties=(("injured", 3), ("killed", 12)))]
    record = perfect_record(gold)
    record.events[0].casualties = Casualties(killed=12, injured=3, arrested=5)  # unstated counts are free
    assert score(record, gold)["events.casualties_accuracy"] == 1.0
    record.events[0].casualties = Casualties(killed=12)
    assert score(record, gold)["events.casualties_accuracy"] == 0.0
    assert "events.casualties_accuracy" not in score(perfect_record(make_gold()))  # nothing stated


def test_bad_casualties_name_the_field(tmp_path: Path) -> None:
    gold = copy_gold(tmp_path)
    path = gold / "north-incident-notes.gold.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert load_gold(gold)[[a.name for a in load_gold(gold)].index("north-incident-notes")].events[0].casualties
    data["events"][0]["casualties"] = {"dead": 3}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="field 'casualties' must be an object with keys among killed"):
        load_gold(gold)
    data["events"][0]["casualties"] = {"killed": "three"}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="non-negative whole numbers"):
        load_gold(gold)


def test_claims_match_by_content_overlap() -> None:
    record = perfect_record(make_gold())
    first = record.claims[0]
    first.content = Span(0, 0, "The Volkov Group will deploy about 300 soldiers")  # F1 ~0.78
    assert score(record)["claims.recall"] == 1.0
    assert score(record)["claims.content_f1"] < 1.0
    first.content = Span(0, 0, "Reuters")
    assert score(record)["claims.recall"] == pytest.approx(2 / 3)


def test_claim_speaker_stance_and_via_accuracy() -> None:
    record = perfect_record(make_gold())
    record.claims[2].speaker = entity(record, "Anton Brask").id
    record.claims[1].stance = "assert"
    record.claims[0].via = None
    scores = score(record)
    assert scores["claims.speaker_accuracy"] == pytest.approx(2 / 3)
    assert scores["claims.stance_accuracy"] == pytest.approx(2 / 3)
    assert scores["claims.via_accuracy"] == 0.0


def test_relations_match_type_and_ends_symmetric_ones_either_way() -> None:
    record = perfect_record(make_gold())
    rel = record.relations[0]
    rel.source, rel.target = rel.target, rel.source  # ally_of is symmetric
    assert score(record)["relations.recall"] == 1.0
    rel.type = "finances"
    assert score(record)["relations.recall"] == 0.0


def test_scores_are_micro_averaged_over_articles() -> None:
    gold = make_gold()
    good = perfect_record(gold)
    bad = perfect_record(gold)
    bad.entities = bad.entities[:1]
    report = score_records([(good, gold), (bad, gold)])
    assert report.scores["entities.recall"] == pytest.approx(6 / 10)
    assert [a.name for a in report.articles] == ["demo", "demo"]


def test_no_predictions_scores_zero_not_an_error() -> None:
    empty = DocumentRecord(document=Document(id="x", text=TEXT))
    scores = score(empty)
    assert scores["claims.precision"] == 0.0 and scores["claims.recall"] == 0.0
    assert scores["entities.f1"] == 0.0


def test_render_and_json() -> None:
    from rich.console import Console

    report = score_records([(perfect_record(make_gold()), make_gold())])
    report.warnings = ["demo.txt: modified"]
    console = Console(record=True, width=140)
    report.render(console)
    out = console.export_text()
    assert "gold set warning" in out and "entities.clustering" in out and "1.00" in out
    assert json.loads(json.dumps(report.to_json()))["scores"]["dates.f1"] == 1.0


def test_matching_helpers() -> None:
    assert normalise("The Volkov Group’s") == "volkov group"
    assert normalise("a local official") == "local official"
    assert token_f1("foreign troops are here", "foreign troops are in the country") == pytest.approx(0.6)
    assert token_f1("", "x") == 0.0
    assert unit_head("armoured vehicles") == "vehicle"
    assert unit_head("militias") == "militia"


# --- floors ---------------------------------------------------------------------------------------


def test_check_floors_lists_failures_and_unknown_names() -> None:
    report = EvalReport(scores={"entities.recall": 0.5, "dates.f1": 0.9})
    failures = check_floors(report, {"entities.recall": 0.6, "dates.f1": 0.9, "claims.f1": 0.0})
    assert len(failures) == 2
    assert any(f.startswith("entities.recall: 0.500 is below") for f in failures)
    assert any(f.startswith("claims.f1: no such score") for f in failures)
    assert check_floors(report, {"dates.f1": 0.88}) == []


def test_floors_on_article_subsets() -> None:
    articles = [ArticleResult("blind-a", {}, {"events.f1": [1.0, 2.0]}),
                ArticleResult("dev-b", {}, {"events.f1": [9.0, 10.0]})]
    report = EvalReport(scores={"events.f1": 10 / 12}, articles=articles)
    floors = {"events.f1": 0.8, "blind-*/events.f1": 0.5, "!blind-*/events.f1": 0.9}
    assert check_floors(report, floors) == []
    failures = check_floors(report, {"blind-*/events.f1": 0.6, "!blind-*/events.f1": 0.95,
                                     "none-*/events.f1": 0.1})
    assert failures == ["!blind-*/events.f1: 0.900 is below the floor 0.95",
                        "blind-*/events.f1: 0.500 is below the floor 0.60",
                        "none-*/events.f1: no gold article matches (floor 0.10)"]


def test_suggest_floors_subtracts_the_margin_and_rounds_down() -> None:
    report = EvalReport(scores={"a.f1": 0.876, "b.f1": 0.01, "c.f1": 1.0})
    assert suggest_floors(report) == {"a.f1": 0.85, "b.f1": 0.0, "c.f1": 0.98}


CONDITIONAL_SCORES = {"events.casualties_accuracy"}
"""Scores that exist only when some gold event states casualties (the synthetic gold here states none)."""


def test_repo_floors_name_real_scores() -> None:
    floors = load_floors(GOLD_DIR / "floors.json")
    names = set(score(perfect_record(make_gold()))) | CONDITIONAL_SCORES
    assert floors and {name.rsplit("/", 1)[-1] for name in floors} <= names
    assert all(0.0 <= v <= 1.0 for v in floors.values())


# --- manifest -------------------------------------------------------------------------------------


def copy_gold(tmp_path: Path) -> Path:
    target = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, target)
    return target


def test_repo_gold_matches_its_manifest() -> None:
    assert check_manifest(GOLD_DIR) == []


def test_manifest_reports_modified_missing_and_unpinned_files(tmp_path: Path) -> None:
    gold = copy_gold(tmp_path)
    assert check_manifest(gold) == []
    (gold / "vell-attack.txt").write_text("changed\n", encoding="utf-8")
    (gold / "niamey-talks.gold.json").unlink()
    (gold / "extra.txt").write_text("new\n", encoding="utf-8")
    problems = "\n".join(check_manifest(gold))
    assert "vell-attack.txt: modified (pinned sha256" in problems
    assert "niamey-talks.gold.json: pinned in MANIFEST.sha256 but missing" in problems
    assert "extra.txt: not pinned" in problems
    write_manifest(gold)
    assert check_manifest(gold) == []


def test_missing_manifest_is_reported(tmp_path: Path) -> None:
    gold = copy_gold(tmp_path)
    (gold / "MANIFEST.sha256").unlink()
    assert "missing" in check_manifest(gold)[0]


class FakePipeline:
    """Stands in for the spaCy pipeline: returns empty records, so the test needs no model."""

    model = "fake"

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentRecord]:
        for doc in documents:
            assert doc.published is not None and doc.language == "en"
            yield DocumentRecord(document=doc)


def test_evaluate_warns_on_modified_gold(tmp_path: Path) -> None:
    gold = copy_gold(tmp_path)
    path = gold / "oped-sanctions.gold.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Amara Diallo", "A. Diallo"), encoding="utf-8")
    with pytest.warns(GoldManifestWarning, match="oped-sanctions.gold.json: modified"):
        report = evaluate(gold, FakePipeline())  # type: ignore[arg-type]
    assert report.warnings and report.model == "fake"
    assert len(report.articles) == len(list(GOLD_DIR.glob("*.gold.json")))


def test_evaluate_passes_author_and_date_from_annotation(tmp_path: Path) -> None:
    seen: list[Document] = []

    class Recorder(FakePipeline):
        def process(self, documents: Iterable[Document]) -> Iterator[DocumentRecord]:
            for doc in documents:
                seen.append(doc)
                yield DocumentRecord(document=doc)

    evaluate(GOLD_DIR, Recorder())  # type: ignore[arg-type]
    oped = next(d for d in seen if d.id == "oped-sanctions")
    assert oped.author == "Amara Diallo" and oped.published == "2022-07-04"


def test_bad_annotation_names_file_and_field(tmp_path: Path) -> None:
    gold = copy_gold(tmp_path)
    path = gold / "vell-attack.gold.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["quantities"][0]["value"] = "twelve"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"vell-attack\.gold\.json: field 'value' must be"):
        load_gold(gold)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold(gold)


# --- the gold set itself --------------------------------------------------------------------------

KINDS = {"person", "organization", "country", "place", "group", "other"}
SECTORS = set("GOV MIL COP JUD LEG PTY OPP REB PRM PMC SPY UAF BUS CRM CVL JRN EDU MED REF REL SOC ELI "
              "LAB AGR UNK".split())
INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"}
EVENT_TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
                  "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
MODALITIES = {"asserted", "planned", "hypothetical", "negated", "denied", "alleged", "reported"}
RELATIONS = set("leads member_of works_for spokesperson_of finances ally_of opposes competes_with owns "
                "part_of based_in operates_in formerly".split())
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The first eight gold articles, which docs/gold.md says also ship in the demo corpus.
SHIPPED_GOLD = ("ecowas-sanctions", "france-drawdown", "karesia-volkov-deal", "kesh-protests", "niamey-talks",
                "oped-sanctions", "vell-attack", "volkov-denial")


@pytest.fixture(scope="module")
def gold_articles() -> list[GoldArticle]:
    return load_gold(GOLD_DIR)


def occurs(needle: str, text: str) -> bool:
    """Case-insensitive, on word boundaries ("Niger" must not be found inside "Nigeria")."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text, flags=re.IGNORECASE) is not None


def test_gold_set_size_and_dates(gold_articles: list[GoldArticle]) -> None:
    assert 14 <= len(gold_articles) <= 20
    for article in gold_articles:
        assert article.published and ISO_DATE.match(article.published), article.name


def test_gold_texts_occur_in_their_articles(gold_articles: list[GoldArticle]) -> None:
    missing = []
    for a in gold_articles:
        quoted = [e for ent in a.entities for e in ent.surface_forms]
        quoted += [d.text for d in a.dates] + [q.text for q in a.quantities] + [c.content for c in a.claims]
        quoted += [v.trigger for v in a.events if v.trigger]
        missing += [f"{a.name}: {q!r}" for q in quoted if not occurs(q, a.text)]
    assert missing == []


def test_gold_references_name_gold_entities(gold_articles: list[GoldArticle]) -> None:
    dangling = []
    for a in gold_articles:
        refs = [r for v in a.events for r in (*v.source, *v.target, v.place) if r]
        refs += [r for c in a.claims for r in (c.speaker, c.via) if r]
        refs += [r for rel in a.relations for r in (rel.source, rel.target)]
        if a.author:
            refs.append(a.author)
        dangling += [f"{a.name}: {r!r}" for r in refs if a.entity_named(r) is None]
    assert dangling == []


def test_gold_uses_the_shared_vocabularies(gold_articles: list[GoldArticle]) -> None:
    for a in gold_articles:
        for e in a.entities:
            assert e.kind in KINDS, (a.name, e)
            assert e.sector is None or e.sector in SECTORS, (a.name, e)
            assert e.country is None or e.country in INTERNATIONAL or re.fullmatch("[A-Z]{3}", e.country)
        for d in a.dates:
            assert all(x is None or ISO_DATE.match(x) for x in (d.start, d.end)), (a.name, d)
            assert d.end is None or d.start is None or d.start <= d.end, (a.name, d)
        for v in a.events:
            assert v.type in EVENT_TYPES and v.modality in MODALITIES, (a.name, v)
            assert v.date is None or ISO_DATE.match(v.date), (a.name, v)
        for c in a.claims:
            assert c.stance in {"assert", "deny"} and c.kind in {"direct", "reported", "opinion"}, c
        for r in a.relations:
            assert r.type in RELATIONS and r.modality in MODALITIES, (a.name, r)


def test_gold_covers_the_hard_cases(gold_articles: list[GoldArticle]) -> None:
    by_name = {a.name: a for a in gold_articles}
    countries = {e.country for a in gold_articles for e in a.entities}
    assert {"NER", "NGA"} <= countries  # Niger and Nigeria both annotated
    assert any(c.via and c.speaker != c.via for a in gold_articles for c in a.claims)  # nested attribution
    assert any(c.kind == "opinion" and c.speaker == a.author for a in gold_articles for c in a.claims
               if a.author)
    assert any("denial" in c.content and c.stance == "deny" for a in gold_articles for c in a.claims)
    volkov = by_name["karesia-volkov-deal"].entity_named("Volkov Group")
    assert volkov is not None and len(volkov.aliases) >= 4


def test_demo_corpus_has_every_format() -> None:
    paths = example_paths()
    suffixes = [p.suffix for p in paths]
    assert suffixes.count(".html") >= 3 and ".xml" in suffixes and ".jsonl" in suffixes
    assert suffixes.count(".txt") >= 9
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            assert "Leave a Reply" in text and 'property="og:site_name"' in text and 'name="author"' in text
    shipped = {p.name: p.read_text(encoding="utf-8") for p in paths}
    for name in SHIPPED_GOLD:  # docs/gold.md promises the first eight gold articles ship as demos
        article = GOLD_DIR / f"{name}.txt"
        assert shipped.get(article.name) == article.read_text(encoding="utf-8"), article.name
    jsonl = next(p for p in paths if p.suffix == ".jsonl").read_text(encoding="utf-8").splitlines()
    assert [sorted(json.loads(line))[:3] for line in jsonl] == [["id", "published", "source"]] * 2


@pytest.mark.slow
def test_pipeline_holds_the_floors(pipeline: Pipeline) -> None:
    """The quality gate: the real pipeline on the gold set, every score at or above its floor."""
    report = evaluate(GOLD_DIR, pipeline)
    assert report.warnings == []
    assert check_floors(report, load_floors(GOLD_DIR / "floors.json")) == []


# --- subsets (old eight vs new six) ---------------------------------------------------------------


def test_subset_re_averages_raw_counts_not_article_scores() -> None:
    gold = make_gold()
    good, bad = perfect_record(gold), perfect_record(gold)
    bad.entities = bad.entities[:1]
    bad.document.id = "bad"
    report = score_records([(good, gold), (bad, replace(gold, name="bad"))])
    assert report.subset(["demo"]).scores["entities.recall"] == 1.0
    assert report.subset(["bad"]).scores["entities.recall"] == pytest.approx(1 / 5)
    both = report.subset(["demo", "bad", "demo"])  # duplicates count once
    assert both.scores == report.scores and [a.name for a in both.articles] == ["demo", "bad"]
    with pytest.raises(InputError, match="no gold article named nope"):
        report.subset(["nope"])


def test_evaluate_only_runs_the_named_articles() -> None:
    seen: list[str] = []

    class Recorder(FakePipeline):
        def process(self, documents: Iterable[Document]) -> Iterator[DocumentRecord]:
            for doc in documents:
                seen.append(doc.id)
                yield DocumentRecord(document=doc)

    report = evaluate(GOLD_DIR, Recorder(), only=["vell-attack", "north-incident-notes"])  # type: ignore[arg-type]
    assert seen == ["north-incident-notes", "vell-attack"]
    assert [a.name for a in report.articles] == seen
    with pytest.raises(NotFound, match="no gold article named missing-one"):
        evaluate(GOLD_DIR, Recorder(), only=["missing-one"])  # type: ignore[arg-type]


# --- coverage of the second batch of gold articles ------------------------------------------------

# Event types the brief asks to see at least twice across the gold set.
TWICE = ("CONSULT SUPPORT CONCEDE RETREAT REQUEST REJECT COOPERATE SANCTION MOBILIZE COERCE "
         "AGREE ASSAULT").split()


def test_gold_covers_every_event_type_and_modality(gold_articles: list[GoldArticle]) -> None:
    types = Counter(v.type for a in gold_articles for v in a.events)
    assert set(types) == EVENT_TYPES
    assert [t for t in TWICE if types[t] < 2] == []
    assert {v.modality for a in gold_articles for v in a.events} == MODALITIES


def test_gold_covers_the_second_batch_hard_cases(gold_articles: list[GoldArticle]) -> None:
    by_name = {a.name: a for a in gold_articles}
    notes = by_name["north-incident-notes"]
    assert len({v.date for v in notes.events}) >= 6  # one dated paragraph per incident
    assert any(d.end is None for d in notes.dates) and any(d.start != d.end for d in notes.dates if d.end)
    # An interrupted quote is two direct claims of one speaker.
    arou = [c for c in by_name["algiers-talks-release"].claims if c.speaker == "Salif Arou" and c.kind == "direct"]
    assert len(arou) == 2
    oped = by_name["oped-volkov-exit"]
    assert oped.author and sum(c.kind == "opinion" and c.speaker == oped.author for c in oped.claims) >= 8
    # The business piece is there to count false positives: few events, none violent.
    business = by_name["korvath-gold-licence"]
    assert len(business.events) <= 4 and not any(v.type == "ASSAULT" for v in business.events)


def test_no_surface_form_names_two_gold_entities(gold_articles: list[GoldArticle]) -> None:
    """Clustering is scored over distinct normalised forms: one form in two entities would be ambiguous."""
    clashes = []
    for article in gold_articles:
        owner: dict[str, str] = {}
        for entity in article.entities:
            for form in {normalise(f) for f in entity.surface_forms}:
                if owner.setdefault(form, entity.name) != entity.name:
                    clashes.append(f"{article.name}: {form!r} in {owner[form]!r} and {entity.name!r}")
    assert clashes == []
