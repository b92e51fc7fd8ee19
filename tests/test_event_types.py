"""ACLED event-type classification from trigger rules (extract/incidents/event_types.py)."""

from __future__ import annotations

import re

import pytest

from newsledger.errors import LexiconError
from newsledger.extract.incidents import classify_event, event_rules, event_types
from newsledger.extract.incidents.event_types import EVENT_TYPE_OF, TAXONOMY, sentence_spans


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # Battles
    ("Soldiers clashed with militants near the border town for several hours.", "Armed clash"),
    ("Gunmen ambushed an army patrol outside the village, killing four soldiers.", "Armed clash"),
    ("Government troops recaptured the town of Qaryat al-Nour from the rebels on Sunday.",
     "Government regains territory"),
    ("Insurgents seized the district headquarters and the surrounding town overnight.",
     "Non-state actor overtakes territory"),
    # Explosions/Remote violence
    ("A suicide bomber blew himself up at a wedding hall, killing 14 guests.", "Suicide bomb"),
    ("A roadside bomb struck a minibus on the highway, wounding six passengers.",
     "Remote explosive/landmine/IED"),
    ("Warplanes pounded rebel positions in the hills, residents said.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders.", "Air/drone strike"),
    ("Mortar shells landed on a crowded market in the old city.",
     "Shelling/artillery/missile attack"),
    ("An attacker threw a hand grenade into a tea shop, injuring nine people.", "Grenade"),
    ("Residents reported choking after a chlorine gas attack on the suburb.", "Chemical weapon"),
    # Violence against civilians
    ("Unidentified gunmen shot dead two farmers in their field.", "Attack"),
    ("Armed men abducted three aid workers travelling between the two villages.",
     "Abduction/forced disappearance"),
    ("Militiamen raped several women during the raid on the camp.", "Sexual violence"),
    # Protests and riots
    ("Hundreds of teachers marched to parliament to demand unpaid salaries.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting fee rises.",
     "Protest with intervention"),
    ("Security forces opened fire on protesters, killing three of them.",
     "Excessive force against protesters"),
    ("Demonstrators threw stones at police and set tyres on fire.", "Violent demonstration"),
    ("An angry mob lynched a man accused of theft at the market.", "Mob violence"),
    # Strategic developments
    ("Police arrested eleven suspects in a dawn operation.", "Arrests"),
    ("Gunmen looted shops and set houses ablaze before leaving the village.",
     "Looting/property destruction"),
    ("Army engineers defused an explosive device found under a bridge.",
     "Disrupted weapons use"),
    ("The two factions signed a ceasefire agreement in the capital.", "Agreement"),
    ("The armed forces set up a new base on the outskirts of the town.",
     "Headquarters or base established"),
    ("The aid agency suspended its operations in the province after the threats.",
     "Change to group/activity"),
    ("The rebels handed over control of the town to the army without a fight.",
     "Non-violent transfer of territory"),
])
def test_event_types_classify_own_sentences(text: str, sub_event_type: str) -> None:
    found = classify_event(text)
    assert found is not None
    assert found.sub_event_type == sub_event_type
    assert found.event_type == EVENT_TYPE_OF[sub_event_type]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # the more specific form wins whatever the order of the words
    ("Twelve people were killed when a suicide bomber struck the checkpoint.", "Suicide bomb"),
    ("The blast was caused by a suicide car bomb, police said.", "Suicide bomb"),
    ("Two people died after an IED exploded next to a police vehicle.",
     "Remote explosive/landmine/IED"),
    ("Bombers killed six in the attack; the explosion was heard across the city.",
     "Remote explosive/landmine/IED"),
    # killing beats abduction (ACLED codes an abduction with killings as an attack)
    ("Gunmen killed one driver and abducted two nurses.", "Attack"),
    # an attack on soldiers is a battle, on villagers violence against civilians
    ("Fighters attacked a military checkpoint at dawn.", "Armed clash"),
    ("Fighters attacked villagers at dawn, wounding five.", "Attack"),
    # a crowd's violence is a riot, an armed group's against a crowd is not
    ("Villagers were attacked by jihadists who shot dead 40 of them on Sunday.", "Attack"),
    ("Residents were attacked overnight by armed men who killed eleven of them.", "Attack"),
    ("Angry villagers beat to death a man they accused of stealing goats.", "Mob violence"),
])
def test_event_types_priorities(text: str, sub_event_type: str) -> None:
    found = classify_event(text)
    assert found is not None and found.sub_event_type == sub_event_type


