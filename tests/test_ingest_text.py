"""Plain text and Markdown readers: cleaning, title, byline, trailing boilerplate, markup removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.ids import content_hash, document_id
from sitroom.ingest import InputFailure, read_path
from sitroom.ingest.base import Item
from sitroom.ingest.clean import clean_text, iso_date
from sitroom.ingest.markdown import markdown_to_text
from sitroom.ingest.text import analyse_text, person_name, strip_trailing_boilerplate
from sitroom.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

BODY = (
    "The Republic of Karesia signed a border pact with the Volkov Group on Tuesday.\n\n"
    "General Anton Brask said the contractors would leave within a year."
)


def only_document(items: list[Item]) -> Document:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Document), item
    return item


def read_one(path: Path) -> Document:
    return only_document(list(read_path(path)))


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", newline="")
    return path


# --- cleaning -------------------------------------------------------------------------------


def test_clean_text_normalises_newlines_unicode_nul_and_trailing_space() -> None:
    raw = "\n\nCafe\u0301 in Drevna \t\r\nSecond\x00 line\rThird   \n\n\n"
    assert clean_text(raw) == "Caf\u00e9 in Drevna\nSecond line\nThird"


def test_txt_reader_cleans_text_and_sets_ids(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xef\xbb\xbfGeneral Anton Brask arrived.  \r\nHe left on Monday.\x00\r\n")
    doc = read_one(path)
    assert doc.text == "General Anton Brask arrived.\nHe left on Monday."
    assert doc.id == document_id(doc.text)
    assert doc.content_hash == content_hash(doc.text)
    assert doc.origin == str(path)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-09-22", "2021-09-22"),
        ("2021-09", "2021-09"),
        ("2021", "2021"),
        ("2021-09-22T10:15:00Z", "2021-09-22"),
        ("Wed, 22 Sep 2021 10:00:00 GMT", "2021-09-22"),
        ("2021-13-01", None),
        ("next Tuesday", None),
        ("", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected


# --- title, byline, boilerplate -------------------------------------------------------------


def test_short_first_line_before_blank_line_is_title_and_stays_in_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", "Karesia Hires Foreign Guards\n\n" + BODY + "\n"))
    assert doc.title == "Karesia Hires Foreign Guards"
    assert doc.text.startswith("Karesia Hires Foreign Guards\n\n")


def test_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", "Ostrava recalled its ambassador on Friday.\n\n" + BODY))
    assert doc.title is None


def test_trailing_name_is_byline_and_boilerplate_is_stripped(tmp_path: Path) -> None:
    raw = "Karesia Hires Foreign Guards\n\n" + BODY + "\n\nJane Q. Doe\n\n\nLeave a Reply\nShare this:\n"
    doc = read_one(write(tmp_path, "a.txt", raw))
    assert doc.author == "Jane Q. Doe"
    assert doc.text.endswith(BODY + "\n\nJane Q. Doe")
    assert "Leave a Reply" not in doc.text and "Share this" not in doc.text


def test_thank_you_last_line_is_not_a_byline(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", BODY + "\n\nThank you.\n"))
    assert doc.author is None
    assert doc.text.endswith("Thank you.")


def test_byline_after_title_with_by_prefix(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", "Karesia Hires Foreign Guards\n\nBy Mira Solberg\n\n" + BODY))
    assert doc.title == "Karesia Hires Foreign Guards"
    assert doc.author == "Mira Solberg"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Emil van der Berg", "Emil van der Berg"),
        ("By Lena Marwick and Tomas Reyl", "Lena Marwick and Tomas Reyl"),
        ("Sean O'Connell-Reyes", "Sean O'Connell-Reyes"),
        ("Related Posts", None),
        ("Thank You", None),
        ("United States", None),
        ("Republic of Karesia", None),
        ("The end.", None),
        ("Anton", None),
        ("Brask said no", None),
        ("GENERAL ANTON BRASK", None),
    ],
)
def test_person_name(line: str, expected: str | None) -> None:
    assert person_name(line) == expected


def test_boilerplate_inside_the_article_is_kept() -> None:
    text = "Leave a Reply\n\n" + BODY + "\n\nRelated posts\nLeave a Reply\n\n"
    assert strip_trailing_boilerplate(text) == "Leave a Reply\n\n" + BODY


def test_one_line_title_only_text_has_no_byline() -> None:
    parts = analyse_text("Anton Brask\n")
    assert parts.author is None and parts.title is None


def test_seed_article(seed_text: str, tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "seed.txt", seed_text))
    assert doc.title == "Mali Looks To Russian Mercenaries For Security"
    assert doc.author == "Emmet McGeown"
    assert doc.text.endswith("Emmet McGeown")
    assert "Leave a Reply" not in doc.text


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_inline_markup_is_removed() -> None:
    text, heading = markdown_to_text(
        "## Border *pact* signed\n\n"
        "The **Volkov Group** and [the ministry](https://example.org/m \"t\") met `twice`; "
        "see <https://example.org/x>. Snake_case_name stays, \\*literal stars\\* too.~~gone~~\n"
    )
    assert heading == "Border pact signed"
    assert text == (
        "Border pact signed\n\n"
        "The Volkov Group and the ministry met twice; see https://example.org/x. "
        "Snake_case_name stays, *literal stars* too.gone"
    )


def test_markdown_blocks_code_quotes_lists_rules_and_tables() -> None:
    text, heading = markdown_to_text(
        "Intro paragraph.\n\n```python\nprint('hidden')\n```\n\n> quoted line\n\n"
        "* first item\n1. numbered item\n\n---\n\n| Side | Troops |\n|------|--------|\n| Karesia | 800 |\n\n"
        "Setext Heading\n==============\n\n[1]: https://example.org/ref\n"
    )
    assert heading is None
    assert "print" not in text and "```" not in text and "https://example.org/ref" not in text
    assert "quoted line" in text and ">" not in text
    assert "\nfirst item\n1. numbered item" in text
    assert "Karesia | 800" in text and "---" not in text
    assert "Setext Heading" in text and "===" not in text


def test_markdown_front_matter_gives_metadata() -> None:
    doc = read_one(FIXTURES / "article.md")
    assert doc.title == "Karesia and the Volkov Group"
    assert doc.author == "Petra Lind"
    assert doc.published == "2023-03-20"
    assert "---" not in doc.text and "title:" not in doc.text
    assert "tracking" not in doc.text and "convoy.jpg" not in doc.text


def test_same_text_in_txt_and_md_has_same_id() -> None:
    md = read_one(FIXTURES / "article.md")
    txt = read_one(FIXTURES / "article.txt")
    assert md.text == txt.text
    assert md.id == txt.id and md.content_hash == txt.content_hash


def test_markdown_of_only_markup_is_a_failure(tmp_path: Path) -> None:
    items = list(read_path(write(tmp_path, "empty.md", "```\ncode only\n```\n\n---\n")))
    assert items == [InputFailure(str(tmp_path / "empty.md"), "no text")]


def test_title_and_byline_survive_extra_blank_lines(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", "Drevna Update\n\n\n\u2014 Tomas Reyl\n\n\n" + BODY))
    assert (doc.title, doc.author) == ("Drevna Update", "Tomas Reyl")


def test_name_inside_a_paragraph_is_not_a_byline(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", "Drevna Update\n\nAnton Brask\nresigned on Friday.\n\n" + BODY))
    assert doc.author is None


def test_leading_whitespace_is_not_part_of_the_text() -> None:
    from sitroom.ingest.clean import clean_text
    assert clean_text("  \n\t Rebels attacked Vell. \n") == "Rebels attacked Vell."
