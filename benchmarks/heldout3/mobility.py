"""Movement data: fitness tracks, ride-hailing and taxi trips, fleet telematics, Wi-Fi probes."""

from __future__ import annotations

import math

import pandas as pd

from . import ids
from .common import (
    ANY,
    CITY,
    GEO,
    MAC,
    NONE,
    PERSON,
    STREET,
    VIN,
    Label,
    Table,
    dates,
    rng_faker,
    us_street,
)

# (city, lat, lon) of real cities, so coordinates land on land where people live
CENTRES = [
    ("San Francisco", 37.7749, -122.4194),
    ("Chicago", 41.8781, -87.6298),
    ("Austin", 30.2672, -97.7431),
    ("Boston", 42.3601, -71.0589),
    ("Seattle", 47.6062, -122.3321),
    ("Denver", 39.7392, -104.9903),
    ("Amsterdam", 52.3676, 4.9041),
    ("London", 51.5072, -0.1276),
]


def _polyline(points: list[tuple[float, float]]) -> str:
    """Google's encoded polyline format, as Strava's map.summary_polyline holds it."""
    out = []
    plat = plon = 0
    for lat, lon in points:
        ilat, ilon = round(lat * 1e5), round(lon * 1e5)
        for delta in (ilat - plat, ilon - plon):
            v = ~(delta << 1) if delta < 0 else delta << 1
            while v >= 0x20:
                out.append(chr((0x20 | (v & 0x1F)) + 63))
                v >>= 5
            out.append(chr(v + 63))
        plat, plon = ilat, ilon
    return "".join(out)


