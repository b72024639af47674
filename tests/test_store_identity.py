"""Cross-document actor keys: merge decorations of one name, never neighbouring names."""

from __future__ import annotations

import pytest

from sitroom.resolve.identity import actor_key, country_code, fold, key_name, normalise_name


@pytest.mark.parametrize("name", ["Wagner", "Wagner Group", "PMC Wagner", "the Wagner group", "Wagner's",
                                  "Wagner\u2019s", "Wagner PMC", "WAGNER GROUP"])
def test_wagner_forms_share_a_key(name: str) -> None:
    assert actor_key(name, "organization", "RUS") == "org:wagner"


@pytest.mark.parametrize("name", ["the Volkov Group", "Volkov", "Volkov Private Military Company"])
def test_invented_pmc_forms_share_a_key(name: str) -> None:
    assert actor_key(name, "organization") == "org:volkov"


def test_group_and_organization_kinds_share_keys_person_does_not() -> None:
    assert actor_key("Volkov", "group") == actor_key("Volkov Group", "organization")
    assert actor_key("Volkov", "person") != actor_key("Volkov", "organization")


@pytest.mark.parametrize(("a", "b"), [
    ("Niger", "Nigeria"), ("Guinea", "Guinea-Bissau"), ("Sudan", "South Sudan"), ("Dominica", "Dominican Republic"),
])
def test_neighbouring_country_names_stay_apart(a: str, b: str) -> None:
    assert actor_key(a, "country") != actor_key(b, "country")


def test_countries_are_keyed_by_iso_code() -> None:
    assert actor_key("Mali", "country") == "country:MLI"
    assert actor_key("the Republic of Mali", "country") == "country:MLI"
    assert actor_key("Karesia", "country", "KRS") == "country:KRS"
    assert actor_key("Republic of Karesia", "country") == "country:republic of karesia"


def test_generic_wrappers_alone_are_not_stripped_to_nothing() -> None:
    assert actor_key("the Group", "organization") == "org:group"
    assert actor_key("Islamic State Group", "organization") == "org:islamic state"
    assert actor_key("Front", "organization") == "org:front"


def test_bare_institutions_need_their_country() -> None:
    assert actor_key("the army", "organization", "KRS") == "org:army@KRS"
    assert actor_key("The Army", "organization", "ARD") == "org:army@ARD"
    assert actor_key("the army", "organization") == "org:army@?"
    assert actor_key("Karesian army", "organization", "KRS") == "org:karesian army"


def test_person_titles_drop_but_names_stay() -> None:
    assert actor_key("General Anton Brask", "person") == actor_key("Anton Brask", "person")
    assert actor_key("Col. Anton Brask", "person") == "person:anton brask"
    assert actor_key("Brask", "person") != actor_key("Anton Brask", "person")
    assert actor_key("General", "person") == "person:general"


def test_folding_accents_punctuation() -> None:
    assert fold("Al-Qa\u00efda!") == "al qaida"
    assert normalise_name("The U.N.'s") == "un"
    assert actor_key("Assimi Go\u00efta", "person") == actor_key("Assimi Goita", "person")


def test_country_code_lookup() -> None:
    assert country_code("Niger") == "NER"
    assert country_code("Nigeria") == "NGA"
    assert country_code("FRA") == "FRA"
    assert country_code("Karesia") is None
    assert country_code("") is None


def test_key_name_is_the_name_part() -> None:
    assert key_name("org:army@KRS") == "army"
    assert key_name("person:anton brask") == "anton brask"


def test_names_that_fold_to_nothing_do_not_merge() -> None:
    assert actor_key("\u2014", "organization") != actor_key("***", "organization")
