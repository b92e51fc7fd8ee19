"""The source of a figure: whom its sentence, paragraph or story attributes it to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import only_figure_numbered
from newsledger.model import Extraction

# (story we wrote, number of the figure, its source)
SOURCES = [
    ("UNHCR has confirmed that 3,000 refugees crossed into Chad this week.", "3,000", "UNHCR"),
    ("The ministry's spokesman said 17 people were killed.", "17", "ministry's spokesman"),
    ("Ukraine's Interior Ministry said 14 civilians were killed.", "14", "Interior Ministry"),
    ("Nine people were killed, according to two medical officials.", "Nine", "medical officials"),
    # bodies whose head noun is a force, service, staff or federation speak too
    ("Russia launched 38 drones at Ukraine overnight, the air force said.", "38", "air force"),
    # ... but not guards or staff, who are as often the victims ("Two guards confirmed dead")
    ("Two guards confirmed dead in the attack on the campus.", "Two", None),
    ("The prison service said 12 inmates escaped.", "12", "prison service"),
    # any reporting verb of lexicons/attribution.tsv names the source ...
    ("Gunmen killed 12 villagers in Zamfara, police insisted on Thursday.", "12", "police"),
    ("Gunmen killed 12 villagers in Zamfara, the governor explained on Thursday.", "12",
     "governor"),
    # ... also in a sentence of its own, without a number
    ("Gunmen killed 7 farmers in Zamfara on Sunday. Amnesty International documented the attack.",
     "7", "Amnesty International"),
    # a wire headline's words after its closing colon name who gave the figure
    ("Troops kill 19 militants in northern region: army", "19", "army"),
    ("At least 30 killed in two attacks on mosques: local officials", "At least 30",
     "local officials"),
    # ... or after a spaced dash
    ("At least 25 rebels killed, 9 hurt in eastern province - governor", "9", "governor"),
    ("Gunmen kill 6 guards at a depot in Kandahar – police", "6", "police"),
    # ... not the label of a list line, a dateline's dash or a dash of a clause
    ("Killed: 12 villagers", "12", None),
    ("KANDAHAR - Gunmen killed 4 guards at a depot", "4", None),
    ("Gunmen killed 4 guards on Sunday - the attack came at dawn", "4", None),
    # a side claiming what it did, in a clause after "claimed", gives its count; claiming the
    # attack itself tells no count
    ("Rebel commanders claimed to have repelled the offensive, inflicting 45 fatalities on the "
     "army.", "45", "Rebel commanders"),
    ("The army claimed that 30 insurgents died in the raid.", "30", "army"),
    ("The group claimed the bombing that killed 14 worshippers.", "14", None),
    # 'per' naming who gives the count, not a rate
    ("The toll rose to 57 on Monday, per the state government.", "57", "state government"),
    ("The raid left 12 people dead, per police.", "12", "police"),
    ("The rebels lost 3 fighters per day during the siege.", "3", None),
    # a bare 'the ministry' with no ministry named before is the ministry itself
    ("The ministry said 33 soldiers were killed last month.", "33", "ministry"),
    # ... and the ministry named before when there is one, not another source
    ("UNHCR said 2,000 people fled.\n\nThe Health Ministry said 40 people were killed.\n\n"
     "The ministry said 12 others were wounded.", "12", "Health Ministry"),
    # 'the monitor' stands for the organisation named before
    ("The Syrian Observatory for Human Rights counted 40 dead.\n\n"
     "The monitor said 12 of them were children.", "12", "SOHR"),
    # officials who did what is counted, when nobody is quoted
    ("Bangladeshi authorities recovered 88 bodies from the river.", "88",
     "Bangladeshi authorities"),
    ("Police arrested 12 suspects after the blast.", "12", "Police"),
    # no dateline, seat or group running the source in its name
    ("MOGADISHU - Government spokesman Abdifatah Aden said 12 soldiers were killed.", "12",
     "Government spokesman Abdifatah Aden"),
    ("The New York-based Committee to Protect Journalists said 99 journalists were killed.", "99",
     "Committee to Protect Journalists"),
    ("Israeli strikes killed 40 Palestinians, the Hamas-run health ministry said.", "40",
     "Hamas-run health ministry"),
    # a dateline in capitals is no speaker
    ("BAMAKO, Mali (AP) — The United Nations said Tuesday that 410 people were killed.", "410",
     "UN"),
    # ... also when the parse hangs the dash on the agency, not on the city
    ("BAGHDAD, Dec. 8 (Reuters) - Iraq's Independent High Electoral Commission announced that 30 "
     "people were killed.", "30", "Independent High Electoral Commission"),
    ("KINSHASA, Congo (AP) — Provincial officials said Friday that 75 people were abducted.", "75",
     "Provincial officials"),
    # the agent of a figure carrier: "a report released by X", "data collected by X"
    ("Eleven people died, according to a report released by the Mine Action Service.", "Eleven",
     "Mine Action Service"),
    ("According to figures compiled by ACLED, 640 civilians were killed in the region.", "640",
     "ACLED"),
    # a monitor's initials that sign the whole briefing give its unattributed figures a source
    ("Monthly update from KHRG\n"
     "Since the offensive began, (1,204) villagers have been detained.\n"
     "According to data collected by KHRG, (38) villagers were killed in March.\n"
     "KHRG will keep updating the tally.",
     "1,204", "KHRG"),
    # a person speaking for an organisation: the organisation (the annotators' convention)
    ("Mara Velde, spokeswoman for the UN human rights office, said 45 civilians were killed.",
     "45", "OHCHR"),
    ("\"At least 32 people died in the shelling,\" said Tomas Rinn, a spokesperson for the UN "
     "human rights office.", "At least 32", "OHCHR"),
    ("A spokesman for the Interior Ministry, Hadi Karim, said 26 people were killed.", "26",
     "Interior Ministry"),
    ("Brig. Gen. Omar Sadiq, spokesman for the Joint Operations Command, said 20 fighters were "
     "killed.", "20", "Joint Operations Command"),
    # titles and ranks stay whole: neither a sentence end nor the name cut to 'Lt'
    ("\"Nine people were killed,\" said Sgt. Maj. Idris Gana.", "Nine", "Sgt. Maj. Idris Gana"),
    ("\"Our troops killed 14 insurgents,\" said Lt. Col. Ada Nwosu, a spokeswoman for the army.",
     "14", "army"),
    # "Title, Organisation, Name" as the Nigerian press writes it
    ("The Director, Defence Media Operations, Maj.-Gen. Edward Musa, said troops neutralised 37 "
     "terrorists.", "37", "Defence Headquarters"),
    ("The spokesman of the Nigerian Correctional Service, Umar Bello, said 240 inmates escaped.",
     "240", "Nigerian Correctional Service"),
    # an organisation's name with 'of' is whole
    ("The International Federation of Journalists (IFJ) said 94 journalists were killed in 2023.",
     "94", "International Federation of Journalists"),
    # headquarters and their press directorates by the name of the headquarters
    ("Troops neutralised 52 terrorists in the past week, the DHQ said.", "52",
     "Defence Headquarters"),
    ("Fourteen militants were killed, said Maj.-Gen. Sani Bako, the director of defence media "
     "operations.", "Fourteen", "Defence Headquarters"),
    # a person the story introduced with the body they speak for gives that body
    ("The Director, Defence Media Operations, Maj.-Gen. Edward Musa, disclosed this in Abuja.\n\n"
     "Musa said that in the North East, troops neutralised 56 terrorists.", "56",
     "Defence Headquarters"),
    ("Liz Marrow, a spokeswoman for the UN human rights office, spoke in Geneva on Tuesday.\n\n"
     "Marrow said 45 civilians were killed in the town last week.", "45", "OHCHR"),
    ("Shereef Bala, a witness, said 5 more victims were found.", "5", "Shereef Bala"),
    # the one organisation a story quotes gives its figures told after without a speaker
    ("From February to March, OHCHR recorded 2,293 civilian casualties: 806 killed and 1,487 "
     "injured.\n\nThis included 87 children killed.", "87", "OHCHR"),
    # a speaker the parse hangs on the figure's noun, before a reporting verb with no subject
    ("The attackers also abducted 30 women, a community leader, Musa Garba, told our "
     "correspondent.", "30", "Musa Garba"),
    # a paragraph of figures quoted after the paragraph that names the speaker
    ("The UN refugee agency said on Friday that the camps were full.\n\n"
     "\"Nearly 34,000 refugees lived in the two camps before this influx.\"", "Nearly 34,000",
     "UNHCR"),
    ("Police spokesman Ali Musa said the attack began at dawn.\n\n"
     "He added that 10 others were abducted.", "10", "Police spokesman Ali Musa"),
    # the counted are not their own source ("Two policemen died")
    ("Two policemen died in a gun battle with bandits near the village.", "Two", None),
    # a UN mission is itself, not 'UN'; 'the UN said' in its report is the mission
    ("KABUL - The United Nations Assistance Mission in Afghanistan (UNAMA) said 1,310 civilians "
     "were killed in the first half of the year.", "1,310", "UNAMA"),
    ("The U.N. mission, known as UNAMA, documented 1,310 civilian deaths by June.", "1,310",
     "UNAMA"),
    ("The United Nations said 1,860 people were kidnapped in the quarter, according to a report "
     "released by the UN Integrated Office in Haiti.", "1,860", "BINUH"),
    ("UN monitors said 412 civilians had been killed since March, the UN human rights office said "
     "on Monday.", "412", "OHCHR"),
    # news agencies
    ("At least 18 people were killed in the blast, Xinhua reported.", "At least 18", "Xinhua"),
    ("Twelve soldiers were killed in the ambush, according to Reuters.", "Twelve", "Reuters"),
    # ... and the agency a story retells gives its unattributed figures their source
    ("The defence bill was signed on Tuesday, Xinhua news agency reported.\n\n"
     "The bill also pays for sending another 2,000 troops to Iraq.", "2,000", "Xinhua"),
    ("Gunmen killed 12 villagers on Sunday, according to Reuters.\n\n"
     "Another 5 people were abducted.", "5", "Reuters"),
    # ... but not an outlet whose reporter saw the scene or whose tally gives one figure
    ("Blasts killed 40 people across the country on Friday.\n\nAn AFP photographer at the scene "
     "said shops burned. An AFP correspondent saw ambulances.\n\nViolence has killed 300 people "
     "this month, according to an AFP tally.", "40", None),
    ("Blasts killed 40 people across the country on Friday.\n\nAn AFP photographer at the scene "
     "said shops burned. An AFP correspondent saw ambulances.\n\nViolence has killed 300 people "
     "this month, according to an AFP tally.", "300", "AFP"),
    # ... nor an editor's note on another account, nor one of two agencies telling parts
    ("Gunmen killed 6 guards at the depot. Note, Reuters reported that the attackers used "
     "grenades.", "6", None),
    # a speaker of the sentence before, glued to the toll's by a clock time ("p.m.The"), is no
    # source of the toll
    ("Investigators traced the van from April 14, when prosecutors say it was rented, until "
     "April 17 at 4:30 p.m.The depot was wrecked by a blast on April 19, killing 40 people.",
     "40", None),
    # the employer of the people a subject counts is no teller of the count
    ("3 UN international staff killed and 5 UN staff wounded in a bomb attack on a hotel in "
     "Peshawar.", "3", None),
    # ... also a note glued to the sentence before it, on a monitor named only there
    ("A roadside mine wounded 7 rangers near the park gate. The blast came at dusk.Note: The "
     "Lakeside Monitoring Network reported that only three rangers were hurt.", "7", None),
    ("Raiders abducted 4 drivers on the highway. The road stayed shut for a week.Note - the "
     "Coastal Watch Group reported that six drivers were taken.", "4", None),
    ("Militants stormed the post, killing 16 soldiers. According to AFP, 40 policemen were on "
     "duty. Xinhua reported that the attackers fled.", "16", None),
    # an armed group is a party, never the teller of a whole story
    ("Car bombs killed 9 people in the city centre.\n\nThe Provisional IRA said it had given "
     "warnings.\n\nAnother 130 people were injured.", "130", None),
    # ... and a body quoted once among several voices signs no story
    ("A car bomb killed 14 soldiers at the base, a defence official said.\n\nA provincial council "
     "member said the building collapsed. Local residents said the blast shook the valley."
     "\n\nAbout 9,000 troops remain, according to the Brookings Institution.\n\nThe attackers "
     "also wounded 12 guards.", "12", None),
    # ... nor does an armed group's claim speak for the attacks told after it
    ("A spokesman for the Taliban said its fighters killed 190 soldiers. Last week, a car bomb "
     "killed five people in the capital.", "five", None),
    # 'according to him' refers back: with nobody quoted before, it names nobody
    ("The briefing was held in Abuja on Thursday.\n\nAccording to him, troops arrested 41 "
     "suspected oil thieves in Rivers State.", "41", None),
    # a town or region is no speaker: the parse's subject is the end of a place phrase, and the
    # speakers are before it
    ("Roadside bombs in Babil province killed 8 people and left 25 others wounded, police "
     "officers and doctor Sami Karim from the main hospital in provincial capital Hilla said.",
     "8", "police officers"),
    ("Militants killed nine soldiers in an ambush in Gedo on Tuesday. Beledweyne said the road "
     "was closed.", "nine", None),
    # ... a country may speak
    ("Russia said 40 insurgents were killed in the operation.", "40", "Russia"),
    # a word that names a foreign town only in the gazetteer ('Police', Poland) is an organisation
    ("Ali Musa, a spokesman for the Police, said 5 people were killed.", "5", "Police"),
    ("\"Seven bodies were recovered,\" said Ruth Adeyemi, spokeswoman for the Police.", "Seven",
     "Police"),
    # 'Commissioner of Police Musa Bello': the body, not the body joined to the person's name
    ("The attack killed 9 people, Commissioner of Police Musa Bello said.", "9", "Police"),
    # a spokesman for a group told by description only speaks for the armed group named before
    ("Al-Shabaab claimed the raid. A spokesman for the militant group said its fighters killed "
     "30 soldiers.", "30", "al-Shabaab"),
    ("The Taliban claimed the bombing. Qari Yusuf, a spokesman for the hardline group, said "
     "they had killed 75 policemen.", "75", "Taliban"),
    # ... and so does "the group" itself, after another body's count (not that body again)
    ("The army said 6 soldiers died in the ambush. Boko Haram gave another account. The group "
     "said its fighters had killed 25 soldiers.", "25", "Boko Haram"),
    # the organisation a story names most is no source of a count of its own members
    ("On Monday near the airfield, a suicide bomber blew himself up, killing six NATO soldiers."
     "\n\nNATO condemned the attack. A NATO statement promised an inquiry.", "six", None),
    # a source named after a figure speaks for what follows, not for the toll before it
    ("Gunmen killed 14 villagers in a raid on Sunday. Police said the attackers fled into the "
     "bush.", "14", None),
    ("Bandits abducted 23 travellers on the highway. Residents say the road has been unsafe for "
     "months.", "23", None),
    # ... and a paragraph that quotes several sources gives none to a figure told without one
    ("Officials said 30 people were wounded in Baghdad. In Mosul, 12 people were killed, medical "
     "officials said. Two blasts killed seven people in Kirkuk.", "seven", None),
    ("Officials said 30 people were wounded in Baghdad. Two blasts killed seven people in "
     "Kirkuk.", "seven", "Officials"),
    # ... nor to one told sentences after its speaker, in a story scraped as one paragraph
    ("The foreign minister said the talks would go on. The rebels left the capital. The army "
     "closed the roads. The bombing of the academy killed 21 cadets.", "21", None),
    # abbreviated titles stay with the name
    ("Four soldiers were wounded in the ambush, said Pres. Joseph Kabore.", "Four",
     "Pres. Joseph Kabore"),
    # a person quoted speaks for their own sentences, not for a toll of an earlier attack
    ("\"Nine pilgrims died and 30 were hurt,\" said Anita Rao, who leads the district police.\n\n"
     "The last such attack, in 2019, killed 11 people.", "11", None),
    # a body whose name a town elsewhere bears ('Un' in India) speaks all the same
    ("Forty peacekeepers were killed in 2022, the UN said, the deadliest year since 2013.",
     "Forty", "UN"),
    # an acronym as subject of a reporting verb, whatever the parser makes of it
    ("OHCHR recorded 604 civilian casualties in Ukraine in February: 158 killed and 446 injured.",
     "158", "OHCHR"),
    # a body named with its initials in brackets is mentioned once, and signs no story by that
    ("US drones carried out 40 strikes in Yemen last year.\n\nRights groups say the United "
     "Nations (UN) has done little to stop them.", "40", None),
    # a collective noun: the people it gathers speak, not a group named before
    ("Militia shelling killed 14 people in El Fasher on Sunday, a group of local doctors said.",
     "14", "local doctors"),
    # a name the parse hung as an adverbial before a reporting verb without subject
    ("Troops killed 23 bandits in Katsina, the Director of Army Public Relations, Brig. Gen. "
     "Musa Idris, told journalists in Kaduna on Friday.", "23", "Brig. Gen. Musa Idris"),
    # "the group" is the organisation named last, not a headline's description
    ("Sudan: rights group counts 61 dead\n\nThe Sudan Doctors Network (SDN) said on Monday that "
     "61 people were killed in El Fasher.\nAnother 48 were wounded, the group said.", "48",
     "Sudan Doctors Network (SDN)"),
    # who recorded a count is outranked by whom the sentence says tells it
    ("Police recorded 214 kidnappings in the state last year, according to the UN.", "214", "UN"),
    # prosecutors speak
    ("Gunmen killed 8 people at a bar in Celaya late on Friday, state prosecutors said.", "8",
     "state prosecutors"),
    # a reporting verb joined to an earlier verb shares its subject
    ("The Pakistani Taliban claimed the bombing and said it had killed 9 policemen.", "9",
     "TTP"),
    # issue 9: an organisation named twice only as the employer of the people counted tells
    # no story
    ("Gunmen fired on a convoy of the UN mission near the river. One driver was killed and 3 "
     "UN staff were injured; 2 UN guards are missing.", "One", None),
    # issue 9: an order or plea to someone tells nothing; a body telling reporters does
    ("A car bomb went off at the border post on Monday. The blast came a day after the "
     "Interior Ministry told travellers to avoid the crossing. At least 17 people were killed.",
     "At least 17", None),
    ("The governor urged residents to stay indoors. Police told reporters that 6 people were "
     "wounded.", "6", "Police"),
    # issue 9: who says who did the attack speaks for that, not for the toll told after it
    ("Officials have said the bombing was carried out by a smuggling ring. The blast at the "
     "temple left 11 people dead.", "11", None),
    ("Local officials said the attack was the work of bandits. Seven farmers were killed.",
     "Seven", None),
    # issue 9: a verb that names a deed as often as a report ('release', 'show') is no report of
    # the people it acts on ...
    ("The Northern Front released 5 hostages on Sunday.", "5", None),
    ("On Monday the Red Hand Brigade released 2 of the 9 remaining captives.", "2", None),
    ("The government showed no sign of yielding after the killing of 7 protesters.", "7", None),
    # ... but reports with a clause after it or a carrier of figures as its object
    ("The ministry released figures showing that 40 people were killed.", "40", "ministry"),
    ("The UN released a statement saying 16 aid workers were abducted.", "16", "UN"),
    ("The monitor showed that 23 civilians died in March.", "23", "monitor"),
    # issue 9: a speaker quoted on something other than a count tells the next sentence ...
    ("The police chief told reporters the bomb went off at noon. The blast wounded 23 people at "
     "the station.", "23", "police chief"),
    # ... but not a figure two sentences on, after a sentence on another topic ...
    ("The attack will not go unpunished, said President Luc Moreau. He visited the bakery on "
     "Sunday. Eleven people were taken to hospital.", "Eleven", None),
    ("The governor said the curfew would stay in place. The roads were empty. Gunmen later "
     "killed 6 herders near the river.", "6", None),
    # ... or one that only refers back to people counted before
    ("The prosecutor said the case had gone to the court. The two suspects are brothers from "
     "Lyon. The bombs killed 3 people and injured 40.", "40", None),
    # ... unless the sentence between goes on counting
    ("The prosecutor said the case had gone to the court. The inquiry has found that 34 people "
     "took part in the plot. So far 27 arrest warrants have been issued.", "27", "prosecutor"),
    ("The prosecutor said the case had gone to the court. Three of the suspects are brothers. "
     "The bombs killed 3 people and injured 40.", "40", "prosecutor"),
    # ... and still makes a second voice, so that the paragraph has no one source
    ("The mayor said the market would reopen on Monday. Shopkeepers said the blast shook the "
     "street. Nine people were taken to hospital.", "Nine", None),
    # a speaker who gives a count goes on in the sentences after it
    ("The police said 8 people were killed in the raid. Another 20 were arrested.", "20",
     "police"),
    ("Residents said 4 farmers were shot dead on Sunday. The village has no road. Two more are "
     "missing.", "Two", "Residents"),
    # issue 9: whoever claims a statement is its source, also when named by a common noun
    ("Government troops claimed to have retaken the bridge, losing 4 soldiers.", "4",
     "Government troops"),
    ("Local militiamen alleged that 12 villagers had been killed by the army.", "12",
     "Local militiamen"),
    ("The army said 30 rebels were killed near the dam. Meanwhile, the rebels claimed to have "
     "killed 15 soldiers.", "15", "rebels"),
    # ... not who claims the attack
    ("The rebels claimed the attack, which killed 9 soldiers.", "9", None),
    # issue 9: a sentence that says who did the attack is its own account: the speaker before it
    # does not tell its figures
    ("The foreign minister said the talks would go on. On Friday, the government blamed the "
     "Southern Front for the bombing of a bus depot that killed 12 people.", "12", None),
    ("Police said 8 people were killed in the raid. The Southern Front claimed the attack, "
     "which also wounded 20.", "20", None),
    ("Police said the market was closed. The blast wounded 14 people near the gate.", "14",
     "Police"),
    # issue 9: a carrier of figures that names whose they are speaks for them
    ("At least 40 people were killed in June, according to a UN tally, although government "
     "figures said 31 died.", "31", "government"),
    ("The ministry's figures showed 12 children were killed.", "12", "ministry"),
    ("Figures from the health ministry say 230 people were wounded.", "230", "health ministry"),
    # ... one that names nobody does not
    ("Estimates say 300 fighters were killed.", "300", None),
    # issue 9: whom a person tells ('told Reuters') is no body they speak for
    ("Ali Musa, the state information minister, told Reuters by phone that gunmen attacked a "
     "police post. Musa said 4 police officers died.", "4", "Musa"),
    ("Ali Musa, a spokesman for the Red Cross, said gunmen attacked a police post. Musa said 4 "
     "police officers died.", "4", "ICRC"),
    # issue 9: officials counted by another number are among the counted, not who counts
    ("18 rebels, 3 police killed in Ghazni clashes", "18", None),
    ("Police arrested 12 suspects after the blast.", "12", "Police"),
    # issue 9: a wire headline opened by who tells it, before a colon and a clause
    ("Witnesses: 9 more killed in northern town;", "9", "Witnesses"),
    ("Residents: 14 bodies found after the raid", "14", "Residents"),
    # ... not a list line's label, nor a place
    ("Police officers: 12 wounded", "12", None),
    ("Sudan: rights group counts 61 dead", "61", "rights group"),
    # issue 9: whoever gives or puts a count states it
    ("A hospital source gave a toll of 17 dead on Friday.", "17", "hospital source"),
    ("The watchdog put the number of people detained at 240.", "240", "watchdog"),
    # ... one who cites another as saying passes the other's count on
    ("The bulletin cites the provincial police as saying that 11 officers were wounded.", "11",
     "provincial police"),
    ("Local radio quoted the district commissioner as saying that 6 fishermen were shot dead.", "6",
     "district commissioner"),
    # ... figures cited by an outlet stay the figures of whose they are
    ("The camp held 2,300 people, according to health ministry figures cited by a local daily.",
     "2,300", "health ministry"),
    ("Some 900 people fled, according to data from the Norwegian Refugee Council.", "Some 900",
     "Norwegian Refugee Council"),
    # ... any common noun that says or tells a clause speaks, with a name in apposition
    ("Nineteen people died in the fire, the headmaster of the school said.", "Nineteen",
     "headmaster"),
    ("Nineteen people died in the fire, a teacher, Amina Bello, told reporters.", "Nineteen",
     "teacher, Amina Bello"),
    # ... not a body described by whose it is, which refers back to the one named before
    ("The army said on Monday that 30 militants were killed. Two soldiers died in the fighting, "
     "the army's media wing said.", "Two", "army"),
    # ... nor one told in an aside about something else
    ("Four hostages were freed on Monday, while relatives of the others said they were afraid.",
     "Four", None),
]


@pytest.mark.parametrize(("text", "number", "source"), SOURCES)
def test_figure_source(
    extract_text: Callable[..., Extraction], text: str, number: str, source: str | None
) -> None:
    figure = only_figure_numbered(extract_text(text, published=date(2024, 3, 15)), number)
    assert figure.source == source
