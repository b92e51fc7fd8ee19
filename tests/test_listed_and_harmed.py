"""Figures found in lists of people by origin, people harmed again, and armed men who attack
(issue 9, session 31): read off the dependency parse, not off new cue words.

Every sentence here was written for these tests in the style of news reports and incident notes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsledger.model import Extraction

# (text, every figure found in order as (number, measure))
CASES = [
    # the later items of an "including" list count what its first item counts, however the
    # parser chains them: nationalities as nouns, a number on a nationality adjective, "N from
    # <place>" items the parser hangs on the place before
    ("Among the dead were 20 pilgrims, including 5 Iraqis, 3 Saudis and one Egyptian.",
     [("20", "killed"), ("5", "killed"), ("3", "killed"), ("one", "killed")]),
    ("The blast killed 14 people, including two from Kenya, one from Uganda and one from Sudan.",
     [("14", "killed"), ("two", "killed"), ("one", "killed"), ("one", "killed")]),
    ("Nine hikers were abducted, including 4 Danes, 2 Norwegians and one Austrian.",
     [("Nine", "kidnapped"), ("4", "kidnapped"), ("2", "kidnapped"), ("one", "kidnapped")]),
    # ... also a partitive item: "including 30 of the soldiers"
    ("88 died on Monday, including 30 of the soldiers and militiamen.",
     [("88", "killed"), ("30", "killed")]),
    # ... a bare "one" is a count only as such an item, not after any number and capital
    ("On 5 May, one day after the talks in Geneva, 3 soldiers died.", [("3", "killed")]),
    ("The 12 Apostles, one of the landmarks, was closed.", []),
    # an active verb of harm whose object a participle describes: the verb is what befell them
    ("The group said it had killed twenty of those kidnapped at the checkpoint.",
     [("twenty", "killed")]),
    ("Rebels claimed to have killed four other guards abducted in the same raid.",
     [("four", "killed")]),
    ("The rebels executed 4 soldiers captured at the checkpoint.", [("4", "killed")]),
    # ... a participle that agrees with the verb, or a verb of no harm, changes nothing
    ("Militants released 6 workers abducted in May.", [("6", "other")]),
    ("Police arrested 3 men wanted for the murders.", [("3", "detained")]),
    ("Gunmen killed 5 villagers and abducted 12 others.", [("5", "killed"), ("12", "kidnapped")]),
    # armed men who harm or attack are its attackers ('other'), also in a passive's by-phrase
    ("Eight armed men shot dead three farmers near the well.",
     [("Eight", "other"), ("three", "killed")]),
    ("Fifteen heavily armed members of the militia stormed into the market.",
     [("Fifteen", "other")]),
    ("The bus was hijacked by four armed men as it left the station.", [("four", "other")]),
    # ... gunmen who arrive somewhere stay gunmen, though arrivals are no flight
    ("About 20 gunmen arrived at the school late on Sunday.", [("About 20", "other")]),
    ("The clinic closed before the two suspects arrived.", []),
    # people taken away from, into or across a place, or forcibly, were kidnapped
    ("Armed men seized eleven people from a beach hotel on the island.", [("eleven", "kidnapped")]),
    ("Three nurses were forcibly taken from their clinic on Tuesday.", [("Three", "kidnapped")]),
    ("The rebels took more than 200 of them across the river into the forest.",
     [("more than 200", "kidnapped")]),
    # ... not into custody or care, and not things
    ("Police took 12 protesters into custody.", []),
    ("Five wounded soldiers were taken to hospital.", [("Five", "injured")]),
    ("Rebels seized 40 rifles from the armoury.", [("40", "other")]),
    # a passive participle joined to the subject's verb, or to a clause of it, tells what befell
    # the subject too, when it has no subject or object of its own
    ("Three more guards were sent to fetch the truck and also abducted.",
     [("Three", "kidnapped")]),
    ("Four drivers were stopped at a checkpoint and later abducted.", [("Four", "kidnapped")]),
    ("Three men were questioned and released.", []),
    # people a bracket right after them breaks down by two harms are casualties of both
    ("The ambush hit a convoy carrying 6 drivers (2 killed and 4 wounded) on the road to Gao.",
     [("6", "other"), ("2", "killed"), ("4", "injured")]),
    # ... a bracket of other parts leaves them what befell them
    ("Police arrested 12 men (5 Afghans and 7 Iranians) at the border.",
     [("12", "detained"), ("5", "detained"), ("7", "detained")]),
    # people told as being detained are held at that time (a stock), not taken in that day
    ("As of Monday, 22 other men were being detained in the capital.", [("22", "held")]),
    ("Police said 14 people were detained on Friday.", [("14", "detained")]),
    # ... people not called armed who attack are not counted by this rule
    ("Two soldiers killed in the ambush near the border.", [("Two", "killed")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_figures_found(
    extract_text: Callable[..., Extraction], text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(f.quantity.number_text, f.measure.value) for f in extract_text(text).figures]
    assert found == expected


# (text, every figure found in order as (evidence, measure)): evidence spans and restatements
EVIDENCE = [
    # the items of a breakdown aside inside a counted phrase are their own words
    ("Two UN international (1 Kenyan, 1 Somali) staff were abducted.",
     [("Two UN international (1 Kenyan, 1 Somali) staff", "kidnapped"),
      ("1 Kenyan", "kidnapped"), ("1 Somali", "kidnapped")]),
    # a count in brackets after a verb restates the count before it; the brackets stay for the
    # parser, so the next clause keeps its own verb
    ("About 60 people were wounded (roughly 58) and 12 were killed.",
     [("About 60 people", "injured"), ("roughly 58", "injured"), ("12 were killed", "killed")]),
    # people a later sentence counts with "the", as many and befallen alike, are the same
    ("Four teachers were abducted near the school. Police said armed men had abducted the four "
     "women at gunpoint.", [("four women", "kidnapped")]),
    # ... without "the" they are others
    ("Four teachers were abducted in the north. In the south, four farmers were abducted.",
     [("Four teachers", "kidnapped"), ("four farmers", "kidnapped")]),
]


@pytest.mark.parametrize(("text", "expected"), EVIDENCE)
def test_evidence_and_restatements(
    extract_text: Callable[..., Extraction], text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(f.text, f.measure.value) for f in extract_text(text).figures]
    assert found == expected
