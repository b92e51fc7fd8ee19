"""per_text: a document text's derived values are kept by the text object's identity; an equal
copy is compared once, then kept under its own identity too."""

from __future__ import annotations

from newsledger.memo import per_text


def test_same_object_and_an_equal_copy_are_hits() -> None:
    calls: list[str] = []

    @per_text(size=2)
    def first_word(text: str) -> str:
        calls.append(text)
        return text.split()[0]

    text = "Gunmen killed 12 villagers. " * 1000
    copy = "".join(list(text))  # equal value, another object
    assert copy == text and copy is not text
    answers = [first_word(text), first_word(text), first_word(copy), first_word(copy)]
    assert answers == ["Gunmen"] * 4
    assert calls == [text]


def test_a_copy_of_a_dropped_text_is_computed_again() -> None:
    calls: list[str] = []

    @per_text(size=1)
    def first_word(text: str) -> str:
        calls.append(text)
        return text.split()[0]

    text, other = "Troops withdrew. " * 100, "Shelling resumed. " * 100
    for item in (text, other, "".join(list(text))):
        first_word(item)
    assert [c.split()[0] for c in calls] == ["Troops", "Shelling", "Troops"]


def test_only_the_last_texts_are_kept() -> None:
    calls: list[str] = []

    @per_text(size=2)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    texts = ["a" * 10, "b" * 20, "c" * 30]
    for text in texts:
        length(text)
    length(texts[2])  # kept
    length(texts[0])  # dropped when the third came
    assert [len(t) for t in calls] == [10, 20, 30, 10]
