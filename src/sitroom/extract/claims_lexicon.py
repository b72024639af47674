"""Word lists behind claim extraction: reporting verbs, denial verbs, allegation cues, opinion markers.

Kept as Python sets (not a data file) because several lists carry a rule beside them (which verbs may
take a plain object as their content, which light verbs need a speech noun). Lemmas are lower case.
"""

from __future__ import annotations

# Verbs of saying whose clause complement ("that ...") or quote is what is claimed.
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "claim", "insist", "warn", "stress", "deny", "reject", "acknowledge", "admit",
    "allege", "accuse", "urge", "announce", "report", "confirm", "argue", "add", "reply", "ask", "respond",
    "explain", "note", "observe", "remark", "comment", "declare", "assert", "maintain", "contend",
    "suggest", "write", "tweet", "answer", "conclude", "emphasise", "emphasize", "underline",
    "describe", "call", "categorize", "categorise", "characterize", "characterise", "label", "dismiss",
    "refute", "predict", "promise", "vow", "pledge", "threaten", "demand", "caution", "concede", "recall",
    "testify", "inform", "speak", "talk", "complain", "estimate", "believe", "dispute", "charge",
    "point", "brand", "term", "dub", "classify",
})

# Of those, the verbs whose direct object (not only a clause) is a claim: "denies any attachments to",
# "announced plans to", "categorized X as ...". Other verbs need a clause or a quote ("added 500 troops"
# is not speech).
OBJECT_CONTENT_VERBS = frozenset({
    "deny", "reject", "dismiss", "refute", "confirm", "acknowledge", "admit", "announce", "report",
    "allege", "accuse", "urge", "claim", "predict", "demand", "dispute",
})

# Verbs that characterise their object: content only with an "as"-phrase or a predicate
# ("categorized the cooperation as 'very poor'", "called the deal a mistake"); "called the minister" is not.
CHARACTERISING_VERBS = frozenset({"describe", "call", "categorize", "categorise", "characterize",
                                  "characterise", "label", "brand", "term", "dub", "classify"})

# Verbs whose infinitive complement is the claim: "vowed to fight on", "threatened to withdraw".
XCOMP_CONTENT_VERBS = frozenset({"promise", "vow", "pledge", "threaten", "urge", "claim", "demand",
                                 "deny", "announce", "warn"})

# Verbs whose prepositional object carries the claim: "warned of heavy consequences", "spoke of ...".
# Not "charged with": a legal charge is an act of the courts (an event), not speech; "charged that
# ..." still takes its clause.
PREP_CONTENT = {
    "warn": frozenset({"of", "about", "against"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"of", "about"}),
    "complain": frozenset({"of", "about"}),
    "accuse": frozenset({"of"}),
}

# Of those, verbs whose prepositional phrase is the content even when there is an object: "accused
# France of spying" claims the spying; France is what it is about.
PREP_FIRST_VERBS = frozenset({"accuse"})

# Objects of "claim" that are acts ("claimed the killing"): no statement. "claimed responsibility for
# the assault" stays a claim (docs/gold.md: the group's claim of responsibility).
CLAIMED_ACT_NOUNS = frozenset({"attack", "attacks", "killing", "killings",
                               "bombing", "bombings", "ambush", "abduction", "kidnapping", "assassination",
                               "murder", "raid", "blast", "explosion", "strike", "shooting", "massacre"})
# Subjects that say nothing: "Nobody confirmed ...", "none of the officials said ..." (and "No group").
NOBODY = frozenset({"nobody", "none", "noone", "no-one"})

# "Reuters quoted a diplomat as saying", "cited officials as saying": the quoting verb of a relay.
QUOTING_VERBS = frozenset({"quote", "cite"})

# "he inserted the caveat", "issued a warning": a light verb plus a speech noun is a reporting cue.
LIGHT_VERBS = frozenset({"insert", "add", "issue", "offer", "give", "make", "deliver", "voice", "express",
                         "sound", "post", "release", "put"})
