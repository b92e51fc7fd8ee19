"""Time phrases in a sentence and the calendar periods they resolve to."""

from newsledger.extract.time.periods import TimeMention, find_times
from newsledger.extract.time.time_words import WORDS

__all__ = [
    "WORDS",
    "TimeMention",
    "find_times",
]
