"""Labelled cases for general causes of misses (run once; the output is committed).

    .venv/bin/python tests/data/scan/generate_causes.py

Own values and headers, made for each cause in its general form (see README.md): a
mainframe-style member file with meaningless headers and integer columns, an HR extract with
abbreviated, dotted and sentence headers and dates without a year, a pharmacy-claims table with
prescriber and diagnosis codes next to look-alike product and company numbers, and a payments
table mixing companies and people.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from faker import Faker
from generate import rows_of, write  # type: ignore[import-not-found]

N = 240
#: real towns (the gazetteer knows them; Faker's made-up ones are not places)
CITIES = ["Springfield", "Columbus", "Fresno", "Tulsa", "Omaha", "Raleigh", "Boise", "Tacoma",
          "Lansing", "Dayton", "Peoria", "Augusta", "Savannah", "Lubbock", "Eugene", "Reno",
          "Macon", "Erie", "Akron", "Provo", "Billings", "Fargo", "Duluth", "Yonkers"]  # fmt: skip
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def _nanp(rnd: random.Random) -> int:
    return int(f"{rnd.randint(2, 9)}{rnd.randint(0, 99):02d}{rnd.randint(2, 9)}"
               f"{rnd.randint(0, 999999):06d}")  # fmt: skip


def _ssn(rnd: random.Random) -> int:
    area = rnd.choice([a for a in range(1, 900) if a != 666])
    return int(f"{area:03d}{rnd.randint(1, 99):02d}{rnd.randint(1, 9999):04d}")


def _birth(rnd: random.Random) -> date:
    return date(1938, 1, 1) + timedelta(days=rnd.randint(0, 365 * 66))


def mainframe_members() -> None:
    """Meaningless headers (``F01``..), integer postcodes, phones, SSNs, birth dates."""
    fk = Faker("en_US")
    fk.seed_instance(41)
    rnd = random.Random(41)

    def row(i: int) -> dict[str, Any]:
        sex = rnd.choice("MF")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        joined = date(2019, 1, 1) + timedelta(days=rnd.randint(0, 2000))
        return {
            "F01": f"{i + 1:08d}",
            "F02": f"{fk.last_name().upper()} {first.upper()}",
            "F03": fk.street_address().upper(),
            "F04": rnd.choice(CITIES).upper(),
            "F05": int(fk.postcode()),
            "F06": _nanp(rnd) if rnd.random() > 0.05 else 0,
            "F07": int(_birth(rnd).strftime("%Y%m%d")),
            "F08": _ssn(rnd),
            "F09": sex,
            "F10": int(joined.strftime("%Y%m%d")),
            "F11": rnd.choice(["A1", "A2", "B1", "C3"]),
            "F12": round(rnd.uniform(20, 900), 2),
            "F13": rnd.randint(0, 40),
        }

    write(
        "mainframe_members",
        rows_of(N, row),
        {
            "F01": [],
            "F02": ["PERSON"],
            "F03": ["STREET_ADDRESS"],
            "F04": ["LOCATION"],
            "F05": ["POSTAL_CODE"],
            "F06": ["PHONE_NUMBER"],
            "F07": ["DATE_OF_BIRTH"],
            "F08": ["US_SSN", "NATIONAL_ID"],
            "F09": ["GENDER"],
            "F10": [],
            "F11": [],
            "F12": [],
            "F13": [],
        },
        "A mainframe member file: headers F01..F13 say nothing; postcodes, phones, SSNs and "
        "YYYYMMDD birth and join dates are integers. The join dates are recent (not birthdays); "
        "the member number is a zero-padded sequence.",
    )


def hr_extract() -> None:
    """Abbreviated, dotted and sentence headers; dates without a year or with month names."""
    fk = Faker("en_GB")
    fk.seed_instance(42)
    rnd = random.Random(42)
    kin = ["Wife", "Husband", "Mother", "Father", "Daughter", "Son", "Partner", "Friend",
           "Brother", "Sister", "Neighbour", "Grandparent"]  # fmt: skip
    faiths = ["Christian", "Muslim", "Hindu", "Jewish", "Sikh", "Buddhist", "No religion"]

    def row(i: int) -> dict[str, Any]:
        born = _birth(rnd)
        handle = fk.user_name().replace("-", "_")
        return {
            "Emp.No.": 5000 + i,
            "Known As": fk.first_name(),
            "Surname": fk.last_name(),
            "D.O.B.": f"{born.day:02d}-{MONTHS[born.month - 1]}-{born.year % 100:02d}",
            "Birthday (day, month)": f"{born.day} {born.strftime('%b')}",
            "Age (from birth date)": (date(2026, 1, 1) - born).days // 365,
            "Next of Kin Relationship": rnd.choice(kin),
            "Next of Kin Telephone": fk.phone_number(),
            "Tax Reference No": f"{rnd.randint(10**9, 10**10 - 1)}",
            "Religion Cd": rnd.choice(faiths),
            "Instagram": f"@{handle}{rnd.randint(1, 99)}" if rnd.random() > 0.3 else "",
            "Home P.C.": fk.postcode(),
            "contact.value": fk.phone_number(),
            "What would you like to tell us about your first month?": rnd.choice(
                [
                    "The onboarding sessions were well organised and useful.",
                    "I would like more training on the billing system please.",
                    "Everything went smoothly, no complaints from my side.",
                    f"My manager {fk.name()} was very helpful during the first weeks.",
                    f"Happy to say more, write to me at {fk.email()} any time.",
                    "My desk and laptop were not ready on the first day.",
                ]
            ),
            "Grade": rnd.choice(["G4", "G5", "G6", "G7"]),
        }

    write(
        "hr_extract",
        rows_of(N, row),
        {
            "Emp.No.": [],
            "Known As": ["FIRST_NAME", "PERSON"],
            "Surname": ["LAST_NAME", "PERSON"],
            "D.O.B.": ["DATE_OF_BIRTH"],
            "Birthday (day, month)": ["DATE_OF_BIRTH"],
            "Age (from birth date)": ["AGE"],
            "Next of Kin Relationship": [],
            "Next of Kin Telephone": ["PHONE_NUMBER"],
            "Tax Reference No": ["NATIONAL_ID"],
            "Religion Cd": ["NRP"],
            "Instagram": ["USERNAME"],
            "Home P.C.": ["POSTAL_CODE"],
            "contact.value": ["PHONE_NUMBER"],
            "What would you like to tell us about your first month?": ["FREE_TEXT_PII"],
            "Grade": [],
        },
        "HR extract with dotted (D.O.B., P.C.), abbreviated and sentence headers; DD-MON-YY "
        "birth dates and birthdays without a year; an age whose header says 'birth date'; "
        "next-of-kin relationship words (not names); a tax reference number; faith codes; "
        "@handles; phones under a generic 'value'.",
    )


def _dea(rnd: random.Random, surname: str) -> str:
    d = [rnd.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return rnd.choice("ABFGM") + surname[0].upper() + "".join(map(str, d)) + str(check)


def _npi(rnd: random.Random) -> str:
    from stdnum import luhn

    base = f"1{rnd.randint(0, 99999999):08d}"
    return base + luhn.calc_check_digit("80840" + base)


def _cnpj(rnd: random.Random) -> str:
    from stdnum.br import cnpj

    base = f"{rnd.randint(0, 99999999):08d}0001"
    full = base + cnpj.calc_check_digits(base)
    return f"{full[:2]}.{full[2:5]}.{full[5:8]}/{full[8:12]}-{full[12:]}"


def pharmacy_claims() -> None:
    """Prescriber DEA/NPI and ICD-10 codes next to drug codes, company numbers, references."""
    fk = Faker("en_US")
    fk.seed_instance(43)
    rnd = random.Random(43)
    prescribers = [fk.last_name() for _ in range(30)]
    deas = [_dea(rnd, s) for s in prescribers]
    npis = [_npi(rnd) for _ in prescribers]
    icd = ["E11.65", "I10", "J44.1", "M17.11", "F32.A", "N18.30", "K59.00", "G47.33",
           "E78.5", "L40.0", "T78.40XA", "Z79.4"]  # fmt: skip
    suppliers = [_cnpj(rnd) for _ in range(40)]

    def row(i: int) -> dict[str, Any]:
        k = rnd.randrange(len(prescribers))
        return {
            "claim_ref": "Q" + str(rnd.randint(100000, 999999)),
            "member_name": fk.name(),
            "prescriber_dea": deas[k],
            "prescriber_npi": npis[k],
            "dx1": rnd.choice(icd),
            "product_ndc": f"{rnd.randint(10000, 99999)}-{rnd.randint(100, 999)}-"
            f"{rnd.randint(10, 99)}",
            "supplier_tax_no": rnd.choice(suppliers),
            "formulary_uri": "https://formulary.example.org/v2/tiers",
            "qty": rnd.choice([30, 60, 90]),
            "paid": round(rnd.uniform(2, 400), 2),
        }

    write(
        "pharmacy_claims",
        rows_of(N, row),
        {
            "claim_ref": [],
            "member_name": ["PERSON"],
            "prescriber_dea": ["MEDICAL_LICENSE"],
            "prescriber_npi": ["MEDICAL_LICENSE"],
            "dx1": ["HEALTH_DATA"],
            "product_ndc": [],
            "supplier_tax_no": [],
            "formulary_uri": [],
            "qty": [],
            "paid": [],
        },
        "Pharmacy claims: DEA numbers (check digit) and NPIs, ICD-10 codes under 'dx1'; drug "
        "codes (5-4-2 dashed), suppliers' CNPJ, letter+digits claim references and a constant "
        "URL are not personal.",
    )


def payments_out() -> None:
    """Home-repair payments: payees mix a few companies paid often and many people paid
    once; political parties; the address of the site (a home)."""
    fk = Faker("de_DE")
    fk.seed_instance(44)
    rnd = random.Random(44)
    firms = ["Nordlicht Energie GmbH", "Kabelnetz West AG", "Hausrat Versicherung AG",
             "Bäckerei Sonnenschein KG", "Stadtreinigung Süd", "Mobilfunk Plus GmbH"]  # fmt: skip

    def row(i: int) -> dict[str, Any]:
        person = rnd.random() < 0.3
        return {
            "booking_id": 900000 + i,
            "payee_name": fk.name() if person else rnd.choice(firms),
            "payee_iban": fk.iban(),
            "site_address": fk.street_address(),
            "amount_eur": round(rnd.uniform(5, 2000), 2),
            "party": rnd.choice(["SPD", "CDU", "Grüne", "FDP", "Linke", "none"]),
            "party_role": rnd.choice(["debtor", "creditor", "guarantor"]),
            "currency": "EUR",
        }

    write(
        "payments_out",
        rows_of(N, row),
        {
            "booking_id": [],
            "payee_name": ["PERSON"],
            "payee_iban": ["IBAN_CODE"],
            "site_address": ["STREET_ADDRESS"],
            "amount_eur": [],
            "party": ["NRP"],
            "party_role": [],
            "currency": [],
        },
        "Outgoing payments: payees mix a few companies paid often and people paid once (people "
        "are most distinct values, a third of rows); party holds political parties, party_role "
        "a contract party's role; the site address (where the paid work was done, a home) is "
        "still an address.",
    )


def main() -> None:
    mainframe_members()
    hr_extract()
    pharmacy_claims()
    payments_out()


if __name__ == "__main__":
    main()
