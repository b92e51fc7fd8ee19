"""Numbers and what they count: quantities in digits and words, and the measure a count names."""

from newsledger.extract.numbers.measures import (
    MeasureReading,
    counted_noun,
    counts_people,
    group_measure,
    heading_measure,
    noun_measure,
    read_measure,
    verb_measure,
    victim_words,
)
from newsledger.extract.numbers.numbers import (
    NUMBER_WORDS,
    count_word,
    find_quantities,
    parser_stand_in,
    word_to_int,
)

__all__ = [
    "NUMBER_WORDS",
    "MeasureReading",
    "count_word",
    "counted_noun",
    "counts_people",
    "find_quantities",
    "group_measure",
    "heading_measure",
    "noun_measure",
    "parser_stand_in",
    "read_measure",
    "verb_measure",
    "victim_words",
    "word_to_int",
]