def strava_activities() -> Table:
    rng, _ = rng_faker(401)
    n = 800
    athletes = [(rng.randint(10**6, 10**8), rng.choice(CENTRES)) for _ in range(40)]
    rows = []
    for t in dates(rng, n, "2024-03-01", "2025-05-31"):
        aid, (_, clat, clon) = rng.choice(athletes)
        home = (clat + rng.uniform(-0.05, 0.05), clon + rng.uniform(-0.05, 0.05))
        kind = rng.choice(["Run", "Run", "Ride", "Walk", "Hike"])
        dist = rng.uniform(2000, 42000) if kind != "Walk" else rng.uniform(1000, 8000)
        pts = [home]
        for _ in range(rng.randint(8, 20)):
            a = rng.uniform(0, 2 * math.pi)
            lat, lon = pts[-1]
            pts.append((lat + 0.004 * math.sin(a), lon + 0.004 * math.cos(a)))
        hr = rng.randint(120, 175) if rng.random() < 0.7 else None
        rows.append(
            {
                "activity_id": rng.randint(10**9, 10**10),
                "athlete_id": aid,
                "name": f"{rng.choice(['Morning', 'Lunch', 'Afternoon', 'Evening'])} {kind}",
                "type": kind,
                "start_date_local": t,
                "distance": round(dist, 1),
                "moving_time": int(dist / rng.uniform(2.5, 7)),
                "total_elevation_gain": round(rng.uniform(0, 600), 1),
                "start_lat": round(pts[0][0], 6),
                "start_lng": round(pts[0][1], 6),
                "end_latlng": f"[{pts[-1][0]:.6f}, {pts[-1][1]:.6f}]",
                "average_heartrate": hr,
                "max_heartrate": hr + rng.randint(10, 30) if hr else None,
                "kudos_count": rng.randint(0, 40),
                "map.summary_polyline": _polyline(pts),
                "gear_id": rng.choice(["g1029384", "g5567120", "b8812345", None]),
                "device_name": rng.choice(
                    [
                        "Garmin Forerunner 255",
                        "Apple Watch Series 9",
                        "Wahoo ELEMNT BOLT",
                        "Strava iPhone App",
                    ]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "activity_id": NONE,
        "athlete_id": ANY,
        "name": NONE,
        "type": NONE,
        "start_date_local": NONE,
        "distance": NONE,
        "moving_time": NONE,
        "total_elevation_gain": NONE,
        "start_lat": GEO,
        "start_lng": GEO,
        "end_latlng": GEO,
        # heart rate during sport: health-adjacent, a reviewer may go either way
        "average_heartrate": ANY,
        "max_heartrate": ANY,
        "kudos_count": NONE,
        # the route, encoded: it starts and ends at the athlete's door
        "map.summary_polyline": GEO,
        "gear_id": NONE,
        "device_name": NONE,
    }
    return df, labels


def rideshare_trips() -> Table:
    rng, fake = rng_faker(402)
    n = 500
    usc = [c for c in CENTRES if c[0] not in ("Amsterdam", "London")]
    rows = []
    for t in dates(rng, n, "2022-01-01", "2025-05-01"):
        city, clat, clon = rng.choice(usc)
        blat, blon = clat + rng.uniform(-0.08, 0.08), clon + rng.uniform(-0.08, 0.08)
        dlat, dlon = clat + rng.uniform(-0.08, 0.08), clon + rng.uniform(-0.08, 0.08)
        dur = rng.randint(6, 55)
        st = {
            "San Francisco": "CA",
            "Chicago": "IL",
            "Austin": "TX",
            "Boston": "MA",
            "Seattle": "WA",
            "Denver": "CO",
        }[city]
        rows.append(
            {
                "City": city,
                "Product Type": rng.choice(["UberX", "UberX", "Comfort", "UberXL", "Uber Pool"]),
                "Trip or Order Status": rng.choice(["COMPLETED"] * 9 + ["CANCELED"]),
                "Request Time": t.strftime("%Y-%m-%d %H:%M:%S +0000 UTC"),
                "Begin Trip Time": (t + pd.Timedelta(minutes=4)).strftime(
                    "%Y-%m-%d %H:%M:%S +0000 UTC"
                ),
                "Begin Trip Lat": round(blat, 7),
                "Begin Trip Lng": round(blon, 7),
                "Begin Trip Address": f"{us_street(rng, fake)}, {city}, {st} "
                f"{rng.randint(10000, 99999)}, US",
                "Dropoff Time": (t + pd.Timedelta(minutes=4 + dur)).strftime(
                    "%Y-%m-%d %H:%M:%S +0000 UTC"
                ),
                "Dropoff Lat": round(dlat, 7),
                "Dropoff Lng": round(dlon, 7),
                "Dropoff Address": f"{us_street(rng, fake)}, {city}, {st} "
                f"{rng.randint(10000, 99999)}, US",
                "Distance (miles)": round(rng.uniform(0.8, 18), 2),
                "Fare Amount": round(rng.uniform(7, 70), 2),
                "Fare Currency": "USD",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "City": CITY,
        "Product Type": NONE,
        "Trip or Order Status": NONE,
        "Request Time": NONE,
        "Begin Trip Time": NONE,
        "Begin Trip Lat": GEO,
        "Begin Trip Lng": GEO,
        "Begin Trip Address": STREET,
        "Dropoff Time": NONE,
        "Dropoff Lat": GEO,
        "Dropoff Lng": GEO,
        "Dropoff Address": STREET,
        "Distance (miles)": NONE,
        "Fare Amount": NONE,
        "Fare Currency": NONE,
    }
    return df, labels


def nyc_taxi_trips() -> Table:
    rng, _ = rng_faker(403)
    n = 2000
    rows = []
    for t in dates(rng, n, "2024-01-01", "2024-01-31 23:59"):
        dist = round(rng.expovariate(1 / 3.0), 2)
        fare = round(3 + dist * 2.5 + rng.uniform(0, 4), 2)
        tip = round(fare * rng.choice([0, 0.15, 0.2, 0.25]), 2)
        rows.append(
            {
                "VendorID": rng.choice([1, 2]),
                "tpep_pickup_datetime": t,
                "tpep_dropoff_datetime": t + pd.Timedelta(minutes=rng.randint(2, 60)),
                "passenger_count": rng.choice([1, 1, 1, 2, 3, 5, None]),
                "trip_distance": dist,
                "RatecodeID": rng.choice([1, 1, 1, 2, 5]),
                "store_and_fwd_flag": rng.choice(["N"] * 20 + ["Y"]),
                "PULocationID": rng.randint(1, 265),
                "DOLocationID": rng.randint(1, 265),
                "payment_type": rng.choice([1, 1, 2, 3, 4]),
                "fare_amount": fare,
                "extra": rng.choice([0.0, 0.5, 1.0, 2.5]),
                "mta_tax": 0.5,
                "tip_amount": tip,
                "tolls_amount": rng.choice([0.0] * 10 + [6.94]),
                "improvement_surcharge": 1.0,
                "total_amount": round(fare + tip + 1.5, 2),
                "congestion_surcharge": rng.choice([0.0, 2.5]),
                "Airport_fee": rng.choice([0.0] * 12 + [1.75]),
            }
        )
    df = pd.DataFrame(rows)
    return df, {c: NONE for c in df.columns}


def fleet_telematics() -> Table:
    rng, fake = rng_faker(404)
    n = 1800
    fleet = []
    for _ in range(30):
        _c, clat, clon = rng.choice(CENTRES[:6])
        fleet.append(
            (
                ids.vin(rng),
                f"86{rng.randint(10**12, 10**13 - 1)}",
                fake.name(),
                f"{rng.randint(1, 9)}{fake.bothify('???###').upper()}",
                clat,
                clon,
            )
        )
    rows = []
    for t in sorted(dates(rng, n, "2025-05-01", "2025-05-07")):
        v, imei, driver, plate, clat, clon = rng.choice(fleet)
        rows.append(
            {
                "eventTime": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "vehicleVin": v,
                "deviceImei": imei,
                "driverName": driver,
                "licensePlate": plate,
                "latitude": round(clat + rng.uniform(-0.2, 0.2), 5),
                "longitude": round(clon + rng.uniform(-0.2, 0.2), 5),
                "speedKph": round(max(0.0, rng.gauss(45, 25)), 1),
                "headingDeg": rng.randint(0, 359),
                "odometerKm": rng.randint(10000, 250000),
                "fuelLevelPct": rng.randint(5, 100),
                "engineRpm": rng.randint(700, 3500),
                "harshBrake": rng.random() < 0.03,
                "ignitionOn": rng.random() < 0.9,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "eventTime": NONE,
        "vehicleVin": VIN,
        "deviceImei": ANY,
        "driverName": PERSON,
        "licensePlate": ANY,
        "latitude": GEO,
        "longitude": GEO,
        "speedKph": NONE,
        "headingDeg": NONE,
        "odometerKm": NONE,
        "fuelLevelPct": NONE,
        "engineRpm": NONE,
        "harshBrake": NONE,
        "ignitionOn": NONE,
    }
    return df, labels


def wifi_probe_log() -> Table:
    rng, fake = rng_faker(405)
    n = 1500
    # the venue's own access points: a handful of one vendor's radios, not people's devices
    aps = [
        f"00:1a:1e:{rng.randint(0, 255):02x}:{rng.randint(0, 255):02x}:{rng.randint(0, 255):02x}"
        for _ in range(6)
    ]
    clients = [fake.mac_address() for _ in range(400)]
    ssids = [
        "",
        "",
        "",
        "eduroam",
        "Starbucks WiFi",
        "xfinitywifi",
        f"{fake.first_name()}'s iPhone",
        "NETGEAR47",
        f"{fake.first_name()}s-Galaxy",
    ]
    rows = []
    for t in dates(rng, n, "2025-05-10 08:00", "2025-05-10 22:00"):
        rows.append(
            {
                "sensor_id": rng.choice(["mall-l1-n", "mall-l1-s", "mall-l2-food"]),
                "ap_bssid": rng.choice(aps),
                "client_mac": rng.choice(clients),
                "rssi_dbm": rng.randint(-92, -35),
                "probed_ssid": rng.choice(ssids),
                "seen_at": t.strftime("%Y-%m-%d %H:%M:%S"),
                "channel": rng.choice([1, 6, 11, 36, 44]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "sensor_id": NONE,
        "ap_bssid": NONE,
        "client_mac": MAC,
        "rssi_dbm": NONE,
        "probed_ssid": ANY,
        "seen_at": NONE,
        "channel": NONE,
    }
    return df, labels
