"""Generate the scanner's labelled cases (run once; the output is committed).

    .venv/bin/python tests/data/scan/generate.py

Each case is a data file (CSV or JSON lines; the file's stem is the table name) and a
``<stem>.labels.json`` in the format of ``fakenamegenerator_3000.labels.json``: per column a list
of entities that count as right, ``[]`` for "not personal data", ``"*"`` for "either answer".

Faker (fixed seeds, many locales) makes the people; the rest is written by hand here: the
tables without personal data, lying and meaningless headers, messy values, tickets, JSON. The
hand-made cases in ``handmade/`` are not generated (see its README).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from faker import Faker

HERE = Path(__file__).resolve().parent
N = 200


def write(stem: str, rows: list[dict[str, Any]], labels: dict[str, Any], about: str) -> None:
    path = HERE / f"{stem}.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else v for k, v in r.items()})
    (HERE / f"{stem}.labels.json").write_text(
        json.dumps({"_about": about, **labels}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def write_jsonl(stem: str, rows: list[dict[str, Any]], labels: dict[str, Any], about: str) -> None:
    with (HERE / f"{stem}.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (HERE / f"{stem}.labels.json").write_text(
        json.dumps({"_about": about, **labels}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def rows_of(n: int, make: Callable[[int], dict[str, Any]]) -> list[dict[str, Any]]:
    return [make(i) for i in range(n)]


def dob(fk: Faker) -> date:
    return fk.date_of_birth(minimum_age=18, maximum_age=90)


def de_kunden() -> None:
    fk = Faker("de_DE")
    fk.seed_instance(11)
    rnd = random.Random(11)

    def row(i: int) -> dict[str, Any]:
        sex = rnd.choice(["männlich", "weiblich"])
        first = fk.first_name_male() if sex == "männlich" else fk.first_name_female()
        return {
            "kundennr": 100000 + i,
            "vorname": first,
            "nachname": fk.last_name(),
            "strasse": fk.street_address(),
            "plz": fk.postcode(),
            "ort": fk.city(),
            "telefon": fk.phone_number(),
            "e_mail": fk.email(),
            "geburtsdatum": dob(fk).strftime("%d.%m.%Y"),
            "geschlecht": sex,
            "iban": fk.iban(),
            "umsatz": round(rnd.uniform(10, 5000), 2),
            "kundenstatus": rnd.choice(["aktiv", "inaktiv", "gesperrt"]),
            "erstellt_am": fk.date_time_between("-3y", "now").isoformat(sep=" "),
        }

    write(
        "de_kunden",
        rows_of(N, row),
        {
            "kundennr": [],
            "vorname": ["FIRST_NAME", "PERSON"],
            "nachname": ["LAST_NAME", "PERSON"],
            "strasse": ["STREET_ADDRESS"],
            "plz": ["POSTAL_CODE"],
            "ort": ["LOCATION"],
            "telefon": ["PHONE_NUMBER"],
            "e_mail": ["EMAIL_ADDRESS"],
            "geburtsdatum": ["DATE_OF_BIRTH"],
            "geschlecht": ["GENDER"],
            "iban": ["IBAN_CODE"],
            "umsatz": [],
            "kundenstatus": [],
            "erstellt_am": [],
        },
        "German customer table (Faker de_DE), German headers.",
    )


def fr_clients() -> None:
    fk = Faker("fr_FR")
    fk.seed_instance(12)
    rnd = random.Random(12)

    def row(i: int) -> dict[str, Any]:
        return {
            "id_client": f"C{i:06d}",
            "prenom": fk.first_name(),
            "nom": fk.last_name(),
            "adresse": fk.street_address(),
            "code_postal": fk.postcode(),
            "ville": fk.city(),
            "telephone": fk.phone_number(),
            "courriel": fk.email(),
            "date_de_naissance": dob(fk).strftime("%d/%m/%Y"),
            "numero_securite_sociale": fk.ssn(),
            "montant_ttc": f"{rnd.uniform(5, 900):.2f}",
            "devise": "EUR",
            "canal": rnd.choice(["web", "magasin", "téléphone"]),
        }

    write(
        "fr_clients",
        rows_of(N, row),
        {
            "id_client": [],
            "prenom": ["FIRST_NAME", "PERSON"],
            "nom": ["LAST_NAME", "PERSON"],
            "adresse": ["STREET_ADDRESS"],
            "code_postal": ["POSTAL_CODE"],
            "ville": ["LOCATION"],
            "telephone": ["PHONE_NUMBER"],
            "courriel": ["EMAIL_ADDRESS"],
            "date_de_naissance": ["DATE_OF_BIRTH"],
            "numero_securite_sociale": ["NATIONAL_ID"],
            "montant_ttc": [],
            "devise": [],
            "canal": [],
        },
        "French customer table (Faker fr_FR): NIR social-security numbers, French headers.",
    )


def es_clientes() -> None:
    fk = Faker("es_ES")
    fk.seed_instance(13)
    rnd = random.Random(13)

    def row(i: int) -> dict[str, Any]:
        return {
            "nombre": fk.first_name(),
            "apellidos": f"{fk.last_name()} {fk.last_name()}",
            "direccion": fk.street_address(),
            "codigo_postal": fk.postcode(),
            "ciudad": fk.city(),
            "telefono_movil": fk.phone_number(),
            "correo_electronico": fk.email(),
            "dni": fk.nif(),
            "fecha_nacimiento": dob(fk).isoformat(),
            "sexo": rnd.choice(["Hombre", "Mujer"]),
            "importe": round(rnd.uniform(1, 300), 2),
            "num_pedidos": rnd.randint(0, 40),
        }

    write(
        "es_clientes",
        rows_of(N, row),
        {
            "nombre": ["FIRST_NAME", "PERSON"],
            "apellidos": ["LAST_NAME", "PERSON"],
            "direccion": ["STREET_ADDRESS"],
            "codigo_postal": ["POSTAL_CODE"],
            "ciudad": ["LOCATION"],
            "telefono_movil": ["PHONE_NUMBER"],
            "correo_electronico": ["EMAIL_ADDRESS"],
            "dni": ["NATIONAL_ID"],
            "fecha_nacimiento": ["DATE_OF_BIRTH"],
            "sexo": ["GENDER"],
            "importe": [],
            "num_pedidos": [],
        },
        "Spanish customer table (Faker es_ES): DNI with its check letter, Spanish headers.",
    )


def ko_customers() -> None:
    fk = Faker("ko_KR")
    fk.seed_instance(14)
    rnd = random.Random(14)

    def row(i: int) -> dict[str, Any]:
        return {
            "회원번호": i + 1,
            "이름": fk.name(),
            "이메일": fk.email(),
            "전화번호": fk.phone_number(),
            "주소": fk.address(),
            "우편번호": fk.postcode(),
            "주민등록번호": fk.ssn(),
            "포인트": rnd.randint(0, 50000),
            "가입일": fk.date_time_between("-2y", "now").isoformat(),
        }

    write(
        "ko_customers",
        rows_of(N, row),
        {
            "회원번호": [],
            "이름": ["PERSON"],
            "이메일": ["EMAIL_ADDRESS"],
            "전화번호": ["PHONE_NUMBER"],
            "주소": ["STREET_ADDRESS"],
            "우편번호": ["POSTAL_CODE"],
            "주민등록번호": ["KR_RRN", "NATIONAL_ID"],
            "포인트": [],
            "가입일": [],
        },
        "Korean member table (Faker ko_KR): Hangul headers, resident registration numbers.",
    )


def ja_customers() -> None:
    fk = Faker("ja_JP")
    fk.seed_instance(15)
    rnd = random.Random(15)

    def row(i: int) -> dict[str, Any]:
        return {
            "顧客ID": f"J-{i:05d}",
            "氏名": fk.name(),
            "メールアドレス": fk.email(),
            "電話番号": fk.phone_number(),
            "郵便番号": fk.postcode(),
            "住所": fk.address().replace("\n", " "),
            "生年月日": dob(fk).strftime("%Y年%m月%d日"),
            "会員ランク": rnd.choice(["ゴールド", "シルバー", "ブロンズ"]),
        }

    write(
        "ja_customers",
        rows_of(N, row),
        {
            "顧客ID": [],
            "氏名": ["PERSON"],
            "メールアドレス": ["EMAIL_ADDRESS"],
            "電話番号": ["PHONE_NUMBER"],
            "郵便番号": ["POSTAL_CODE"],
            "住所": ["STREET_ADDRESS"],
            "生年月日": ["DATE_OF_BIRTH"],
            "会員ランク": [],
        },
        "Japanese customer table (Faker ja_JP): Japanese headers and formats.",
    )


def nl_it_pt_mixed() -> None:
    nl, it, br = Faker("nl_NL"), Faker("it_IT"), Faker("pt_BR")
    for i, f in enumerate((nl, it, br)):
        f.seed_instance(20 + i)

    def row(i: int) -> dict[str, Any]:
        return {
            "voornaam": nl.first_name(),
            "achternaam": nl.last_name(),
            "woonplaats": nl.city(),
            "postcode": nl.postcode(),
            "telefoonnummer": nl.phone_number(),
            "codice_fiscale": it.ssn(),
            "cognome": it.last_name(),
            "cpf": br.cpf(),
            "telefone": br.phone_number(),
            "cep": br.postcode(),
        }

    write(
        "nl_it_br_people",
        rows_of(N, row),
        {
            "voornaam": ["FIRST_NAME", "PERSON"],
            "achternaam": ["LAST_NAME", "PERSON"],
            "woonplaats": ["LOCATION"],
            "postcode": ["POSTAL_CODE"],
            "telefoonnummer": ["PHONE_NUMBER"],
            "codice_fiscale": ["NATIONAL_ID"],
            "cognome": ["LAST_NAME", "PERSON"],
            "cpf": ["NATIONAL_ID"],
            "telefone": ["PHONE_NUMBER"],
            "cep": ["POSTAL_CODE"],
        },
        "Dutch, Italian and Brazilian people data (Faker nl_NL, it_IT, pt_BR) side by side.",
    )


def no_pii_orders() -> None:
    fk = Faker("en_US")
    fk.seed_instance(30)
    rnd = random.Random(30)
    products = [
        "Ultra Widget Pro", "Cable 2m USB-C", "Ergo Chair Mesh", "Notebook A5 Dotted",
        "Espresso Beans 1kg", "Desk Lamp LED", "Wireless Mouse", "Monitor Arm Dual",
        "Water Bottle 750ml", "Standing Desk Frame", "Phone Case Clear", "Label Printer",
    ]  # fmt: skip

    def row(i: int) -> dict[str, Any]:
        created = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=rnd.randint(0, 500000))
        return {
            "order_id": 5_000_000 + i,
            "customer_id": rnd.randint(1, 50000),
            "sku": f"{rnd.choice('ABCDEFGH')}{rnd.choice('KLMNPR')}-{rnd.randint(10000, 99999)}",
            "product_name": rnd.choice(products),
            "quantity": rnd.randint(1, 12),
            "unit_price": f"{rnd.uniform(1, 400):.2f}",
            "amount": round(rnd.uniform(1, 4000), 2),
            "currency": rnd.choice(["EUR", "USD", "GBP"]),
            "status": rnd.choice(["pending", "paid", "shipped", "cancelled", "refunded"]),
            "created_at": created.isoformat(),
            "is_gift": rnd.choice(["true", "false"]),
            "tracking_uuid": str(uuid.UUID(int=rnd.getrandbits(128))),
            "checksum_sha256": hashlib.sha256(str(i).encode()).hexdigest(),
            "discount_rate": round(rnd.choice([0, 0.05, 0.1, 0.15]), 2),
            "warehouse_code": rnd.choice(["FRA1", "AMS2", "DUB1", "MAD3"]),
            "weight_kg": round(rnd.uniform(0.1, 30), 3),
            "country_code": rnd.choice(["DE", "FR", "ES", "NL", "IT"]),
            "invoice_number": f"INV-2024-{rnd.randint(100000, 999999)}",
            "barcode_ean13": fk.ean13(),
            "ship_date": (created + timedelta(days=rnd.randint(1, 5))).date().isoformat(),
        }

    write(
        "no_pii_orders",
        rows_of(N, row),
        {k: [] for k in row(0)},
        "An order table with no personal data at all: ids, SKUs, amounts, counts, flags, "
        "timestamps, statuses, currencies, product names, UUIDs, hashes, barcodes.",
    )


def no_pii_metrics() -> None:
    rnd = random.Random(31)

    def row(i: int) -> dict[str, Any]:
        return {
            "id": i + 1,
            "event_type": rnd.choice(["page_view", "click", "purchase", "signup", "logout"]),
            "count": rnd.randint(0, 10000),
            "value": round(rnd.uniform(-50, 50), 4),
            "ratio": round(rnd.random(), 3),
            "ts": 1_700_000_000 + rnd.randint(0, 30_000_000),
            "session_hash": hashlib.md5(str(rnd.random()).encode()).hexdigest(),
            "version": f"{rnd.randint(1, 4)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)}",
            "http_status": rnd.choice([200, 200, 200, 201, 301, 404, 500]),
            "latency_ms": rnd.randint(3, 2500),
            "build_number": rnd.randint(1_000_000_000, 9_999_999_999),
            "amount_text": f"{rnd.uniform(1000, 99999):,.2f}",
            "account_ref": rnd.randint(1_000_000_000, 9_999_999_999),
            "region": rnd.choice(["eu-west-1", "us-east-1", "ap-south-1"]),
            "enabled": rnd.choice([True, False]),
            "score": rnd.randint(1, 5),
            "range_label": rnd.choice(["2019-2020", "2020-2021", "2021-2022"]),
            "part_number": (
                f"{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}-{rnd.randint(10, 99)}"
            ),
        }

    write(
        "no_pii_metrics",
        rows_of(N, row),
        {k: [] for k in row(0)},
        "Telemetry with no personal data: 10-digit build and account numbers that look like "
        "phones, thousand-separated amounts, hashes, version strings, ranges, part numbers.",
    )


def lying_headers() -> None:
    fk = Faker("en_US")
    fk.seed_instance(40)
    intl = [Faker(loc) for loc in ("en_GB", "de_DE", "fr_FR", "it_IT", "nl_NL")]
    for i, f in enumerate(intl):
        f.seed_instance(41 + i)
    rnd = random.Random(40)

    def row(i: int) -> dict[str, Any]:
        f = intl[i % len(intl)]
        return {
            "col1": fk.email(),
            "field_7": f"+{rnd.choice(['44 20', '49 30', '33 1', '39 06', '31 20'])} "
            f"{rnd.randint(1000, 9999)} {rnd.randint(1000, 9999)}",
            "attr": fk.name(),
            "c4": f.iban(),
            "x5": fk.credit_card_number(),
            "data6": dob(fk).isoformat(),
            "misc7": fk.ipv4() if i % 3 else fk.ipv6(),
            "value8": round(rnd.uniform(0, 1000), 2),
            "col9": str(uuid.UUID(int=rnd.getrandbits(128))),
            "col10": rnd.choice(["Basic plan", "Pro plan", "Team plan", "Enterprise"]),
            "col11": rnd.choice(["OK", "FAIL", "RETRY", "SKIP"]),
            "phone": fk.free_email(),
            "email": hashlib.sha256(fk.email().encode()).hexdigest(),
            "notes_x": fk.street_address(),
        }

    write(
        "lying_headers",
        rows_of(N, row),
        {
            "col1": ["EMAIL_ADDRESS"],
            "field_7": ["PHONE_NUMBER"],
            "attr": ["PERSON"],
            "c4": ["IBAN_CODE"],
            "x5": ["CREDIT_CARD"],
            "data6": ["DATE_OF_BIRTH"],
            "misc7": ["IP_ADDRESS"],
            "value8": [],
            "col9": [],
            "col10": [],
            "col11": [],
            "phone": ["EMAIL_ADDRESS"],
            "email": "*",
            "notes_x": ["STREET_ADDRESS"],
        },
        "Headers that lie or mean nothing: the values must decide. `phone` holds emails; "
        "`email` holds SHA-256 hashes (pseudonymised: either answer is acceptable).",
    )


def messy() -> None:
    fk = Faker("en_US")
    fk.seed_instance(50)
    rnd = random.Random(50)

    def maybe(v: Any, p: float) -> Any:
        return v if rnd.random() < p else None

    def row(i: int) -> dict[str, Any]:
        email = fk.email()
        email = rnd.choice([email, email.upper(), f"  {email} ", email.title()])
        card = fk.credit_card_number(card_type=rnd.choice(["visa16", "mastercard"]))
        sep = rnd.choice([" ", "-", ""])
        card_fmt = sep.join(card[k : k + 4] for k in range(0, len(card), 4))
        return {
            "E-Mail": maybe(email, 0.8),
            "Phone Number": maybe(fk.phone_number(), 0.3),
            "card_number": card_fmt,
            "card_no_excel": f"{int(card) / 10**15:.5f}E+15",
            "FULL_NAME": fk.name().upper(),
            "zip": int(fk.zipcode()),
            "SSN": maybe(fk.ssn(), 0.6),
            "DOB": maybe(dob(fk).strftime("%m/%d/%Y"), 0.9),
            "notes": rnd.choice(["", "n/a", "NULL", "-", None]),
            "lat": float(fk.latitude()),
            "lng": float(fk.longitude()),
            "user_agent": fk.user_agent(),
            "last_login_ip": fk.ipv4_public(),
        }

    write(
        "messy",
        rows_of(N, row),
        {
            "E-Mail": ["EMAIL_ADDRESS"],
            "Phone Number": ["PHONE_NUMBER"],
            "card_number": ["CREDIT_CARD"],
            "card_no_excel": ["CREDIT_CARD"],
            "FULL_NAME": ["PERSON"],
            "zip": ["POSTAL_CODE"],
            "SSN": ["US_SSN"],
            "DOB": ["DATE_OF_BIRTH"],
            "notes": [],
            "lat": ["GEO_COORDINATE"],
            "lng": ["GEO_COORDINATE"],
            "user_agent": [],
            "last_login_ip": ["IP_ADDRESS"],
        },
        "Messy values: mixed case and padding, nulls and null-like text, partially filled "
        "columns, cards with spaces/dashes and in spreadsheet scientific notation, zip codes "
        "as integers.",
    )


def tickets() -> None:
    fk = Faker("en_US")
    fk.seed_instance(60)
    rnd = random.Random(60)
    generic = [
        "Restarted the sync worker after the deploy; queue drained within ten minutes.",
        "The export button is greyed out on the reports page in dark mode.",
        "Please add a CSV option to the monthly invoice download.",
        "Search results are slow when filtering by category and date together.",
        "Upgraded the database driver, no further timeouts observed overnight.",
        "The mobile app crashes when rotating the screen on the settings page.",
        "Batch job failed with a timeout, re-ran it manually and it completed.",
        "Feature request: allow bulk editing of product tags in the catalogue.",
    ]

    def body(i: int) -> str:
        kind = i % 5
        if kind == 0:
            return (
                f"Hi, this is {fk.name()}. I was charged twice, please call me on "
                f"{fk.phone_number()}."
            )
        if kind == 1:
            return (
                f"Customer {fk.name()} asked to update the delivery address to "
                f"{fk.street_address()}, {fk.city()}."
            )
        if kind == 2:
            return f"Please send the invoice to {fk.email()} instead of the old address. Thanks!"
        return rnd.choice(generic) + " " + rnd.choice(generic)

    def row(i: int) -> dict[str, Any]:
        return {
            "ticket_id": 90000 + i,
            "subject": rnd.choice(["Billing", "Delivery", "Bug", "Feature request", "Account"]),
            "body": body(i),
            "internal_note": rnd.choice(generic),
            "priority": rnd.choice(["low", "normal", "high"]),
            "created_at": fk.date_time_between("-1y", "now").isoformat(),
        }

    write(
        "support_tickets",
        rows_of(N, row),
        {
            "ticket_id": [],
            "subject": [],
            "body": ["FREE_TEXT_PII"],
            "internal_note": [],
            "priority": [],
            "created_at": [],
        },
        "Support tickets: `body` mixes names, phones, emails and addresses into text; "
        "`internal_note` is free text without personal data.",
    )


def json_profiles() -> None:
    fk = Faker("en_US")
    fk.seed_instance(70)
    rnd = random.Random(70)

    def row(i: int) -> dict[str, Any]:
        return {
            "id": i + 1,
            "profile": json.dumps(
                {"contact": {"email": fk.email(), "phone": fk.phone_number()}, "tier": "gold"}
            ),
            "settings": json.dumps(
                {"theme": rnd.choice(["dark", "light"]), "notifications": rnd.random() < 0.5}
            ),
            "tags": json.dumps(rnd.sample(["new", "vip", "churn-risk", "b2b", "trial"], 2)),
        }

    write(
        "json_columns",
        rows_of(N, row),
        {
            "id": [],
            "profile": ["FREE_TEXT_PII", "EMAIL_ADDRESS", "PHONE_NUMBER"],
            "settings": [],
            "tags": [],
        },
        "JSON text columns: `profile` nests an email and a phone; `settings`, `tags` hold none.",
    )


def us_identifiers() -> None:
    fk = Faker("en_US")
    fk.seed_instance(80)
    rnd = random.Random(80)

    def row(i: int) -> dict[str, Any]:
        return {
            "user_id": i + 1,
            "username": fk.user_name(),
            "password_hash": "$2b$12$"
            + "".join(
                rnd.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                for _ in range(53)
            ),
            "ssn": fk.ssn(),
            "itin": fk.itin(),
            "passport_number": fk.passport_number(),
            "drivers_license": (
                f"{rnd.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{rnd.randint(1000000, 9999999)}"
            ),
            "vin": fk.vin(),
            "mac_address": fk.mac_address(),
            "website": fk.url(),
            "bank_account_number": fk.bban(),
            "swift": fk.swift(),
            "age": rnd.randint(18, 90),
            "signup_source": rnd.choice(["ads", "organic", "referral"]),
        }

    write(
        "us_identifiers",
        rows_of(N, row),
        {
            "user_id": [],
            "username": ["USERNAME"],
            "password_hash": ["PASSWORD"],
            "ssn": ["US_SSN", "NATIONAL_ID"],
            "itin": ["US_ITIN", "NATIONAL_ID"],
            "passport_number": ["US_PASSPORT"],
            "drivers_license": ["US_DRIVER_LICENSE"],
            "vin": ["VIN"],
            "mac_address": ["MAC_ADDRESS"],
            "website": "*",
            "bank_account_number": ["US_BANK_NUMBER"],
            "swift": "*",
            "age": ["AGE"],
            "signup_source": [],
        },
        "US identifiers (Faker en_US): SSN, ITIN, passport, licence, VIN, MAC, bcrypt hashes.",
    )


def synthea_like() -> None:
    """Columns and value styles of Synthea's patients.csv (names with digits appended,
    999-area SSNs, S/X-prefixed licence and passport numbers, upper-case headers)."""
    fk = Faker("en_US")
    fk.seed_instance(90)
    rnd = random.Random(90)

    def row(i: int) -> dict[str, Any]:
        sex = rnd.choice("MF")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        return {
            "Id": str(uuid.UUID(int=rnd.getrandbits(128))),
            "BIRTHDATE": dob(fk).isoformat(),
            "SSN": f"999-{rnd.randint(10, 99)}-{rnd.randint(1000, 9999)}",
            "DRIVERS": f"S999{rnd.randint(10000, 99999)}",
            "PASSPORT": f"X{rnd.randint(10000000, 99999999)}X",
            "PREFIX": "Mr." if sex == "M" else rnd.choice(["Mrs.", "Ms."]),
            "FIRST": f"{first}{rnd.randint(1, 999)}",
            "LAST": f"{fk.last_name()}{rnd.randint(1, 999)}",
            "MARITAL": rnd.choice(["M", "S", ""]),
            "RACE": rnd.choice(["white", "black", "asian", "native", "other"]),
            "GENDER": sex,
            "BIRTHPLACE": f"{fk.city()} {fk.state()} US",
            "ADDRESS": f"{fk.building_number()} {fk.street_name()} {fk.street_suffix()}",
            "CITY": fk.city(),
            "STATE": fk.state(),
            "ZIP": fk.zipcode(),
            "LAT": fk.latitude(),
            "LON": fk.longitude(),
            "HEALTHCARE_EXPENSES": round(rnd.uniform(1000, 900000), 2),
        }

    write(
        "patients",
        rows_of(N, row),
        {
            "Id": "*",
            "BIRTHDATE": ["DATE_OF_BIRTH"],
            "SSN": ["US_SSN", "NATIONAL_ID"],
            "DRIVERS": ["US_DRIVER_LICENSE"],
            "PASSPORT": ["US_PASSPORT"],
            "PREFIX": "*",
            "FIRST": ["FIRST_NAME", "PERSON"],
            "LAST": ["LAST_NAME", "PERSON"],
            "MARITAL": "*",
            "RACE": ["NRP"],
            "GENDER": ["GENDER"],
            "BIRTHPLACE": ["LOCATION"],
            "ADDRESS": ["STREET_ADDRESS"],
            "CITY": ["LOCATION"],
            "STATE": "*",
            "ZIP": ["POSTAL_CODE"],
            "LAT": ["GEO_COORDINATE"],
            "LON": ["GEO_COORDINATE"],
            "HEALTHCARE_EXPENSES": [],
        },
        "Patients in the style of Synthea's patients.csv (Faker en_US values).",
    )


def card_transactions() -> None:
    """Columns of the popular synthetic card-fraud tables: cardholder data next to the
    merchant's location (not personal)."""
    fk = Faker("en_US")
    fk.seed_instance(91)
    rnd = random.Random(91)

    def row(i: int) -> dict[str, Any]:
        return {
            "trans_date_trans_time": fk.date_time_between("-2y", "now").isoformat(sep=" "),
            "cc_num": int(fk.credit_card_number(card_type="visa16")),
            "merchant": f"fraud_{fk.company()}",
            "category": rnd.choice(["grocery_pos", "gas_transport", "shopping_net", "misc_pos"]),
            "amt": round(rnd.uniform(1, 900), 2),
            "first": fk.first_name(),
            "last": fk.last_name(),
            "gender": rnd.choice("MF"),
            "street": fk.street_address(),
            "city": fk.city(),
            "state": fk.state_abbr(),
            "zip": int(fk.zipcode()),
            "lat": float(fk.latitude()),
            "long": float(fk.longitude()),
            "city_pop": rnd.randint(100, 2_000_000),
            "job": fk.job(),
            "dob": dob(fk).isoformat(),
            "trans_num": uuid.UUID(int=rnd.getrandbits(128)).hex,
            "unix_time": 1_370_000_000 + rnd.randint(0, 60_000_000),
            "merch_lat": float(fk.latitude()),
            "merch_long": float(fk.longitude()),
            "is_fraud": rnd.choice([0, 0, 0, 1]),
        }

    write(
        "card_transactions",
        rows_of(N, row),
        {
            "trans_date_trans_time": [],
            "cc_num": ["CREDIT_CARD"],
            "merchant": [],
            "category": [],
            "amt": [],
            "first": ["FIRST_NAME", "PERSON"],
            "last": ["LAST_NAME", "PERSON"],
            "gender": ["GENDER"],
            "street": ["STREET_ADDRESS"],
            "city": ["LOCATION"],
            "state": "*",
            "zip": ["POSTAL_CODE"],
            "lat": ["GEO_COORDINATE"],
            "long": ["GEO_COORDINATE"],
            "city_pop": [],
            "job": "*",
            "dob": ["DATE_OF_BIRTH"],
            "trans_num": [],
            "unix_time": [],
            "merch_lat": [],
            "merch_long": [],
            "is_fraud": [],
        },
        "Card transactions in the style of the public synthetic fraud datasets: card numbers "
        "as integers, terse headers (first, last, long), the merchant's coordinates.",
    )


