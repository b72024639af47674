"""Language identification (py3langid, offline).

Short texts are unreliable, so texts under ``MIN_CHARS`` letters are taken as English unless the
caller said otherwise: a headline-sized snippet is more often English noise than a foreign article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_CHARS = 40
"""Below this many letters py3langid guesses (``Mali`` comes out as Tagalog)."""
SAMPLE_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; ``en`` for texts too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return "en"
    lang, _prob = _identifier().classify(sample)
    return str(lang)