SPEECH_NOUNS = frozenset({"caveat", "warning", "statement", "remark", "comment", "assurance", "reminder",
                          "message", "words", "promise", "denial", "pledge", "question", "answer", "reply",
                          "response", "note", "it"})

# Verbs that put the speaker after them when they follow a comma: "..., reported El Tiempo."
INVERSION_VERBS = frozenset({"report", "say", "write", "add", "tell", "note", "explain", "state", "claim",
                             "confirm", "insist", "warn", "conclude", "argue", "reply", "answer"})
# Verbs that are speech only with a clause or a claim noun: "disputed the figures" yes, "disputing the
# region" (fighting over it) no.
CLAUSE_ONLY_VERBS = frozenset({"dispute", "demand"})
"""Reporting verbs that say something only with a clause: "demanded the officers' release" asks for
an act (a REQUEST event), "demanded that the troops leave" is a claim."""

# Verbs of asking someone to act: "urged the authorities to release the students" is a REQUEST event
# (PLOVER) and no claim (docs/gold.md: demands of an act are acts); "urged that the talks resume" and a
# quote ('"Stay calm," he urged') still are.
REQUEST_VERBS = frozenset({"urge", "implore", "exhort", "beseech"})

ACT_NOUNS = frozenset({
    "offer", "demand", "request", "call", "proposal", "invitation", "ultimatum", "appeal", "plan",
    "bid", "deal", "terms", "condition", "conditions", "overture", "mediation", "ceasefire", "truce",
    "plea", "suggestion", "order", "resignation",
})
"""Objects of "reject"/"dismiss" that are acts, not statements: rejecting an offer or a demand is a
REJECT event and no claim; rejecting a charge, a claim or a report is a denial (a ``deny`` claim)."""

# Verbs of inference: with a subject that is no actor ("the escape suggests", "this confirms") they are
# the author reasoning, not anyone speaking.
INFERENTIAL_VERBS = frozenset({"suggest", "confirm", "indicate", "show", "mean", "demonstrate", "reveal",
                               "prove", "imply", "underline", "note"})

# Verbs that carry a speech verb on ("went on to say", "continued to insist"), unlike purposes ("marched
# to demand").
CONTINUATION_VERBS = frozenset({"go", "continue", "proceed", "move", "rise", "stand", "return", "come",
                                "appear", "be", "take", "use", "seem"})

# Verbs with denial semantics: the speaker says the content is false.
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})
# Objects that are themselves denials: rejecting a denial re-asserts what was denied.
DENIAL_NOUNS = frozenset({"denial", "denials", "rejection", "dismissal", "refutation"})
# Nouns whose "that"-clause is the real content: "rejected claims that troops were present".
PROPOSITION_NOUNS = frozenset({"claim", "allegation", "report", "suggestion", "accusation", "charge",
                               "notion", "idea", "assertion", "rumour", "rumor", "statement", "reports",
                               "claims", "allegations", "suggestions", "accusations", "charges",
                               "figures", "figure", "account", "accounts", "version", "findings", "toll",
                               "existence", "presence", "involvement", "responsibility", "link", "links"})

# Outlets: a reporting verb with one of these as subject, or "according to" one, makes it the `via`.
OUTLET_WORDS = frozenset({"herald", "times", "news", "post", "journal", "gazette", "tribune", "agency",
                          "press", "reuters", "afp", "bbc", "cnn", "al-jazeera", "jazeera", "telegraph",
                          "guardian", "policy", "monitor", "radio", "television", "tv", "magazine",
                          "observer", "economist", "daily", "weekly", "wire", "channel", "broadcaster"})

# Passive reporting verbs without an agent: "has been accused of", "is alleged to", "is said to".
# Not "charge": "was charged with mischief" is a legal act (an event), nobody's claim.
PASSIVE_ALLEGATION_VERBS = frozenset({"accuse", "allege", "suspect", "say", "report", "believe", "rumour",
                                      "rumor", "claim", "think", "estimate"})
ALLEGATION_CUES = frozenset({"accuse", "allege", "suspect", "allegedly", "alleged", "suspected",
                             "supposedly", "supposed", "purportedly", "purported", "charge", "rumour",
                             "rumor"})
