# ruff: noqa: E501
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Travel shapes: airline passenger list, Spanish hotel guest register, car rental agreements."""

from __future__ import annotations

import datetime as dt
import random
import string

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
    mess,
    sometimes,
)
from .ids import dl_number, foreign_passport, us_passport, vin

NATIONS = {
    "USA": "en_US",
    "GBR": "en_GB",
    "DEU": "de_DE",
    "FRA": "fr_FR",
    "IND": "en_IN",
    "ESP": "es_ES",
    "ITA": "it_IT",
}


def airline_pnr(seed: int = 601) -> Table:
    rng = random.Random(seed)
    fakers = {k: Faker(v) for k, v in NATIONS.items()}
    for k, f in enumerate(fakers.values()):
        f.seed_instance(seed * 10 + k)
    rows = []
    for _i in range(1000):
        nat = rng.choices(list(NATIONS), [40, 20, 10, 8, 10, 6, 6])[0]
        fk = fakers[nat]
        female = rng.random() < 0.5
        born = fk.date_of_birth(minimum_age=1, maximum_age=85)
        dep = dt.date(2024, 7, 1) + dt.timedelta(days=rng.randint(0, 60))
        rows.append(
            {
                "PNR": "".join(rng.choice(string.ascii_uppercase + "23456789") for _ in range(6)),
                "TicketNumber": f"{rng.choice(['001', '006', '016', '125', '220'])}{rng.randint(10**9, 10**10 - 1)}",
                "PaxLastName": fk.last_name().upper(),
                "PaxFirstName": (
                    fk.first_name_female() if female else fk.first_name_male()
                ).upper(),
                "Title": ("MRS" if rng.random() < 0.6 else "MS") if female else "MR",
                "DOB": born.strftime("%d%b%y").upper(),
                "Gender": "F" if female else "M",
                "Nationality": nat,
                "PassportNo": us_passport(rng) if nat == "USA" else foreign_passport(rng, nat),
                "PassportExpiry": (dep + dt.timedelta(days=rng.randint(200, 3600)))
                .strftime("%d%b%y")
                .upper(),
                "IssuingCountry": nat,
                "FlightNo": f"{rng.choice(['BA', 'AA', 'LH', 'UA', 'IB'])}{rng.randint(10, 999)}",
                "Origin": rng.choice(["LHR", "JFK", "FRA", "MAD", "ORD", "BOS"]),
                "Dest": rng.choice(["LAX", "CDG", "DEL", "FCO", "MIA", "SFO"]),
                "DepDate": dep.isoformat(),
                "Seat": f"{rng.randint(1, 45)}{rng.choice('ABCDEFGHJK')}",
                "Cabin": rng.choices(["Y", "W", "J", "F"], [75, 12, 10, 3])[0],
                "FFNumber": sometimes(
                    rng, 0.4, lambda: f"{rng.choice(['BA', 'AA', 'LH'])}{rng.randint(10**7, 10**9)}"
                ),
                "SSR": rng.choices(
                    [None, "WCHR", "VGML", "KSML", "DBML", "INFT", "DOCS"], [70, 5, 8, 3, 3, 3, 8]
                )[0],
                "ContactEmail": fk.email(),
                "ContactPhone": fk.phone_number(),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "PNR": ANY,
        "TicketNumber": ANY,
        "PaxLastName": LAST,
        "PaxFirstName": FIRST,
        "Title": ANY,
        "DOB": DOB,
        "Gender": GENDER,
        "Nationality": ["NRP"],
        "PassportNo": ["US_PASSPORT", "NATIONAL_ID"],
        "PassportExpiry": ANY,
        "IssuingCountry": ANY,
        "FlightNo": NONE,
        "Origin": NONE,
        "Dest": NONE,
        "DepDate": NONE,
        "Seat": NONE,
        "Cabin": NONE,
        "FFNumber": ANY,
        "SSR": ANY,
        "ContactEmail": EMAIL,
        "ContactPhone": PHONE,
    }
    return df, labels


def _dni(rng: random.Random) -> str:
    n = rng.randint(10**7, 10**8 - 1)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def _nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rng.randint(0, 10**7 - 1)
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(p)) + f'{n:07d}') % 23]}"


def hotel_guest_register(seed: int = 602) -> Table:
    rng = random.Random(seed)
    es, fr, gb, de = Faker("es_ES"), Faker("fr_FR"), Faker("en_GB"), Faker("de_DE")
    for k, f in enumerate((es, fr, gb, de)):
        f.seed_instance(seed * 10 + k)
    rows = []
    for _i in range(500):
        nat = rng.choices(
            ["ESPAÑA", "FRANCIA", "REINO UNIDO", "ALEMANIA", "MARRUECOS"], [55, 15, 15, 10, 5]
        )[0]
        fk = {"ESPAÑA": es, "FRANCIA": fr, "REINO UNIDO": gb, "ALEMANIA": de, "MARRUECOS": es}[nat]
        if nat == "ESPAÑA":
            tipo, doc = "DNI", _dni(rng)
        elif nat == "MARRUECOS":
            tipo, doc = "NIE", _nie(rng)
        else:
            tipo, doc = (
                "Pasaporte",
                foreign_passport(
                    rng, {"FRANCIA": "FRA", "REINO UNIDO": "GBR", "ALEMANIA": "DEU"}[nat]
                ),
            )
        female = rng.random() < 0.5
        entrada = dt.date(2024, 6, 1) + dt.timedelta(days=rng.randint(0, 80))
        surname = fk.last_name() + (" " + fk.last_name() if nat == "ESPAÑA" else "")
        rows.append(
            {
                "Nº Reserva": f"R{rng.randint(100000, 999999)}",
                "Nombre": fk.first_name_female() if female else fk.first_name_male(),
                "Apellidos": surname,
                "Tipo Documento": tipo,
                "Nº Documento": doc,
                "Fecha Expedición": (entrada - dt.timedelta(days=rng.randint(30, 3600))).strftime(
                    "%d/%m/%Y"
                ),
                "Fecha Nacimiento": fk.date_of_birth(minimum_age=16, maximum_age=88).strftime(
                    "%d/%m/%Y"
                ),
                "Sexo": "M" if female else "H",
                "Nacionalidad": nat,
                "Dirección": fk.street_address(),
                "Localidad": fk.city(),
                "C.P.": fk.postcode(),
                "Teléfono": fk.phone_number(),
                "Correo electrónico": sometimes(rng, 0.85, fk.email),
                "Fecha Entrada": entrada.strftime("%d/%m/%Y"),
                "Fecha Salida": (entrada + dt.timedelta(days=rng.randint(1, 14))).strftime(
                    "%d/%m/%Y"
                ),
                "Habitación": str(rng.choice([101, 102, 103, 201, 202, 204, 305, 306, 410])),
                "Régimen": rng.choice(["SA", "AD", "MP", "PC"]),
                "Importe": f"{rng.uniform(80, 2400):.2f}".replace(".", ","),
            }
        )
    df = pd.DataFrame(rows)
    df["Teléfono"] = mess(rng, df["Teléfono"].tolist(), space=0.08, blank=0.03)
    labels: dict[str, Label] = {
        "Nº Reserva": NONE,
        "Nombre": FIRST,
        "Apellidos": LAST,
        "Tipo Documento": NONE,
        "Nº Documento": ["NATIONAL_ID", "US_PASSPORT"],
        "Fecha Expedición": ANY,
        "Fecha Nacimiento": DOB,
        "Sexo": GENDER,
        "Nacionalidad": ["NRP"],
        "Dirección": STREET,
        "Localidad": CITY,
        "C.P.": POSTAL,
        "Teléfono": PHONE,
        "Correo electrónico": EMAIL,
        "Fecha Entrada": NONE,
        "Fecha Salida": NONE,
        "Habitación": NONE,
        "Régimen": NONE,
        "Importe": NONE,
    }
    return df, labels


def car_rentals(seed: int = 603) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    fleet = [
        (
            vin(rng),
            f"{rng.randint(1, 9)}{''.join(rng.choice(string.ascii_uppercase) for _ in range(3))}{rng.randint(100, 999)}",
            rng.choice(
                [
                    "Toyota Corolla",
                    "Nissan Altima",
                    "Jeep Wrangler",
                    "Ford Mustang Conv",
                    "Chevrolet Tahoe",
                    "Kia Soul",
                ]
            ),
        )
        for _ in range(150)
    ]
    rows = []
    for _i in range(800):
        st = rng.choice(["CA", "NY", "TX", "FL", "IL", "WA", "PA", "NV"])
        car = rng.choice(fleet)
        out = fk.date_time_between(dt.datetime(2024, 4, 1), dt.datetime(2024, 6, 1))
        rows.append(
            {
                "rental_agreement_no": f"RA{rng.randint(10**8, 10**9)}",
                "renter_name": fk.name(),
                "renter_dob": fk.date_of_birth(minimum_age=21, maximum_age=80),
                "driver_license_no": dl_number(rng, st),
                "dl_state": st,
                "dl_expiry": fk.date_between(dt.date(2024, 7, 1), dt.date(2031, 1, 1)),
                "card_last4": f"{rng.randint(0, 9999):04d}",
                "card_brand": rng.choice(["VISA", "MC", "AMEX", "DISC"]),
                "pickup_branch": rng.choice(
                    ["LAX Airport", "SFO Airport", "Miami Beach", "Downtown Chicago", "JFK Airport"]
                ),
                "pickup_ts": out,
                "return_ts": out + dt.timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 5)),
                "vehicle_vin": car[0],
                "plate_no": car[1],
                "vehicle_desc": car[2],
                "odometer_out": rng.randint(3000, 60000),
                "fuel_out": rng.choice(["F", "7/8", "3/4"]),
                "damage_notes": rng.choice(
                    [
                        None,
                        None,
                        "Scratch rear bumper, pre-existing",
                        "Windshield chip",
                        "Curb rash RF wheel",
                        "Interior smells of smoke - cleaning fee",
                    ]
                ),
                "additional_driver": sometimes(rng, 0.15, fk.name),
                "loyalty_no": sometimes(rng, 0.5, lambda: f"{rng.randint(10**7, 10**8)}"),
                "total_usd": round(rng.uniform(60, 1800), 2),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "rental_agreement_no": NONE,
        "renter_name": PERSON,
        "renter_dob": DOB,
        "driver_license_no": ["US_DRIVER_LICENSE"],
        "dl_state": ANY,
        "dl_expiry": ANY,
        "card_last4": ANY,
        "card_brand": NONE,
        "pickup_branch": NONE,
        "pickup_ts": NONE,
        "return_ts": NONE,
        "vehicle_vin": ["VIN"],
        "plate_no": ANY,
        "vehicle_desc": NONE,
        "odometer_out": NONE,
        "fuel_out": NONE,
        "damage_notes": NONE,
        "additional_driver": PERSON,
        "loyalty_no": ANY,
        "total_usd": NONE,
    }
    return df, labels
