"""Value recognizers, one small module each, registered explicitly here.

Each recognizer reports, for a column's sampled values, the share that is its entity by a
strict test (format and checksum) and the share that could be (see :mod:`.base`). The classifier
combines those shares with the column's name; nothing here decides alone.
"""

from __future__ import annotations

from privacy.scan.recognizers.age import AgeRecognizer
from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.recognizers.credit_card import CreditCardRecognizer
from privacy.scan.recognizers.crypto import CryptoRecognizer
from privacy.scan.recognizers.cvv import CvvRecognizer
from privacy.scan.recognizers.date_of_birth import DateOfBirthRecognizer
from privacy.scan.recognizers.email import EmailRecognizer
from privacy.scan.recognizers.gender import GenderRecognizer
from privacy.scan.recognizers.geo_coordinate import GeoCoordinateRecognizer
from privacy.scan.recognizers.header_only import (
    BankAccountRecognizer,
    DriverLicenseRecognizer,
    PassportRecognizer,
)
from privacy.scan.recognizers.health import HealthDataRecognizer
from privacy.scan.recognizers.iban import IbanRecognizer
from privacy.scan.recognizers.ip_address import IpAddressRecognizer
from privacy.scan.recognizers.kr_rrn import KrRrnRecognizer
from privacy.scan.recognizers.mac_address import MacAddressRecognizer
from privacy.scan.recognizers.medical_license import MedicalLicenseRecognizer
from privacy.scan.recognizers.national_id import NationalIdRecognizer
from privacy.scan.recognizers.nrp import NrpRecognizer
from privacy.scan.recognizers.password import PasswordRecognizer
from privacy.scan.recognizers.person_name import PersonNameRecognizer
from privacy.scan.recognizers.phone import PhoneRecognizer
from privacy.scan.recognizers.place import PlaceRecognizer
from privacy.scan.recognizers.postal_code import PostalCodeRecognizer
from privacy.scan.recognizers.street_address import StreetAddressRecognizer
from privacy.scan.recognizers.swift import SwiftRecognizer
from privacy.scan.recognizers.uk_nhs import UkNhsRecognizer
from privacy.scan.recognizers.url import UrlRecognizer
from privacy.scan.recognizers.us_itin import UsItinRecognizer
from privacy.scan.recognizers.us_ssn import UsSsnRecognizer
from privacy.scan.recognizers.username import UsernameRecognizer
from privacy.scan.recognizers.vin import VinRecognizer

#: every recognizer, in no particular order (the classifier ranks their reports)
RECOGNIZERS: tuple[Recognizer, ...] = (
    EmailRecognizer(),
    PhoneRecognizer(),
    CreditCardRecognizer(),
    CvvRecognizer(),
    IbanRecognizer(),
    SwiftRecognizer(),
    UsSsnRecognizer(),
    UsItinRecognizer(),
    KrRrnRecognizer(),
    NationalIdRecognizer(),
    UkNhsRecognizer(),
    IpAddressRecognizer(),
    MacAddressRecognizer(),
    UrlRecognizer(),
    VinRecognizer(),
    CryptoRecognizer(),
    DateOfBirthRecognizer(),
    AgeRecognizer(),
    GenderRecognizer(),
    PostalCodeRecognizer(),
    StreetAddressRecognizer(),
    PersonNameRecognizer(),
    UsernameRecognizer(),
    PasswordRecognizer(),
    GeoCoordinateRecognizer(),
    PassportRecognizer(),
    DriverLicenseRecognizer(),
    BankAccountRecognizer(),
    MedicalLicenseRecognizer(),
    PlaceRecognizer(),
    HealthDataRecognizer(),
    NrpRecognizer(),
)

#: entity -> the recognizer that reports it (the name family shares one)
BY_ENTITY: dict[str, Recognizer] = {r.entity: r for r in RECOGNIZERS}
for _e in ("FIRST_NAME", "LAST_NAME"):
    BY_ENTITY[_e] = BY_ENTITY["PERSON"]

#: recognizers that look for their entity inside free text
TEXT_FINDERS: tuple[Recognizer, ...] = tuple(r for r in RECOGNIZERS if r.search is not None)

__all__ = ["BY_ENTITY", "RECOGNIZERS", "TEXT_FINDERS", "Hit", "Recognizer"]
