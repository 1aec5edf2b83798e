"""Recognizers with check digits: valid examples pass, the same numbers with one digit changed
fail (the checksum, not just the format, decides)."""

from __future__ import annotations

import pytest

from privacy.scan.recognizers.credit_card import CreditCardRecognizer
from privacy.scan.recognizers.crypto import CryptoRecognizer
from privacy.scan.recognizers.iban import IbanRecognizer
from privacy.scan.recognizers.kr_rrn import KrRrnRecognizer
from privacy.scan.recognizers.medical_license import MedicalLicenseRecognizer, valid_dea, valid_npi
from privacy.scan.recognizers.national_id import NationalIdRecognizer, valid_national_id
from privacy.scan.recognizers.uk_nhs import UkNhsRecognizer
from privacy.scan.recognizers.us_itin import UsItinRecognizer
from privacy.scan.recognizers.us_ssn import UsSsnRecognizer
from privacy.scan.recognizers.vin import VinRecognizer, check_digit


def _flip(text: str) -> str:
    """The same text with its last digit changed."""
    for i in range(len(text) - 1, -1, -1):
        if text[i].isdigit():
            return text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]
    raise AssertionError("no digit")


CARDS = [
    "4111111111111111",
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "378282246310005",
    "6011111111111117",
    "3530111333300000",
    "2221000000000009",
]


@pytest.mark.parametrize("card", CARDS)
def test_card_luhn(card: str) -> None:
    r = CreditCardRecognizer()
    assert r.match(card)
    assert not r.match(_flip(card))


@pytest.mark.parametrize(
    "text", ["1234567812345678", "0000000000000000", "12345", "4111-1111", "411111111111111a"]
)
def test_card_rejects(text: str) -> None:
    assert not CreditCardRecognizer().match(text)


@pytest.mark.parametrize("text", ["5.54563E+15", "4.92975e15", "4111111111111111"])
def test_card_spreadsheet_notation_is_plausible_only(text: str) -> None:
    r = CreditCardRecognizer()
    assert r.plausible(text)
    if "E" in text.upper():
        assert not r.match(text)


IBANS = [
    "DE89370400440532013000",
    "GB82 WEST 1234 5698 7654 32",
    "FR1420041010050500013M02606",
    "NL91ABNA0417164300",
    "ES9121000418450200051332",
]


@pytest.mark.parametrize("iban", IBANS)
def test_iban_mod97(iban: str) -> None:
    r = IbanRecognizer()
    assert r.match(iban)
    assert not r.match(_flip(iban))


VINS = ["1HGCM82633A004352", "1M8GDM9AXKP042788", "5YJSA1E27HF000337"]


@pytest.mark.parametrize("vin", VINS)
def test_vin_check_digit(vin: str) -> None:
    r = VinRecognizer()
    assert check_digit(vin) == vin[8]
    assert r.match(vin)
    bad = vin[:8] + ("0" if vin[8] != "0" else "1") + vin[9:]
    assert not r.match(bad)
    assert r.plausible(bad)  # European VINs need no check digit: the shape stays plausible


@pytest.mark.parametrize("vin", ["1HGCM82633A00435", "IHGCM82633A004352", "12345678901234567"])
def test_vin_shape(vin: str) -> None:
    assert not VinRecognizer().plausible(vin)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("123-45-6789", True),
        ("078-05-1120", False),
        ("000-12-3456", False),
        ("666-12-3456", False),
        ("900-12-3456", False),
        ("123-00-4567", False),
        ("123-45-0000", False),
        ("123456789", False),
    ],
)
def test_us_ssn_rules(text: str, ok: bool) -> None:
    assert UsSsnRecognizer().match(text) is ok


def test_us_ssn_bare_digits_are_plausible() -> None:
    assert UsSsnRecognizer().plausible("123456789")


@pytest.mark.parametrize(
    ("text", "ok"),
    [("912-70-1234", True), ("912-88-1234", True), ("123-70-1234", False), ("912-93-1234", False)],
)
def test_us_itin(text: str, ok: bool) -> None:
    assert UsItinRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("900101-1234567", True),
        ("851231-2234567", True),
        ("901301-1234567", False),
        ("900101-9234567", False),
        ("9001011234567", False),
    ],
)
def test_kr_rrn_date_and_sex_digit(text: str, ok: bool) -> None:
    assert KrRrnRecognizer().match(text) is ok


NATIONAL = [
    "090385-1854",  # Danish CPR (fakename)
    "220.424.970-02",  # Brazilian CPF
    "12345678Z",  # Spanish DNI
    "RSSMRA85T10A562S",  # Italian codice fiscale
    "2 95 05 49 050 036 32",  # French NIR
    "111222333",  # Dutch BSN (11-proof)
    "44051401359",  # Polish PESEL
    "19811228-9874",  # Swedish personnummer
]


@pytest.mark.parametrize("text", NATIONAL)
def test_national_ids_validate(text: str) -> None:
    assert valid_national_id(text)


@pytest.mark.parametrize("text", ["220.424.970-03", "12345678A", "RSSMRA85T10A562T"])
def test_national_ids_reject_bad_check(text: str) -> None:
    assert not valid_national_id(text)


def test_national_id_never_a_date() -> None:
    assert not NationalIdRecognizer().match("1972-08-31")


@pytest.mark.parametrize(
    ("text", "ok"), [("943 476 5919", True), ("943 476 5918", False), ("9434765919", False)]
)
def test_nhs_mod11(text: str, ok: bool) -> None:
    assert UkNhsRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", True),
        ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", False),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", True),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", True),
        ("not-a-wallet", False),
    ],
)
def test_bitcoin_base58check(text: str, ok: bool) -> None:
    assert CryptoRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("AB1234563", True),  # 1+3+5 + 2*(2+4+6) = 33: check digit 3
        ("BJ6125341", True),
        ("AB1234564", False),
        ("ZZ1234563", False),  # Z is no registrant type
        ("AB123456", False),
    ],
)
def test_dea_check_digit(text: str, ok: bool) -> None:
    assert valid_dea(text) is ok


@pytest.mark.parametrize(("text", "ok"), [("1234567893", True), ("1234567890", False)])
def test_npi_luhn(text: str, ok: bool) -> None:
    assert valid_npi(text) is ok
    assert MedicalLicenseRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("ABCPE1234F", True),  # Indian PAN of a person (fourth letter P)
        ("AAACR5055K", True),  # of a company (C)
        ("ABCZE1234F", False),  # Z is no holder type
        ("ABCP1234F", False),
        ("AB123456C", True),  # UK National Insurance number
        ("ab 12 34 56 c", True),
        ("QQ123456C", False),  # Q is never a prefix letter
        ("GB123456A", False),  # nor GB
        ("AB123456E", False),  # the suffix is A-D
    ],
)
def test_lettered_ids_pan_and_nino(text: str, ok: bool) -> None:
    assert NationalIdRecognizer().match(text) is ok
