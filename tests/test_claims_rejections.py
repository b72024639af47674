"""Rejecting an act (an offer, a demand) is a REJECT event, not a denial; demands of an act are no claims."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]


def test_rejecting_an_offer_or_a_demand_is_no_claim(extract: Extract) -> None:
    record = extract("General Anton Brask rejected an offer from the Volkov Group to train his guard. "
                     "The Republic of Karesia dismissed the demand for new elections.")
    assert [c.content.text for c in record.claims if c.stance == "deny"] == []


def test_rejecting_a_charge_is_still_a_denial(extract: Extract) -> None:
    record = extract("The Volkov Group was accused of looting Ostrova, a charge General Anton Brask rejected. "
                     "The Republic of Karesia rejected the report as invented.")
    denials = [c.content.text for c in record.claims if c.stance == "deny"]
    assert any("report" in d for d in denials)


def test_demanding_an_act_is_no_claim_but_demanding_that_is(extract: Extract) -> None:
    record = extract("Protesters in Ostrova demanded the release of General Anton Brask. "
                     "The Volkov Group demanded that Karesia pay its debts.")
    contents = [c.content.text for c in record.claims]
    assert not any("release" in c for c in contents)
    assert any("Karesia pay its debts" in c for c in contents)
