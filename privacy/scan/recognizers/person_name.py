"""PERSON, FIRST_NAME, LAST_NAME: people's names, checked against lists of given names and
surnames from about 90 locales (``privacy/scan/data/*.txt.gz``, built by
``scripts/build_name_lists.py`` from Faker's person providers).

One recognizer reports on the whole family: a value is *name-shaped* when it is one to five
words of letters (apostrophes, hyphens and initials allowed, titles such as ``Mr.`` or ``Dr.``
ignored, ``Last, First`` understood); it is a *known* name when its words are in the lists (a
full name: a given name and another listed name; one word: a given name or a surname). CJK
names without spaces are split after a listed surname (``王秀英``, ``김민준``).

Which family member a column is follows from its values: mostly one word -> FIRST_NAME or
LAST_NAME (whichever list matches more), mostly several words -> PERSON. Values alone decide
only for high-cardinality columns where most values are known names; company names built from
surnames (``Miller LLC``, ``Smith & Sons``) are excluded by their legal-form and joining words.

Under a name column's name, people are counted by distinct value as well as by row: payees and
counterparties mix a few companies paid every month (most rows) with many people paid once
(most distinct values), and such a column holds personal data.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.text import fold, has_cjk, wordset
from privacy.scan.values import Values

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?", re.UNICODE)
_SHAPE = re.compile(r"[^\W\d_][^\d@#$%^&*=+<>{}\[\]|\\/:;!?\"]{0,69}", re.UNICODE)
#: digits glued to the end of a word: generators that make names unique (Synthea's
#: ``Jacinto644 Kris249``) -- still names
_NUMBERED = re.compile(r"(?<=[^\W\d_])\d{1,4}\b")
_NUMBERED_NAME = re.compile(r"[^\W\d_][^\W\d_'’\-]*\d{1,4}(?:[\s'’\-][^\W\d_]+\d{0,4})*")
TITLES = wordset(
    """mr mrs ms miss mx dr prof sir madam dame lord lady rev fr sr sra srta dona don herr frau
    fraulein mme mlle m monsieur madame signor signora sig dott ing jr sr ii iii iv phd md
    esq dhr mevr"""
)


PARTICLES = wordset(
    """de del della der den di da das do dos du la le van von ten ter al el bin ben ibn y e st
    mac mc o"""
)


#: values that stand in for a name or are category values, never names themselves
PLACEHOLDERS = wordset(
    """unknown other others none na n/a yes no male female true false null nil test tbd tba
    anonymous anon unspecified unassigned nobody everyone all any default sample various
    misc"""
) | {"not known", "not specified", "not applicable", "prefer not to say"}

#: how a contact relates to a person (an emergency contact's relationship): not names, though
#: some are listed given names (``Friend``, ``Son``, ``Sister``)
KINSHIP = wordset(
    """spouse wife husband partner mother father parent parents child children son daughter
    sibling brother sister friend relative guardian grandparent grandmother grandfather
    grandson granddaughter aunt uncle cousin niece nephew fiance fiancee neighbour neighbor
    colleague self stepmother stepfather stepson stepdaughter carer caregiver"""
) | {"domestic partner", "civil partner", "next of kin", "legal guardian"}

#: words that make a value an organisation, not a person
ORG = wordset(
    """llc inc ltd gmbh ag sa sarl srl bv nv plc co corp corporation company group and und et y
    e & holdings partners associates kg ohg oy ab as asa spa sas limited trust bank
    foundation university hotel restaurant services solutions systems technologies the"""
)


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), folded; loaded on first use (about 30 ms)."""

    def load(file: str) -> frozenset[str]:
        data = resources.files("privacy.scan").joinpath("data", file).read_bytes()
        return frozenset(gzip.decompress(data).decode("utf-8").split("\n")) - {""}

    return load("first_names.txt.gz"), load("last_names.txt.gz")


def words_of(text: str) -> list[str]:
    """The name words of a value, folded, without titles."""
    out = []
    for m in _WORD.finditer(text):
        w = fold(m.group(0).rstrip("."))
        if w and w not in TITLES:
            out.append(w)
    return out


_KANA = re.compile(r"[\u3041-\u30ff\s]+")
_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


def _kana_split(word: str, first: frozenset[str], last: frozenset[str]) -> bool:
    """A reading written without a space: a listed surname followed by a listed given name."""
    return any(word[:k] in last and word[k:] in first for k in range(2, len(word) - 1))


def _cjk_split(word: str, first: frozenset[str], last: frozenset[str]) -> bool:
    for k in (1, 2):
        if len(word) > k and word[:k] in last and (word[k:] in first or len(word) - k <= 2):
            return True
    return False


