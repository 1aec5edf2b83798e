# ruff: noqa: E501
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Tables with no personal data: catalogue, weather, prices, telemetry, stores, inventory."""

from __future__ import annotations

import datetime as dt
import math
import random

import pandas as pd
from faker import Faker

from .common import ANY, NONE, Label, Table, mess
from .ids import ean13, isin

ADJ = ["Classic", "Ultra", "Eco", "Pro", "Compact", "Deluxe", "Essential", "Smart"]
NOUN = [
    ("Water Bottle 750ml", "Kitchen"),
    ("Trail Running Shoe", "Footwear"),
    ("Desk Lamp", "Home Office"),
    ("Yoga Mat", "Fitness"),
    ("Bluetooth Speaker", "Electronics"),
    ("Backpack 28L", "Bags"),
    ("Chef's Knife 8in", "Kitchen"),
    ("Rain Jacket", "Outerwear"),
    ("USB-C Cable 2m", "Electronics"),
]
BRANDS = ["Northwind", "Kestrel", "Aurora Goods", "Tidewater", "Fjordline", "Summit & Co"]


def product_catalogue(seed: int = 801) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _i in range(1500):
        noun, cat = rng.choice(NOUN)
        title = f"{rng.choice(ADJ)} {noun}"
        rows.append(
            {
                "sku": f"{cat[:3].upper()}-{rng.randint(10000, 99999)}",
                "title": title,
                "brand": rng.choice(BRANDS),
                "category": cat,
                "description": f"{title} made from {rng.choice(['recycled materials', 'stainless steel', 'organic cotton', 'aluminium', 'bamboo'])}. {fk.sentence(nb_words=10)}",
                "price": round(rng.uniform(4.99, 249.0), 2),
                "currency": rng.choice(["USD", "EUR", "GBP"]),
                "weight_g": rng.randint(20, 4000),
                "color": rng.choice(["Black", "White", "Navy", "Olive", "Sand", "Red", None]),
                "size": rng.choice(["S", "M", "L", "XL", "One Size", None]),
                "ean13": ean13(rng),
                "stock_qty": rng.randint(0, 900),
                "supplier_code": f"SUP{rng.randint(100, 140)}",
                "created_at": fk.date_time_between(
                    dt.datetime(2020, 1, 1), dt.datetime(2024, 5, 1)
                ).isoformat(),
                "image_url": f"https://cdn.example-store.com/images/{cat.lower().replace(' ', '-')}/{rng.randint(10000, 99999)}.jpg",
                "active": rng.random() < 0.9,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    return df, labels


STATIONS = [
    ("USW00094728", "NY CITY CENTRAL PARK, NY US", 40.77898, -73.96925, 42.7),
    ("USW00023174", "LOS ANGELES INTERNATIONAL AIRPORT, CA US", 33.93816, -118.3866, 29.6),
    ("USW00014739", "BOSTON, MA US", 42.36057, -71.00975, 3.2),
    ("USW00024233", "SEATTLE TACOMA AIRPORT, WA US", 47.4444, -122.3138, 112.8),
    ("USC00050848", "BOULDER, CO US", 39.9919, -105.2667, 1671.5),
]


def weather_observations(seed: int = 802) -> Table:
    rng = random.Random(seed)
    rows = []
    for d in range(400):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=d)
        for st in rng.sample(STATIONS, 4):
            base = 12 + 12 * math.sin((d - 100) / 365 * 2 * math.pi)
            tmax = round(base + rng.gauss(5, 3), 1)
            rows.append(
                {
                    "STATION": st[0],
                    "NAME": st[1],
                    "LATITUDE": st[2],
                    "LONGITUDE": st[3],
                    "ELEVATION": st[4],
                    "DATE": pd.Timestamp(day),
                    "PRCP": round(max(0.0, rng.gauss(0, 6)), 1),
                    "SNOW": 0.0 if tmax > 3 else round(rng.uniform(0, 80), 0),
                    "TMAX": tmax,
                    "TMIN": round(tmax - rng.uniform(4, 12), 1),
                    "AWND": round(rng.uniform(0.5, 9), 1),
                    "WT01": rng.choice([None, None, 1.0]),
                }
            )
    df = pd.DataFrame(rows[:2000])
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    return df, labels


TICKERS = [
    ("AAPL", "037833100", "NASDAQ", "Information Technology"),
    ("MSFT", "594918104", "NASDAQ", "Information Technology"),
    ("JPM", "46625H100", "NYSE", "Financials"),
    ("XOM", "30231G102", "NYSE", "Energy"),
    ("JNJ", "478160104", "NYSE", "Health Care"),
    ("KO", "191216100", "NYSE", "Consumer Staples"),
    ("TSLA", "88160R101", "NASDAQ", "Consumer Discretionary"),
    ("V", "92826C839", "NYSE", "Financials"),
]


def stock_prices(seed: int = 803) -> Table:
    rng = random.Random(seed)
    rows = []
    for t, cusip, ex, sector in TICKERS:
        price = rng.uniform(50, 400)
        for d in range(250):
            day = dt.date(2023, 6, 1) + dt.timedelta(days=d)
            if day.weekday() >= 5:
                continue
            o = price
            price = max(5.0, price * math.exp(rng.gauss(0, 0.015)))
            rows.append(
                {
                    "Date": day.isoformat(),
                    "Ticker": t,
                    "Open": round(o, 2),
                    "High": round(max(o, price) * 1.01, 2),
                    "Low": round(min(o, price) * 0.99, 2),
                    "Close": round(price, 2),
                    "Adj Close": round(price * 0.995, 4),
                    "Volume": rng.randint(10**6, 9 * 10**7),
                    "ISIN": isin("US", cusip),
                    "CUSIP": cusip,
                    "Exchange": ex,
                    "Sector": sector,
                }
            )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    return df, labels


def sensor_telemetry(seed: int = 804) -> Table:
    rng = random.Random(seed)
    rows = []
    start = dt.datetime(2024, 6, 1)
    for i in range(2000):
        rows.append(
            {
                "c1": (start + dt.timedelta(seconds=30 * i)).strftime("%Y-%m-%d %H:%M:%S"),
                "c2": f"S{rng.randint(1, 24):03d}",
                "c3": round(rng.gauss(68, 5), 2),
                "c4": round(rng.uniform(30, 60), 1),
                "c5": round(rng.gauss(1013, 6), 1),
                "c6": round(rng.uniform(3.1, 3.4), 3),
                "c7": rng.choices([0, 1, 2, 17, 255], [90, 4, 3, 2, 1])[0],
                "c8": rng.choice(["v3.2.1", "v3.2.2"]),
                "c9": rng.choice(["ZONE-A", "ZONE-B", "ZONE-C", "LOADING"]),
            }
        )
    df = pd.DataFrame(rows)
    df["c3"] = mess(rng, df["c3"].tolist(), blank=0.02)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    return df, labels


def store_locations(seed: int = 805) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for i in range(500):
        rows.append(
            {
                "store_id": 1000 + i,
                "store_name": f"Northwind Market #{1000 + i}",
                "format": rng.choice(["Supercenter", "Neighborhood", "Express", "Fuel"]),
                "address": fk.street_address(),
                "city": fk.city(),
                "state": fk.state_abbr(),
                "zip": fk.zipcode(),
                "phone": fk.numerify("(###) ###-####"),
                "latitude": round(rng.uniform(25.5, 48.5), 6),
                "longitude": round(rng.uniform(-123.0, -70.5), 6),
                "opening_hours": rng.choice(
                    ["Mo-Su 07:00-23:00", "Mo-Sa 08:00-22:00; Su 09:00-20:00", "24/7"]
                ),
                "opened": fk.date_between(dt.date(1980, 1, 1), dt.date(2023, 1, 1)).isoformat(),
                "sq_ft": rng.randint(8000, 190000),
                "has_pharmacy": rng.random() < 0.4,
                "region": rng.choice(["Northeast", "Southeast", "Midwest", "Southwest", "West"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    labels.update(
        {
            "address": ANY,
            "city": ANY,
            "state": ANY,
            "zip": ANY,
            "phone": ANY,
            "latitude": ANY,
            "longitude": ANY,
        }
    )
    return df, labels


def inventory_movements(seed: int = 806) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for i in range(2000):
        mt = rng.choice(["GR", "GI", "TR", "ADJ", "RET"])
        rows.append(
            {
                "movement_id": 900000 + i,
                "sku": f"{rng.choice(['KIT', 'FOO', 'HOM', 'ELE'])}-{rng.randint(10000, 99999)}",
                "warehouse": rng.choice(["DC01", "DC02", "DC05", "STORE-1042"]),
                "bin_location": f"{rng.choice('ABCDEFG')}-{rng.randint(1, 40):02d}-{rng.randint(1, 6):02d}",
                "qty": rng.randint(1, 500) * (-1 if mt == "GI" else 1),
                "uom": rng.choice(["EA", "CS", "PAL"]),
                "movement_type": mt,
                "reference_doc": f"{rng.choice(['PO', 'SO', 'TO'])}-2024-{rng.randint(1, 99999):05d}",
                "lot_number": f"L{rng.randint(2301, 2424)}{rng.randint(100, 999)}",
                "expiry_date": (dt.date(2024, 7, 1) + dt.timedelta(days=rng.randint(0, 700)))
                if rng.random() < 0.4
                else None,
                "posted_at": fk.date_time_between(dt.datetime(2024, 5, 1), dt.datetime(2024, 6, 1)),
                "unit_cost": round(rng.uniform(0.5, 120), 4),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    return df, labels
