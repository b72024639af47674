"""RSS/Atom reader: one Document per entry with its metadata; broken feeds are failures."""

from __future__ import annotations

from pathlib import Path

from sitroom.ingest import InputFailure, read_path
from sitroom.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def documents(items: list[Document | InputFailure]) -> list[Document]:
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


def test_rss_feed_with_three_items() -> None:
    path = FIXTURES / "feed.xml"
    docs = documents(list(read_path(path)))
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = docs
    assert first.title == "Volkov Group contractors arrive in Drevna"
    # content:encoded is preferred to the shorter description, and its HTML becomes paragraphs.
    assert first.text == ("About 200 contractors of the Volkov Group landed at Drevna airport on Sunday, "
                          "witnesses said.\n\nGeneral Anton Brask welcomed them at the terminal.")
    assert first.author == "Tomas Reyl"
    assert first.published == "2023-04-03"
    assert first.url == "https://monitor.example.net/2023/04/volkov-arrive"
    assert {d.source for d in docs} == {"Karesia Monitor"}
    assert second.title == "Ostrava recalls its ambassador & warns of consequences"
    assert second.text == ("Ostrava recalled its ambassador to Karesia on Tuesday.\n\n"
                           "The foreign ministry said the deployment crossed a line.")
    assert third.text == "Lawmakers of the Civic Union will demand a vote on the agreement next week."
    assert len({d.id for d in docs}) == 3


def test_atom_feed() -> None:
    (doc,) = documents(list(read_path(FIXTURES / "feed.atom")))
    assert doc.title == "Convoy attacked near the river crossing"
    assert doc.text == "Gunmen attacked a supply convoy near the river crossing on Tuesday, killing four drivers."
    assert (doc.author, doc.published, doc.source) == ("Ines Kallberg", "2022-11-02", "Sahel Desk Notes")
    assert doc.url == "https://desk.example.com/notes/convoy"


def test_malformed_feed_is_one_failure() -> None:
    path = FIXTURES / "broken.rss"
    (failure,) = list(read_path(path))
    assert isinstance(failure, InputFailure)
    assert failure.where == str(path)
    assert failure.reason.startswith("malformed feed")


def test_feed_without_entries_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert list(read_path(path)) == [InputFailure(str(path), "feed has no entries")]


def test_entry_without_text_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>'
        "<item><title>Only a title</title><link>https://x.example/1</link></item>"
        "<item><title>Second</title><description>Karesia reopened the border.</description></item>"
        "</channel></rss>"
    )
    failure, doc = list(read_path(path))
    assert failure == InputFailure(f"{path}#1", "feed entry has no text")
    assert isinstance(doc, Document) and doc.text == "Karesia reopened the border."


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><articles><article>Text</article></articles>')
    assert list(read_path(path)) == [InputFailure(str(path), "xml file is not an rss or atom feed")]