def spaced_headers() -> None:
    """Title-case headers with spaces and numbers, as spreadsheet exports have them."""
    fk = Faker("en_US")
    fk.seed_instance(92)
    rnd = random.Random(92)

    def row(i: int) -> dict[str, Any]:
        return {
            "Index": i + 1,
            "Customer Id": "".join(rnd.choice("0123456789abcdefABCDEF") for _ in range(15)),
            "First Name": fk.first_name(),
            "Last Name": fk.last_name(),
            "Company": fk.company(),
            "City": fk.city(),
            "Country": fk.country(),
            "Phone 1": fk.phone_number(),
            "Phone 2": fk.phone_number(),
            "Email": fk.email(),
            "Subscription Date": fk.date_between("-3y", "today").isoformat(),
            "Website": fk.url(),
        }

    write(
        "customers_export",
        rows_of(N, row),
        {
            "Index": [],
            "Customer Id": [],
            "First Name": ["FIRST_NAME", "PERSON"],
            "Last Name": ["LAST_NAME", "PERSON"],
            "Company": [],
            "City": ["LOCATION"],
            "Country": "*",
            "Phone 1": ["PHONE_NUMBER"],
            "Phone 2": ["PHONE_NUMBER"],
            "Email": ["EMAIL_ADDRESS"],
            "Subscription Date": [],
            "Website": "*",
        },
        "A customer export with spreadsheet-style headers (spaces, numbered phones).",
    )


