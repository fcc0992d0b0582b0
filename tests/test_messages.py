"""The message catalogue: both languages for every code, and every code the code uses."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from generator.messages import CATALOGUE, LANGUAGES, t

SOURCES = sorted((Path(__file__).parent.parent / "generator").rglob("*.py"))
CODE = r"[a-z_]+(?:\.[a-z_0-9]+)+"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages_with_the_same_blanks(code: str) -> None:
    texts = CATALOGUE[code]
    assert len(texts) == len(LANGUAGES) and all(text.strip() for text in texts)
    assert placeholders(texts[0]) == placeholders(texts[1])


def test_every_code_the_generator_names_is_in_the_catalogue() -> None:
    used, with_hint = set(), set()
    for source in SOURCES:
        text = source.read_text("utf-8")
        used |= set(re.findall(rf'\bt\(\s*"({CODE})"', text))
        # These helpers also look up "<code>.hint".
        helpers = r"whole|_whole|say|_Refused|message_and_hint"
        with_hint |= set(re.findall(rf'\b(?:{helpers})\([^"]*"({CODE})"', text))
    assert used and with_hint
    missing = sorted((used | with_hint | {c + ".hint" for c in with_hint}) - CATALOGUE.keys())
    assert missing == []


def test_language_is_chosen_when_printed() -> None:
    message = t("price.negative", value="-5000")
    assert message.render("id") == "`-5000` bernilai negatif"
    assert message.render("en") == "`-5000` is negative"
