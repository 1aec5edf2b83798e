"""Free text (tickets, notes, comments) and short text that only NER can read.

A free-text column is personal data when a share of its values mention a person or contain
their contact or identity data. The toolkit's own finders (the same validated patterns as the
column recognizers: emails, phones, Luhn-valid cards, IBANs, SSNs, IPs...) run on every sampled
value; Presidio's analyzer (spaCy NER for people and places, plus its pattern recognizers) runs
on up to ``NER_SAMPLE`` values. People found by NER count only when a word of the span is a
listed given name or surname, which drops most of spaCy's false PERSON spans (product names,
capitalised words).

A person named by a given name alone ("Anna was a wonderful host") counts too, more
cautiously: a PERSON span of one capitalised word that is a listed given name and not a common
English word, in a quarter of the values or more (reviews and comments that name their hosts,
agents or colleagues). ``@mentions`` (``@some_user``, not an email, not a code decorator) are
usernames in the text, in a tenth of the values or more.

Decides ``FREE_TEXT_PII`` (``free_text=True``) with evidence such as
``free_text:0.23 EMAIL_ADDRESS``, ``ner:0.40 PERSON``, ``ner:0.35 FIRST_NAME`` and
``free_text:0.30 USERNAME``. A single hit does not decide: contact and id entities need 3 % of
values (and two values), full names 15 %, given names alone 25 %, mentions 10 %.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from privacy.scan.recognizers import TEXT_FINDERS
from privacy.scan.recognizers.base import JoinedTexts
from privacy.scan.recognizers.person_name import name_lists, words_of
from privacy.scan.text import wordset
from privacy.scan.values import Values

if TYPE_CHECKING:
    from privacy.scan.classifier import Classification
    from privacy.scan.nlp import NerTier

NER_SAMPLE = 100
SHORT_NER_SAMPLE = 64
_MAX_TEXTS = 400
PATTERN_SHARE = 0.03
PERSON_SHARE = 0.15
GIVEN_NAME_SHARE = 0.25
MENTION_SHARE = 0.10

#: ``@handle`` not inside an email or a path, not followed by a domain
_MENTION = re.compile(r"(?<![\w.@/])@([A-Za-z0-9_]{2,30})\b(?![.@][A-Za-z0-9])")
#: decorators and doc tags that look like mentions in pasted code
_NOT_HANDLES = wordset(
    """property staticmethod classmethod dataclass override param params return returns
    throws see since deprecated author todo example link type types media import
    interface implementation end keyframes font-face charset"""
)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English function words also found in the given-name lists (``will``, ``may``...)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = "will may june april august grace hope joy faith honey sunny dawn summer rose"
    return frozenset(STOP_WORDS) | frozenset(extra.split())


def _mentions(text: str) -> bool:
    return any(m.group(1).lower() not in _NOT_HANDLES for m in _MENTION.finditer(text))


def _given_name_alone(span: str) -> bool:
    """One capitalised word that is a listed given name and not a common word."""
    first, _ = name_lists()
    ws = words_of(span)
    return (
        len(ws) == 1
        and span[:1].isupper()
        and ws[0] in first
        and ws[0] not in _common_words()
        and len(ws[0]) >= 3
    )


def is_free_text(vals: Values) -> bool:
    return vals.feature("space") >= 0.5 and (vals.avg_words >= 5 or vals.avg_len >= 40)


def _known_person(span: str) -> bool:
    """A full name: at least two words, one a listed given name, another a listed name (NER
    alone calls many capitalised phrases people)."""
    first, last = name_lists()
    ws = [w for w in words_of(span) if len(w) > 1]
    if len(ws) < 2:
        return False
    given = [i for i, w in enumerate(ws) if w in first]
    return any(w in first or w in last for i, w in enumerate(ws) if given and i != given[0])


def _row_sample(counts: list[int], n: int) -> list[tuple[int, int]]:
    """``n`` rows picked evenly over the rows (a value repeated by many rows is picked as often
    as its share): (index of the distinct value, times picked). NER then reads each distinct
    value once, and its shares are shares of rows, not of the most repeated values (a few
    stock replies repeated hundreds of times must not stand for the whole column)."""
    total = sum(counts)
    if total <= n:
        return [(i, c) for i, c in enumerate(counts)]
    picked: dict[int, int] = {}
    i, upto = 0, counts[0]
    for k in range(n):
        pos = (k + 0.5) * total / n
        while pos >= upto:
            i += 1
            upto += counts[i]
        picked[i] = picked.get(i, 0) + 1
    return list(picked.items())


def analyze(vals: Values, ner: NerTier | None) -> Classification | None:
    from privacy.scan.classifier import Classification

    texts = vals.texts[:_MAX_TEXTS]
    counts = vals.counts[:_MAX_TEXTS]
    total = sum(counts) or 1
    hits: dict[str, set[int]] = defaultdict(set)
    joined = JoinedTexts(texts)
    for rec in TEXT_FINDERS:
        holding = rec.texts_with(joined)
        if holding:
            hits[rec.entity] |= holding
    mentions = {i for i, t in enumerate(texts) if "@" in t and _mentions(t)}
    ner_hits: dict[str, set[int]] = defaultdict(set)
    ner_total = 0
    if ner is not None:
        from privacy.scan.nlp import FREE_TEXT_ENTITIES

        picks = _row_sample(counts, NER_SAMPLE)
        subset = [texts[i] for i, _ in picks]
        weights = [m for _, m in picks]
        ner_total = sum(weights) or 1
        for i, found in enumerate(ner.analyze(subset, FREE_TEXT_ENTITIES)):  # batched
            for f in found:
                span = subset[i][f.start : f.end]
                if f.entity == "PERSON":
                    if _known_person(span):
                        ner_hits["PERSON"].add(i)
                    elif _given_name_alone(span):
                        ner_hits["FIRST_NAME"].add(i)
                elif f.entity in ("LOCATION", "NRP"):
                    ner_hits[f.entity].add(i)
                elif f.score >= 0.6:
                    hits[f.entity].add(i)  # Presidio's validated patterns join the finders'

    def share(idx: set[int], denom: int, w: list[int] = counts) -> float:
        return sum(w[i] for i in idx) / denom

    evidence: list[tuple[float, str]] = []
    decisive: list[float] = []
    for entity, idx in hits.items():
        r = share(idx, total)
        evidence.append((r, f"free_text:{r:.2f} {entity}"))
        if r >= PATTERN_SHARE and len(idx) >= 2:
            decisive.append(r)
    if mentions:
        r = share(mentions, total)
        evidence.append((r, f"free_text:{r:.2f} USERNAME"))
        if r >= MENTION_SHARE and len(mentions) >= 2:
            decisive.append(r)
    needed = {"PERSON": PERSON_SHARE, "FIRST_NAME": GIVEN_NAME_SHARE}
    for entity, idx in ner_hits.items():
        r = share(idx, ner_total, weights)
        evidence.append((r, f"ner:{r:.2f} {entity}"))
        if entity in needed and r >= needed[entity] and len(idx) >= 2:
            decisive.append(r)
    if not decisive:
        return None
    evidence.sort(reverse=True)
    conf = 0.5 + 0.45 * min(1.0, max(decisive) / 0.3)
    notes = tuple(e for _, e in evidence)
    if ner is not None and not ner.loaded:
        notes += ("ner:unavailable",)  # people in the text were not looked for
    return Classification("FREE_TEXT_PII", round(conf, 2), notes, True)


def ner_short_text(vals: Values, ner: NerTier) -> Classification | None:
    """Short values with no telling name (``col3`` holding "Ana Lima") that the name lists
    did not recognise: are they people? A value counts when a PERSON span covers most of it."""
    from privacy.scan.classifier import Classification

    texts = vals.texts[:SHORT_NER_SAMPLE]
    counts = vals.counts[:SHORT_NER_SAMPLE]
    total = sum(counts) or 1
    person = 0
    for text, c, found in zip(texts, counts, ner.analyze(texts, ("PERSON",)),
                              strict=True):  # fmt: skip
        best = max(found, key=lambda f: f.end - f.start, default=None)
        if best is None or (best.end - best.start) < 0.6 * len(text):
            continue
        if best.entity == "PERSON":
            person += c
    p = person / total
    # places are not decided here: spaCy tags country names (coarse, not personal) as readily
    # as cities, and misses most small towns
    if p >= 0.7:
        conf = 0.5 + 0.3 * (p - 0.7) / 0.3
        return Classification("PERSON", round(conf, 2), (f"ner:{p:.2f} PERSON",))
    return None