class NameStats:
    """Per-column shares for the name family."""

    def __init__(self, values: Values) -> None:
        first, last = name_lists()
        n = values.total or 1
        shaped = single = multi = full = one_first = one_last = one_any = org = 0
        for raw, c in zip(values.texts, values.counts, strict=True):
            text = _NUMBERED.sub("", raw)
            if len(text) > 70 or not _SHAPE.fullmatch(text):
                continue
            if _KANA.fullmatch(text):
                # a reading (furigana) in hiragana or katakana: ヤマダ タロウ, やまだ たろう
                kata = text.translate(_TO_KATAKANA)
                parts = kata.split()
                w = "".join(parts)
                if not 2 <= len(w) <= 16:
                    continue
                shaped += c
                if len(parts) >= 2 or _kana_split(w, first, last):
                    multi += c
                    full += c * (len(parts) < 2 or parts[0] in last or parts[-1] in first)
                else:
                    single += c
                    one_first += c * (w in first)
                    one_last += c * (w in last)
                    one_any += c * (w in first or w in last)
                continue
            if has_cjk(text):
                w = text.replace(" ", "").replace("\u3000", "")
                if 1 <= len(w) <= 5:
                    shaped += c
                    if " " in text or "\u3000" in text:
                        multi += c
                        parts = text.split()
                        if parts[0] in last or parts[-1] in first or parts[-1] in last:
                            full += c
                    elif _cjk_split(w, first, last):
                        multi += c
                        full += c
                    else:
                        single += c
                        one_first += c * (w in first)
                        one_last += c * (w in last)
                        one_any += c * (w in first or w in last)
                continue
            if fold(text) in PLACEHOLDERS or fold(text) in KINSHIP:
                continue
            ws = words_of(text)
            core = [w for w in ws if w not in PARTICLES]
            if not core or len(core) > 5:
                continue
            if any(w in ORG for w in ws) or "&" in text:
                org += c
                continue
            shaped += c
            if len(core) == 1 and "," not in text:
                single += c
                one_first += c * (core[0] in first)
                one_last += c * (core[0] in last)
                one_any += c * (core[0] in first or core[0] in last)
            else:
                multi += c
                known_first = [w for w in core if w in first]
                known_any = [w for w in core if w in first or w in last]
                if known_first and len(known_any) >= 2:
                    full += c
                elif known_first and len(core) == 2 and len(core[1]) == 1:
                    full += c  # "Anna K."
        self.shaped = shaped / n
        self.single = single / n
        self.multi = multi / n
        self.full = full / n
        self.first = one_first / n
        self.last = one_last / n
        self.known_single = one_any / n
        self.org = org / n


class PersonNameRecognizer(Recognizer):
    """Reports FIRST_NAME, LAST_NAME or PERSON, whichever the values are."""

    entity = "PERSON"
    specificity = 0.75
    value_only = 0.55

    def match(self, text: str) -> bool:  # pragma: no cover - evaluate() is used instead
        return bool(_SHAPE.fullmatch(text))

    def applies(self, values: Values) -> bool:
        if values.feature("alpha") < 0.8:
            return False
        # names made unique with digits (``Jacinto644``) when most values share that shape
        return values.feature("digit") <= 0.1 or (
            values.share(lambda t: _NUMBERED_NAME.fullmatch(t) is not None, key="name:numbered")
            >= 0.8
        )

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        if values.empty:
            return Hit(self.entity, 0.0, 0.0, self.specificity)
        s = NameStats(values)
        # high cardinality: names repeat little; a column of ten values is a category, unless
        # they are full names (a handful of agents or sales reps over many rows)
        varied = values.distinct >= 15 or values.distinct_ratio >= 0.5
        if s.multi > s.single and values.distinct >= 5 and s.full >= 0.8:
            varied = True
        if s.single >= s.multi:
            entity = "FIRST_NAME" if s.first >= s.last else "LAST_NAME"
            rate = s.known_single
            # one-word values are weaker evidence than full names
            spec, threshold = 0.7, 0.5
        else:
            entity, rate, spec, threshold = "PERSON", s.full, self.specificity, self.value_only
        rate = min(rate, 1.0)
        decisive = varied and rate >= (threshold or 1.0) and s.shaped >= 0.8
        plausible = s.shaped
        if named and entity == "PERSON" and rate < threshold and values.distinct >= 20:
            # people as most of the distinct values, behind a few often-repeated companies
            people = NameStats(Values(values.kind, values.texts, [1] * values.distinct,
                                      values.distinct)).full  # fmt: skip
            if people >= 0.6 and rate >= 0.2:
                rate = people
                plausible = max(plausible, people)
        if values.distinct <= 5 and values.total >= 30:
            # a handful of values over many rows: only listed names show it is not a category
            # (``cellular``/``telephone`` under ``contact``), whatever the column's name
            plausible = rate
        return Hit(entity, rate, plausible, spec, decisive)
