"""Words behind quantity parsing: number words, scale words, vague counts, currencies, hedges.

Shared with :mod:`sitroom.extract.dates_lexicon` (``two days ago`` needs the number words).
"""

from __future__ import annotations

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
"""Scale words after a number: ``5 million``, ``three hundred``."""

SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
"""Glued or spaced abbreviations: ``£600m``, ``1.13bn``, ``$5 bn``."""

DOZEN_WORDS: dict[str, int] = {"dozen": 12, "score": 20}

VAGUE_COUNTS: dict[str, tuple[float, float | None]] = {
    # (lower bound, upper bound): a bound the word certainly implies, not a best guess.
    "dozens": (12, None),
    "scores": (20, None),
    "hundreds": (100, None),
    "thousands": (1_000, None),
    "tens of thousands": (10_000, None),
    "hundreds of thousands": (100_000, None),
    "millions": (1_000_000, None),
    "billions": (1_000_000_000, None),
    "several": (2, None),
    "a few": (2, None),
    "a handful of": (2, None),
    "a couple of": (2, 2),
    # "several hundred supporters": at least two of the scale word
    "several hundred": (200, None),
    "a few hundred": (200, None),
    "several thousand": (2_000, None),
    "a few thousand": (2_000, None),
    "several million": (2_000_000, None),
    "a few million": (2_000_000, None),
    "numerous": (2, None),
}
"""Vague counts and their bounds. The lower bound is the scale word itself ("dozens" >= 12,
"hundreds" >= 100): readers disagree on whether "dozens" means 24+ or 20+, but never on 12+.
"several" and "a few" mean at least 2. ``value`` stays ``None`` for all of them."""

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                                    "₹": "INR", "₦": "NGN"}
CURRENCY_WORDS: dict[str, str] = {
    "usd": "USD", "dollars": "USD", "dollar": "USD", "us dollars": "USD", "eur": "EUR", "euros": "EUR",
    "euro": "EUR", "gbp": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "rubles": "RUB", "roubles": "RUB", "rub": "RUB", "yen": "JPY", "yuan": "CNY", "cny": "CNY",
    "rmb": "CNY", "cfa francs": "XOF", "cfa franc": "XOF", "fcfa": "XOF", "xof": "XOF",
    "naira": "NGN", "rupees": "INR", "shillings": "KES", "rand": "ZAR", "francs": "CHF",
    "swiss francs": "CHF", "dinars": "DZD", "riyals": "SAR", "dirhams": "AED", "hryvnia": "UAH",
    "hryvnias": "UAH", "lira": "TRY", "liras": "TRY", "pesos": "MXN", "reais": "BRL",
}
"""Currency words before or after an amount. Ambiguous ones (``francs``, ``dinars``, ``pesos``) get
the most common code; ``CFA francs`` is taken as the West African XOF."""

APPROXIMATE_CUES = ("approximately", "about", "around", "roughly", "some", "nearly", "almost",
                    "an estimated", "estimated", "close to", "circa", "approx.", "c.", "or so")
LOWER_CUES = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
              "no less than", "above", "exceeding", "greater than", "a minimum of")
UPPER_CUES = ("fewer than", "less than", "under", "below", "at most", "up to", "no more than",
              "a maximum of", "as many as", "as much as")
"""Hedges before a number. ``up to`` and ``as many as`` are upper bounds."""


def number_word_value(words: str) -> float | None:
    """Value of a spelled-out number (``three hundred``, ``twenty-five``, ``two thousand``)."""
    total, current = 0, 0
    seen = False
    for word in words.lower().replace("-", " ").replace(" and ", " ").split():
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        elif word in ("a", "an"):
            current += 1
        else:
            return None
        seen = True
    return float(total + current) if seen else None
