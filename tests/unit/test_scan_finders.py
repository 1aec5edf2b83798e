"""Free-text finders read a column's texts in one pass and skip texts that cannot hold a find.

``Recognizer.texts_with`` runs a finder's search pattern once over all of a column's texts
joined by NUL; ``min_digits`` (an ASCII text with fewer digits holds no valid find) and
``screen`` (a literal character or a short run every find contains) rule texts out before the
search. All are shortcuts only: a text is found exactly when the plain search finds a valid
instance in it on its own.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy.scan.freetext import analyze
from privacy.scan.recognizers import TEXT_FINDERS, Recognizer
from privacy.scan.recognizers.base import SEPARATOR, JoinedTexts, digit_count
from privacy.scan.values import prepare
from privacy.sources.base import ColumnKind

#: instances each finder accepts, written into text below
INSTANCES = [
    "anna.schmidt@example.com",
    "+49 30 12345678",
    "(12) 345-678",  # as few digits as a phone found in text has (8)
    "4222222222222",  # and a card (13)
    "(555) 123-4567",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "536-90-4399",
    "912-78-1234",
    "850101-1234567",
    "203.0.113.7",
    "2001:db8:0:1:1:1:1:1",
    "00:1A:2B:3C:4D:5E",
    "1HGCM82633A004352",
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "+٤٩ ٣٠ ١٢٣٤٥٦٧٨",  # digits other than ASCII ones: never ruled out by counting
    "٤١١١ ١١١١ ١١١١ ١١١١",
]

TEMPLATES = [
    "{}",
    "reach me at {} please",
    "{} is mine",
    "notes: {}.",
    "x{}x",
    "9{}9",
    "-{}-",
    "({})",
    "a\n{}\tb",
    "order 1234567 packed in box 3 ({})",
]


def _unscreened(rec: Recognizer, text: str) -> bool:
    """``found_in`` as it reads without a screen."""
    assert rec.search is not None
    return any(rec.valid_found(m.group(0)) for m in rec.search.finditer(text))


def _texts() -> list[str]:
    texts = [t.format(i) for i in INSTANCES for t in TEMPLATES]
    texts += ["", " ", "plain words only", "order 1234567 packed in box 3", "12", "١٢٣-٤٥-٦٧٨٩"]
    texts += [f"{a}{b}" for a, b in itertools.pairwise(INSTANCES)]
    texts.append("contains a NUL\x00536-90-4399 and more")
    return texts


@pytest.mark.parametrize("rec", TEXT_FINDERS, ids=lambda r: type(r).__name__)
def test_found_in_is_the_unscreened_search(rec: Recognizer) -> None:
    for text in _texts():
        assert rec.found_in(text) is _unscreened(rec, text), text


@pytest.mark.parametrize("rec", TEXT_FINDERS, ids=lambda r: type(r).__name__)
def test_one_pass_over_joined_texts_finds_what_each_text_holds(rec: Recognizer) -> None:
    texts = _texts()
    expected = {i for i, t in enumerate(texts) if _unscreened(rec, t)}
    assert expected, "the corpus holds instances of every finder"
    assert rec.texts_with(texts) == expected
    # neighbours must not combine across the separator: each text also alone and reversed
    assert rec.texts_with(texts[::-1]) == {len(texts) - 1 - i for i in expected}
    for i, t in enumerate(texts):
        assert rec.texts_with([t]) == ({0} if i in expected else set())


_CHARS = st.sampled_from([*"0123456789-:. ()+/@ABCDEFZabcdefz\n\x00", "١", "é"])
_TEXT = st.lists(st.one_of(_CHARS, st.sampled_from(INSTANCES)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_joined_search_and_screens_match_the_plain_search(texts: list[str]) -> None:
    for rec in TEXT_FINDERS:
        expected = {i for i, t in enumerate(texts) if _unscreened(rec, t)}
        assert rec.texts_with(texts) == expected, type(rec).__name__
        if rec.screen is not None:
            for i in expected:  # the screen is a necessary condition
                assert rec.screen.search(texts[i]), type(rec).__name__


def test_joined_texts_map_positions_back() -> None:
    j = JoinedTexts(["ab", "", "cde"])
    assert j.text == f"ab{SEPARATOR}{SEPARATOR}cde"
    assert [j.index(p) for p in range(len(j.text))] == [0, 0, 0, 1, 2, 2, 2]


def test_texts_are_picked_by_their_digits() -> None:
    j = JoinedTexts(["a1", "12345", "no digits", "x٣y", "9 9 9"])
    assert digit_count("a1 b22") == 3
    assert digit_count("x٣y") > 1000  # not ASCII: its digits are not counted, it is kept
    sub, index = j.with_digits(3)
    assert index == [1, 3, 4] and sub.texts == ["12345", "x٣y", "9 9 9"]
    assert j.with_digits(0) == (j, [0, 1, 2, 3, 4])
    assert j.with_digits(1)[1] == [0, 1, 3, 4]


def test_free_text_counts_every_finder_hit() -> None:
    texts = [
        f"ticket {k}: customer wrote from anna{k}@example.com about a refund" for k in range(6)
    ]
    texts += [f"ticket {k}: call back on +49 30 {5550000 + k}0 after lunch" for k in range(6)]
    texts += [f"ticket {k}: nothing personal in this one, just words" for k in range(8)]
    found = analyze(prepare(texts, ColumnKind.STRING), None)
    assert found is not None and found.entity == "FREE_TEXT_PII"
    assert "free_text:0.30 EMAIL_ADDRESS" in found.evidence
    assert "free_text:0.30 PHONE_NUMBER" in found.evidence
