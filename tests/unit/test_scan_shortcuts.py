"""The scanner's shortcuts answer exactly what the full tests answer.

Cheap tests run before costly ones only where they are necessary conditions (a P.O. box needs
one of its words, a SNOMED tag needs brackets, a share counted in C is the same sum); each is
checked here against the test it stands in front of, on generated text with the characters
that make such shortcuts go wrong (case folding outside ASCII, Unicode digits and spaces)."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from privacy.scan.recognizers.base import digit_count
from privacy.scan.recognizers.health import _TAG, snomed_tagged
from privacy.scan.recognizers.street_address import _POBOX, _pobox
from privacy.scan.values import _FEATURES, prepare
from privacy.sources.base import ColumnKind

#: letters of the P.O. box words in both cases, separators, and characters that case-fold
#: onto ASCII letters (Kelvin sign, long s, dotted and dotless i) or are other digits/spaces
_TRICKY = "boxBOXpPoOstfachSTFACHaprtdAPRTDcixCIXeE .\n\tK\u212a\u017f\u0130\u0131\u00a0١²"
_WORDS = ["P.O. Box", "po box", "Postfach", "apartado", "Caixa Postal", "BP", "boite postale"]
_TEXT = st.lists(st.one_of(st.sampled_from(list(_TRICKY)), st.sampled_from(_WORDS)), max_size=10)


@settings(max_examples=500, deadline=None)
@given(_TEXT.map("".join))
@example("Po\u017ftfach 12")  # long s: IGNORECASE reads it as s, lower() does not
@example("Ca\u0131xa Postal 5")  # dotless i
@example("bo\u0130te postale 3")  # dotted capital I
def test_pobox_words_first(text: str) -> None:
    assert _pobox(text) is (_POBOX.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="(disorder)(finding) abc)\n", max_size=40))
def test_snomed_tag_needs_brackets(text: str) -> None:
    assert snomed_tagged(text) is (_TAG.fullmatch(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_digit_count(text: str) -> None:
    n = sum(ch.isdigit() for ch in text)
    if text.isascii():
        assert digit_count(text) == n
    else:  # not counted: such a text is never ruled out by its digits
        assert digit_count(text) >= max(n, 1000)


def _loop_share(texts: list[str], counts: list[int], pred: Any, total: int) -> float:
    hit = 0
    for t, c in zip(texts, counts, strict=True):
        if pred(t):
            hit += c
    return hit / total


_CELLS = st.lists(
    st.one_of(
        st.text(alphabet="ab1 2@.-(){}[]\u00a0١", max_size=8),
        st.integers(-5, 5),
        st.floats(allow_nan=True, allow_infinity=False, width=16),
        st.none(),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_CELLS)
def test_shares_and_features_are_the_plain_sums(cells: list[Any]) -> None:
    v = prepare(cells, ColumnKind.STRING)
    if not v.total:
        return
    for name, f in _FEATURES.items():
        assert v.feature(name) == _loop_share(v.texts, v.counts, f, v.total), name
    n = v.total
    assert v.avg_len == sum(len(t) * c for t, c in zip(v.texts, v.counts, strict=True)) / n
    words = sum(len(t.split()) * c for t, c in zip(v.texts, v.counts, strict=True))
    assert v.avg_words == words / n


def test_probe_and_cap_count_as_before() -> None:
    texts = [f"v{i}" if i % 3 else f"x{i}" for i in range(200)]
    v = prepare(texts, ColumnKind.STRING)

    def is_x(t: str) -> bool:
        return t.startswith("x")

    # the probe (first 40 distinct) is below the floor: its estimate is the answer
    assert v.share(is_x, probe=40, floor=0.5) == sum(map(is_x, v.texts[:40])) / 40
    # above the floor: the whole column is read
    assert v.share(is_x, probe=40, floor=0.1) == sum(map(is_x, v.texts)) / 200
    # a cap reads that many distinct values and divides by their rows
    assert v.share(is_x, cap=50) == sum(map(is_x, v.texts[:50])) / 50


def test_json_documents_are_counted_by_their_text() -> None:
    v = prepare([{"a": 1}, {"a": 1}, [1, 2], "x", None], ColumnKind.JSON)
    assert dict(zip(v.texts, v.counts, strict=True)) == {'{"a": 1}': 2, "[1, 2]": 1, "x": 1}
    assert v.nulls == 1 and v.total == 4


def test_numbers_keep_their_values_and_mangled_ones_are_flagged() -> None:
    v = prepare([1, 1, 2.5, 5.54563e15, float("nan"), True], ColumnKind.FLOAT)
    assert v.numbers == [1.0, 2.5, 5.54563e15] and v.number_counts == [3, 1, 1]
    assert v.mangled == 1 and v.nulls == 1
