# ruff: noqa: E501
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Telco, devices, analytics, app events and a dating app."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import pandas as pd
from faker import Faker

from .common import ANY, FIRST, GENDER, GEO, NONE, Label, Table
from .ids import imei, imsi


def telco_cdr(seed: int = 501) -> Table:
    rng, fk = random.Random(seed), Faker("en_GB")
    fk.seed_instance(seed)
    subs = [(f"447{rng.randint(100000000, 999999999)}", imsi(rng), imei(rng)) for _ in range(300)]
    cells = [(f"{rng.randint(10000, 65535)}", str(rng.randint(1000, 9999))) for _ in range(80)]
    rows = []
    for i in range(2000):
        a = rng.choice(subs)
        typ = rng.choices(["MOC", "MTC", "SMS-MO", "GPRS"], [40, 30, 20, 10])[0]
        b = rng.choice(
            [
                rng.choice(subs)[0],
                f"44{rng.choice(['20', '161', '121', '7'])}{rng.randint(10**7, 10**8)}",
                f"{rng.choice(['33', '49', '1', '91'])}{rng.randint(10**9, 10**10)}",
            ]
        )
        cell, lac = rng.choice(cells)
        start = fk.date_time_between(dt.datetime(2024, 5, 1), dt.datetime(2024, 5, 8))
        rows.append(
            {
                "CDR_ID": f"{start:%Y%m%d}{i:08d}",
                "RECORD_TYPE": typ,
                "CALLING_MSISDN": a[0],
                "CALLED_MSISDN": b if typ != "GPRS" else None,
                "IMSI": a[1],
                "IMEI": a[2],
                "START_TIME": start.strftime("%Y%m%d%H%M%S"),
                "DURATION_SEC": rng.randint(0, 3600) if typ in ("MOC", "MTC") else 0,
                "CELL_ID": cell,
                "LAC": lac,
                "MCC": "234",
                "MNC": rng.choice(["15", "10", "20", "30"]),
                "ROAMING_FLAG": rng.choices(["N", "Y"], [95, 5])[0],
                "CHARGE_GBP": round(rng.uniform(0, 2.5), 4),
                "TERMINATION_CAUSE": rng.choice(["16", "17", "31", "0"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "CDR_ID": NONE,
        "RECORD_TYPE": NONE,
        "CALLING_MSISDN": ["PHONE_NUMBER"],
        "CALLED_MSISDN": ["PHONE_NUMBER"],
        "IMSI": ANY,
        "IMEI": ANY,
        "START_TIME": NONE,
        "DURATION_SEC": NONE,
        "CELL_ID": ANY,
        "LAC": NONE,
        "MCC": NONE,
        "MNC": NONE,
        "ROAMING_FLAG": NONE,
        "CHARGE_GBP": NONE,
        "TERMINATION_CAUSE": NONE,
    }
    return df, labels


def iot_device_log(seed: int = 502) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    devices = [
        (
            f"SN-{rng.choice(['TH', 'GW', 'PM'])}{rng.randint(100000, 999999)}",
            fk.mac_address().upper() if rng.random() < 0.5 else fk.mac_address(),
            rng.choice([fk.ipv4_private(), fk.ipv4_private(), fk.ipv4_public()]),
        )
        for _ in range(120)
    ]
    rows = []
    for _ in range(1500):
        d = rng.choice(devices)
        rows.append(
            {
                "ts": fk.date_time_between(
                    dt.datetime(2024, 6, 1), dt.datetime(2024, 6, 3)
                ).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "device_serial": d[0],
                "mac": d[1] if rng.random() > 0.1 else d[1].replace(":", "-"),
                "ip": d[2],
                "fw_version": rng.choice(["1.4.2", "1.4.3", "2.0.0-rc1", "2.0.1"]),
                "rssi": rng.randint(-95, -30),
                "temp_c": round(rng.gauss(21, 4), 2),
                "humidity": round(rng.uniform(20, 80), 1),
                "battery_pct": rng.randint(0, 100),
                "site": rng.choice(["plant-berlin", "plant-austin", "dc-frankfurt", "warehouse-7"]),
                "event": rng.choices(
                    ["telemetry", "heartbeat", "reboot", "ota_update", "alarm_high_temp"],
                    [70, 20, 4, 3, 3],
                )[0],
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "ts": NONE,
        "device_serial": ANY,
        "mac": ["MAC_ADDRESS"],
        "ip": ["IP_ADDRESS"],
        "fw_version": NONE,
        "rssi": NONE,
        "temp_c": NONE,
        "humidity": NONE,
        "battery_pct": NONE,
        "site": NONE,
        "event": NONE,
    }
    return df, labels


PAGES = [
    "/",
    "/products/organic-tee",
    "/collections/sale",
    "/cart",
    "/checkout",
    "/blog/how-to-wash-wool",
    "/account/login",
    "/search?q=hoodie",
]


def ga4_events(seed: int = 503) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    users = [
        (
            f"{rng.randint(10**8, 2 * 10**9)}.{rng.randint(1690000000, 1717000000)}",
            rng.choice([None, None, None, uuid.UUID(int=rng.getrandbits(128)).hex]),
        )
        for _ in range(400)
    ]
    geos = [
        (
            "Americas",
            "United States",
            "California",
            "San Jose",
            "San Francisco-Oakland-San Jose CA",
        ),
        ("Americas", "United States", "New York", "Brooklyn", "New York, NY"),
        ("Europe", "Germany", "Bavaria", "Munich", "(not set)"),
        ("Europe", "United Kingdom", "England", "Leeds", "(not set)"),
        ("Asia", "India", "Karnataka", "Bengaluru", "(not set)"),
        ("Americas", "Brazil", "State of Sao Paulo", "Sao Paulo", "(not set)"),
    ]
    rows = []
    for _ in range(2000):
        u = rng.choice(users)
        g = rng.choice(geos)
        ts = fk.date_time_between(dt.datetime(2024, 6, 1), dt.datetime(2024, 6, 8))
        page = rng.choice(PAGES)
        if rng.random() < 0.03:
            page = f"/account/reset?email={fk.user_name()}%40gmail.com"
        rows.append(
            {
                "event_date": ts.strftime("%Y%m%d"),
                "event_timestamp": int(ts.timestamp() * 1_000_000),
                "event_name": rng.choice(
                    [
                        "page_view",
                        "session_start",
                        "scroll",
                        "view_item",
                        "add_to_cart",
                        "purchase",
                        "user_engagement",
                    ]
                ),
                "user_pseudo_id": u[0],
                "user_id": u[1],
                "ga_session_id": rng.randint(1717000000, 1717900000),
                "device.category": rng.choice(["mobile", "desktop", "tablet"]),
                "device.mobile_brand_name": rng.choice(
                    ["Apple", "Samsung", "Google", "Xiaomi", "(not set)"]
                ),
                "device.operating_system": rng.choice(["iOS", "Android", "Windows", "Macintosh"]),
                "device.web_info.browser": rng.choice(["Chrome", "Safari", "Firefox", "Edge"]),
                "geo.continent": g[0],
                "geo.country": g[1],
                "geo.region": g[2],
                "geo.city": g[3],
                "geo.metro": g[4],
                "traffic_source.source": rng.choice(
                    ["google", "(direct)", "facebook.com", "newsletter", "bing"]
                ),
                "traffic_source.medium": rng.choice(
                    ["organic", "(none)", "referral", "email", "cpc"]
                ),
                "page_location": f"https://shop.example-store.com{page}",
                "page_referrer": rng.choice(
                    [
                        None,
                        "https://www.google.com/",
                        "https://l.facebook.com/",
                        f"https://shop.example-store.com{rng.choice(PAGES)}",
                    ]
                ),
                "engagement_time_msec": rng.randint(0, 60000),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "event_date": NONE,
        "event_timestamp": NONE,
        "event_name": NONE,
        "user_pseudo_id": ANY,
        "user_id": ANY,
        "ga_session_id": NONE,
        "device.category": NONE,
        "device.mobile_brand_name": NONE,
        "device.operating_system": NONE,
        "device.web_info.browser": NONE,
        "geo.continent": NONE,
        "geo.country": ANY,
        "geo.region": ANY,
        "geo.city": ANY,
        "geo.metro": ANY,
        "traffic_source.source": NONE,
        "traffic_source.medium": NONE,
        "page_location": ANY,
        "page_referrer": ANY,
        "engagement_time_msec": NONE,
    }
    return df, labels


def app_events(seed: int = 504) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    devices: list[dict[str, Any]] = []
    for _ in range(300):
        ios = rng.random() < 0.45
        devices.append(
            {
                "ios": ios,
                "adid": None if ios else str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "idfa": (
                    str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
                    if rng.random() < 0.4
                    else "00000000-0000-0000-0000-000000000000"
                )
                if ios
                else None,
                "idfv": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
                if ios
                else None,
                "android_id": None
                if ios
                else "".join(rng.choice("0123456789abcdef") for _ in range(16)),
                "model": rng.choice(["iPhone14,5", "iPhone15,2", "iPad13,1"])
                if ios
                else rng.choice(["SM-G991B", "Pixel 7", "M2101K6G", "SM-A536B"]),
                "os": (
                    f"iOS {rng.choice(['17.4', '17.5.1', '16.7'])}"
                    if ios
                    else f"Android {rng.choice(['13', '14', '12'])}"
                ),
                "ip": fk.ipv4_public(),
                "home": (fk.latitude(), fk.longitude()),
            }
        )
    rows = []
    for _ in range(1500):
        d = rng.choice(devices)
        la, lo = d["home"]
        has_loc = rng.random() < 0.6
        rows.append(
            {
                "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "created_at": fk.date_time_between(
                    dt.datetime(2024, 6, 1), dt.datetime(2024, 6, 15)
                ),
                "event_name": rng.choice(
                    ["app_open", "screen_view", "purchase", "push_open", "login", "level_up"]
                ),
                "adid": d["adid"],
                "idfa": d["idfa"],
                "idfv": d["idfv"],
                "android_id": d["android_id"],
                "device_model": d["model"],
                "os_version": d["os"],
                "app_version": rng.choice(["5.2.0", "5.2.1", "5.3.0"]),
                "country": rng.choice(["US", "US", "GB", "DE", "BR", "IN"]),
                "carrier": rng.choice(["T-Mobile", "Verizon", "Vodafone", "Jio", "Vivo", None]),
                "lat": round(float(la) + rng.uniform(-0.01, 0.01), 6) if has_loc else None,
                "lng": round(float(lo) + rng.uniform(-0.01, 0.01), 6) if has_loc else None,
                "client_ip": d["ip"],
                "session_length_s": rng.randint(1, 3000),
                "revenue_usd": round(rng.choice([0, 0, 0, 0.99, 4.99]), 2),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "event_id": NONE,
        "created_at": NONE,
        "event_name": NONE,
        "adid": ANY,
        "idfa": ANY,
        "idfv": ANY,
        "android_id": ANY,
        "device_model": NONE,
        "os_version": NONE,
        "app_version": NONE,
        "country": ANY,
        "carrier": NONE,
        "lat": GEO,
        "lng": GEO,
        "client_ip": ["IP_ADDRESS"],
        "session_length_s": NONE,
        "revenue_usd": NONE,
    }
    return df, labels


BIOS = [
    "Coffee snob, dog mom, terrible at karaoke.",
    "Looking for someone to explore hiking trails with.",
    "Engineer by day, amateur chef by night.",
    "Just moved here, show me your favourite taco spot!",
    "Swipe right if you like board games.",
    "Not here for hookups.",
    "",
    "",
]


def dating_profiles(seed: int = 505) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _i in range(1000):
        gender = rng.choices(["woman", "man", "non-binary"], [47, 49, 4])[0]
        first = (
            fk.first_name_female()
            if gender == "woman"
            else (fk.first_name_male() if gender == "man" else fk.first_name())
        )
        bio = rng.choice(BIOS)
        if rng.random() < 0.15:
            bio = rng.choice(
                [
                    f"Not on here much, add me on insta @{first.lower()}{rng.randint(1, 99)}",
                    f"Text me {fk.numerify('###-###-####')} :)",
                    f"{bio} Snap: {first.lower()}_{fk.last_name().lower()}",
                ]
            )
        rows.append(
            {
                "profile_id": uuid.UUID(int=rng.getrandbits(128)).hex[:24],
                "display_name": first,
                "age": rng.randint(18, 64),
                "gender": gender,
                "seeking": rng.choice(["women", "men", "everyone"]),
                "orientation": rng.choices(
                    ["straight", "gay", "bisexual", "lesbian", "queer"], [80, 7, 8, 3, 2]
                )[0],
                "religion": rng.choice(
                    [
                        "Christian",
                        "Catholic",
                        "Jewish",
                        "Muslim",
                        "Hindu",
                        "Agnostic",
                        "Atheist",
                        "Spiritual",
                        None,
                        None,
                    ]
                ),
                "height_cm": rng.randint(150, 200),
                "education": rng.choice(["High school", "Bachelors", "Masters", "PhD", None]),
                "bio": bio,
                "city": rng.choice(
                    ["Austin", "Denver", "Seattle", "Chicago", "Atlanta", "Portland", "Boston"]
                ),
                "distance_km": rng.randint(1, 80),
                "instagram": f"@{first.lower()}{rng.choice(['.', '_', ''])}{fk.word()}{rng.randint(1, 99)}"
                if rng.random() < 0.35
                else None,
                "photo_url": f"https://cdn.matchly-app.com/u/{uuid.UUID(int=rng.getrandbits(128)).hex}/{rng.randint(1, 6)}.jpg",
                "last_active": fk.date_time_between(
                    dt.datetime(2024, 5, 1), dt.datetime(2024, 6, 1)
                ).isoformat(),
                "is_verified": rng.random() < 0.4,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "profile_id": ANY,
        "display_name": FIRST,
        "age": ["AGE"],
        "gender": GENDER,
        "seeking": ANY,
        "orientation": ANY,
        "religion": ["NRP"],
        "height_cm": NONE,
        "education": NONE,
        "bio": ["FREE_TEXT_PII"],
        "city": ANY,
        "distance_km": NONE,
        "instagram": ["USERNAME"],
        "photo_url": ANY,
        "last_active": NONE,
        "is_verified": NONE,
    }
    return df, labels
