"""Results of a function of a whole document text, kept for the last few text objects.

Checks and regrouping ask for a text's sentence ends or first line once per figure. ``lru_cache``
would key them by the text's value: a hit on an equal text held as another string object (the
same document read twice from the ledger) compares the two character by character, 19 MB per
figure on a long document, which took most of reconciling it. Here a hit is the same object
(free); an equal copy is compared with the kept texts once (a few of them, of equal length
only), then hit like any other.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from threading import Lock
from typing import TypeVar

T = TypeVar("T")


def per_text(size: int = 4) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Memoise a function of one text by the text object's identity, for ``size`` texts."""

    def decorate(func: Callable[[str], T]) -> Callable[[str], T]:
        kept: OrderedDict[int, tuple[str, T]] = OrderedDict()
        lock = Lock()  # the web app calls from several threads
        # The text asked for last and its value, checked first without the lock: most calls ask
        # again for the same text. One tuple, replaced whole, so a thread never sees half of it.
        last: list[tuple[str, T] | None] = [None]

        @wraps(func)
        def memoised(text: str) -> T:
            latest = last[0]
            if latest is not None and latest[0] is text:
                return latest[1]
            value = _remembered(text)
            last[0] = (text, value)
            return value

        def _remembered(text: str) -> T:
            with lock:
                hit = kept.get(id(text))
                if hit is not None and hit[0] is text:
                    kept.move_to_end(id(text))
                    return hit[1]
                # An equal copy kept under another object: compared once (lengths first), then
                # kept under this one too (reconcile reads a long document's text several times).
                hit = next((h for h in kept.values() if len(h[0]) == len(text) and h[0] == text),
                           None)
            value = hit[1] if hit is not None else func(text)
            with lock:
                kept[id(text)] = (text, value)  # the text is held, so its id is not reused
                kept.move_to_end(id(text))
                while len(kept) > size:
                    kept.popitem(last=False)
            return value

        return memoised

    return decorate
