"""HTML reader: main text without page furniture, metadata, small-page fallback, bad pages."""

from __future__ import annotations

from pathlib import Path

from sitroom.ingest import InputFailure, read_path
from sitroom.ingest.html import body_text, html_fragment_to_text, read_html
from sitroom.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_items(path: Path) -> list[Document | InputFailure]:
    return list(read_path(path))


def read_doc(path: Path) -> Document:
    items = read_items(path)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_article_text_keeps_paragraphs_and_drops_furniture() -> None:
    doc = read_doc(FIXTURES / "article.html")
    assert "signed a border security agreement with the Volkov Group" in doc.text
    assert "General Anton Brask, who commands the national guard" in doc.text
    assert doc.text.endswith("would be treated as a hostile force.")
    for furniture in ("World Desk", "Subscribe Today", "Leave a Reply", "Post Comment", "email address",
                      "Share this", "Click to share", "Copyright 2023", "Privacy Policy", "analytics", "color: red"):
        assert furniture not in doc.text, furniture


def test_paragraphs_are_separated_by_blank_lines() -> None:
    doc = read_doc(FIXTURES / "article.html")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Karesia Signs Border Pact With the Volkov Group"
    assert len(paragraphs) == 5


def test_article_metadata() -> None:
    doc = read_doc(FIXTURES / "article.html")
    assert doc.title == "Karesia Signs Border Pact With the Volkov Group"
    assert doc.author == "Lena Marwick"
    assert doc.published == "2023-03-14"
    assert doc.source == "The Meridian Ledger"
    assert doc.url == "https://ledger.example.org/2023/03/karesia-border-pact"
    assert doc.origin == str(FIXTURES / "article.html")


def test_copyright_year_is_not_taken_as_publication_date() -> None:
    page = (
        "<html><head><title>Convoy</title></head><body><article>"
        "<p>Gunmen attacked a convoy near the river crossing in the Republic of Karesia on Tuesday, "
        "killing four drivers and wounding a soldier, the interior ministry said in a statement.</p>"
        "<p>No group has claimed the attack, which followed weeks of raids on the northern road.</p>"
        "</article><footer>Copyright 2019 Ledger</footer></body></html>"
    )
    doc = read_html(page, "convoy.html")
    assert doc.published is None
    assert "Copyright" not in doc.text


def test_warc_style_url_and_fallback_date_are_used_when_page_has_none() -> None:
    doc = read_html("<html><body><p>Ostrava closed the border.</p></body></html>", "x#1",
                    url="https://news.example/ostrava", fallback_date="2022-02-03")
    assert doc.url == "https://news.example/ostrava"
    assert doc.published == "2022-02-03"


def test_canonical_link_gives_url() -> None:
    page = ('<html><head><link rel="canonical" href="https://ledger.example.org/brask"></head>'
            "<body><p>General Anton Brask resigned on Friday.</p></body></html>")
    assert read_html(page, "p.html").url == "https://ledger.example.org/brask"


def test_small_page_uses_body_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "tiny.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav>Karesia ceasefire holds.<br>"
                    "Talks resume Monday.<footer>Contact</footer><script>var x;</script></body></html>")
    doc = read_doc(path)
    assert doc.text == "Karesia ceasefire holds.\nTalks resume Monday."


def test_body_text_drops_script_style_nav_footer() -> None:
    page = ("<html><head><style>p{}</style></head><body><header>Masthead</header><div>One <b>bold</b> line"
            "</div><aside>Ad</aside><p>Two</p><footer>Foot</footer></body></html>")
    assert body_text(page) == "One bold line\n\nTwo"


def test_fragment_to_text() -> None:
    assert html_fragment_to_text("<p>First &amp; foremost.</p><ul><li>A</li><li>B</li></ul>") == (
        "First & foremost.\n\nA\n\nB"
    )
    assert html_fragment_to_text("Plain &lt;text&gt; here") == "Plain <text> here"


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><head><title></title><script>var a = 1;</script></head><body><nav>Home</nav>"
                    "<div><img src='a.png'></div></body")
    assert read_items(path) == [InputFailure(str(path), "no text found in html")]


def test_html_in_declared_legacy_charset_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>The caf\u00e9 in Drevna '
                     "reopened \u2013 at last.</p></body></html>".encode("cp1252"))
    assert read_doc(path).text == "The caf\u00e9 in Drevna reopened \u2013 at last."


def test_html_in_undeclared_legacy_charset_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    path.write_bytes("<html><body><p>The caf\u00e9 reopened.</p></body></html>".encode("cp1252"))
    assert read_items(path) == [InputFailure(str(path), "not UTF-8 text")]
