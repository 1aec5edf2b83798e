"""Legal deadlines of data-subject requests. Pure functions of calendar dates; no I/O.

Dates are calendar dates in UTC: a request received at 23:30 in Seoul on 2 March (14:30 UTC)
was received on 2 March; one received at 01:00 CET on 2 March (00:00 UTC) too, but one at
00:30 CET on 2 March (23:30 UTC on 1 March) was received on 1 March. Pass a timezone-aware
datetime to :func:`receipt_date` to get this conversion; a plain ``date`` is taken as is.

A request is due *on* its due date (it is overdue from the next day on).

Regimes:

- ``gdpr`` (Art. 12(3)): the earlier of 30 days and one calendar month after receipt. A month
  runs to the same date next month, or to that month's last day when it has no such date
  (31 January -> 28/29 February). One extension, with a reason, to at most two further calendar
  months after the original due date, asked for before that due date passes.
- ``ccpa`` (Cal. Civ. Code 1798.130): 45 days; one extension of at most 45 more days, asked for
  before the due date passes.
- ``pipa`` (Korea, Enforcement Decree art. 41/44): 10 days; no extension (the decree allows
  postponing only with notice of a justified reason, which the toolkit leaves to a person: the
  request stays overdue on the books).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from privacy.errors import ExtensionNotAllowedError, ReceiptInFutureError, RequestError


class Regime(StrEnum):
    GDPR = "gdpr"
    CCPA = "ccpa"
    PIPA = "pipa"

    @classmethod
    def parse(cls, text: str) -> Regime:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise RequestError(
                f"unknown regime {text!r}",
                hint="use one of: " + ", ".join(r.value for r in cls),
            ) from None


@dataclass(frozen=True)
class RegimeRule:
    days: int
    #: calendar months, taken as "the earlier of" with ``days`` when set
    months: int | None
    ext_days: int | None
    ext_months: int | None


RULES: dict[Regime, RegimeRule] = {
    Regime.GDPR: RegimeRule(days=30, months=1, ext_days=None, ext_months=2),
    Regime.CCPA: RegimeRule(days=45, months=None, ext_days=45, ext_months=None),
    Regime.PIPA: RegimeRule(days=10, months=None, ext_days=None, ext_months=None),
}


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it is shorter."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def receipt_date(when: date | datetime) -> date:
    """The UTC calendar date of a receipt. Naive datetimes are taken to be UTC already."""
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone(UTC)
        return when.date()
    return when


def checked_receipt(when: date | datetime | None) -> date:
    """The receipt date (today, UTC, when not given); a date in the future is refused."""
    day = receipt_date(when) if when else today_utc()
    if day > today_utc():
        raise ReceiptInFutureError(
            f"--received {day.isoformat()} is in the future",
            hint="give the date the request arrived (today or earlier, UTC)",
        )
    return day


def due_date(received: date, regime: Regime | str = Regime.GDPR) -> date:
    """The date by which a request received on ``received`` must be answered."""
    rule = RULES[Regime(regime)]
    due = received + timedelta(days=rule.days)
    if rule.months is not None:
        due = min(due, add_months(received, rule.months))
    return due


def extension_limit(due: date, regime: Regime | str) -> date | None:
    """The latest date an extension may run to, or None when the regime allows none."""
    rule = RULES[Regime(regime)]
    if rule.ext_months:
        return add_months(due, rule.ext_months)
    if rule.ext_days:
        return due + timedelta(days=rule.ext_days)
    return None


def check_extension(
    *,
    regime: Regime | str,
    due: date,
    until: date,
    today: date,
    already_extended: bool,
) -> None:
    """Raise :class:`ExtensionNotAllowedError` unless extending ``due`` to ``until`` is lawful.

    ``due`` is the original due date; ``today`` the UTC date the extension is asked for.
    """
    regime = Regime(regime)
    limit = extension_limit(due, regime)
    if limit is None:
        raise ExtensionNotAllowedError(
            f"the {regime.value} regime allows no extension",
            hint="answer the request by its due date; record the reason for any delay with "
            "the data subject",
        )
    if already_extended:
        raise ExtensionNotAllowedError(
            "this request was already extended once; the law allows one extension",
            hint="answer the request by the extended due date",
        )
    if today > due:
        raise ExtensionNotAllowedError(
            f"the due date {due.isoformat()} has passed; an extension must be decided before it",
            hint="answer the request now; the delay stays on record",
        )
    if until <= due:
        raise ExtensionNotAllowedError(
            f"{until.isoformat()} is not after the due date {due.isoformat()}",
            hint=f"give a date after {due.isoformat()} and at most {limit.isoformat()}",
        )
    if until > limit:
        raise ExtensionNotAllowedError(
            f"{until.isoformat()} is past the longest extension the {regime.value} regime "
            f"allows ({limit.isoformat()})",
            hint=f"give a date at most {limit.isoformat()}",
        )


def days_left(due: date, today: date) -> int:
    """Days until the due date: 0 on the day itself, negative once overdue."""
    return (due - today).days


def is_overdue(due: date, today: date) -> bool:
    return today > due


def today_utc() -> date:
    return datetime.now(UTC).date()
