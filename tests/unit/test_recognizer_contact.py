"""Contact and online identifiers: emails, phones, IP and MAC addresses, URLs."""

from __future__ import annotations

import pytest

from privacy.scan.recognizers.email import EmailRecognizer
from privacy.scan.recognizers.ip_address import IpAddressRecognizer
from privacy.scan.recognizers.mac_address import MacAddressRecognizer
from privacy.scan.recognizers.phone import PhoneRecognizer
from privacy.scan.recognizers.url import UrlRecognizer
from privacy.scan.recognizers.username import at_handle
from privacy.scan.values import prepare
from privacy.sources.base import ColumnKind


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("alice@example.com", True),
        ("MarieHamanova@armyspy.com", True),
        ("o'brien+tag@mail.co.uk", True),
        ("jürgen.müller@beispiel.de", True),
        ("alice@example", False),
        ("alice@@example.com", False),
        ("alice.example.com", False),
        ("@example.com", False),
        ("alice..b@example.com", False),
        ("a b@example.com", False),
    ],
)
def test_email(text: str, ok: bool) -> None:
    assert EmailRecognizer().match(text) is ok


def test_email_obfuscated_is_plausible() -> None:
    assert EmailRecognizer().plausible("alice [at] example [dot] com")


@pytest.mark.parametrize(
    "text",
    [
        "+49 30 1234567",
        "(555) 123-4567",
        "06-62642533",
        "21 259 903 5696",
        "0171 2345678",
        "+1-912-490-4047x96669",
        "(02472) 01986",
        "+33 (0)3 87 17 77 63",
        "555.123.4567",
        "001-612-799-7220x03322",
    ],
)
def test_phone_formatted(text: str) -> None:
    assert PhoneRecognizer().match(text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-05-01",
        "29/03/1982",
        "1,234.56",
        "12345.67",
        "192.168.1.10",
        "2019-2020",
        "12345-6789",
        "4111 1111 1111 1111",
        "12:30:00",
        "123",
        "abc-def-ghij",
        "5551234567",
        "12.345.678/0001-95",  # Brazil's CNPJ
        "123.456.789-09",  # Brazil's CPF, formatted
        "20-12345678-6",  # Argentina's CUIT
        "50090-2867-3",  # NDC drug codes (5-4-1, 4-4-2, 5-3-2)
        "0069-3150-83",
        "49273-732-74",
        "0000123",  # a zero-padded id is not a "00" international number
        "2023-004512",  # a year and a serial (invoice, case, file numbers)
    ],
)
def test_phone_rejects_other_numbers(text: str) -> None:
    assert not PhoneRecognizer().match(text)


def test_phone_bare_digits_only_plausible() -> None:
    r = PhoneRecognizer()
    assert not r.match("5551234567")
    assert r.plausible("5551234567")


def test_phone_integer_column_never_decides_alone() -> None:
    values = prepare([5551234567 + i * 7919 for i in range(100)], ColumnKind.INTEGER)
    hit = PhoneRecognizer().evaluate(values, named=False)
    assert not hit.decisive and hit.rate == 0.0


def test_phone_repeated_codes_do_not_decide() -> None:
    values = prepare(["+49 30 1234567", "+44 20 7946 0000"] * 50, ColumnKind.STRING)
    assert not PhoneRecognizer().evaluate(values, named=False).decisive


def test_phone_international_numbers_are_validated() -> None:
    values = prepare([f"+49 30 {1000000 + i * 37}" for i in range(80)], ColumnKind.STRING)
    hit = PhoneRecognizer().evaluate(values, named=False)
    assert hit.decisive
    assert any(n.startswith("checksum:phonenumbers") for n in hit.notes)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hi, call me on 475.601.2260x3062.", True),
        ("mein Handy: 0171 2345678.", True),
        ("Gecko/4165-05-05 03:59:28.889847 Firefox/7.0", False),
        ("Chrome/53.0.2785.143 Safari/537.36", False),
        ("order 2024-05-01 shipped", False),
    ],
)
def test_phone_in_free_text(text: str, found: bool) -> None:
    assert PhoneRecognizer().found_in(text) is found


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("192.168.1.10", True),
        ("8.8.8.8", True),
        ("2001:db8::1", True),
        ("10.0.0.0/8", True),
        ("256.1.1.1", False),
        ("1.2.3", False),
        ("v1.2.3.4", False),
        ("hello", False),
    ],
)
def test_ip_address(text: str, ok: bool) -> None:
    assert IpAddressRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("login from 203.0.113.7 at noon", True),
        ("Firefox rv:1.9.3.20 Gecko", False),
        ("Chrome/53.0.2785.143", False),
    ],
)
def test_ip_in_free_text(text: str, found: bool) -> None:
    assert IpAddressRecognizer().found_in(text) is found


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("00:1A:2B:3C:4D:5E", True),
        ("00-1a-2b-3c-4d-5e", True),
        ("001a.2b3c.4d5e", True),
        ("00:1A:2B:3C:4D", False),
        ("00:1A-2B:3C:4D:5E", False),
    ],
)
def test_mac_address(text: str, ok: bool) -> None:
    assert MacAddressRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://example.com/u/alice", True),
        ("http://x.io", True),
        ("www.example.org", True),
        ("example.com", False),
        ("CanineCocktail.co.nz", False),
        ("not a url", False),
    ],
)
def test_url(text: str, ok: bool) -> None:
    assert UrlRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("values", "named", "decisive", "rate"),
    [
        ([f"https://example.net/people/{i}" for i in range(40)], False, True, 1.0),
        (["https://codes.example.org/mrn"] * 40, False, False, 0.0),  # one page for every row
        (["https://codes.example.org/mrn"] * 40, True, False, 0.0),
        (["https://a.example.org", "https://b.example.org"] * 20, False, False, 1.0),
    ],
)
def test_url_column_needs_varied_pages(
    values: list[str], named: bool, decisive: bool, rate: float
) -> None:
    hit = UrlRecognizer().evaluate(prepare(values, ColumnKind.STRING), named=named)
    assert hit.decisive is decisive
    assert hit.rate == rate


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("@kai_2041", True),
        ("@mona.lisa", True),
        ("@example.com", False),  # a domain after the @
        ("kai@example.com", False),
        ("@", False),
    ],
)
def test_at_handles(text: str, handle: bool) -> None:
    assert at_handle(text) is handle
