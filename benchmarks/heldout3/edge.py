"""Shapes that trip scanners: wide tables, empty and constant columns, look-alike numbers,
flattened JSON paths, mainframe abbreviations, tool-default headers, logs, wallets."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid

import pandas as pd

from . import ids
from .common import (
    AGE,
    ANY,
    CITY,
    DOB,
    EMAIL,
    GENDER,
    IP,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    TEXT,
    Label,
    Table,
    dates,
    email_of,
    rng_faker,
    sometimes,
    us_phone,
    us_place,
    us_street,
)


def wide_survey() -> Table:
    """A survey platform's wide export: 100 Likert items around a few personal columns."""
    rng, fake = rng_faker(701)
    n = 500
    rows = []
    for t in dates(rng, n, "2025-03-01", "2025-03-31"):
        first, last = fake.first_name(), fake.last_name()
        _, _, zip5 = us_place(rng)
        row: dict[str, object] = {
            "ResponseId": "R_"
            + "".join(
                rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                for _ in range(15)
            ),
            "StartDate": t.strftime("%Y-%m-%d %H:%M:%S"),
            "Duration (in seconds)": rng.randint(120, 3000),
            "Finished": rng.choice([1, 1, 1, 0]),
            "RecipientEmail": (email_of(rng, first, last) if rng.random() < 0.7 else None),
            "IPAddress": fake.ipv4_public(),
            "LocationLatitude": round(rng.uniform(25, 48), 4),
            "LocationLongitude": round(rng.uniform(-122, -71), 4),
            "Q_age": rng.randint(18, 80),
            "Q_gender": rng.choice(["Female", "Male", "Non-binary", "Prefer not to say"]),
            "Q_zip": zip5,
        }
        for q in range(1, 101):
            row[f"Q{q + 1}_{(q % 5) + 1}"] = rng.choice([1, 2, 3, 4, 5, None])
        row["Q_open_feedback"] = rng.choice(
            [
                "",
                "",
                "",
                "More parking please",
                "Great service overall",
                "Prices too high",
                f"Ask for {fake.first_name()} at the front desk, she was wonderful",
                f"Call me about this: {us_phone(rng)}",
            ]
        )
        rows.append(row)
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    labels.update(
        {
            "ResponseId": NONE,
            "RecipientEmail": EMAIL,
            "IPAddress": IP,
            "LocationLatitude": ["GEO_COORDINATE"],
            "LocationLongitude": ["GEO_COORDINATE"],
            "Q_age": AGE,
            "Q_gender": GENDER,
            "Q_zip": POSTAL,
            "Q_open_feedback": TEXT,
        }
    )
    return df, labels


def sparse_nulls_constants() -> Table:
    """A staging table: empty columns, constants, hashes, ids, base64 blobs, one sparse email."""
    rng, fake = rng_faker(702)
    n = 1000
    rows = []
    for i in range(n):
        first, last = fake.first_name(), fake.last_name()
        email = email_of(rng, first, last)
        cfg = json.dumps({"theme": rng.choice(["dark", "light"]), "beta": rng.random() < 0.1})
        rows.append(
            {
                "row_id": i + 1,
                "record_uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "email": None,
                "phone": None,
                "full_name": None,
                "country": "US",
                "source_system": "legacy_crm",
                "is_deleted": False,
                "email_sha256": hashlib.sha256(email.encode()).hexdigest(),
                "settings_b64": base64.b64encode(cfg.encode()).decode(),
                "secondary_email": email if rng.random() < 0.04 else None,
                "loaded_at": "2025-05-01T00:00:00Z",
                "batch_no": 17,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "row_id": NONE,
        "record_uuid": NONE,
        # empty columns hold no one's data, whatever their names promise
        "email": ANY,
        "phone": ANY,
        "full_name": ANY,
        "country": NONE,
        "source_system": NONE,
        "is_deleted": NONE,
        # a plain hash of an e-mail is pseudonymous, still linkable
        "email_sha256": ANY,
        "settings_b64": NONE,
        # four rows in a hundred filled: still a column of e-mail addresses
        "secondary_email": EMAIL,
        "loaded_at": NONE,
        "batch_no": NONE,
    }
    return df, labels


def warehouse_picks() -> Table:
    """Numbers shaped like phones, ZIP codes, SSNs and dates that are none of them."""
    rng, _ = rng_faker(703)
    n = 1500
    rows = []
    for t in dates(rng, n, "2025-04-01", "2025-04-30"):
        rows.append(
            {
                "sku": f"{rng.randint(2000000000, 9999999999)}",
                "upc": f"0{rng.randint(10**10, 10**11 - 1)}",
                "part_no": f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                "order_ref": f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-"
                f"{rng.randint(1000, 9999)}",
                "zone_code": f"{rng.randint(10000, 99999)}",
                "lot_number": t.strftime("%Y%m%d") + f"{rng.randint(0, 99):02d}",
                "bin_location": f"{rng.choice('ABCDEFG')}-{rng.randint(1, 40):02d}-"
                f"{rng.randint(1, 6):02d}",
                "qty_picked": rng.randint(1, 480),
                "weight_g": rng.randint(5, 25000),
                "picked_at": t.strftime("%Y-%m-%d %H:%M:%S"),
                "carrier": rng.choice(["UPS", "FedEx", "USPS", "DHL"]),
                "tracking_no": "1Z"
                + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16)),
            }
        )
    df = pd.DataFrame(rows)
    return df, {c: NONE for c in df.columns}