@pytest.mark.parametrize("text", [
    "",
    "The ministry published its annual budget on Tuesday.",
    "An earthquake killed at least 30 people in the mountain villages.",  # a disaster
    "Three workers died when a boiler exploded at the factory.",  # an accident
    "The country tested a ballistic missile over the sea.",  # a weapons test
])
def test_event_types_no_conflict_event(text: str) -> None:
    assert classify_event(text) is None


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # "no fatalities" / "none of ... were wounded" are not killings: the looting is the event
    ("Armed men looted a relief convoy. No fatalities were reported.",
     "Looting/property destruction"),
    ("Bandits robbed the truck drivers; none of the staff in the convoy were wounded.",
     "Looting/property destruction"),
])
def test_event_types_negated_triggers_are_ignored(text: str, sub_event_type: str) -> None:
    found = classify_event(text)
    assert found is not None and found.sub_event_type == sub_event_type


def test_event_types_protest_about_a_killing_is_a_protest() -> None:
    found = classify_event("Hundreds rallied in the capital to protest the killing of a student.")
    assert found is not None and found.sub_event_type == "Peaceful protest"


def test_event_types_trigger_offsets_point_into_the_text() -> None:
    text = "On Monday, a car bomb exploded near the governor's office."
    found = classify_event(text)
    assert found is not None
    assert text[found.trigger_start:found.trigger_end] == found.trigger_text == "car bomb"


def test_event_types_every_sub_type_has_a_rule_and_every_rule_a_known_type() -> None:
    lexicon = event_rules()
    covered = {rule.sub_event_type for rule in lexicon.rules}
    assert covered == set(EVENT_TYPE_OF)
    assert sum(len(subs) for subs in TAXONOMY.values()) == len(EVENT_TYPE_OF) == 25
    assert [r.priority for r in lexicon.rules] == sorted(r.priority for r in lexicon.rules)


def test_event_types_sentence_spans_split_on_sentence_ends() -> None:
    text = "A bomb went off. Two died! Was it claimed? Nobody knows."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "A bomb went off.", "Two died!", "Was it claimed?", "Nobody knows."]


def test_event_types_classify_a_thousand_snippets_in_one_go() -> None:
    # No timing assert (CI machines vary); this keeps the batch path exercised.
    snippets = [f"Gunmen attacked village number {n} and killed {n % 7 + 1} farmers."
                for n in range(1000)]
    assert {classify_event(s).sub_event_type for s in snippets} == {"Attack"}  # type: ignore[union-attr]


@pytest.mark.parametrize(("call", "message"), [
    (lambda: event_types._expand("{NOT_DEFINED}|x", {}, 7), "used before it is defined"),
    (lambda: event_types._rule("Skirmish", "5", ["fight", None, None], 9),
     "not an ACLED sub-event type"),
    (lambda: event_types._rule("Armed clash", "high", ["fight", None, None], 9),
     "not a whole number"),
    (lambda: event_types._compile("(unclosed", 11), "bad regular expression"),
    (lambda: event_types._lazy("(unclosed", 12).search("a riot"), "bad regular expression"),
    (lambda: event_types._lazy("(unclosed", 12).search("émeute"), "bad regular expression"),
])
def test_event_types_lexicon_errors_name_the_line(call: object, message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)) as error:
        call()  # type: ignore[operator]
    assert "lexicons/event_types.tsv:" in str(error.value)


def test_every_rule_pattern_of_the_lexicon_compiles() -> None:
    # Rule patterns are compiled when first searched: search each in ASCII text (its lower-cased
    # twin) and in other text (the pattern itself), so that a bad one fails here, not in a run.
    for rule in event_types.event_rules().rules:
        for pattern in (rule.trigger, rule.context, rule.unless):
            if pattern is not None:
                pattern.search("a")
                pattern.search("é")
