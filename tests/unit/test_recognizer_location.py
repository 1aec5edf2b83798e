"""Places: street addresses, postal codes, coordinates."""

from __future__ import annotations

import pytest

from privacy.scan.recognizers.geo_coordinate import GeoCoordinateRecognizer
from privacy.scan.recognizers.place import PlaceRecognizer, place_shaped
from privacy.scan.recognizers.postal_code import PostalCodeRecognizer
from privacy.scan.recognizers.street_address import StreetAddressRecognizer
from privacy.scan.values import prepare
from privacy.sources.base import ColumnKind


@pytest.mark.parametrize(
    "text",
    [
        "2071 Maryland Avenue",
        "Sömmeringstr. 78",
        "Avenida Noruega 42",
        "12 rue de la Paix",
        "Via Roma 1",
        "Blancefloerlaan 354",
        "P.O. Box 255",
        "Ctra. de Siles 91",
        "Viinikantie 66",
        "ul. Jastrzębia 907",
        "東京都港区芝公園4-2-8",
        "서울특별시 강남구 테헤란로 123",
        "123 Main St, Springfield, IL 62704",
        "Sabine-Junck-Gasse 3",
    ],
)
def test_street_address(text: str) -> None:
    assert StreetAddressRecognizer().match(text)


@pytest.mark.parametrize(
    "text", ["Main Street", "Widget Pro 3000", "Berlin", "hello world", "42", "Order 12 shipped"]
)
def test_not_street_address(text: str) -> None:
    assert not StreetAddressRecognizer().match(text)


@pytest.mark.parametrize(
    "text",
    [
        "SW1A 1AA",
        "K1A 0B1",
        "1234 AB",
        "12345-6789",
        "01310-200",
        "1000-001",
        "00-950",
        "100-0001",
        "114 55",
        "D02 X285",
        "D02X285",
        "A65F4E2",
    ],
)
def test_postal_code_distinct_formats(text: str) -> None:
    assert PostalCodeRecognizer().match(text)


@pytest.mark.parametrize("text", ["R584766", "K1234567", "B123456"])
def test_letter_and_digits_references_are_not_eircodes(text: str) -> None:
    assert not PostalCodeRecognizer().match(text)


@pytest.mark.parametrize("text", ["10115", "75001", "2000", "H-8837", "5625 EJ"])
def test_postal_code_bare_digits_only_plausible(text: str) -> None:
    r = PostalCodeRecognizer()
    assert r.plausible(text)


@pytest.mark.parametrize("text", ["hello", "1", "12345678901", "ABCDEFG"])
def test_postal_code_implausible(text: str) -> None:
    assert not PostalCodeRecognizer().plausible(text)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("52.5200, 13.4050", True),
        ("(48.8566;2.3522)", True),
        ("POINT(13.405 52.52)", True),
        ("520.1, 13.4", False),
        ("1.5, 2", False),
        ("52.52", False),
    ],
)
def test_geo_pairs(text: str, ok: bool) -> None:
    assert GeoCoordinateRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [("Berlin", True), ("MÜNCHEN", True), ("Munich", True), ("Springfield, IL", True),
     ("São Paulo", True), ("Kraków", True), ("Widget Pro", False), ("Order", False)],
)  # fmt: skip
def test_place_gazetteer(text: str, ok: bool) -> None:
    assert PlaceRecognizer().match(text) is ok


def test_places_decide_only_when_more_places_than_people() -> None:
    cities = ["Berlin", "Paris", "Madrid", "Houston", "Lyon", "Porto", "Osaka", "Toronto",
              "Denver", "Leeds", "Utrecht", "Ghent"]  # fmt: skip
    surnames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
                "Jackson", "Lincoln", "Wilson", "Taylor"]  # fmt: skip
    assert PlaceRecognizer().evaluate(prepare(cities, ColumnKind.STRING), named=False).decisive
    hit = PlaceRecognizer().evaluate(prepare(surnames, ColumnKind.STRING), named=False)
    assert not hit.decisive


@pytest.mark.parametrize(
    "text",
    ["93, chemin Alix Da Silva", "Piazza Gemma, 57", "Rua de da Cruz, 2", "Villatorget 12",
     "Bulevardul Alice Mocanu Nr. 638 Bl. 19", "Warszawska 15"],
)  # fmt: skip
def test_street_address_number_after_a_comma_and_nordic_slavic_forms(text: str) -> None:
    assert StreetAddressRecognizer().match(text)


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Lake Tamara", True),
        ("Port Michael", True),
        ("Laurenchester", True),
        ("Smithville", True),
        ("Neuhausen", True),
        ("Johnson", False),
        ("Acme Holdings", False),
        ("Maple Street", False),
        ("lake view", False),
    ],
)
def test_place_shaped_names(text: str, shaped: bool) -> None:
    assert place_shaped(text) is shaped
