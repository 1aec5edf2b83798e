"""The column-name signal: what a column's name says it holds.

A name is split into words (camelCase, snake_case, kebab-case, spaces, digits; run-together
words such as ``emailaddress`` or ``telefonnummer`` are segmented with the vocabulary), words are
folded (no case, no accents) and plurals reduced, then matched against the phrases of
:mod:`privacy.scan.vocabulary`. Overlapping matches keep the longest (``email address`` beats
``address``); of the rest, the most specific entity wins (``customer_email`` is an email).

Words around the match can turn it off: ``email_verified``, ``phone_count``, ``has_email``,
``name_length`` describe a property of the value, not the value (:data:`NEGATIVE`), and
``product_name`` or ``file_name`` are not people (:data:`NON_PERSON`). Unknown trailing words
weaken the signal (``name_set``), known neutral ones keep it (``phone_number``, ``email_home``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from privacy.scan import vocabulary as V
from privacy.scan.text import fold, has_cjk, split_identifier, wordset

NAME_FAMILY = frozenset({"PERSON", "FIRST_NAME", "LAST_NAME"})


#: short or ambiguous words never used to split a run-together name (``passage`` is not
#: ``pass`` + ``age``, ``usage`` not ``us`` + ``age``)
_NO_SEGMENT = wordset(
    """age sex pass mail nom tel cp cap via ort eta by kon pin web lat lon lng long cell mac
    nin rut sin cid pan cc ip dob dl nick geo bic cvv csc cvc exp ext n nb min max sum len
    set key tag bin col row seq nr no num ts at is has can sub pre app and rep ph mob as dea
    cd ig"""
)

#: abbreviations written for a word the vocabulary knows (``gender_cd``, ``race_cd``)
_ABBREVIATIONS = {"cd": "code", "nbr": "number", "nmbr": "number", "nm": "name", "eml": "email"}

#: the word a vowel-less abbreviation most often stands for when its letters fit several
_PREFERRED = ("name", "last", "phone", "street", "passport", "email")
_VOWELS = re.compile(r"[aeiou]")

#: letters with dots, an abbreviation written out (``C.P.``, ``D.N.I.``, ``D.O.B.``)
_DOTTED = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![^\W_]))?")


@dataclass(frozen=True)
class HeaderSignal:
    """What a column name says. ``entity`` None: no positive signal."""

    entity: str | None = None
    strength: float = 0.0
    #: the words that matched, for evidence (``name:email``)
    words: str = ""
    #: the word that turned a match off (``verified`` in ``email_verified``)
    negated_by: str | None = None
    #: the name is a known non-personal column (``amount``, ``sku``, ``status``) or negated
    non_pii: bool = False
    #: the name carries no meaning at all (``col1``, ``field_7``, ``attr``)
    meaningless: bool = False
    #: other entities the name also names, (entity, strength) by priority: ``mail_zip`` is a
    #: postal code when its values are not emails, ``birth_age`` an age when they are not dates
    others: tuple[tuple[str, float], ...] = ()

    @property
    def evidence(self) -> tuple[str, ...]:
        if self.entity:
            return (f"name:{self.words}",)
        if self.negated_by:
            return (f"name:{self.words} negated by '{self.negated_by}'",)
        if self.non_pii and self.words:
            return (f"name:'{self.words}' not personal",)
        return ()


@dataclass(frozen=True)
class _Term:
    entity: str
    strength: float
    priority: int


def _compile() -> tuple[dict[tuple[str, ...], _Term], list[tuple[str, _Term]], int]:
    phrases: dict[tuple[str, ...], _Term] = {}
    for entity, strength, priority, block in V.TERMS:
        for phrase in block.split(","):
            words = tuple(fold(w) for w in phrase.split() if w not in V.STOP)
            if not words:
                continue
            old = phrases.get(words)
            if old is None or (strength, priority) > (old.strength, old.priority):
                phrases[words] = _Term(entity, strength, priority)
    # a role qualifies a person: ``agent_name`` is a name, ``agent`` alone a weak one
    for role in V.PERSON_ROLES | V.AMBIGUOUS_ROLES:
        ambiguous = role in V.AMBIGUOUS_ROLES
        for words, strength, priority in (
            ((role, "name"), V.WEAK if ambiguous else V.MEDIUM, 62),
            ((role,), 0.0 if ambiguous or role in V.NON_PII else V.WEAK, 60),
        ):
            old = phrases.get(words)
            if strength and (old is None or (strength, priority) > (old.strength, old.priority)):
                phrases[words] = _Term("PERSON", strength, priority)
    cjk = [
        (fold(term), _Term(entity, strength, priority))
        for entity, strength, priority, block in V.CJK_TERMS
        for term in block.split()
    ]
    cjk.sort(key=lambda t: -len(t[0]))
    return phrases, cjk, max(len(p) for p in phrases)


_PHRASES: dict[tuple[str, ...], _Term]
_CJK: list[tuple[str, _Term]]
_MAXLEN: int
_WORDS: set[str]
#: one-word terms a truncated column name may stand for (``GESCH`` for ``geschlecht``)
_LONG_TERMS: list[tuple[str, str]]
#: consonant skeleton -> the entity words it may abbreviate (``gndr`` -> gender)
_SKELETONS: dict[str, list[str]]

#: words from which a header reads as a sentence (a survey question)
_SENTENCE = 6
#: how much a truncated word keeps of the term's strength
ABBREVIATED = 0.7


def _init() -> None:
    global _PHRASES, _CJK, _MAXLEN, _WORDS, _LONG_TERMS, _SKELETONS
    if "_PHRASES" in globals():
        return
    _PHRASES, _CJK, _MAXLEN = _compile()
    words = {w for p in _PHRASES for w in p}
    words |= V.NEUTRAL | V.NEGATIVE | V.NON_PERSON | V.NON_PII | V.COUNT_PREFIX
    words |= V.NEGATIVE_PREFIX | set(V.PEOPLE_TABLES) | V.STOP | V.BUSINESS
    _WORDS = {w for w in words if " " not in w}
    _SKELETONS = {}
    for w in sorted(_WORDS):
        if len(w) >= 4 and w.isascii() and w.isalpha() and _VOWELS.search(w[1:]):
            _SKELETONS.setdefault(_skeleton(w), []).append(w)
    _LONG_TERMS = sorted(
        (p[0], t.entity)
        for p, t in _PHRASES.items()
        if len(p) == 1 and len(p[0]) >= 7 and t.strength >= V.MEDIUM and p[0].isalpha()
    )


def _skeleton(word: str) -> str:
    """The first letter and the consonants after it, doubles once (``member`` -> ``mmbr``
    -> ``mbr``)."""
    return re.sub(r"(.)\1+", r"\1", word[0] + _VOWELS.sub("", word[1:]))


def _devowel(token: str) -> str | None:
    """The word a vowel-less abbreviation stands for, as data warehouses write them
    (``MBR_FRST_NM``, ``BRTH_DT``, ``GNDR_CD``, ``PHN_NBR``): the one word of the vocabulary with
    that skeleton, or the entity terms among several when they mean one entity."""
    if not token.isascii() or not token.isalpha() or _VOWELS.search(token[1:]):
        return None
    if len(token) < (4 if _VOWELS.match(token) else 3):  # ``ins`` is not ``insee``
        return None
    words = _SKELETONS.get(_skeleton(token), [])
    if len(words) == 1:
        return words[0]
    for w in _PREFERRED:
        if w in words:
            return w
    shortest = min(words, key=len, default="")
    if words and all(w.startswith(shortest) for w in words):  # postal, postale
        return shortest
    # several words: only when all are terms of one entity (``psprt``: passport in many
    # languages), not when a plain word shares the letters (``mdl``: middle, model, module)
    terms = [w for w in words if (w,) in _PHRASES]
    if terms and len(terms) == len(words) and len({_PHRASES[(w,)].entity for w in terms}) == 1:
        return min(terms, key=len)
    return None


def _expand(token: str) -> str | None:
    """The one-word term a truncated word stands for (``gesch`` -> ``geschlecht``,
    ``konfe`` -> ``konfession``): five letters or more, the start of terms of one entity only,
    at least two letters short of them (a whole word is looked up as itself)."""
    if len(token) < 5 or not token.isalpha():
        return None
    hits = [(w, e) for w, e in _LONG_TERMS if w.startswith(token) and len(w) >= len(token) + 2]
    if not hits or len({e for _, e in hits}) > 1:
        return None
    return min(hits)[0]


def _segment(token: str) -> list[str] | None:
    """Split a run-together word into known words (fewest pieces), or None."""
    n = len(token)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 2, n + 1):
            piece = token[i:j]
            if piece in _WORDS and piece not in _NO_SEGMENT and (len(piece) >= 3 or j == n):
                cand = [*best[i], piece]  # type: ignore[misc]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    return best[n]


def _words(name: str) -> list[tuple[str, bool]]:
    """(word, was_plural) pairs of a column name."""
    out: list[tuple[str, bool]] = []
    if "." in name:
        name = _DOTTED.sub(lambda m: " " + m.group(0).replace(".", "") + " ", name)
    toks = [_ABBREVIATIONS.get(t, t) for t in split_identifier(name)]
    for k in range(len(toks) - 1):
        if toks[k] == "last" and toks[k + 1] in ("4", "four"):
            toks[k : k + 2] = ["last4", ""]
        elif toks[k] == "user" and toks[k + 1] == "agent":
            toks[k : k + 2] = ["useragent", ""]
    for tok in filter(None, toks):
        if tok in _WORDS or tok.isdigit() or has_cjk(tok):
            out.append((tok, False))
            continue
        singular = _singular(tok)
        if singular:
            out.append((singular, True))
            continue
        parts = _segment(tok) if len(tok) >= 5 else None
        if parts:
            for p in parts:
                out.append((p, False))
        else:
            out.append((_devowel(tok) or _expand(tok) or tok, False))
    return out


def _singular(tok: str) -> str | None:
    for suffix in ("es", "s"):
        if tok.endswith(suffix) and tok[: -len(suffix)] in _WORDS and len(tok) > 3:
            return tok[: -len(suffix)]
    return None


_MEANINGLESS = wordset(
    """col column field attr attribute var variable value val x y z c f v data unnamed unknown
    misc other item element prop property feature key text string tmp temp test foo bar
    dummy blank"""
)


@lru_cache(maxsize=4096)
def analyze(name: str) -> HeaderSignal:
    """The signal of one column name (table context is applied by the classifier)."""
    _init()
    pairs = _words(name)
    words = [w for w, _ in pairs if w not in V.STOP]
    plural = {w for w, p in pairs if p}
    if not words:
        return HeaderSignal(meaningless=True)
    if all(w in _MEANINGLESS or w.isdigit() or (len(w) == 1 and not has_cjk(w)) for w in words):
        return HeaderSignal(meaningless=True)

    cands: list[tuple[int, int, _Term]] = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + _MAXLEN) + 1):
            term = _PHRASES.get(tuple(words[i:j]))
            if term:
                cands.append((i, j, term))
    for k, w in enumerate(words):
        if has_cjk(w):
            for term_text, term in _CJK:
                if term_text in w:
                    cands.append((k, k + 1, term))
                    break
    if len(words) >= _SENTENCE:
        # a question or a sentence as the header: an incidental weak word ("your first month")
        # does not name the column
        cands = [c for c in cands if c[2].strength > V.WEAK]
    if not cands:
        question = _question(name, words)
        known = next(
            (
                w
                for w in words
                if (w in V.NON_PII or w in V.BUSINESS)
                and not (question or _excused(w, words, name))
            ),
            None,
        )
        return HeaderSignal(words=known or "", non_pii=known is not None)

    # keep the longest of overlapping matches, then the most specific entity
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2].priority, -c[0]))
    chosen: list[tuple[int, int, _Term]] = []
    for c in cands:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: (c[2].priority, c[0]))
    i, j, term = chosen[-1]
    matched = " ".join(words[i:j])
    entity, strength = term.entity, term.strength

    exempt = V.NEGATIVE_EXEMPT.get(entity, set())
    # a word between two entity terms links them (``age_at_birth``), it does not describe one
    lo, hi = min(c[0] for c in chosen), max(c[1] for c in chosen)
    outside = [w for k, w in enumerate(words) if not (i <= k < j) and not lo <= k < hi]
    entity_words = {w for c in chosen for w in words[c[0] : c[1]]}
    phrase_words = {w for c in cands for w in words[c[0] : c[1]]}
    for w in outside:
        if w in V.NEGATIVE and w not in exempt and w not in entity_words:
            return HeaderSignal(words=matched, negated_by=w, non_pii=True)
    for w in words[:i]:
        if w in V.NEGATIVE_PREFIX and w not in exempt:
            return HeaderSignal(words=matched, negated_by=w, non_pii=True)
        if w in V.COUNT_PREFIX and (plural & set(words[i:j]) or "of" in [p for p, _ in pairs]):
            return HeaderSignal(words=matched, negated_by=w, non_pii=True)
    if entity in V.LOCATION_ENTITIES or entity in V.REGISTRATION_ENTITIES:
        for w in outside:
            if w in V.PROPERTY_PLACES and entity in V.PROPERTY_ENTITIES:
                continue
            if (w in V.BUSINESS or (entity == "URL" and w in V.NON_PII)) and w not in phrase_words:
                return HeaderSignal(words=matched, negated_by=w, non_pii=True)
    if entity in NAME_FAMILY or entity == "USERNAME":
        for w in outside:
            if w in V.NON_PERSON and w not in phrase_words:
                return HeaderSignal(words=matched, negated_by=w, non_pii=True)
    trailing = [w for w in words[j:] if w not in entity_words]
    if any(w not in V.NEUTRAL and w not in exempt and not w.isdigit() for w in trailing):
        strength *= 0.6
    if _abbreviated(name, words[i:j]):
        strength *= ABBREVIATED
    others = tuple(
        (c[2].entity, c[2].strength) for c in reversed(chosen[:-1]) if c[2].entity != entity
    )
    return HeaderSignal(entity=entity, strength=strength, words=matched, others=others)


def _abbreviated(name: str, matched: list[str]) -> bool:
    """The matched term was expanded from a truncated word of the name."""
    folded = fold(name)
    return any(w not in folded.replace(" ", "") for w in matched if len(w) >= 7)


def _question(name: str, words: list[str]) -> bool:
    """A survey question as the header: its answers are whatever people write, so a word in
    it (``month`` in "How was your first month?") does not make them not personal."""
    return len(words) >= 3 and (name.rstrip(" )").endswith("?") or words[0] in V.QUESTION_WORDS)


def _excused(word: str, words: list[str], name: str) -> bool:
    """A generic word that says nothing about the column: ``value`` as the leaf of a flattened
    path is the value of what the path names (``telecom[0].value``, ``contact.value``; but
    ``assessed_value`` is an amount), and ``to``/``from`` inside a sentence are grammar (a
    survey question as a header), not a route's ends."""
    if word in V.VALUE_WORDS:
        return len(words) > 1 and ("." in name or "[" in name)
    return word in V.FUNCTION_WORDS and len(words) >= 4


def people_table_kind(table: str) -> str | None:
    """The subject kind of a table of people (``customers`` -> ``customer_id``), else None."""
    _init()
    words = [w for w in split_identifier(table) if w not in V.STOP]
    if not words:
        return None
    joined = "_".join(words)
    if joined in V.PEOPLE_TABLES:
        return V.PEOPLE_TABLES[joined]
    # schema-qualified or prefixed names: dim_customers, crm_contacts, tbl_users
    last = words[-1]
    return V.PEOPLE_TABLES.get(last)


def health_table(table: str) -> bool:
    """A table of health records (``conditions``, ``diagnoses``, ``medications``...)."""
    words = [w for w in split_identifier(table) if w not in V.STOP]
    return bool(words) and words[-1] in V.HEALTH_TABLES


def business_table(table: str) -> bool:
    """A table of organisations or places (``companies``, ``dim_store``, ``suppliers``)."""
    words = [w for w in split_identifier(table) if w not in V.STOP]
    return bool(words) and words[-1] in V.BUSINESS_TABLES and people_table_kind(table) is None
