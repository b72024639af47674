"""Gazetteer mention step: typed, coded, non-overlapping mentions (fixtures are our own sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.config import Limits
from sitroom.extract.context import Context
from sitroom.extract.gazetteer import GazetteerMentionStep
from sitroom.extract.pipeline import Pipeline
from sitroom.extract.sentences import SentenceStep
from sitroom.records import Document, DocumentRecord, Mention

Run = Callable[..., list[Mention]]


@pytest.fixture(scope="module")
def mentions(pipeline: Pipeline) -> Run:
    """Parse with the session's model and run only sentences + gazetteer (other steps are not ours)."""

    def run(text: str, limits: Limits | None = None) -> list[Mention]:
        document = Document(id="t", text=text, language="en")
        ctx = Context(document=document, doc=pipeline.nlp(text), record=DocumentRecord(document=document),
                      limits=limits or Limits())
        SentenceStep()(ctx)
        GazetteerMentionStep()(ctx)
        run.ctx = ctx  # type: ignore[attr-defined]
        return ctx.mentions

    return run


def find(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


def texts(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions]


# -- the seed article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_mentions(seed_text: str, mentions: Run) -> list[Mention]:
    return mentions(seed_text)


def test_seed_mali_is_always_a_country(seed_mentions: list[Mention]) -> None:
    malis = [m for m in seed_mentions if m.text == "Mali"]
    assert len(malis) > 10
    assert all(m.kind == "country" and m.country == "MLI" for m in malis)


def test_seed_actors(seed_mentions: list[Mention]) -> None:
    peskov = find(seed_mentions, "Peskov")
    assert (peskov.kind, peskov.role, peskov.country, peskov.sector) == ("person", "spokesperson", "RUS", "GOV")
    wagner = find(seed_mentions, "Wagner Group")
    assert (wagner.kind, wagner.sector, wagner.country) == ("organization", "PMC", "RUS")
    kremlin = find(seed_mentions, "Kremlin")
    assert (kremlin.kind, kremlin.country, kremlin.sector) == ("organization", "RUS", "GOV")
    bamako = [m for m in seed_mentions if m.text == "Bamako"]
    assert bamako and all((m.kind, m.country) == ("place", "MLI") for m in bamako)
    french = find(seed_mentions, "French forces")
    assert (french.country, french.sector, french.is_name) == ("FRA", "MIL", False)
    niger = find(seed_mentions, "Niger")
    assert (niger.kind, niger.country) == ("country", "NER")


def test_seed_headline_fragment_is_not_a_person(seed_mentions: list[Mention]) -> None:
    assert not [m for m in seed_mentions if m.kind == "person" and "Mali" in m.text]


def test_seed_mentions_never_overlap_except_nested_names(seed_mentions: list[Mention]) -> None:
    """Names sit inside descriptions, and places inside organisations' names; nothing else overlaps."""
    spans = {(m.start, m.end) for m in seed_mentions}
    assert len(spans) == len(seed_mentions)
    for a in seed_mentions:
        for b in seed_mentions:
            if a is b or a.end <= b.start or b.end <= a.start:
                continue
            outer, inner = (a, b) if a.end - a.start > b.end - b.start else (b, a)
            place_in_name = outer.kind == "organization" and inner.kind in ("country", "place")
            assert inner.is_name and (not outer.is_name or place_in_name)
            assert outer.start <= inner.start and inner.end <= outer.end


def test_seed_offsets_and_provenance(seed_text: str, seed_mentions: list[Mention]) -> None:
    for m in seed_mentions:
        assert seed_text[m.start : m.end] == m.text
        assert m.extractor == "gazetteer/1" and m.sentence >= 0
        assert not m.text.lower().startswith("the ") and not m.text.endswith(("'s", "\u2019s"))


# -- invented names -----------------------------------------------------------------------------


def test_demonym_with_organ_head_is_a_description(mentions: Run) -> None:
    found = mentions("Officials said Russian military representatives arrived in Karlsburg.")
    rep = find(found, "Russian military representatives")
    assert (rep.kind, rep.country, rep.sector, rep.canonical, rep.is_name) == (
        "organization", "RUS", "MIL", "Russian military", False)


def test_bare_demonym_before_a_thing_gives_nothing(mentions: Run) -> None:
    found = mentions("The deal is legal under Russian law, and the crowd waved Russian flags.")
    assert not [m for m in found if "Russian" in m.text]


def test_possessive_description_and_country(mentions: Run) -> None:
    found = mentions("Karesia's ruling military junta met envoys, while Mali's ruling military junta waited.")
    junta = find(found, "Mali\u2019s ruling military junta".replace("\u2019", "'"))
    assert (junta.kind, junta.country, junta.sector, junta.is_name) == ("organization", "MLI", "GOV", False)
    mali = find(found, "Mali")
    assert (mali.kind, mali.country, mali.is_name) == ("country", "MLI", True)


def test_unknown_republic_and_its_demonym(mentions: Run) -> None:
    found = mentions("The Republic of Karesia has closed its border. Karesian troops patrolled the river.")
    state = find(found, "Republic of Karesia")
    assert state.kind == "country" and state.canonical == "Karesia"
    troops = find(found, "Karesian troops")
    assert (troops.kind, troops.sector, troops.is_name) == ("organization", "MIL", False)


def test_unknown_company_typed_from_apposition(mentions: Run) -> None:
    found = mentions("The Volkov Group, a private military company, denied the report.")
    volkov = find(found, "Volkov Group")
    assert (volkov.kind, volkov.sector) == ("organization", "PMC")


def test_person_role_from_unknown_demonym_title(mentions: Run) -> None:
    found = mentions("Kresnovian President Ilya Dorn flew to the summit on Tuesday.")
    dorn = find(found, "Ilya Dorn")
    assert (dorn.kind, dorn.role, dorn.sector) == ("person", "president", "GOV")


def test_person_role_from_title_and_known_country(mentions: Run) -> None:
    found = mentions("Mali Prime Minister Tiemoko Sangare and Russian President Oleg Varin met in Moscow.")
    sangare = find(found, "Tiemoko Sangare")
    assert (sangare.role, sangare.country, sangare.sector) == ("prime minister", "MLI", "GOV")
    varin = find(found, "Oleg Varin")
    assert (varin.role, varin.country, varin.sector) == ("president", "RUS", "GOV")
    moscow = find(found, "Moscow")
    assert (moscow.kind, moscow.country) == ("place", "RUS")


def test_general_of_unknown_state_keeps_name_only(mentions: Run) -> None:
    found = mentions("General Anton Brask of Karesia refused to comment.")
    brask = [m for m in found if m.kind == "person"]
    assert brask and brask[0].text == "Anton Brask" and brask[0].role == "general" and brask[0].sector == "MIL"


def test_spokesperson_for_an_institution(mentions: Run) -> None:
    found = mentions("Kremlin spokesman Pavel Orlov said nothing had been signed.")
    orlov = find(found, "Pavel Orlov")
    assert (orlov.role, orlov.country, orlov.sector) == ("spokesperson", "RUS", "GOV")


def test_niger_beside_mali_and_nigerien_vs_nigerian(mentions: Run) -> None:
    found = mentions("Troops moved from Mali to Niger. Nigerien soldiers and Nigerian police met at the border.")
    assert find(found, "Niger").country == "NER"
    assert find(found, "Nigerien soldiers").country == "NER"
    assert find(found, "Nigerian police").country == "NGA"
    assert find(found, "Nigerian police").sector == "COP"


def test_igos_and_militant_groups(mentions: Run) -> None:
    found = mentions("ECOWAS and the EU condemned the attack claimed by JNIM, while jihadists fled north.")
    assert find(found, "ECOWAS").country == "IGO"
    assert find(found, "EU").country == "EUR"
    jnim = find(found, "JNIM")
    assert (jnim.country, jnim.sector) == ("IMG", "REB")
    jihadists = find(found, "jihadists")
    assert (jihadists.kind, jihadists.sector, jihadists.is_name) == ("group", "REB", False)


def test_given_name_countries_stay_in_person_names(mentions: Run) -> None:
    found = mentions("Jordan Whitfield interviewed refugees in Chad last week.")
    assert find(found, "Jordan Whitfield").kind == "person"
    assert find(found, "Chad").kind == "country"


def test_common_word_cities_need_support(mentions: Run) -> None:
    found = mentions("Surprise spread among the delegates in Lagos.")
    assert "Surprise" not in texts(found)
    assert find(found, "Lagos").country == "NGA"


def test_combining_prefix_is_a_country_reference(mentions: Run) -> None:
    found = mentions("Franco-Karesian relations have cooled since the vote.")
    franco = find(found, "Franco")
    assert (franco.kind, franco.country, franco.is_name) == ("country", "FRA", False)


def test_max_mentions_limit_warns(mentions: Run) -> None:
    found = mentions("France, Mali, Niger and Chad met Russia.", limits=Limits(max_mentions=2))
    assert texts(found) == ["France", "Mali"]
    ctx = mentions.ctx  # type: ignore[attr-defined]
    assert any("SITROOM_MAX_MENTIONS" in w for w in ctx.record.warnings)


def test_possessive_title_without_name_is_a_person_description(mentions: Run) -> None:
    found = mentions("France's Armed Forces Minister flew to Niamey on Friday.")
    minister = find(found, "France's Armed Forces Minister")
    assert (minister.kind, minister.role, minister.country, minister.is_name) == (
        "person", "defence minister", "FRA", False)
    assert find(found, "Niamey").country == "NER"


def test_model_person_label_on_a_city_after_a_preposition(mentions: Run) -> None:
    found = mentions("Islamists attacked a convoy near Gao, and the White House issued a statement.")
    gao = find(found, "Gao")
    assert (gao.kind, gao.country) == ("place", "MLI")
    islamists = find(found, "Islamists")
    assert (islamists.kind, islamists.sector) == ("group", "REB")
    white_house = find(found, "White House")
    assert (white_house.country, white_house.sector) == ("USA", "GOV")


def test_the_stays_in_the_hague(mentions: Run) -> None:
    found = mentions("The tribunal in The Hague heard Ivory Coast's foreign minister Awa Kone.")
    assert find(found, "The Hague").country == "NLD"
    kone = find(found, "Awa Kone")
    assert (kone.role, kone.country) == ("foreign minister", "CIV")


def test_company_suffix_and_former_official(mentions: Run) -> None:
    found = mentions("Dantor Mining Ltd signed the contract, said former Prime Minister Lena Osk.")
    assert find(found, "Dantor Mining Ltd").sector == "BUS"
    osk = find(found, "Lena Osk")
    assert (osk.role, osk.sector) == ("prime minister", "ELI")


# -- places for geocoding: admin units, nested places, datelines, hierarchies -----------------------


def kinds(found: list[Mention]) -> dict[str, str]:
    return {m.text: m.kind for m in found}


def test_states_and_provinces_are_places(mentions: Run) -> None:
    found = kinds(mentions("General Anton Brask flew from Kesh to Manitoba and then toured Kentucky."))
    assert found["Manitoba"] == "place" and found["Kentucky"] == "place"


def test_county_names_are_places_only_with_their_unit_word(mentions: Run) -> None:
    found = kinds(mentions("A man from Metcalfe County was arrested, Sergeant Barren said."))
    assert found["Metcalfe County"] == "place"
    assert "Barren" not in found or found["Barren"] == "person"


def test_generic_admin_words_are_not_places(mentions: Run) -> None:
    found = kinds(mentions("The Centre for Karesian Studies said the Littoral office had closed."))
    assert "Centre" not in found and "Littoral" not in found


def test_place_inside_an_organisation_name_is_a_nested_mention(mentions: Run) -> None:
    found = mentions("Officers of the Kentucky State Police and the University of Manitoba met the Volkov Group.")
    texts_found = kinds(found)
    assert texts_found["Kentucky"] == "place" and texts_found["Manitoba"] == "place"
    assert texts_found["Kentucky State Police"] == "organization"


def test_town_before_university_is_not_a_nested_place(mentions: Run) -> None:
    found = kinds(mentions("She studied at Columbia University before joining the Volkov Group."))
    assert "Columbia" not in found


def test_untagged_big_city_is_a_place_unless_it_opens_the_sentence(mentions: Run) -> None:
    found = kinds(mentions("A man is in a Winnipeg jail after General Anton Brask testified."))
    assert found.get("Winnipeg") == "place"


def test_dash_dateline_makes_an_unknown_town_a_place(mentions: Run) -> None:
    found = kinds(mentions("Mason charged in Kesh. DUMENI — A stonemason from Dumeni was arraigned Tuesday."))
    assert found["DUMENI"] == "place" and found["Dumeni"] == "place"


def test_bare_dateline_of_a_known_city(mentions: Run) -> None:
    found = kinds(mentions("WASHINGTON Senator Anton Brask pardoned the Volkov Group on Tuesday."))
    assert found["WASHINGTON"] == "place"


def test_state_abbreviation_after_a_town(mentions: Run) -> None:
    found = mentions("VELLTOWN, Ky. (WKYT) - A crash near Barrie, Ont., killed two.")
    ky = find(found, "Ky.")
    assert (ky.kind, ky.canonical) == ("place", "Kentucky")
    assert find(found, "Ont.").canonical == "Ontario"


def test_bracket_hierarchy_makes_three_places(mentions: Run) -> None:
    found = kinds(mentions("On 3 May 2021, gunmen killed two herders near Vellora (Kesh, Tarsk) and fled."))
    assert found["Vellora"] == "place" and found["Kesh"] == "place" and found["Tarsk"] == "place"


def test_bracketed_acronyms_are_not_a_hierarchy(mentions: Run) -> None:
    found = kinds(mentions("Fighters of the Volkov Group (VG, KLA) attacked Kesh."))
    assert found.get("VG") != "place" and found.get("KLA") != "place"


def test_model_span_cut_at_an_unclosed_bracket(mentions: Run) -> None:
    found = mentions("Militants burned wells near Tallikoye (Tallikoye, Oudalan) in May.")
    assert all("(" not in m.text for m in found)


def test_known_town_typed_organisation_after_in_is_a_place(mentions: Run) -> None:
    found = kinds(mentions("Lucy Brask was born in Churchill, and a Churchill doctor flew her from Churchill."))
    assert found["Churchill"] == "place"


# ---- name cues (sitroom.extract.name_cues): endings, outlets, people, places --------------------

def typed(found: list[Mention], text: str) -> tuple[str, str | None]:
    m = find(found, text)
    return m.kind, m.sector


@pytest.mark.parametrize(
    ("sentence", "name", "sector"),
    [
        ("Police blamed the Dorvak Cartel for the killings in the border town.", "Dorvak Cartel", "CRM"),
        ("Members of the Velmora Gang were arrested on Tuesday.", "Velmora Gang", "CRM"),
        ("The Brask Mafia controls the port, officials said.", "Brask Mafia", "CRM"),
        ("Voters backed the Karesian Unity Party in the election.", "Karesian Unity Party", "PTY"),
        ("Shares in Tallow Brothers Ltd fell sharply on Monday.", "Tallow Brothers Ltd", "BUS"),
        ("Passengers of Vellmark Airways were stranded for hours.", "Vellmark Airways", "BUS"),
        ("Dornic Holdings bought the rival firm last year.", "Dornic Holdings", "BUS"),
        ("Officers of the Tarsk Constabulary detained three men.", "Tarsk Constabulary", "COP"),
    ],
)
def test_name_endings_give_the_sector(mentions: Run, sentence: str, name: str, sector: str) -> None:
    assert typed(mentions(sentence), name) == ("organization", sector)


def test_central_bank_is_government_and_bank_of_a_state_has_its_country(mentions: Run) -> None:
    found = mentions("The Central Bank of Karesia raised rates, and the Bank of Portugal held them.")
    assert typed(found, "Central Bank of Karesia") == ("organization", "GOV")
    portugal = find(found, "Bank of Portugal")
    assert (portugal.sector, portugal.country) == ("GOV", "PRT")


def test_a_private_bank_is_a_business(mentions: Run) -> None:
    assert typed(mentions("Anton Brask, an economist at Volkov Savings Bank, said rates would rise."),
                 "Volkov Savings Bank") == ("organization", "BUS")


@pytest.mark.parametrize(
    "sentence",
    [
        "The killings were carried out by the gang, reported El Vigilante.",
        "Three officers were dismissed, according to La Voz Karesiana.",
        "The minister told La Gaceta Tarsk that the road would reopen.",
    ],
)
def test_foreign_article_outlets_after_reporting_words_are_media(mentions: Run, sentence: str) -> None:
    outlet = next(m for m in mentions(sentence) if m.text.split()[0] in ("El", "La"))
    assert (outlet.kind, outlet.sector) == ("organization", "JRN")


def test_inverted_reported_makes_an_outlet(mentions: Run) -> None:
    found = mentions("Two bodies were found near the highway on Sunday, reported Vortagna.")
    assert typed(found, "Vortagna") == ("organization", "JRN")


def test_media_noun_before_a_name_makes_an_outlet(mentions: Run) -> None:
    found = mentions("The daily Kresnovia Voice published the leaked letter.")
    outlet = next(m for m in found if "Kresnovia" in m.text)
    assert (outlet.kind, outlet.sector) == ("organization", "JRN")


def test_newspaper_name_endings(mentions: Run) -> None:
    assert typed(mentions("Anton Brask wrote in the Vell Herald that talks had failed."),
                 "Vell Herald") == ("organization", "JRN")


def test_alias_and_named_make_people(mentions: Run) -> None:
    found = mentions('Police arrested Dario Velasko, alias "El Tordo," in Kesh. '
                     "I met a woman named Ilvana at the bus terminal.")
    assert find(found, "El Tordo").kind == "person"
    assert find(found, "Ilvana").kind == "person"


def test_tail_of_a_longer_person_name_is_that_person(mentions: Run) -> None:
    found = mentions("President Anton Ruiz Brask spoke on Monday. Ruiz Brask's term ends next year.")
    assert all(m.kind == "person" for m in found if "Brask" in m.text)


def test_honorific_makes_a_person_but_not_a_possessed_thing(mentions: Run) -> None:
    found = mentions("Ms Velkova resigned. Mr Dorn's Karesia Growth Fund was closed.")
    assert any(m.text.endswith("Velkova") and m.kind == "person" for m in found)
    assert all(m.kind != "person" for m in found if "Fund" in m.text)


def test_name_cue_overrules_an_organisation_label(pipeline: Pipeline) -> None:
    """The model's ORG label on a person after an honorific or an alias (as it does on real news)."""
    from spacy.tokens import Span

    from sitroom.extract.name_cues import name_cue

    doc = pipeline.nlp('After Ms Hughes resigned, police sought Dario Velasko, alias "El Tordo".')
    hughes = Span(doc, 2, 3, label="ORG")
    tordo = Span(doc, len(doc) - 4, len(doc) - 2, label="ORG")
    assert (hughes.text, tordo.text) == ("Hughes", "El Tordo")
    assert name_cue(hughes) is not None and name_cue(hughes).kind == "person"  # type: ignore[union-attr]
    assert name_cue(tordo) is not None and name_cue(tordo).kind == "person"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Soldiers patrolled the Varnitsa province after the attack.", "Varnitsa"),
        ("A mass grave was found in the northern state of Dolmaria last week.", "Dolmaria"),
        ("Gunmen attacked the office of Kelvado's governor on Friday.", "Kelvado"),
    ],
)
def test_territorial_nouns_make_places(mentions: Run, sentence: str, name: str) -> None:
    assert find(mentions(sentence), name).kind == "place"


def test_places_listed_beside_a_known_place_are_places(mentions: Run) -> None:
    found = mentions("Violence rose in the states of Sinaloa, Sonora and Durango last year.")
    assert {find(found, n).kind for n in ("Sinaloa", "Sonora", "Durango")} == {"place"}


def test_numbers_before_territorial_nouns_are_not_places(mentions: Run) -> None:
    found = mentions("Homicides fell in two provinces and 22 departments of Karesia.")
    assert not any(m.text in ("two", "22") for m in found)
