"""Health shapes: a flattened FHIR Patient bundle and a pharmacy prescription log."""

from __future__ import annotations

import datetime as dt
import random
import uuid

import pandas as pd
from faker import Faker

from .common import (
    ANY,
    CITY,
    DOB,
    EMAIL,
    FIRST,
    GENDER,
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    Label,
    Table,
)
from .ids import dea, npi


def fhir_patients(seed: int = 401) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    gps = [f"Dr. {fk.first_name()} {fk.last_name()}" for _ in range(30)]
    rows = []
    for _ in range(800):
        female = rng.random() < 0.51
        deceased = rng.random() < 0.06
        rows.append(
            {
                "resourceType": "Patient",
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "identifier[0].system": "http://hospital.example.org/mrn",
                "identifier[0].value": f"MRN{rng.randint(10**6, 10**7)}",
                "identifier[1].value": fk.ssn() if rng.random() < 0.7 else None,
                "name[0].family": fk.last_name(),
                "name[0].given[0]": fk.first_name_female() if female else fk.first_name_male(),
                "name[0].prefix[0]": rng.choice(["Mr.", "Mrs.", "Ms.", None]),
                "telecom[0].value": fk.numerify("555-###-####"),
                "telecom[1].value": fk.email() if rng.random() < 0.6 else None,
                "gender": "female"
                if female
                else rng.choices(["male", "unknown", "other"], [96, 3, 1])[0],
                "birthDate": fk.date_of_birth(minimum_age=0, maximum_age=100).isoformat(),
                "deceasedDateTime": fk.date_time_between(
                    dt.datetime(2015, 1, 1), dt.datetime(2024, 1, 1)
                ).strftime("%Y-%m-%dT%H:%M:%S-05:00")
                if deceased
                else None,
                "address[0].line[0]": fk.street_address(),
                "address[0].city": fk.city(),
                "address[0].state": fk.state_abbr(),
                "address[0].postalCode": fk.zipcode(),
                "address[0].country": "US",
                "maritalStatus.coding[0].code": rng.choice(["M", "S", "D", "W", "UNK"]),
                "communication[0].language.coding[0].code": rng.choices(
                    ["en-US", "es", "zh", "vi"], [85, 10, 3, 2]
                )[0],
                "generalPractitioner[0].display": rng.choice(gps),
                "meta.lastUpdated": fk.date_time_between(
                    dt.datetime(2023, 1, 1), dt.datetime(2024, 6, 1)
                ).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "resourceType": NONE,
        "id": ANY,
        "identifier[0].system": NONE,
        "identifier[0].value": ANY,
        "identifier[1].value": ["US_SSN", "NATIONAL_ID"],
        "name[0].family": LAST,
        "name[0].given[0]": FIRST,
        "name[0].prefix[0]": ANY,
        "telecom[0].value": PHONE,
        "telecom[1].value": EMAIL,
        "gender": GENDER,
        "birthDate": DOB,
        "deceasedDateTime": ANY,
        "address[0].line[0]": STREET,
        "address[0].city": CITY,
        "address[0].state": ANY,
        "address[0].postalCode": POSTAL,
        "address[0].country": ANY,
        "maritalStatus.coding[0].code": ANY,
        "communication[0].language.coding[0].code": ANY,
        "generalPractitioner[0].display": PERSON,
        "meta.lastUpdated": NONE,
    }
    return df, labels


DRUGS = [
    (
        "Metformin HCl",
        "500 mg",
        "Take 1 tablet by mouth twice daily with meals",
        "Type 2 diabetes mellitus without complications",
        "E11.9",
    ),
    (
        "Lisinopril",
        "10 mg",
        "Take 1 tablet by mouth once daily",
        "Essential (primary) hypertension",
        "I10",
    ),
    (
        "Atorvastatin Calcium",
        "20 mg",
        "Take 1 tablet by mouth at bedtime",
        "Hyperlipidemia, unspecified",
        "E78.5",
    ),
    (
        "Sertraline HCl",
        "50 mg",
        "Take 1 tablet by mouth daily",
        "Major depressive disorder, single episode",
        "F32.9",
    ),
    (
        "Albuterol Sulfate HFA",
        "90 mcg/act",
        "Inhale 2 puffs every 4-6 hours as needed for wheezing",
        "Mild intermittent asthma",
        "J45.20",
    ),
    (
        "Levothyroxine Sodium",
        "75 mcg",
        "Take 1 tablet by mouth every morning on an empty stomach",
        "Hypothyroidism, unspecified",
        "E03.9",
    ),
    (
        "Amoxicillin",
        "500 mg",
        "Take 1 capsule by mouth three times daily for 10 days",
        "Acute sinusitis, unspecified",
        "J01.90",
    ),
    (
        "Bupropion XL",
        "150 mg",
        "Take 1 tablet by mouth every morning",
        "Nicotine dependence, cigarettes",
        "F17.210",
    ),
]


def prescriptions(seed: int = 402) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    prescribers = []
    for _ in range(25):
        last = fk.last_name()
        prescribers.append(
            (
                f"{fk.first_name()} {last}, {rng.choice(['MD', 'DO', 'NP', 'PA-C'])}",
                dea(rng, last),
                npi(rng),
            )
        )
    pharmacies = [npi(rng) for _ in range(6)]
    rows = []
    for _i in range(1000):
        drug, strength, sig, dx, icd = rng.choice(DRUGS)
        pres = rng.choice(prescribers)
        rows.append(
            {
                "rx_number": f"{rng.randint(1000000, 9999999)}",
                "patient_name": f"{fk.last_name().upper()}, {fk.first_name().upper()}",
                "patient_dob": fk.date_of_birth(minimum_age=2, maximum_age=95).strftime("%m/%d/%Y"),
                "drug_name": drug,
                "ndc": f"{rng.randint(10000, 99999)}-{rng.randint(100, 999)}-{rng.randint(10, 99)}",
                "strength": strength,
                "sig": sig,
                "qty": rng.choice([30, 60, 90, 20, 1]),
                "refills": rng.randint(0, 5),
                "days_supply": rng.choice([30, 90, 10]),
                "prescriber": pres[0],
                "prescriber_dea": pres[1],
                "prescriber_npi": pres[2],
                "pharmacy_npi": rng.choice(pharmacies),
                "fill_date": fk.date_between(dt.date(2024, 1, 1), dt.date(2024, 6, 1)).isoformat(),
                "diagnosis": f"{icd} {dx}" if rng.random() < 0.7 else None,
                "member_id": f"{rng.choice(['W', 'XEH', 'ZGP'])}{rng.randint(10**8, 10**9)}",
                "copay": rng.choice([0.0, 5.0, 10.0, 15.0, 35.0]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "rx_number": NONE,
        "patient_name": PERSON,
        "patient_dob": DOB,
        "drug_name": ANY,
        "ndc": NONE,
        "strength": NONE,
        "sig": ANY,
        "qty": NONE,
        "refills": NONE,
        "days_supply": NONE,
        "prescriber": PERSON,
        "prescriber_dea": ["MEDICAL_LICENSE"],
        "prescriber_npi": ANY,
        "pharmacy_npi": ANY,
        "fill_date": NONE,
        "diagnosis": ["HEALTH_DATA"],
        "member_id": ANY,
        "copay": NONE,
    }
    return df, labels