def crash_reports_flat() -> Table:
    """A crash reporter's events flattened to JSON paths."""
    rng, fake = rng_faker(704)
    n = 900
    errors = [
        "NullPointerException: Attempt to invoke virtual method on a null object reference",
        "IndexError: list index out of range",
        "SIGSEGV in libart.so",
        "TypeError: Cannot read properties of undefined (reading 'map')",
        "OutOfMemoryError: Failed to allocate a 4194320 byte allocation",
    ]
    rows = []
    for t in dates(rng, n, "2025-05-01", "2025-05-31"):
        first, last = fake.first_name(), fake.last_name()
        city, _, _ = us_place(rng)
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        rows.append(
            {
                "event_id": ids.hexstr(rng, 32),
                "timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "device.model": rng.choice(["iPhone15,2", "SM-S918B", "Pixel 8", "iPhone13,4"]),
                "device.os_version": rng.choice(["17.4.1", "14", "16.7.2", "13"]),
                "app.version": rng.choice(["5.2.0", "5.2.1", "5.3.0"]),
                "user.id": uid,
                "user.email": (email_of(rng, first, last) if rng.random() < 0.6 else None),
                "user.username": sometimes(rng, 0.5, lambda: fake.user_name()),
                "contexts.client.ip": fake.ipv4_public() if rng.random() < 0.7 else fake.ipv6(),
                "geo.city": city,
                "geo.country_code": "US",
                "exception.values[0].value": rng.choice(errors),
                "breadcrumbs.values[0].category": rng.choice(["navigation", "http", "ui.click"]),
                "request.url": "https://api.example-shop.com/v2/"
                f"{rng.choice(['cart', 'orders', 'search'])}"
                f"?page={rng.randint(1, 9)}",
                "tags.release": rng.choice(["prod", "beta"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "event_id": NONE,
        "timestamp": NONE,
        "device.model": NONE,
        "device.os_version": NONE,
        "app.version": NONE,
        "user.id": ANY,
        "user.email": EMAIL,
        "user.username": ["USERNAME"],
        "contexts.client.ip": IP,
        "geo.city": CITY,
        "geo.country_code": ANY,
        "exception.values[0].value": NONE,
        "breadcrumbs.values[0].category": NONE,
        "request.url": NONE,
        "tags.release": NONE,
    }
    return df, labels


def core_banking_allcaps() -> Table:
    """A core banking extract with mainframe-style abbreviated headers."""
    rng, fake = rng_faker(705)
    n = 1000
    rows = []
    for t in dates(rng, n, "1940-01-01", "2005-12-31"):
        city, st, zip5 = us_place(rng)
        male = rng.random() < 0.5
        rows.append(
            {
                "CUST_NO": f"{rng.randint(10**9, 10**10 - 1)}",
                "CUST_NM": f"{fake.last_name().upper()} "
                f"{(fake.first_name_male() if male else fake.first_name_female()).upper()}",
                "ADDR_LN1": us_street(rng, fake).upper(),
                "CTY_NM": city.upper(),
                "ST_CD": st,
                "ZIP5": zip5,
                "DOB_DT": t.strftime("%Y%m%d"),
                "SSN_NO": f"{rng.randint(100, 665):03d}{rng.randint(1, 99):02d}"
                f"{rng.randint(1, 9999):04d}",
                "SEX_CD": "M" if male else "F",
                "PH_NBR": f"{rng.randint(201, 989)}{rng.randint(200, 999)}"
                f"{rng.randint(0, 9999):04d}",
                "ACCT_NBR": f"{rng.randint(10**9, 10**12)}",
                "ACCT_TYP_CD": rng.choice(["DDA", "SAV", "CD", "IRA"]),
                "ACCT_OPN_DT": dates(rng, 1, "1990-01-01", "2025-01-01", "%Y%m%d")[0],
                "CUR_BAL_AMT": round(rng.uniform(-200, 90000), 2),
                "BR_CD": f"{rng.randint(1, 250):04d}",
                "RISK_SCR": rng.randint(300, 850),
                "OFCR_CD": rng.choice(["JBK", "MTR", "SLW", "AHN"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "CUST_NO": ANY,
        "CUST_NM": PERSON,
        "ADDR_LN1": STREET,
        "CTY_NM": CITY,
        "ST_CD": ANY,
        "ZIP5": POSTAL,
        "DOB_DT": DOB,
        "SSN_NO": ["US_SSN", "NATIONAL_ID"],
        "SEX_CD": GENDER,
        "PH_NBR": PHONE,
        "ACCT_NBR": ["US_BANK_NUMBER"],
        "ACCT_TYP_CD": NONE,
        "ACCT_OPN_DT": NONE,
        "CUR_BAL_AMT": NONE,
        "BR_CD": NONE,
        # a credit score is personal (financial profiling) but has no entity of its own
        "RISK_SCR": ANY,
        "OFCR_CD": ANY,
    }
    return df, labels


def powerquery_export() -> Table:
    """Headers as a spreadsheet tool names them when the source had none: Column1..Column10."""
    rng, fake = rng_faker(706)
    n = 600
    rows = []
    for t in dates(rng, n, "1950-01-01", "2004-12-31"):
        first, last = fake.first_name(), fake.last_name()
        city, st, zip5 = us_place(rng)
        rows.append(
            {
                "Column1": rng.randint(1, 99999),
                "Column2": f"{first} {last}",
                "Column3": email_of(rng, first, last),
                "Column4": us_phone(rng),
                "Column5": f"{us_street(rng, fake)}",
                "Column6": city,
                "Column7": st,
                "Column8": zip5,
                "Column9": t.strftime("%m/%d/%Y"),
                "Column10": rng.choice(["Active", "Lapsed", "Prospect"]),
                "Column11": round(rng.uniform(0, 2000), 2),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Column1": ANY,
        "Column2": PERSON,
        "Column3": EMAIL,
        "Column4": PHONE,
        "Column5": STREET,
        "Column6": CITY,
        "Column7": ANY,
        "Column8": POSTAL,
        "Column9": DOB,
        "Column10": NONE,
        "Column11": NONE,
    }
    return df, labels


def nginx_access() -> Table:
    rng, fake = rng_faker(707)
    n = 2000
    clients = [fake.ipv4_public() for _ in range(300)] + [fake.ipv6() for _ in range(60)]
    upstreams = [f"10.0.{rng.randint(0, 3)}.{rng.randint(2, 250)}:8080" for _ in range(6)]
    paths = [
        "/",
        "/login",
        "/api/v1/cart",
        "/static/app.js",
        "/products/4411",
        "/search?q=boots",
        "/favicon.ico",
        "/account/orders",
        "/api/v1/checkout",
    ]
    agents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1",
        "curl/8.5.0",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
    ]
    rows = []
    for t in sorted(dates(rng, n, "2025-05-20", "2025-05-21")):
        rows.append(
            {
                "remote_addr": rng.choice(clients),
                "remote_user": "-" if rng.random() < 0.9 else fake.user_name(),
                "time_local": t.strftime("%d/%b/%Y:%H:%M:%S +0000"),
                "request": f"{rng.choice(['GET', 'GET', 'POST'])} {rng.choice(paths)} HTTP/1.1",
                "status": rng.choice([200, 200, 200, 304, 302, 404, 500]),
                "body_bytes_sent": rng.randint(0, 90000),
                "http_referer": rng.choice(
                    ["-", "-", "https://www.google.com/", "https://shop.example.com/"]
                ),
                "http_user_agent": rng.choice(agents),
                "request_time": round(rng.expovariate(10), 3),
                "upstream_addr": rng.choice(upstreams),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "remote_addr": IP,
        "remote_user": ANY,
        "time_local": NONE,
        "request": NONE,
        "status": NONE,
        "body_bytes_sent": NONE,
        "http_referer": NONE,
        "http_user_agent": ANY,
        "request_time": NONE,
        # the site's own back-end servers
        "upstream_addr": NONE,
    }
    return df, labels


def crypto_wallets() -> Table:
    rng, _fake = rng_faker(708)
    n = 700
    rows = []
    for t in dates(rng, n, "2024-01-01", "2025-05-31"):
        rows.append(
            {
                "user_id": rng.randint(10**5, 10**6),
                "asset": rng.choice(["BTC", "BTC", "ETH", "USDT"]),
                "btc_withdrawal_address": ids.btc_address(rng),
                "eth_deposit_address": "0x" + ids.hexstr(rng, 40),
                "tx_hash": ids.hexstr(rng, 64),
                "amount": round(rng.uniform(0.0001, 3), 8),
                "network_fee": round(rng.uniform(0.00001, 0.001), 8),
                "created_at": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "kyc_level": rng.choice([0, 1, 2, 3]),
                "status": rng.choice(["confirmed", "confirmed", "pending", "failed"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "user_id": ANY,
        "asset": NONE,
        "btc_withdrawal_address": ["CRYPTO"],
        "eth_deposit_address": ["CRYPTO"],
        "tx_hash": ANY,
        "amount": NONE,
        "network_fee": NONE,
        "created_at": NONE,
        "kyc_level": NONE,
        "status": NONE,
    }
    return df, labels


def outlook_contacts() -> Table:
    """An address book saved as "Unicode Text" by a spreadsheet: UTF-16 with tabs."""
    rng, fake = rng_faker(709)
    n = 400
    rows = []
    for _ in range(n):
        first, last = fake.first_name(), fake.last_name()
        city, st, zip5 = us_place(rng)
        bday = sometimes(rng, 0.4, lambda: dates(rng, 1, "1950-01-01", "2005-12-31", "%m/%d/%Y")[0])
        rows.append(
            {
                "First Name": first,
                "Middle Name": rng.choice(["", "", "", fake.first_name()]),
                "Last Name": last,
                "Company": rng.choice(["", "", fake.company()]),
                "Job Title": rng.choice(["", "", "Manager", "Nurse", "Teacher"]),
                "E-mail Address": email_of(rng, first, last),
                "Mobile Phone": us_phone(rng),
                "Home Street": sometimes(rng, 0.5, lambda: us_street(rng, fake)),
                "Home City": city,
                "Home State": st,
                "Home Postal Code": zip5,
                "Birthday": bday,
                "Notes": rng.choice(
                    [
                        "",
                        "",
                        "",
                        "met at conference",
                        "Jake's soccer coach",
                        f"wife: {fake.first_name_female()}, kids {fake.first_name()} & "
                        f"{fake.first_name()}",
                        "allergic to nuts",
                    ]
                ),
                "Categories": rng.choice(["", "Family", "Work", "Friends"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "First Name": ["FIRST_NAME", "PERSON"],
        "Middle Name": ANY,
        "Last Name": ["LAST_NAME", "PERSON"],
        "Company": NONE,
        "Job Title": ANY,
        "E-mail Address": EMAIL,
        "Mobile Phone": PHONE,
        "Home Street": STREET,
        "Home City": CITY,
        "Home State": ANY,
        "Home Postal Code": POSTAL,
        "Birthday": DOB,
        "Notes": TEXT,
        "Categories": NONE,
    }
    return df, labels
