"""PHONE_NUMBER: digits with the separators people write phones with; ``+`` numbers are
validated with libphonenumber (``phonenumbers``), which knows every country's numbering plan.

A bare run of digits is only *plausible* (an id, an amount or a zip code looks the same): the
name must say ``phone``. A formatted number (``+49 30 1234567``, ``(555) 123-4567``,
``06-62642533``) is a strict match. Dates, decimals, IP addresses and ranges are excluded.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_SHAPE = re.compile(
    r"(?:\+|00)?\s?(?:\(\s?\+?\d{1,5}\s?\)[\s.\-]?)?\d[\d\s().\-/]{3,22}\d"
    r"(?:\s?(?:x|ext\.?|extension|#|p|w)\s?\d{1,6})?",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(:\d{2})?"
)
_DECIMAL = re.compile(r"[+-]?\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?|[+-]?\d+[.,]\d+")
_IPV4 = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
#: a dotted version or build (``10.0.19045``, ``6.1.7601.2``): a one-digit group after the first
_VERSION = re.compile(r"\d{1,5}(?:\.\d{1,6})*\.\d(?:\.\d{1,6})+|\d{1,5}(?:\.\d{1,6})+\.\d")
_RANGE = re.compile(r"(\d{1,4})\s?-\s?(\d{1,4})")
#: postal codes with a dash: US ZIP+4, Brazil's CEP
_POSTAL = re.compile(r"\d{5}-\d{4}|\d{5}-\d{3}")
#: registration numbers punctuated like phones: Brazil's CNPJ and CPF, Argentina's CUIT,
#: US drug codes (NDC 5-3-2, 4-4-2, 5-4-1) and other numbers ending in a dashed check group
_REGISTRATION = re.compile(
    r"\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}|\d{3}\.\d{3}\.\d{3}-\d{2}|\d{2}-\d{7,8}-\d"
    r"|\d{3,5}-\d{3,4}-\d{1,2}"
    r"|(?:19|20)\d{2}[-/]\d{4,8}"  # a year and a serial: invoice, case and file numbers
)
_SEPARATED = re.compile(r"[\s().\-/]")
# in text, digits glued to letters, slashes, colons or dots are versions, times or paths
_FIND = re.compile(
    r"(?<![\w+/:.\-])(?:\+|00)?\(?\d{1,4}\)?[\s.\-]?\(?\d{1,4}\)?[\s.\-]?\d{2,4}[\s.\-]?\d{2,4}"
    r"(?:[\s.\-]?\d{2,4})?(?:\s?(?:x|ext\.?)\s?\d{1,6})?(?![\w/:\-]|\.\d)"
)


_EXTENSION = re.compile(r"\s?(?:x|ext\.?|extension|#|p|w)\s?\d{1,6}$", re.IGNORECASE)


def _digit_count(text: str) -> int:
    """Digits of the number itself (an extension does not count)."""
    return sum(ch.isdigit() for ch in _EXTENSION.sub("", text))


def _is_range(text: str) -> bool:
    m = _RANGE.fullmatch(text)
    return bool(m and len(m[1]) == len(m[2]) and int(m[1]) <= int(m[2]))


def _is_isbn(text: str) -> bool:
    d = "".join(ch for ch in text if ch.isdigit())
    if len(d) != 13 or not d.startswith(("978", "979")):
        return False
    from stdnum import isbn

    return bool(isbn.is_valid(d))


def _not_other_number(text: str) -> bool:
    return not (
        _DATE.fullmatch(text)
        or (_DECIMAL.fullmatch(text) and text[0] != "+")
        or _IPV4.fullmatch(text)
        or _VERSION.fullmatch(text)
        or _POSTAL.fullmatch(text)
        or _REGISTRATION.fullmatch(text)
        or _is_range(text)
        or _is_isbn(text)
    )


class PhoneRecognizer(Recognizer):
    entity = "PHONE_NUMBER"
    kinds = TEXT | INTEGERS
    specificity = 0.75
    value_only = 0.75
    overrides = 0.9
    search = _FIND
    min_digits = 8

    def match(self, text: str) -> bool:
        # the shape first: it fails at the first letter, counting digits reads every character
        if not _SHAPE.fullmatch(text) or not 7 <= _digit_count(text) <= 15:
            return False
        # ``00`` dials out only before a country code (``0049...``); ``0000123`` is a padded id
        formatted = (
            text.startswith(("+", "(")) or _INTL_00.match(text) is not None
        ) or _SEPARATED.search(text) is not None
        return formatted and _not_other_number(text) and len(set(text) - set(" -")) > 2

    def plausible(self, text: str) -> bool:
        if _SHAPE.fullmatch(text) is None and not text.isdigit():
            return False
        if not 5 <= _digit_count(text) <= 16:
            return False
        return not (_DATE.fullmatch(text) or _IPV4.fullmatch(text))

    def applies(self, values: Values) -> bool:
        return values.kind in TEXT and values.feature("digit") >= 0.9 and values.avg_len <= 32

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if values.kind not in TEXT:
            # integers: never formatted, so never decisive; plausible when the digits fit
            return Hit(self.entity, 0.0, hit.plausible, self.specificity)
        valid = _international_valid_share(values)
        notes: tuple[str, ...] = ()
        spec = self.specificity
        if valid is not None:
            notes = (f"checksum:phonenumbers {valid:.2f}",)
            spec = min(0.95, spec + 0.25 * valid)
        # numbers written without separators are phones too when most others are formatted
        # and they carry a trunk prefix (0...) or a country code; alone they never decide
        plain = values.share(_plain_national, key="phone:plain")
        decisive = hit.decisive or (hit.rate >= 0.4 and hit.rate + plain >= self.value_only)
        # phone numbers are unique per person: a column repeating a few values is a code
        decisive = decisive and (values.distinct_ratio >= 0.5 or values.distinct >= 50)
        if decisive and values.share(_luhn, key="phone:luhn", cap=200) >= _LUHN_IDS:
            # one phone in ten passes Luhn by chance; a column where most do is of ids with a
            # check digit (French SIREN/SIRET, Canadian business numbers) written in groups
            decisive = False
            notes += ("values:luhn ids",)
        validated = valid is not None and valid >= 0.9
        return Hit(self.entity, hit.rate, hit.plausible, spec, decisive, validated, notes)

    def valid_found(self, span: str) -> bool:
        return _digit_count(span) >= 8 and self.match(span)


#: a trunk prefix before a national number, which does not start with 0 either
#: the share of Luhn-valid numbers that makes a column one of ids, not phones
_LUHN_IDS = 0.6


def _luhn(text: str) -> bool:
    d = [int(ch) for ch in text if ch.isdigit()]
    if len(d) < 8:
        return False
    total = 0
    for k, v in enumerate(reversed(d)):
        if k % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        total += v
    return total % 10 == 0


_PLAIN = re.compile(r"(?:\+|00|0)[1-9]\d{6,12}")
_INTL_00 = re.compile(r"00[1-9]")


def _plain_national(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None and len(set(text)) >= 4


def _international_valid_share(values: Values, limit: int = 200) -> float | None:
    """Share of ``+``/``00`` numbers that libphonenumber calls valid; None when there are
    too few international numbers to say."""
    intl = [(t, c) for t, c in zip(values.texts, values.counts, strict=True) if t[:1] == "+"]
    intl += [
        ("+" + t[2:], c)
        for t, c in zip(values.texts, values.counts, strict=True)
        if t.startswith("00")
    ]
    total = sum(c for _, c in intl)
    if not intl or total < 0.3 * values.total:
        return None
    import phonenumbers

    ok = 0
    seen = 0
    for t, c in intl[:limit]:
        seen += c
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(t, None)):
                ok += c
        except phonenumbers.NumberParseException:
            pass
    return ok / seen if seen else None
