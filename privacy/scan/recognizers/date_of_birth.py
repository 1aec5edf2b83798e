"""DATE_OF_BIRTH: dates that are birthdays. A date column is a birth date when its name says so
(``dob``, ``birthday``, ``geburtsdatum``, ``fecha_nacimiento``...), or, with a meaningless
name, when its dates look like a population's birthdays: spread over decades, none in the
future, most people between childhood and old age. Event dates (orders, sign-ups) cluster in
recent years and fail that test. Under any other name (``STOP``, ``end_date``, ``closed_at``,
``DEATHDATE``) the dates must be a grown population's (nobody under 16, spread over thirty
years): record dates of a long history also spread over decades.

Understands ISO dates, ``D/M/Y`` and ``M/D/Y``, ``D.M.Y``, month names in English, German,
French, Spanish, Italian, Portuguese and Dutch (also with a two-digit year, as airline and
Oracle systems write them: ``13APR57``, ``13-APR-1957``), ``1985年3月12日`` / ``1985년 3월
12일``, ``YYYYMMDD`` numbers (an integer column of them is a mainframe's or an ERP's date), and
date or datetime columns. A day and month without a year (``04/13``, ``13 Apr``) is a birthday
too, but only a birth name makes it one: it is plausible, never strict; so is a spreadsheet's
day number (``21654``) under a birth name."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from functools import lru_cache

from privacy.scan.recognizers.base import INTEGERS, TEMPORAL, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "mai": 5, "okt": 10, "dez": 12, "mrz": 3, "maer": 3,
    "janv": 1, "fev": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "aou": 8, "ene": 1,
    "abr": 4, "ago": 8, "set": 9, "dic": 12, "gen": 1, "giu": 6, "lug": 7, "ott": 10,
    "fevereiro": 2, "out": 10, "dez.": 12, "mei": 5, "maart": 3, "okt.": 10, "sept": 9,
}  # fmt: skip

_NUMERIC = re.compile(
    r"(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})(?:[T ].*)?"
    r"|(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y2>\d{4}|\d{2})(?:[T ].*)?"
)
_NAMED = re.compile(
    r"(?:(?P<d1>\d{1,2})\.?[\s-]*(?P<mon1>[^\W\d_]{3,10})\.?,?[\s-]*(?P<y1>\d{4}))"
    r"|(?:(?P<mon2>[^\W\d_]{3,10})\.?[\s-]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(?P<y2>\d{4}))"
)
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_COMPACT = re.compile(r"(19|20)(\d{2})(\d{2})(\d{2})")
#: a day, a month's name and a two- or four-digit year run together or dashed (``13APR57``)
_DAY_MON_YEAR = re.compile(r"(\d{1,2})[\s./-]?([^\W\d_]{3,9})\.?[\s./-]?(\d{2}|\d{4})")
#: a day and a month, no year: ``04/13``, ``13.04.``, ``13 Apr``, ``April 13th``
_YEARLESS = re.compile(
    r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})\.?"
    r"|(?P<d1>\d{1,2})\.?[\s-]*(?P<mon1>[^\W\d_]{3,10})\.?"
    r"|(?P<mon2>[^\W\d_]{3,10})\.?[\s-]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
)


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


#: day 0 of spreadsheet date numbers (Excel, LibreOffice): ``21654`` is 1959-04-13
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _century(yy: int) -> int:
    return 2000 + yy if 2000 + yy <= dt.date.today().year else 1900 + yy


@lru_cache(maxsize=16384)
def parse_date(text: str, *, compact: bool = False) -> dt.date | None:
    """A date written in ``text``, or None. ``compact`` also reads ``YYYYMMDD``."""
    t = text.strip()
    if len(t) > 40:
        return None
    m = _NUMERIC.fullmatch(t)
    if m:
        if m["y1"]:
            return _mk(int(m["y1"]), int(m["m1"]), int(m["d1"]))
        a, b, y = int(m["a"]), int(m["b"]), m["y2"]
        year = int(y) if len(y) == 4 else _century(int(y))
        return _mk(year, b, a) or _mk(year, a, b)
    m = _CJK.fullmatch(t)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = _NAMED.fullmatch(t)
    if m:
        mon = (m["mon1"] or m["mon2"]).lower()
        month = _MONTHS.get(mon) or _MONTHS.get(mon[:3])
        if month is None:
            from privacy.scan.text import fold

            month = _MONTHS.get(fold(mon)[:4]) or _MONTHS.get(fold(mon)[:3])
        if month is None:
            return None
        return _mk(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))
    m = _DAY_MON_YEAR.fullmatch(t)
    if m:
        month = _month(m[2])
        if month is None:
            return None
        y = m[3]
        return _mk(int(y) if len(y) == 4 else _century(int(y)), month, int(m[1]))
    if compact:
        m = _COMPACT.fullmatch(t)
        if m:
            return _mk(int(m[1] + m[2]), int(m[3]), int(m[4]))
    return None


def _month(name: str) -> int | None:
    mon = name.lower()
    month = _MONTHS.get(mon) or _MONTHS.get(mon[:3])
    if month is None:
        from privacy.scan.text import fold

        month = _MONTHS.get(fold(mon)[:4]) or _MONTHS.get(fold(mon)[:3])
    return month


#: a month and a year (``04/1957``, ``1957-04``): when someone was born, to the month
_MONTH_YEAR = re.compile(
    r"(?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}|(?:19|20)\d{2}[/.-](?:0?[1-9]|1[0-2])"
)


def yearless(text: str) -> bool:
    """A day and a month without a year (a birthday as mailing lists keep it), or a month
    and a year without the day."""
    t = text.strip()
    if _MONTH_YEAR.fullmatch(t):
        return True
    m = _YEARLESS.fullmatch(t)
    if m is None:
        return False
    if m["a"]:
        a, b = int(m["a"]), int(m["b"])
        return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
    month = _month(m["mon1"] or m["mon2"])
    day = int(m["d1"] or m["d2"])
    return month is not None and 1 <= day <= 31


def _age(d: dt.date, today: dt.date) -> float:
    return (today - d).days / 365.25


def birth_like(
    dates: list[dt.date], counts: list[int], *, adults: bool = False
) -> tuple[bool, str]:
    """Do these dates look like a population's birthdays? (decision, reason for evidence)

    ``adults``: the stricter test of a grown population (customers, employees): nobody under
    16, ages spread over thirty years and more. Start, stop and closing dates of records fail
    it: they reach into the last years."""
    today = dt.date.today()
    ages: list[float] = []
    for d, c in zip(dates, counts, strict=True):
        ages.extend([_age(d, today)] * min(c, 5))
    if len(ages) < 20:
        return False, "too few dates"
    ages.sort()
    p5, p95 = ages[len(ages) // 20], ages[-(len(ages) // 20) - 1]
    med = statistics.median(ages)
    recent = sum(1 for a in ages if a < 1) / len(ages)
    ok = p95 - p5 >= 20 and 16 <= med <= 85 and recent <= 0.05 and ages[0] >= 0 and p95 <= 105
    if adults:
        ok = ok and ages[0] >= 16 and p5 >= 18 and p95 - p5 >= 30 and 25 <= med <= 70
    return ok, f"ages {p5:.0f}-{p95:.0f}, median {med:.0f}"


class DateOfBirthRecognizer(Recognizer):
    entity = "DATE_OF_BIRTH"
    kinds = TEXT | TEMPORAL | INTEGERS
    specificity = 0.7
    value_only = 0.9
    #: stop, end, closing and death dates spread over decades too: past dates decide alone only
    #: under a name that says nothing (``col7``), or when they are a grown population's
    needs_blank_name = True

    def match(self, text: str) -> bool:
        d = parse_date(text, compact=len(text) == 8)
        return d is not None and 0 <= _age(d, dt.date.today()) <= 120

    def plausible(self, text: str) -> bool:
        d = parse_date(text, compact=True)
        if d is None and text.isdigit() and len(text) == 4:  # birth year
            return 1900 <= int(text) <= dt.date.today().year
        if d is None and text.isdigit() and len(text) == 5:  # a spreadsheet's day number
            d = _EXCEL_EPOCH + dt.timedelta(days=int(text))
        if d is None:
            return yearless(text)
        return 0 <= _age(d, dt.date.today()) <= 120

    def applies(self, values: Values) -> bool:
        return values.kind in TEMPORAL or (values.feature("digit") >= 0.9 and values.avg_len <= 30)

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        if values.kind in TEMPORAL:
            today = dt.date.today()
            ok = sum(
                c
                for d, c in zip(values.dates, values.date_counts, strict=True)
                if 0 <= _age(d if not isinstance(d, dt.datetime) else d.date(), today) <= 120
            )
            # shares of the dates kept (``values.total`` counts only the most frequent texts)
            seen = sum(values.date_counts)
            rate = ok / seen if seen else 0.0
            dates = [d.date() if isinstance(d, dt.datetime) else d for d in values.dates]
            counts = values.date_counts
            midnight = all(
                not isinstance(d, dt.datetime) or d.time() == dt.time() for d in values.dates
            )
            plaus = rate
        else:
            hit = super().evaluate(values, named=named)
            rate, plaus = hit.rate, hit.plausible
            parsed = [
                (parse_date(t, compact=len(t) == 8), c)
                for t, c in zip(values.texts, values.counts, strict=True)
            ]
            dates = [d for d, _ in parsed if d is not None]
            counts = [c for d, c in parsed if d is not None]
            midnight = True
        decisive, adults, why = False, False, ""
        if rate >= (self.value_only or 1.0) and midnight:
            decisive, why = birth_like(dates, counts)
            adults = decisive and birth_like(dates, counts, adults=True)[0]
            if values.kind in INTEGERS:
                # ``YYYYMMDD`` numbers are also warehouses' date keys and records' dates
                # reaching back decades: only a grown population's decide
                decisive = adults
        notes = (f"dates:{why}",) if why and (decisive or named) else ()
        # ``strong``: a grown population's birthdays, decisive even under an unrelated name
        return Hit(self.entity, rate, plaus, self.specificity, decisive, adults, notes)