def no_pii_adversarial() -> None:
    """Values that look like personal data to a naive matcher: ISBNs and dashed numbers like
    phones, versions like IP addresses, paths and endpoints like URLs, hex like hashes."""
    fk = Faker("en_US")
    fk.seed_instance(93)
    rnd = random.Random(93)

    def row(i: int) -> dict[str, Any]:
        return {
            "col_a": fk.isbn13(),
            "col_b": f"{rnd.randint(0, 9)}.{rnd.randint(0, 30)}.{rnd.randint(0, 99)}."
            f"{rnd.randint(0, 999)}",
            "col_c": f"#{rnd.randint(0, 0xFFFFFF):06x}",
            "col_d": f"/var/log/{fk.word()}/{fk.word()}-{rnd.randint(1, 9)}.log",
            "endpoint": f"https://api.example.com/v{rnd.randint(1, 3)}/{fk.word()}/{i}",
            "col_f": f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
            "col_g": f"1Z{rnd.randint(100, 999)}AA{rnd.randint(10**9, 10**10 - 1)}",
            "col_h": f"${rnd.uniform(1, 99999):,.2f}",
            "col_i": rnd.choice(["en-US", "de-DE", "fr-FR", "es-ES", "ja-JP"]),
            "col_j": rnd.choice(["application/json", "text/csv", "image/png", "text/html"]),
            "col_k": rnd.choice(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"]),
            "col_l": f"{fk.word()}-{rnd.randint(1, 99)}.prod.internal",
            "col_m": hashlib.sha1(str(i).encode()).hexdigest(),
            "col_n": f"#{100000 + i}",
            "col_o": round(rnd.uniform(-20, 40), 1),
            "col_p": rnd.choice(["GET", "POST", "PUT", "DELETE"]),
            "col_q": f"{rnd.randint(100, 999)}-{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"
            f"-{rnd.randint(10, 99)}",
            "col_r": fk.bs().title(),
            "col_s": fk.catch_phrase(),
            "col_t": fk.date_time_between("-2y", "now").strftime("%Y-%m-%dT%H:%M:%SZ"),
        }

    write(
        "no_pii_adversarial",
        rows_of(N, row),
        {**{k: [] for k in row(0)}, "col_q": "*"},
        "No personal data, but values that resemble it (ISBNs, 4-part versions, hex colours, "
        "paths, API endpoints, times, tracking numbers, money, locales, host names, SHA-1, "
        "order numbers, marketing phrases, timestamps) under meaningless column names. "
        "`col_q` (123-456-7890-12 part numbers) is written exactly like a phone number with an "
        "extension: either answer.",
    )


def helpdesk() -> None:
    """Who-columns of a help desk: a handful of agents by first name, assignees and watchers as
    handles, Windows accounts, hosts by first name, comments mentioning users."""
    fk = Faker("en_GB")
    fk.seed_instance(31)
    rnd = random.Random(31)
    agents = [fk.first_name() for _ in range(8)]
    people = [fk.name() for _ in range(60)]
    handles = [
        f"{n.split()[0][0].lower()}{n.split()[-1].lower()}" if k % 2 else
        f"{n.split()[0].lower()}.{n.split()[-1][0].lower()}{rnd.randint(1, 99)}"
        for k, n in enumerate(people[:25])
    ]  # fmt: skip

    def row(i: int) -> dict[str, Any]:
        return {
            "ticket_id": f"HD-{10400 + i}",
            "status": rnd.choice(["open", "pending", "solved", "closed"]),
            "priority": rnd.choice(["low", "normal", "high", "urgent"]),
            "agent": rnd.choice(agents),
            "assignee": rnd.choice(handles),
            "watchers": ", ".join(rnd.sample(handles, rnd.randint(1, 3))),
            "reporter_name": rnd.choice(people),
            "host_name": fk.first_name(),
            "last_logged_on_user": f"CORP\\{rnd.choice(handles)}",
            "comment": (
                f"@{rnd.choice(handles)} can you take a look? the export fails again"
                if i % 3 == 0
                else f"Retried the nightly export job, run {rnd.randint(100, 999)} finished ok"
            ),
            "channel": rnd.choice(["email", "phone", "chat", "web"]),
        }

    write(
        "helpdesk",
        rows_of(N, row),
        {
            "ticket_id": [],
            "status": [],
            "priority": [],
            "channel": [],
            "agent": ["FIRST_NAME", "PERSON"],
            "assignee": ["USERNAME", "PERSON"],
            "watchers": ["USERNAME"],
            "reporter_name": ["PERSON"],
            "host_name": ["FIRST_NAME", "PERSON"],
            "last_logged_on_user": ["USERNAME"],
            "comment": ["FREE_TEXT_PII"],
        },
        "Who-columns of a help desk: eight agents by first name over many rows, assignee and "
        "watcher handles (lists), CORP\\user accounts under last_logged_on_user, host_name "
        "holding first names, comments with @mentions.",
    )


def clinic_it() -> None:
    """An Italian clinic's export: condition flags of several types, SNOMED-tagged conditions,
    abbreviated identifier and contact names, postcodes as integers, Polish-style sex codes."""
    from stdnum.fr import nir

    fk = Faker("it_IT")
    fk.seed_instance(32)
    rnd = random.Random(32)
    conditions = [
        "Essential hypertension (disorder)", "Prediabetes (finding)", "Chronic sinusitis "
        "(disorder)", "Osteoarthritis of hip (disorder)", "Anemia (disorder)",
        "Acute bronchitis (disorder)", "Migraine (disorder)", "Sprain of wrist (disorder)",
    ]  # fmt: skip

    def nir_of() -> str:
        while True:
            base = (
                f"{rnd.choice([1, 2])}{rnd.randint(40, 99):02d}{rnd.randint(1, 12):02d}"
                f"{rnd.randint(1, 95):02d}{rnd.randint(1, 990):03d}{rnd.randint(1, 999):03d}"
            )
            v = base + f"{97 - int(base) % 97:02d}"
            if nir.is_valid(v):
                return v

    def row(i: int) -> dict[str, Any]:
        return {
            "paziente": f"P{5000 + i}",
            "MIDDLE": f"{fk.first_name()}{rnd.randint(1, 999)}",
            "cty": fk.city(),
            "cap": int(fk.postcode()),
            "ph_no": fk.phone_number(),
            "num_secu": nir_of(),
            "płeć": rnd.choice(["K", "M"]),
            "hypertension": rnd.choice([0, 1]),
            "heart_disease": rnd.choice(["Yes", "No"]),
            "has_asthma": rnd.choice(["true", "false"]),
            "smoker": rnd.choice(["yes", "no"]),
            "condition_desc": rnd.choice(conditions),
            "bmi": round(rnd.uniform(17, 38), 1),
            "visit_end": (date.today() - timedelta(days=rnd.randint(30, 60 * 365))).isoformat(),
        }

    write(
        "clinic_it",
        rows_of(N, row),
        {
            "paziente": [],
            "bmi": [],
            "visit_end": [],
            "MIDDLE": ["FIRST_NAME", "PERSON"],
            "cty": ["LOCATION"],
            "cap": ["POSTAL_CODE"],
            "ph_no": ["PHONE_NUMBER"],
            "num_secu": ["NATIONAL_ID"],
            "płeć": ["GENDER"],
            "hypertension": ["HEALTH_DATA"],
            "heart_disease": ["HEALTH_DATA"],
            "has_asthma": ["HEALTH_DATA"],
            "smoker": ["HEALTH_DATA"],
            "condition_desc": ["HEALTH_DATA"],
        },
        "An Italian clinic's export: condition flags as 0/1, Yes/No, true/false; SNOMED-tagged "
        "conditions; middle names with digits appended; cty, cap (integers), ph_no, num_secu "
        "(French NIR with its key); płeć K/M; visit end dates reaching back decades (not "
        "birth dates).",
    )


def ops_inventory() -> None:
    """No personal data: pods, builds, sites, servers and record dates that a naive scanner
    reads as addresses, phones, coordinates, names and birth dates."""
    rnd = random.Random(33)
    services = ["checkout-api", "cart", "payments-worker", "layout-renderer", "search"]
    sites = [(52.5200, 13.4050), (48.8566, 2.3522), (41.3874, 2.1686), (59.3293, 18.0686)]

    def row(i: int) -> dict[str, Any]:
        lat, lon = rnd.choice(sites)
        return {
            "pod": f"{rnd.choice(services)}-{rnd.randint(10**8, 10**9)}-"
            f"{rnd.randint(10**4, 10**5):x}",
            "os_build": f"10.0.{rnd.randint(17000, 22999)}",
            "site_lat": lat,
            "site_lon": lon,
            "host": f"ip-10-0-{rnd.randint(0, 9)}-{rnd.randint(1, 254)}",
            "hostName": rnd.choice(["frontend", "backend", "gateway", "replica", "batch"]),
            "contact": rnd.choice(["cellular", "unknown", "telephone"]),
            "office_name": rnd.choice(["Remote", "HQ-3F", "Austin", "Lisbon"]),
            "condition": rnd.choice(["New", "Used", "Refurbished"]),
            "STOP": (date.today() - timedelta(days=rnd.randint(10, 70 * 365))).isoformat(),
            "end_date": (date.today() - timedelta(days=rnd.randint(1, 40 * 365))).isoformat(),
            "market_cap": rnd.randint(10**6, 10**11),
            "stroke_width": rnd.randint(1, 4),
        }

    write(
        "ops_inventory",
        rows_of(N, row),
        {k: [] for k in row(0)},
        "No personal data: Kubernetes pod names, OS builds, four sites' coordinates repeated, "
        "server hosts, a contact-channel category, office names, item condition, record "
        "stop/end dates reaching back decades, market caps, stroke widths.",
    )


def main() -> None:
    for make in (
        de_kunden, fr_clients, es_clientes, ko_customers, ja_customers, nl_it_pt_mixed,
        no_pii_orders, no_pii_metrics, lying_headers, messy, tickets, json_profiles,
        us_identifiers, synthea_like, card_transactions, spaced_headers, no_pii_adversarial,
        helpdesk, clinic_it, ops_inventory,
    ):  # fmt: skip
        make()
        print("wrote", make.__name__)


if __name__ == "__main__":
    main()
