"""Refuse raw personal data in audit events.

A safety net for the identifiers a machine can recognise with few false alarms: e-mail
addresses, phone numbers (international ``+`` form and North-American formats), payment card
numbers (known issuer prefix and Luhn), IBANs (country code and mod-97), US SSNs (formatted)
and IP addresses (v4 and v6, but not loopback nor a URL's host). Names and free text cannot be
recognised reliably: callers keep them out.

What an audit event legitimately holds is cleared first so it cannot trip a detector:
pseudonyms (``subj_`` + hex), hex digests and ids, UUIDs, ISO dates and timestamps, and the
user@host part of URLs. The error names the field, never the value.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import Any

from audit.errors import PersonalDataError

# Cleared before detection (replaced by a space).
_ALLOWED = re.compile(
    r"""
      subj_[0-9a-fA-F]{8,64}\b                                 # keyed pseudonym
    | \b[0-9a-fA-F]{32,}\b                                     # digests, long hex ids
    | \b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b  # UUID
    | \b\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b
    | (?<=[a-z])://[^\s/@]*@                                   # URL user info
    """,
    re.VERBOSE | re.IGNORECASE,
)

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b")
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_URL_HOST = re.compile(r"://(?:\[[0-9A-Fa-f:.]+\]|[0-9.]+)")
_CARD = re.compile(r"(?<![\w.\-])(?:\d[ \-]?){12,18}\d(?![\w]|[.\-]\d)")
_SSN = re.compile(r"(?<![\w\-])(\d{3})([\- ])(\d{2})\2(\d{4})(?![\w]|-\d)")
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d[\d \-.()]{6,18}\d(?!\w)")
_PHONE_NANP = re.compile(
    r"(?<![\w\-.])(?:\(\d{3}\)\s?\d{3}[\-. ]\d{4}|\d{3}([\-.])\d{3}\1\d{4})(?![\w]|[\-.]\d)"
)
_IBAN = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?:\ ?[A-Za-z0-9]{4}){2,7}(?:\ ?[A-Za-z0-9]{1,4})?(?!\w)"
)
_DIGIT = re.compile(r"\d")

_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

# Issuer prefixes of the major card networks; with Luhn this keeps ids and epoch
# milliseconds from looking like cards.
_CARD_PREFIX = re.compile(
    r"^(?:4\d{12}(?:\d{3}){0,2}"  # Visa 13/16/19
    r"|5[1-5]\d{14}|2(?:2[2-9]|[3-6]\d|7[01])\d{13}|2720\d{12}"  # Mastercard
    r"|3[47]\d{13}"  # Amex
    r"|3(?:0[0-5]|[68]\d)\d{11,16}"  # Diners
    r"|6(?:011|5\d\d|4[4-9]\d)\d{12,15}"  # Discover
    r"|35(?:2[89]|[3-8]\d)\d{12,15}"  # JCB
    r"|62\d{14,17}"  # UnionPay
    r"|(?:5[06-9]|6\d)\d{10,17})$"  # Maestro
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i & 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    s = candidate.replace(" ", "").upper()
    if _IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    rearranged = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in rearranged)
    return int(num) % 97 == 1


def _ip_is_personal(text: str) -> bool:
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified)


def find_personal_data(text: str) -> str | None:
    """The kind of raw identifier ``text`` holds (``EMAIL_ADDRESS``, ...), or None."""
    if "@" not in text and not _DIGIT.search(text):
        return None
    text = _URL_HOST.sub("://", _ALLOWED.sub(" ", text))
    if "@" in text and _EMAIL.search(text):
        return "EMAIL_ADDRESS"
    digits = len(_DIGIT.findall(text))
    if digits < 4 and ":" not in text:
        return None
    if digits >= 7:  # cards, SSNs, phone numbers and IBANs all carry at least seven digits
        kind = _numbers(text)
        if kind:
            return kind
    for m in _IPV4.finditer(text):
        if _ip_is_personal(m.group()):
            return "IP_ADDRESS"
    if ":" in text:
        for m in _IPV6.finditer(text):
            cand = m.group()
            if cand.count(":") >= 2 and _DIGIT.search(cand) and _ip_is_personal(cand):
                return "IP_ADDRESS"
    return None


def _numbers(text: str) -> str | None:
    for m in _CARD.finditer(text):
        digits = re.sub(r"[ \-]", "", m.group())
        if _CARD_PREFIX.match(digits) and luhn_ok(digits):
            return "CREDIT_CARD"
    for m in _SSN.finditer(text):
        area, group, serial = m.group(1), m.group(3), m.group(4)
        if area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000":
            return "US_SSN"
    if _PHONE_INTL.search(text):
        for m in _PHONE_INTL.finditer(text):
            if 8 <= len(re.sub(r"\D", "", m.group())) <= 15:
                return "PHONE_NUMBER"
    if _PHONE_NANP.search(text):
        return "PHONE_NUMBER"
    for m in _IBAN.finditer(text):
        cand = m.group()
        if re.fullmatch(r"[0-9a-f ]+", cand):
            continue  # a lower-case hex id, not an IBAN as people write them
        if iban_ok(cand):
            return "IBAN_CODE"
    return None


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield f"{path}.<key>", str(k)
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


def check_no_personal_data(fields: dict[str, Any]) -> None:
    """Raise :class:`PersonalDataError` naming the first field that holds a raw identifier."""
    for name, value in fields.items():
        for path, text in _strings(value, name):
            kind = find_personal_data(text)
            if kind:
                raise PersonalDataError(path, kind)
