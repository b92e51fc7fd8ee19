"""Every command is documented in the README, and every lexicon file says where it came from."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsledger.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(
    c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
)
LEXICONS = sorted(
    p.name for p in resources.files("newsledger.lexicons").iterdir() if p.name.endswith(".tsv")
)


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_readme_shows_every_command(command: str) -> None:
    assert f"newsledger {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", LEXICONS)
def test_docs_lexicon_files_have_a_header(name: str) -> None:
    text = resources.files("newsledger.lexicons").joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must start with a '#' header saying where it came from"


def test_docs_public_api_is_sorted_and_importable() -> None:
    import newsledger

    assert newsledger.__all__ == sorted(newsledger.__all__)
    for name in newsledger.__all__:
        assert getattr(newsledger, name) is not None


def test_docs_readme_python_examples_run() -> None:
    import doctest

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    test = doctest.DocTestParser().get_doctest(section, {}, "README: Use from Python", None, 0)
    assert test.examples, "the README's Python section lost its examples"
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