ALLEGATION_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
ALLEGATION_ADJECTIVES = frozenset({"alleged", "suspected", "purported", "supposed"})

# Negated or refused reporting ("did not confirm", "declined to comment") is not a claim.
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail"})

# Pronouns and the entity kinds they may stand for.
PRONOUN_KINDS = {
    "he": ("person",), "she": ("person",), "him": ("person",), "her": ("person",),
    "it": ("organization", "country", "place", "group"),
    "they": ("organization", "group", "country", "person"),
}
SPEAKER_KINDS = frozenset({"person", "organization", "country", "group", "place"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Leading discourse markers trimmed off claim content ("Yet, he ...", "In conclusion, force ...").
DISCOURSE_MARKERS = frozenset({"yet", "however", "now", "overall", "additionally", "indeed", "still",
                               "meanwhile", "hence", "thus", "so", "but", "and", "also", "moreover",
                               "furthermore", "in conclusion", "in fact", "that being said", "more so",
                               "in short", "ultimately", "finally", "therefore", "of course", "in my view",
                               "in my opinion", "to my mind"})

# ---- the author's voice -------------------------------------------------------------------------
# First-person verbs of judgement: "I agree with", "I think", "we believe".
FIRST_PERSON_OPINION_VERBS = frozenset({"think", "believe", "agree", "disagree", "argue", "feel", "suspect",
                                        "doubt", "contend", "suggest", "maintain", "fear", "hope", "expect",
                                        "consider", "reckon", "submit", "propose", "recommend", "insist"})
PRESCRIPTIVE_MODALS = frozenset({"must", "should", "ought"})
# Stance adverbs and phrases that mark the writer's own judgement.
STANCE_MARKERS = frozenset({"certainly", "clearly", "obviously", "undoubtedly", "surely", "arguably",
                            "admittedly", "truly", "theoretically", "hypothetically", "inevitably",
                            "unfortunately", "regrettably", "of course", "in conclusion", "in my view",
                            "in my opinion", "to my mind", "without doubt", "no doubt"})
# Hedges that make a prediction the author's ("would likely be").
HEDGE_ADVERBS = frozenset({"likely", "probably", "presumably"})
# Predicate adjectives and nouns that evaluate rather than describe.
EVALUATIVE_ADJECTIVES = frozenset({
    "effective", "ineffective", "counterproductive", "futile", "misguided", "wrong", "mistaken",
    "unacceptable", "absurd", "naive", "foolish", "unwise", "wise", "sensible", "unreasonable",
    "essential", "crucial", "vital", "imperative", "multi-faceted", "multifaceted", "simplistic",
    "reckless", "irresponsible", "shameful", "disastrous", "hypocritical", "inadequate", "incapable",
    "insufficient", "deplorable", "regrettable", "laudable", "commendable", "pointless", "hopeless",
    "ineffectual", "inept", "short-sighted", "shortsighted", "bullying", "illegitimate", "unjust", "unfair",
    "senseless", "overblown", "exaggerated", "complex", "complicated",
})
EVALUATIVE_NOUNS = frozenset({"mistake", "failure", "disaster", "folly", "travesty", "blunder", "farce",
                              "scandal", "shame", "error"})
COMPARATIVES = frozenset({"more", "less", "better", "worse"})

# ---- op-ed only (claims_opinion.is_op_ed gates these) --------------------------------------------------
# Predicate adjectives that judge a course of action; too common in news ("the road is difficult") to be
# opinions anywhere but in an op-ed's own voice.
OPED_PREDICATE_ADJECTIVES = frozenset({"easy", "hard", "harder", "difficult", "simple", "better", "worse",
                                       "best", "worst", "right", "clear", "necessary", "urgent", "useless",
                                       "dangerous", "risky", "riskier", "costly", "cheap", "cheaper",
                                       "impossible", "unsustainable", "untenable"})
# Title prefixes that mark an opinion piece ("Opinion: ...", "Comment | ...").
OPED_TITLE_MARKERS = ("opinion", "op-ed", "oped", "commentary", "comment", "editorial", "viewpoint",
                      "perspective")
