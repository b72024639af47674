"""The bundled demo corpus: short articles written for sitroom, in every input format it reads.

They are invented reports about an invented state (the Republic of Karesia, President Ilya Dorn,
the Volkov Group, the Northern Liberation Front) alongside real countries and organisations, so
that cross-document resolution and the demo tour have something to link: the same actors appear
under different names ("the Volkov Group" / "Volkov" / "the group" / "the Russian-linked PMC")
across plain text, HTML pages, an RSS feed and JSON Lines. Eight of the .txt files are also the
gold articles in ``gold/``. One article (``volkov-group-profile.txt``) carries no date at all.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FORMATS = (".txt", ".html", ".xml", ".jsonl")


def examples_dir() -> Path:
    """The folder holding the demo articles (inside the installed package)."""
    return Path(str(resources.files(__name__)))


def example_paths() -> list[Path]:
    """Every demo article file, sorted by name (``sitroom extract`` can read each)."""
    return sorted(p for p in examples_dir().iterdir() if p.suffix in FORMATS)
