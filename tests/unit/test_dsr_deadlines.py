"""Deadlines: every receipt date 2024-2030 against an independent computation (dateutil)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta

from privacy.dsr.deadlines import (
    Regime,
    add_months,
    check_extension,
    days_left,
    due_date,
    extension_limit,
    is_overdue,
    receipt_date,
)
from privacy.errors import ExtensionNotAllowedError, RequestError


def every_day(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


DAYS = every_day(date(2024, 1, 1), date(2030, 12, 31))


def test_every_receipt_date_2024_to_2030_gdpr() -> None:
    # independent: dateutil's month arithmetic (clamps to the month's last day)
    wrong = [
        d
        for d in DAYS
        if due_date(d, "gdpr") != min(d + timedelta(days=30), d + relativedelta(months=1))
    ]
    assert wrong == []
    assert len(DAYS) == 2557


def test_every_receipt_date_2024_to_2030_ccpa_pipa() -> None:
    assert all(due_date(d, "ccpa") == d + relativedelta(days=45) for d in DAYS)
    assert all(due_date(d, "pipa") == d + relativedelta(days=10) for d in DAYS)


def test_every_gdpr_extension_limit_2024_to_2030() -> None:
    wrong = [
        d
        for d in DAYS
        if extension_limit(due_date(d), "gdpr") != due_date(d) + relativedelta(months=2)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2024, 1, 15), date(2024, 2, 14)),  # 30 days beats the month (31 days)
        (date(2024, 2, 15), date(2024, 3, 15)),  # leap February: the month (29 days) is earlier
        (date(2025, 2, 15), date(2025, 3, 15)),  # 28 days
        (date(2024, 1, 31), date(2024, 2, 29)),  # no 31 February: the month's last day
        (date(2025, 1, 31), date(2025, 2, 28)),
        (date(2024, 4, 30), date(2024, 5, 30)),  # 30-day month: both agree
        (date(2024, 12, 31), date(2025, 1, 30)),  # year boundary
        (date(2024, 1, 30), date(2024, 2, 29)),
        (date(2024, 3, 31), date(2024, 4, 30)),
    ],
)
def test_gdpr_examples(received: date, due: date) -> None:
    assert due_date(received) == due


def test_add_months_clamps_and_crosses_years() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)


def test_receipt_date_is_the_utc_calendar_date() -> None:
    cet = timezone(timedelta(hours=1))
    seoul = timezone(timedelta(hours=9))
    assert receipt_date(datetime(2024, 3, 2, 0, 30, tzinfo=cet)) == date(2024, 3, 1)
    assert receipt_date(datetime(2024, 3, 2, 23, 30, tzinfo=seoul)) == date(2024, 3, 2)
    assert receipt_date(datetime(2024, 3, 2, 23, 59, tzinfo=UTC)) == date(2024, 3, 2)
    assert receipt_date(date(2024, 3, 2)) == date(2024, 3, 2)


def test_due_on_the_day_overdue_the_next() -> None:
    due = date(2024, 2, 14)
    assert days_left(due, due) == 0 and not is_overdue(due, due)
    assert days_left(due, due + timedelta(days=1)) == -1 and is_overdue(due, due + timedelta(1))
    assert days_left(due, date(2024, 2, 4)) == 10


def ext(regime: str, due: date, until: date, today: date, extended: bool = False) -> None:
    check_extension(regime=regime, due=due, until=until, today=today, already_extended=extended)


def test_gdpr_extension_up_to_two_months() -> None:
    due = date(2024, 2, 29)
    ext("gdpr", due, date(2024, 4, 29), today=due)  # on the due date itself: still allowed
    with pytest.raises(ExtensionNotAllowedError, match="longest extension"):
        ext("gdpr", due, date(2024, 4, 30), today=due)


@pytest.mark.parametrize(
    ("regime", "until", "today", "extended", "match"),
    [
        ("gdpr", date(2024, 3, 20), date(2024, 3, 16), False, "has passed"),
        ("gdpr", date(2024, 3, 20), date(2024, 3, 1), True, "already extended"),
        ("gdpr", date(2024, 3, 15), date(2024, 3, 1), False, "not after"),
        ("pipa", date(2024, 3, 20), date(2024, 3, 1), False, "allows no extension"),
        ("ccpa", date(2024, 4, 30), date(2024, 3, 1), False, "longest extension"),
    ],
)
def test_extension_refused(
    regime: str, until: date, today: date, extended: bool, match: str
) -> None:
    with pytest.raises(ExtensionNotAllowedError, match=match) as e:
        ext(regime, date(2024, 3, 15), until, today, extended)
    assert e.value.hint and e.value.exit_code == 2


def test_ccpa_extension_45_days() -> None:
    due = date(2024, 3, 15)
    ext("ccpa", due, due + timedelta(days=45), today=date(2024, 3, 1))
    assert extension_limit(due, "ccpa") == date(2024, 4, 29)
    assert extension_limit(due, "pipa") is None


def test_unknown_regime_says_what_to_use() -> None:
    with pytest.raises(RequestError, match="unknown regime") as e:
        Regime.parse("hipaa")
    assert "gdpr" in (e.value.hint or "")
    assert Regime.parse(" GDPR ") is Regime.GDPR
