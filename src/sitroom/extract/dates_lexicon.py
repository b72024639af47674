"""Words behind date recognition: months, weekdays, the words that make a number a year."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

# Regex alternations. Month names must be capitalised: "may" and "march" are common words.
MONTH_ALT = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
WEEKDAY_FULL_ALT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ALT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"

YEAR_LEADS = frozenset({
    "in", "since", "of", "during", "until", "till", "til", "by", "before", "after", "from",
    "through", "throughout", "circa", "c.", "around", "spring", "summer", "autumn", "fall",
    "winter", "early", "mid", "late", "starting", "between", "year", "end", "start", "beginning",
})
"""A four-digit number right after one of these is a year ("in 2018", "since 2013", "of 2019")."""

EVENT_NOUNS = frozenset({
    "coup", "coups", "election", "elections", "vote", "referendum", "war", "invasion", "attack",
    "attacks", "agreement", "accord", "accords", "deal", "treaty", "ceasefire", "truce", "summit",
    "uprising", "revolution", "revolt", "rebellion", "insurgency", "offensive", "massacre", "crisis",
    "protests", "protest", "budget", "census", "report", "survey", "campaign", "annexation",
    "peace", "talks", "conference", "constitution", "law", "decree", "sanctions", "withdrawal",
    "intervention", "mutiny", "putsch", "bombing", "bombings", "killings", "famine", "drought",
    "floods", "earthquake", "olympics", "games", "season", "edition", "presidential",
    "parliamentary", "legislative", "general", "local", "municipal", "midterm", "midterms",
})
"""Nouns (and election adjectives) that make the number before them a year: "the 2020 coup",
"the 2016 presidential election". Counted nouns ("2000 troops") are not in the list."""

PARTS_OF_PERIOD = {"early": "early", "mid": "mid", "late": "late"}

FUTURE_CUES = frozenset({"will", "shall", "'ll", "’ll", "going", "set", "scheduled", "due", "plans",
                         "planned", "expected", "poised", "next", "upcoming", "coming"})
"""Words in a sentence that make a bare weekday ("on Monday") point forward, not back."""
