"""Tests for the offline gazetteer: finding, resolving and comparing place names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import only_figure_numbered
from newsledger.errors import LexiconError
from newsledger.extract.places import (
    countries_first,
    demonym_country,
    expand_place,
    find_places,
    lookup_place,
    normalise_place,
    place_in_text,
    places,
    resolve_in_document,
)
from newsledger.extract.places.places import named_countries, resolve_ambiguous
from newsledger.extract.words import phrases
from newsledger.model import Extraction


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in find_places(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 43,000 people live in the Al Hol and Al Roj camps.",
     [("Al Hol", "Al Hol camp"), ("Al Roj camps", "Al Roj camp")]),
    ("Families left al-Hol camp on Monday.", [("al-Hol camp", "Al Hol camp")]),
    ("Families left Al-Hol Camp on Monday.", [("Al-Hol Camp", "Al Hol camp")]),
    ("The al-Hawl camp is overcrowded.", [("al-Hawl camp", "Al Hol camp")]),
    ("Patrols near At-Tanf garrison and Al-Tanf base.",
     [("At-Tanf garrison", "At-Tanf garrison"), ("Al-Tanf base", "At-Tanf garrison")]),
    ("Guards at Gweiran prison in Hasakah.",
     [("Gweiran prison", "Ghwayran prison"), ("Hasakah", "Hasakah")]),
    ("Inmates of al-Sina'a prison rioted.", [("al-Sina'a prison", "Ghwayran prison")]),
    ("Two blasts hit al-Tayyaran square in central Baghdad.",
     [("al-Tayyaran square", "Tayaran Square"), ("Baghdad", "Baghdad")]),
    ("The last pocket was Baghuz, near Deir ez-Zor.",
     [("Baghuz", "Baghuz"), ("Deir ez-Zor", "Deir ez-Zor")]),
    ("Raids in Deir al-Zour and Deir Ezzor.",
     [("Deir al-Zour", "Deir ez-Zor"), ("Deir Ezzor", "Deir ez-Zor")]),
    ("Clashes in Hassakeh and Al-Hasakah.", [("Hassakeh", "Hasakah"), ("Al-Hasakah", "Hasakah")]),
    ("Displaced from Raqqa and Rakka.", [("Raqqa", "Raqqa"), ("Rakka", "Raqqa")]),
    ("Insurgents attacked Mafa in Borno State, Nigeria.",
     [("Mafa", "Mafa"), ("Borno State", "Borno"), ("Nigeria", "Nigeria")]),
    ("Troops cleared Konduga, Gwoza, Bama and Dikwa.",
     [("Konduga", "Konduga"), ("Gwoza", "Gwoza"), ("Bama", "Bama"), ("Dikwa", "Dikwa")]),
    ("Operations in Nineveh, Ninawa and Salahuddin.",
     [("Nineveh", "Nineveh"), ("Ninawa", "Nineveh"), ("Salahuddin", "Salahuddin")]),
    ("Fighting in Lower Shabelle and Helmand province.",
     [("Lower Shabelle", "Lower Shabelle"), ("Helmand province", "Helmand")]),
    ("Refugees reached Zaatari camp, Dadaab and Kakuma.",
     [("Zaatari camp", "Zaatari camp"), ("Dadaab", "Dadaab"), ("Kakuma", "Kakuma")]),
    ("U.S. forces left the US base.", [("U.S.", "United States"), ("US", "United States")]),
    ("Talks between Britain and the UK.",
     [("Britain", "United Kingdom"), ("UK", "United Kingdom")]),
    ("Refugees from DRC and DR Congo.",
     [("DRC", "Democratic Republic of the Congo"),
      ("DR Congo", "Democratic Republic of the Congo")]),
    ("Cocoa from Ivory Coast and Cote d'Ivoire.",
     [("Ivory Coast", "Ivory Coast"), ("Cote d'Ivoire", "Ivory Coast")]),
    ("Burma, now Myanmar.", [("Burma", "Myanmar"), ("Myanmar", "Myanmar")]),
    ("The Syrian Arab Republic and Syria's war.",
     [("Syrian Arab Republic", "Syria"), ("Syria", "Syria")]),
    ("Fighters in Mosul and Fallujah.", [("Mosul", "Mosul"), ("Fallujah", "Fallujah")]),
    ("A drone hit Kabul.", [("Kabul", "Kabul")]),
    # bare "Gaza" in the news is the Gaza Strip, not only its city
    ("Strikes on Gaza and Gaza City.", [("Gaza", "Gaza Strip"), ("Gaza City", "Gaza City")]),
    ("Aid reached Mogadishu.", [("Mogadishu", "Mogadishu")]),
    ("A bomb exploded in Ustaritz.", [("Ustaritz", "Ustaritz")]),  # a town under 15,000
    ("the Ustaritz district", [("Ustaritz", "Ustaritz")]),
    # a small town's whole name, particles inside ('Luz' alone is in Brazil)
    ("shot near Saint-Jean-de-Luz on Monday", [("Saint-Jean-de-Luz", "Saint-Jean-de-Luz")]),
    # a name before a town, read abroad only, is a quarter of the town (Jahangirabad is in India)
    ("in Jahangirabad, Karachi", [("Jahangirabad", "Karachi"), ("Karachi", "Karachi")]),
    # ... and so is a name a town's quarter words introduce ('Yarmouk' camp is in Syria)
    ("blasts in the Baghdad neighborhoods of Husseiniyah and Yarmouk",
     [("Baghdad", "Baghdad"), ("Yarmouk", "Baghdad")]),
    ("a car bomb in the Dora district of Baghdad",  # the quarter first: Baghdad stays Baghdad
     [("Dora", "Dora"), ("Baghdad", "Baghdad")]),
    ("shelling of the Damascus suburbs of Douma and Yarmouk",
     [("Damascus", "Damascus"), ("Douma", "Douma"), ("Yarmouk", "Yarmouk camp")]),
    ("attacks in Baghdad, Mosul and Kirkuk",
     [("Baghdad", "Baghdad"), ("Mosul", "Mosul"), ("Kirkuk", "Kirkuk")]),
])
def test_find_places_names_and_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "they will march on the capital",
    "a mobile clinic and a nice split",
    "Mobile phones were seized in March.",
    "Nice work, he said.",
    "Of the 20 victims, most were women.",
    "Hamas and Hezbollah fired rockets.",
    "Syrian and Iraqi officials met.",
    "Police said the Bar was closed.",
    "the bama road",  # lower case is never a name
    "General Saad Maan said two bombers struck.",
    "Defense Secretary Lloyd Austin spoke.",
    "The UN and the U.N. said so.",
    # pieces of longer names the gazetteer lacks
    "Anti-Balaka fighters raided the market.",
    "Mai-Mai fighters raided the market.",
    "a bridge outside Kari-Dor was blown up",
    "the village of Tal al-Banat",
    # 'al-Sham' (the Levant) ends names of groups and regions, never Damascus
    "Fighters of Hayat Tahrir al-Sham seized the hill.",
    "Insurgents roam the Badia al-Sham desert.",
    "the Commissioner of Police and the Police Command",
    "in the Khair Khana District",
    # a small town's name is read only where the text puts something there
    "Ustaritz officials met.",
    "the home of Gonzalo Quiroga was attacked",  # a person, not the small town Gonzalo
])
def test_find_places_ignores_words_names_and_demonyms(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen ambushed a truck on the Torit-Kapoeta road.", [("Torit", "Torit")]),
    ("in Jalalabad City District", [("Jalalabad City", "Jalalabad")]),
    ("SRI LANKA.  A bomb exploded.", [("SRI LANKA", "Sri Lanka")]),
    ("kidnapped in Santander Department", [("Santander Department", "Santander")]),
])
def test_find_places_keeps_names_next_to_other_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_find_places_reads_a_department_as_the_division() -> None:
    [department] = find_places("kidnapped in Santander Department")
    assert (department.place.kind, department.place.country) == ("admin1", "Colombia")


def test_find_places_offsets_point_into_the_text() -> None:
    text = "Clashes near al-Baghuz and in Hajin, Deir ez-Zor province."
    for mention in find_places(text):
        assert text[mention.start:mention.end] == mention.text
    assert found(text) == [("al-Baghuz", "Baghuz"), ("Hajin", "Hajin"),
                           ("Deir ez-Zor province", "Deir ez-Zor")]


def test_find_places_prefers_the_division_before_a_division_word() -> None:
    [town] = find_places("Attackers hit Tillaberi on Monday.")
    [region] = find_places("Attackers hit the Tillaberi region on Monday.")
    assert (town.place.kind, region.place.kind) == ("city", "admin1")


def test_find_places_resolves_ambiguity_by_the_country_named() -> None:
    [libya] = find_places("A car bomb in Tripoli killed four.")
    lebanon = find_places("A car bomb in Tripoli killed four, Lebanese officials said.")
    assert libya.place.country == "Libya"
    assert lebanon[0].place.country == "Lebanon"


def test_resolve_ambiguous_uses_other_mentions() -> None:
    mentions = find_places("Tripoli") + find_places("Lebanon")
    assert mentions[0].place.country == "Libya"
    assert resolve_ambiguous(mentions)[0].place.country == "Lebanon"


@pytest.mark.parametrize("sentences", [
    ["Lebanese officials said a car bomb went off.", "It hit a market in Tripoli."],
    ["Iraqi and Syrian forces met in Mosul.", "", "Kurdish fighters joined Iraqi troops."],
    ["A fire in Tripoli killed four.", "Firefighters worked through the night."],
])
def test_named_countries_of_sentences_counts_as_of_their_joined_text(
    sentences: list[str],
) -> None:
    # a document's sentences are read one by one (their cached words): the same counts in the
    # same order as the text they make joined by spaces
    mentions = [m for text in sentences for m in find_places(text)]
    by_sentence = named_countries(mentions, sentences)
    joined = named_countries(mentions, " ".join(sentences))
    assert by_sentence == joined
    assert by_sentence.most_common() == joined.most_common()


# (sentences of one story we wrote, the ambiguous name, the country it is read in)
DOCUMENT_READINGS = [
    # a division of the country the story names elsewhere, not a town of that name abroad
    (["Militia attacks displace thousands in DR Congo.",
      "At least 3,000 people fled their homes in Kasai this week."], "Kasai",
     "Democratic Republic of the Congo"),
    (["Somali troops kill 15 militants.", "The fighting in Gedo lasted two days."], "Gedo",
     "Somalia"),
    (["Clashes erupted near the border with Kenya on Monday.",
      "Twelve fighters were killed in the Gedo region, Somali officials said."], "Gedo",
     "Somalia"),
    # the country a sentence names itself keeps its say over the document's
    (["Congolese troops fought militias on Monday.",
      "A fire in Kasai, Japan, killed three people."], "Kasai", "Japan"),
    # a place of our own rows stays itself though the story names another country all along
    (["The Pentagon said US forces were on alert.", "Strikes near Damascus killed 12.",
      "American officials gave no details."], "Damascus", "Syria"),
    # nothing named anywhere: the usual reading stays
    (["A fire in Tripoli killed four.", "Firefighters worked through the night."], "Tripoli",
     "Libya"),
    (["Lebanese officials said a car bomb went off.", "It hit a market in Tripoli."], "Tripoli",
     "Lebanon"),
]


@pytest.mark.parametrize(("sentences", "name", "country"), DOCUMENT_READINGS)
def test_resolve_in_document_reads_names_in_the_documents_countries(
    sentences: list[str], name: str, country: str
) -> None:
    resolved = resolve_in_document([(text, find_places(text)) for text in sentences])
    readings = [m.place for found in resolved for m in found if m.text.startswith(name)]
    assert [p.country for p in readings] == [country]


# (countries a document names, most named first; name; place read, its country)
CONTEXT_LOOKUPS = [
    (("Nigeria",), "Delta", "Delta State", "Nigeria"),
    (("Somalia", "Kenya"), "Gedo", "Gedo", "Somalia"),
    (("Democratic Republic of the Congo",), "Kasai", "Kasai", "Democratic Republic of the Congo"),
    (("Somalia",), "Bay", "Bay Region", "Somalia"),
    # a reading in the document's countries stays, and a country stays a country
    (("Lebanon", "Libya"), "Tripoli", "Tripoli", "Libya"),
    (("United States",), "Georgia", "Georgia", "Georgia"),
    # no reading in those countries: the usual one
    (("Iraq",), "Delta", "Delta", "Canada"),
    # one of our own rows stays in a country named only as a party ('US strikes')
    (("United States",), "Damascus", "Damascus", "Syria"),
]


@pytest.mark.parametrize(("countries", "name", "place", "country"), CONTEXT_LOOKUPS)
def test_lookup_place_prefers_the_documents_countries(
    countries: tuple[str, ...], name: str, place: str, country: str
) -> None:
    with countries_first(countries):
        found_place = lookup_place(name)
    assert found_place is not None
    assert (found_place.name, found_place.country) == (place, country)


@pytest.mark.parametrize(("name", "expected"), [
    ("Police", None),  # a town in Poland, never a place in text
    ("Metro", None),
    ("Kaduna", "Kaduna"),
    ("Iraq", "Iraq"),
])
def test_place_in_text_skips_words_that_are_no_places(name: str, expected: str | None) -> None:
    found_place = place_in_text(name)
    assert (found_place.name if found_place else None) == expected


def test_lookup_place_moves_our_own_rows_to_a_country_placed_by_the_document() -> None:
    with countries_first(("Cameroon",), frozenset({"Cameroon"})):
        placed = lookup_place("Sud-Ouest")
    with countries_first(("Cameroon",)):
        named = lookup_place("Sud-Ouest")
    assert placed is not None and named is not None
    assert (placed.country, named.country) == ("Cameroon", "Burkina Faso")


# (story we wrote, the country of the incident it reports)
INCIDENT_COUNTRIES = [
    ("Congo: militia attack\n\nMilitiamen killed 12 villagers in Kasai on Sunday, local "
     "officials said.", "Democratic Republic of the Congo"),
    ("Somali troops kill militants\n\nTroops killed 15 al-Shabaab fighters in Gedo on Tuesday, "
     "the army said.", "Somalia"),
    # a page's section line in capitals is no place, though a town abroad bears the word
    ("POLICE\n\nGunmen killed 5 people in Kafanchan on Monday, the Commissioner of Police said.",
     "Nigeria"),
    ("METRO\n\nGunmen killed 5 people in Kaduna on Monday, residents said.", "Nigeria"),
    ("FRANCE.\n\nA bomb killed 2 people in a cafe on Monday.", "France"),
    # a division two countries share, read in the country a place beside it lies in
    ("Separatists burned a truck between two villages (Fako, Sud-Ouest) on Monday, killing 2 "
     "drivers.", "Cameroon"),
    # a quarter named first, before its town: 'Gure suburb of Juba' (a Gure lies in Turkey)
    ("Gunmen attacked a football crowd in Gure suburb of Juba, killing 12 people.",
     "South Sudan"),
]


@pytest.mark.parametrize(("text", "country"), INCIDENT_COUNTRIES)
def test_incident_country_reads_places_in_the_documents_countries(
    extract_text: Callable[..., Extraction], text: str, country: str
) -> None:
    found = extract_text(text, published=date(2024, 3, 15)).incidents
    assert [i.country for i in found] == [country]


@pytest.mark.parametrize(("name", "place", "kind", "country", "admin1"), [
    ("al-Hol", "Al Hol camp", "site", "Syria", "Hasakah"),
    ("Hol camp", "Al Hol camp", "site", "Syria", "Hasakah"),
    ("AL-HOL CAMP", "Al Hol camp", "site", "Syria", "Hasakah"),
    ("Roj camp", "Al Roj camp", "site", "Syria", "Hasakah"),
    ("Tanf", "At-Tanf garrison", "site", "Syria", "Homs"),
    ("Tayyaran Square", "Tayaran Square", "site", "Iraq", "Baghdad"),
    ("Mafa", "Mafa", "admin2", "Nigeria", "Borno"),
    ("Borno State", "Borno", "admin1", "Nigeria", None),
    ("Niger State", "Niger State", "admin1", "Nigeria", None),
    ("Niger", "Niger", "country", "Niger", None),
    ("Saladin", "Salahuddin", "admin1", "Iraq", None),
    ("northern Baghdad", "Baghdad", "city", "Iraq", "Baghdad"),
    ("north-east Nigeria", "Nigeria", "country", "Nigeria", None),
    ("Washington, D.C.", "Washington", "city", "United States", None),
    ("America", "United States", "country", "United States", None),
    ("Syrian Arab Republic", "Syria", "country", "Syria", None),
    # regions of older conflicts, and the names news and incident databases give them
    ("Kashmir", "Jammu and Kashmir", "admin1", "India", None),
    ("Chechnya", "Chechnya", "admin1", "Russia", None),
    ("Grozny", "Grozny", "city", "Russia", "Chechnya"),
    ("Corsica", "Corsica", "admin1", "France", None),
    ("Ulster", "Northern Ireland", "admin1", "United Kingdom", None),
    ("Londonderry", "Derry", "city", "United Kingdom", "Northern Ireland"),
    ("Qatif Bloc", "Gush Katif", "site", "Palestine", "Gaza Strip"),
    ("Donostia", "San Sebastian", "city", "Spain", "Basque Country"),
    ("Bosnia-Hercegovina", "Bosnia and Herzegovina", "country", "Bosnia and Herzegovina", None),
    ("USSR", "Russia", "country", "Russia", None),
    ("NWFP", "Khyber Pakhtunkhwa", "admin1", "Pakistan", None),
    ("Mindanao", "Mindanao", "admin1", "Philippines", None),
    # towns of the Iraqi and Afghan wars that the generated gazetteer lacks or spells otherwise
    ("Dhuluiya", "Dhuluiyah", "city", "Iraq", "Salahuddin"),
    ("Heet", "Heet", "city", "Iraq", "Anbar"),
    ("Khan Bani Saad", "Khan Bani Saad", "city", "Iraq", "Diyala"),
    ("Maidan Shahr", "Maidan Shahr", "city", "Afghanistan", "Wardak"),
    # South Sudan counties and payams, and the region's refugee camps and settlements
    ("Uror county", "Uror", "admin2", "South Sudan", "Jonglei"),
    ("Duk Payuel", "Duk Payuel", "city", "South Sudan", "Jonglei"),
    ("Kajo Keji", "Kajo-Keji", "admin2", "South Sudan", "Central Equatoria"),
    ("Rhino Camp refugee settlement", "Rhino Camp", "site", "Uganda", None),
    ("Nguenyyiel camp", "Nguenyyiel", "site", "Ethiopia", None),
    ("Goudoubo", "Goudoubo", "site", "Burkina Faso", "Sahel Region"),
    ("Begayliya", "Begayliya", "city", "Syria", "Deir ez-Zor"),
])
def test_lookup_place(name: str, place: str, kind: str, country: str, admin1: str | None) -> None:
    found_place = lookup_place(name)
    assert found_place is not None
    assert (found_place.name, found_place.kind, found_place.country, found_place.admin1) == \
        (place, kind, country, admin1)


def test_lookup_place_unknown_is_none() -> None:
    assert lookup_place("Qwxzyville") is None


@pytest.mark.parametrize(("name", "expected"), [
    ("Al-Hol camp", "al hol"),
    ("the al-Hol Camp", "al hol"),
    ("Borno State", "borno"),
    ("Nineveh Governorate", "nineveh"),
    ("Helmand Province", "helmand"),
    ("Zaatari refugee camp", "zaatari"),
    ("Mafa Local Government Area", "mafa"),
    ("Al Ḩasakah", "al hasakah"),
    ("Ma'arat al-Numan", "maarat al numan"),
])
def test_normalise_place(name: str, expected: str) -> None:
    assert normalise_place(name) == expected


@pytest.mark.parametrize(("a", "b"), [
    (["Al Hol camp"], ["al-Hol"]),
    (["Al-Hol Camp", "Syria"], ["Al Hol camp"]),
    (["Mafa", "Borno", "Nigeria"], ["Mafa"]),
    (["Deir ez-Zor"], ["Deir al-Zour"]),
    (["Hassakeh"], ["Al-Hasakah"]),
    (["Tayyaran Square", "northern Baghdad"], ["al-Tayyaran square", "Baghdad"]),
    (["Nineveh"], ["Ninawa"]),
    (["US"], ["United States"]),
])
def test_expand_place_closures_compare_equal(a: list[str], b: list[str]) -> None:
    def closure(names: list[str]) -> frozenset[str]:
        return frozenset().union(*(expand_place(n) for n in names))

    assert closure(a) == closure(b)


def test_expand_place_contains_what_contains_the_place() -> None:
    assert expand_place("Al Hol camp") == {"al hol", "hasakah", "syria"}
    assert expand_place("Mafa") == {"mafa", "borno", "nigeria"}
    assert expand_place("Iraq") == {"iraq"}


def test_expand_place_of_an_unknown_name_is_its_normalised_name() -> None:
    assert expand_place("Qwxzyville camp") == {"qwxzyville"}


def test_expand_place_keeps_different_places_apart() -> None:
    assert expand_place("Al Hol camp") != expand_place("Al Roj camp")
    assert expand_place("Mafa") != expand_place("Konduga")


@pytest.mark.parametrize(("word", "country"), [
    ("Iraqi", "Iraq"), ("Syrian", "Syria"), ("Syrians", "Syria"), ("Nigerien", "Niger"),
    ("Burkinabe", "Burkina Faso"), ("American", "United States"),
    ("Congolese", "Democratic Republic of the Congo"),
    ("Hamas", None),
])
def test_demonym_country(word: str, country: str | None) -> None:
    assert demonym_country(word) == country


def test_every_demonym_names_a_known_country() -> None:
    for country in set(places.gazetteer().demonyms.values()):
        found_place = lookup_place(country)
        assert found_place is not None and found_place.kind == "country", country


def test_every_admin1_in_the_lexicons_is_a_known_division() -> None:
    g = places.gazetteer()
    admin1_names = {p.admin1 for bucket in g.lookup.values() for p in bucket if p.admin1}
    for name in admin1_names:
        assert any(p.kind in ("admin1", "admin2") and p.name == name
                   for p in g.lookup.get(normalise_place(name), [])), name


def test_read_lexicon_names_the_file_and_line_of_a_bad_row(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakePath:
        def __truediv__(self, other: str) -> FakePath:
            return self

        def read_text(self, encoding: str) -> str:
            return "# header comment\nname\tkind\nBaghdad\tcity\nMosul\n"

    monkeypatch.setattr(phrases, "files", lambda package: FakePath())
    with pytest.raises(LexiconError, match=r"lexicons/fake\.tsv:4: expected 2"):
        list(places.read_lexicon("fake.tsv", 2))


# --- the places of a figure (rules in newsledger.extract.figures.context_places) ------------------

# (story we wrote, number of the figure, its places)
FIGURE_PLACES = [
    # names of people and hospitals, and a speaker's seat, are no places of the figure
    ("MOGADISHU - Government spokesman Abdifatah Aden said 12 soldiers were killed.", "12", []),
    ("President Ashraf Ghani said 40 Taliban fighters were killed.", "40", []),
    ("Doctors at Madina hospital said 20 wounded people were brought in.", "20", []),
    ("The London-based monitor said 12 fighters were killed.", "12", []),
    ("Turkish jets killed 14 Kurdistan Workers' Party militants.", "14", []),
    ("U.S. Central Command said 44 ISIS operatives were killed.", "44", []),
    # a country acting as a party is not where the figure happened
    ("The office said 10,000 civilians have been killed since the Russian Federation launched "
     "its armed attack against Ukraine.", "10,000", ["Ukraine"]),
    # ... nor are words of faith before a district, nor a street named after a town
    ("A truck bomb killed 86 people at a fruit market in the mainly Shia Muslim Sadr City "
     "district.", "86", ["Sadr City"]),
    ("Car bombs hit Belfast on Friday. At the Oxford Street bus station, four workers were "
     "killed.", "four", ["Belfast"]),
    # ... nor a landmark the place is found by
    ("A roadside bomb at a market in the town of Diwaniyah, south of Baghdad, killed three "
     "people.", "three", ["Diwaniyah"]),
    ("Gunmen killed 4 police officers in Najaf, some 160 km south of Baghdad.", "4", ["Najaf"]),
    ("A bomb killed 5 people 20 km north of Baghdad.", "5", ["Baghdad"]),
    ("Rebels killed 9 people in Bunia, a town near the border with Uganda, officials said.", "9",
     ["Bunia"]),
    # ... nor the seat of a hospital the wounded were taken to
    ("Shootings in restive Diyala province killed 11 people, security officials and doctor Ali "
     "Saleh from the main hospital in provincial capital Baquba said.", "11", ["Diyala"]),
    # the scene a sentence right after the toll gives
    ("Five insurgents attacked a convoy of trucks. The gunfight left all five insurgents dead and "
     "three policemen injured. The attack occurred in Uruzgan province in southern Afghanistan.",
     "three", ["Uruzgan", "Afghanistan"]),
    # ... nor a town's name a person speaks under
    ("Rebels ambushed an army patrol on Monday, and 12 soldiers were killed, according to "
     "Santos.", "12", []),
    ("Twelve people were killed in Kabul, said an official.", "Twelve", ["Kabul"]),
    ("A source living in Wardak province said more than 100 soldiers were killed.",
     "more than 100", ["Wardak"]),
    # ... nor the town of a hospital the wounded were taken to, when the story names the scene
    ("Jihadists killed 35 civilians in Pissila in northern Burkina Faso on Sunday. Another 12 "
     "people were wounded and are being treated at a hospital in Kaya, the regional capital.",
     "12", ["Pissila"]),
    # a compass region of a report on one country is that country's
    ("Troops killed 21 terrorists in Borno. In the North West, troops killed 14 bandits and "
     "arrested 23 suspects in Zamfara and Sokoto states.", "14", ["North West, Nigeria"]),
    ("Troops arrested 41 suspected oil thieves in Rivers and Bayelsa states.", "41",
     ["Rivers State", "Bayelsa"]),
    # ... nor the dateline of the Indian press ("Srinagar: ...")
    ("Srinagar: Nine people were killed and 33 injured when militants opened fire on a bus "
     "carrying pilgrims in Jammu and Kashmir's Reasi district on Sunday, officials said.", "33",
     ["Jammu and Kashmir", "Reasi"]),
    # ... nor the places of its parts only
    ("The union said 393 journalists were in prison around the world, with China and Myanmar "
     "holding the most.", "393", []),
    ("About 7 million people have been displaced inside Sudan since April, the agency said.\n\n"
     "The UN refugee agency UNHCR said a further 1.4 million people have crossed into "
     "neighbouring countries, including 540,000 into Chad.", "1.4 million", ["Sudan"]),
    ("About 7 million people have been displaced inside Sudan since April, the agency said.\n\n"
     "The UN refugee agency UNHCR said a further 1.4 million people have crossed into "
     "neighbouring countries, including 540,000 into Chad.", "540,000", ["Chad"]),
    # a place named as a place still counts
    ("Residents told AFP that 7 people were killed near Goma.", "7", ["Goma"]),
    ("Gunmen killed 6 people at Mosul University.", "6", ["Mosul"]),
    # "In Iraq, ...": the scope of its paragraph; a heading naming a place: of its section
    ("Coalition forces conducted 40 operations in Syria.\n\n"
     "In Iraq, the coalition kept up its raids. They killed 9 ISIS operatives.", "9", ["Iraq"]),
    ("Syria\n\nThe coalition conducted 40 operations.\n\nIraq\n\n"
     "The raids killed 9 ISIS operatives.", "9", ["Iraq"]),
    # where the speaker sits is no place of the figure: the story's place is
    ("Taliban fighters stormed a checkpoint in Helmand province on Monday. Twelve civilians were "
     "killed in the raid, an official in Kabul said.", "Twelve", ["Helmand"]),
    ("Gunmen attacked a hotel in Kismayo on Sunday. At least 9 people were killed, said an "
     "official in Mogadishu.", "At least 9", ["Kismayo"]),
    ("Gunmen attacked a hotel in Kismayo on Sunday. At least 9 people were killed, according to "
     "officials in Mogadishu.", "At least 9", ["Kismayo"]),
    ("A car bomb exploded at a market in Kirkuk on Tuesday. Eight people were killed, the "
     "interior ministry in Baghdad said.", "Eight", ["Kirkuk"]),
    # ... also when an aside comes between the seat and the reporting word, or the speaker sits
    # in a body in the town
    ("Gunmen stormed a girls' school in Bajaur on Tuesday. Eleven students were abducted, a "
     "police official in Peshawar, who asked not to be named, told reporters.", "Eleven",
     ["Bajaur"]),
    ("Suicide bombers struck an army base in Ghazni on Monday. \"We lost 26 soldiers in the "
     "blast,\" said a senior official in the defence ministry in Kabul, speaking on condition of "
     "anonymity.", "26", ["Ghazni"]),
    ("A bomb hit a bus in Kunduz on Monday. \"It is frustrating,\" said a senior interior "
     "ministry official in Kabul. A senior intelligence official in Kabul said at least 50 people "
     "were killed.", "at least 50", ["Kunduz"]),
    ("A bomb hit a bus in Kunduz on Monday. Officials in Herat and Kabul declined to comment. "
     "At least 50 people were killed in the attack.", "At least 50", ["Kunduz"]),
    # open-ended tolls of other attacks told further on are no parts of a total
    ("Insurgents stormed an army base, killing 126 soldiers. The governor said the building "
     "collapsed. Talks with the insurgents stalled. The army closed the roads. Elsewhere, a bomb "
     "killed at least five people in Kabul. Separately, more than 100 people were killed in "
     "Logar.", "126", ["Afghanistan"]),
    # a speaker's own premises may be the scene
    ("Clashes broke out in Timbuktu on Monday. The UN said its office in Gao was attacked, "
     "killing 3 guards.", "3", ["Gao"]),
    # ... unless nothing else places it
    ("A local official in Kandahar said 5 people were killed in a bombing on Monday.", "5",
     ["Kandahar"]),
    # a nationwide total is the country's, not a local place of its parts or of the story before
    ("Jihadists attacked an army post near Mopti on Friday, killing 9 soldiers. Since January, "
     "340 soldiers have been killed nationwide, including 40 in Mopti.", "340", ["Mali"]),
    ("Jihadists attacked an army post near Mopti on Friday, killing 9 soldiers. Since January, "
     "340 soldiers have been killed nationwide, including 40 in Mopti.", "40", ["Mopti"]),
    ("Jihadists attacked an army post near Mopti on Friday, killing 9 soldiers. Since January, "
     "340 soldiers have been killed countrywide.", "340", ["Mali"]),
    ("Bandits killed 9 villagers in Zamfara on Friday. Nationwide, at least 1,200 people were "
     "abducted last year, according to a security firm in Lagos.", "at least 1,200", ["Nigeria"]),
    # a country giving an estimate, a capital standing for its government: no place of the figure
    ("US drones struck villages in Yemen last year. The US’s estimate of the number of civilians "
     "killed – between 20 and 40 – is far below the monitor's.", "between 20 and 40", ["Yemen"]),
    ("Insurgents attacked a base in Helmand. The Kabul government's figures show 30 soldiers "
     "were killed.", "30", ["Helmand"]),
    # another language's name of a town abroad ('Ungwar', Uzhhorod) opening an unknown local name
    ("Gunmen attacked a hamlet called Ungwar Dogo in Kaduna State on Sunday, killing 8 people.",
     "8", ["Kaduna"]),
]


@pytest.mark.parametrize(("text", "number", "expected"), FIGURE_PLACES)
def test_figure_places(
    extract_text: Callable[..., Extraction], text: str, number: str, expected: list[str]
) -> None:
    figure = only_figure_numbered(extract_text(text, published=date(2024, 3, 15)), number)
    assert list(figure.locations) == expected


def test_expand_place_reads_each_document_in_its_own_countries() -> None:
    # a cached answer for one document's countries must not leak into the next document's
    # reading (extraction in a worker gave run-to-run differences on long documents)
    with countries_first(["Democratic Republic of the Congo"]):
        inside = expand_place("Kasai")
    outside = expand_place("Kasai")
    assert "democratic republic of the congo" in inside
    assert "japan" in outside
