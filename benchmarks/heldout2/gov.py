# ruff: noqa: E501, B023
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Government open data shapes: voter rolls, registries, permits, inspections, tickets, 311, assessor."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
from faker import Faker

from .common import (
    ANY,
    CITY,
    FIRST,
    GENDER,
    GEO,
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    US_STATES,
    Label,
    Table,
    mess,
    sometimes,
)
from .ids import vin

NC_COUNTIES = [
    "WAKE",
    "DURHAM",
    "MECKLENBURG",
    "GUILFORD",
    "FORSYTH",
    "BUNCOMBE",
    "ORANGE",
    "NEW HANOVER",
]
NC_CITIES = [
    "RALEIGH",
    "DURHAM",
    "CHARLOTTE",
    "GREENSBORO",
    "WINSTON SALEM",
    "ASHEVILLE",
    "CARY",
    "WILMINGTON",
    "CHAPEL HILL",
]


def voter_roll(seed: int = 101) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    n = 1500
    rows = []
    for _i in range(n):
        female = rng.random() < 0.53
        first = (fk.first_name_female() if female else fk.first_name_male()).upper()
        born = fk.date_of_birth(minimum_age=18, maximum_age=96)
        status = rng.choices(["A", "I", "R", "D"], [80, 12, 5, 3])[0]
        rows.append(
            {
                "county_desc": rng.choice(NC_COUNTIES),
                "voter_reg_num": f"{rng.randint(1, 999999999):012d}",
                "ncid": f"{rng.choice(['AA', 'BN', 'CW', 'DL', 'EH'])}{rng.randint(1000, 999999)}",
                "last_name": fk.last_name().upper(),
                "first_name": first,
                "middle_name": sometimes(
                    rng,
                    0.8,
                    lambda: (fk.first_name_female() if female else fk.first_name_male()).upper(),
                ),
                "name_suffix_lbl": rng.choices([None, "JR", "SR", "II", "III"], [90, 5, 2, 2, 1])[
                    0
                ],
                "status_cd": status,
                "voter_status_desc": {
                    "A": "ACTIVE",
                    "I": "INACTIVE",
                    "R": "REMOVED",
                    "D": "DENIED",
                }[status],
                "res_street_address": fk.street_address().upper().replace(".", ""),
                "res_city_desc": rng.choice(NC_CITIES),
                "state_cd": "NC",
                "zip_code": str(rng.randint(27006, 28909)),
                "full_phone_number": sometimes(
                    rng,
                    0.45,
                    lambda: (
                        f"({rng.randint(252, 980)}){rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
                    ),
                ),
                "race_code": rng.choices(
                    ["W", "B", "A", "I", "M", "O", "U"], [60, 21, 3, 1, 2, 4, 9]
                )[0],
                "ethnic_code": rng.choices(["NL", "HL", "UN"], [75, 7, 18])[0],
                "party_cd": rng.choices(
                    ["DEM", "REP", "UNA", "LIB", "GRE"], [33, 30, 35, 1.5, 0.5]
                )[0],
                "gender_code": rng.choices(["F", "M", "U"], [52, 44, 4])[0]
                if rng.random() > 0.02
                else " ",
                "birth_age": (dt.date(2024, 1, 1) - born).days // 365,
                "birth_year": born.year,
                "birth_state": rng.choices(
                    ["NC", "NY", "VA", "SC", "PA", "OC", None], [50, 8, 8, 7, 5, 4, 18]
                )[0],
                "drivers_lic": rng.choices(["Y", "N"], [85, 15])[0],
                "registr_dt": fk.date_between(dt.date(1970, 1, 1), dt.date(2023, 12, 1)).strftime(
                    "%m/%d/%Y"
                ),
                "precinct_abbrv": f"{rng.choice(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'])}-{rng.randint(1, 30):02d}",
                "municipality_desc": rng.choice([*NC_CITIES, None]),
                "cong_dist_abbrv": str(rng.randint(1, 14)),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "county_desc": ANY,
        "voter_reg_num": ANY,
        "ncid": ANY,
        "last_name": LAST,
        "first_name": FIRST,
        "middle_name": FIRST,
        "name_suffix_lbl": ANY,
        "status_cd": NONE,
        "voter_status_desc": NONE,
        "res_street_address": STREET,
        "res_city_desc": CITY,
        "state_cd": ANY,
        "zip_code": POSTAL,
        "full_phone_number": PHONE,
        "race_code": ANY,
        "ethnic_code": ANY,
        "party_cd": ["NRP"],
        "gender_code": GENDER,
        "birth_age": ["AGE"],
        "birth_year": ["DATE_OF_BIRTH", "AGE"],
        "birth_state": ANY,
        "drivers_lic": NONE,
        "registr_dt": NONE,
        "precinct_abbrv": NONE,
        "municipality_desc": ANY,
        "cong_dist_abbrv": NONE,
    }
    return df, labels


def business_registry(seed: int = 102) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    agents_corp = [
        "CT CORPORATION SYSTEM",
        "REGISTERED AGENTS INC",
        "NORTHWEST REGISTERED AGENT LLC",
        "CORPORATION SERVICE COMPANY",
        "INCORP SERVICES, INC.",
    ]
    rows = []
    for _i in range(1100):
        typ = rng.choices(
            [
                "Domestic Limited Liability Company",
                "Domestic Profit Corporation",
                "Foreign Profit Corporation",
                "Domestic Nonprofit Corporation",
            ],
            [55, 25, 12, 8],
        )[0]
        corp_agent = rng.random() < 0.3
        rows.append(
            {
                "Entity Name": fk.company().upper() + (" LLC" if "Liability" in typ else ""),
                "Entity Number": f"{rng.choice(['L', 'P', 'N', 'F'])}{rng.randint(10, 24)}{rng.randint(0, 999999):06d}",
                "Entity Type": typ,
                "Status": rng.choices(
                    ["Active", "Inactive", "Administratively Dissolved", "Active/Compliance"],
                    [70, 10, 15, 5],
                )[0],
                "Formation Date": fk.date_between(
                    dt.date(1985, 1, 1), dt.date(2024, 3, 1)
                ).isoformat(),
                "Jurisdiction": rng.choices(["FL", "DE", "NV", "NY"], [80, 12, 4, 4])[0],
                "Registered Agent Name": rng.choice(agents_corp)
                if corp_agent
                else fk.name().upper(),
                "Registered Agent Address": fk.street_address().upper(),
                "Principal Office City": fk.city().upper(),
                "Principal Zip": fk.zipcode(),
                "Officer Title": rng.choice(["MGR", "AMBR", "P", "PD", "VP", "T", "S", "D"]),
                "Officer Name": fk.last_name().upper()
                + ", "
                + fk.first_name().upper()
                + rng.choice(["", " " + rng.choice("ABCDEJKLMRS")]),
                "Annual Report Due": f"{rng.randint(1, 12):02d}/01/2025",
                "FEI/EIN Number": sometimes(
                    rng, 0.6, lambda: f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"
                )
                or "APPLIED FOR",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Entity Name": NONE,
        "Entity Number": NONE,
        "Entity Type": NONE,
        "Status": NONE,
        "Formation Date": NONE,
        "Jurisdiction": NONE,
        "Registered Agent Name": PERSON,
        "Registered Agent Address": ANY,
        "Principal Office City": ANY,
        "Principal Zip": ANY,
        "Officer Title": NONE,
        "Officer Name": PERSON,
        "Annual Report Due": NONE,
        "FEI/EIN Number": NONE,
    }
    return df, labels


WORK = [
    "Replace water heater like for like",
    "Re-roof, tear off and replace asphalt shingles",
    "Kitchen remodel, no structural changes",
    "New 200A electrical service upgrade",
    "Install rooftop solar PV system 7.2 kW",
    "Demolish detached garage",
    "Interior alterations to tenant space, 2nd floor",
    "New single family dwelling with attached garage",
    "Replace 3 windows, same size",
    "Install new HVAC split system",
    "Deck addition 12x16 rear yard",
    "Sewer lateral repair",
    "Fence 6 ft rear and side yard",
    "Bathroom remodel, relocate toilet",
]


def building_permits(seed: int = 103) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    contractors = [
        fk.company()
        + rng.choice([" Construction", " Roofing", " Electric", " Plumbing LLC", " Solar Inc"])
        for _ in range(60)
    ]
    rows = []
    for _i in range(1000):
        owner_builder = rng.random() < 0.25
        owner = fk.name()
        lat, lon = 30.2672 + rng.uniform(-0.15, 0.15), -97.7431 + rng.uniform(-0.15, 0.15)
        rows.append(
            {
                "permit_number": f"20{rng.randint(19, 24)}-{rng.randint(0, 199999):06d} {rng.choice(['BP', 'EP', 'MP', 'PP'])}",
                "permit_type": rng.choice(
                    [
                        "Building Permit",
                        "Electrical Permit",
                        "Mechanical Permit",
                        "Plumbing Permit",
                        "Demolition Permit",
                    ]
                ),
                "work_description": rng.choice(WORK),
                "address": f"{rng.randint(100, 19999)} {fk.street_name()} {rng.choice(['', 'UNIT ' + str(rng.randint(1, 40))])}".strip().upper(),
                "zip": str(rng.randint(78701, 78759)),
                "applicant_name": owner if owner_builder else rng.choice(contractors),
                "contractor_license": None
                if owner_builder
                else f"{rng.choice(['TECL', 'RMP', 'M'])}{rng.randint(10000, 99999)}",
                "contractor_phone": None if owner_builder else fk.numerify("(512) ###-####"),
                "owner_name": owner,
                "valuation": round(rng.lognormvariate(9.5, 1.2), 2),
                "issued_date": fk.date_between(
                    dt.date(2019, 1, 1), dt.date(2024, 6, 1)
                ).isoformat(),
                "status": rng.choice(["Issued", "Final", "Expired", "Active", "VOID"]),
                "latitude": round(lat, 6),
                "longitude": round(lon, 6),
                "parcel_id": f"0{rng.randint(100000, 999999)}{rng.randint(1000, 9999)}",
                "council_district": rng.randint(1, 10),
            }
        )
    df = pd.DataFrame(rows)
    df["contractor_phone"] = mess(rng, df["contractor_phone"].tolist(), space=0.05)
    labels: dict[str, Label] = {
        "permit_number": NONE,
        "permit_type": NONE,
        "work_description": NONE,
        "address": STREET,
        "zip": POSTAL,
        "applicant_name": ANY,
        "contractor_license": ANY,
        "contractor_phone": ANY,
        "owner_name": PERSON,
        "valuation": NONE,
        "issued_date": NONE,
        "status": NONE,
        "latitude": GEO,
        "longitude": GEO,
        "parcel_id": ANY,
        "council_district": NONE,
    }
    return df, labels


VIOLATIONS = [
    ("02B", "Hot food item not held at or above 140º F."),
    ("04L", "Evidence of mice or live mice present in facility's food and/or non-food areas."),
    (
        "06C",
        "Food not protected from potential source of contamination during storage, preparation, transportation, display or service.",
    ),
    (
        "08A",
        "Facility not vermin proof. Harborage or conditions conducive to attracting vermin to the premises and/or allowing vermin to exist.",
    ),
    ("10F", "Non-food contact surface improperly constructed. Unacceptable material used."),
    (
        "10B",
        "Plumbing not properly installed or maintained; anti-siphonage or backflow prevention device not provided where required.",
    ),
    (
        "04N",
        "Filth flies or food/refuse/sewage-associated (FRSA) flies present in facility's food and/or non-food areas.",
    ),
]
CUISINES = [
    "American",
    "Chinese",
    "Pizza",
    "Italian",
    "Mexican",
    "Japanese",
    "Caribbean",
    "Bakery",
    "Café/Coffee/Tea",
    "Indian",
    "Thai",
    "Korean",
]


def restaurant_inspections(seed: int = 104) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    places = []
    for _ in range(220):
        owner_first, owner_last = fk.first_name(), fk.last_name()
        dba = rng.choice(
            [
                f"{owner_first.upper()}'S PIZZA",
                f"{fk.last_name().upper()} DELI",
                fk.company().upper(),
                f"GOLDEN {rng.choice(['DRAGON', 'KRUST', 'STAR'])}",
                f"CAFE {fk.city().upper()}",
            ]
        )
        places.append(
            (
                str(rng.randint(30000000, 50999999)),
                dba,
                rng.choice(["Manhattan", "Brooklyn", "Queens", "Bronx", "Staten Island"]),
                str(rng.randint(1, 2999)),
                fk.street_name().upper(),
                str(rng.randint(10001, 11697)),
                fk.numerify("718#######"),
                rng.choice(CUISINES),
                owner_first,
                owner_last,
                40.7 + rng.uniform(-0.1, 0.15),
                -73.9 + rng.uniform(-0.12, 0.1),
            )
        )
    rows = []
    for _ in range(800):
        p = rng.choice(places)
        code, desc = rng.choice(VIOLATIONS)
        score = rng.randint(0, 60)
        rows.append(
            {
                "camis": p[0],
                "dba": p[1],
                "boro": p[2],
                "building": p[3],
                "street": p[4],
                "zipcode": p[5],
                "phone": p[6],
                "cuisine_description": p[7],
                "inspection_date": fk.date_between(
                    dt.date(2021, 1, 1), dt.date(2024, 5, 1)
                ).strftime("%m/%d/%Y"),
                "action": rng.choice(
                    [
                        "Violations were cited in the following area(s).",
                        "No violations were recorded at the time of this inspection.",
                        "Establishment re-opened by DOHMH.",
                    ]
                ),
                "violation_code": code,
                "violation_description": desc,
                "score": score,
                "grade": "A"
                if score < 14
                else ("B" if score < 28 else rng.choice(["C", "Z", "P"])),
                "permit_holder_first": p[8],
                "permit_holder_last": p[9],
                "latitude": round(p[10], 9),
                "longitude": round(p[11], 9),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "camis": NONE,
        "dba": NONE,
        "boro": ANY,
        "building": ANY,
        "street": ANY,
        "zipcode": ANY,
        "phone": ANY,
        "cuisine_description": NONE,
        "inspection_date": NONE,
        "action": NONE,
        "violation_code": NONE,
        "violation_description": NONE,
        "score": NONE,
        "grade": NONE,
        "permit_holder_first": FIRST,
        "permit_holder_last": LAST,
        "latitude": ANY,
        "longitude": ANY,
    }
    return df, labels


def parking_citations(seed: int = 105) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    makes = [
        "TOYT",
        "HOND",
        "FORD",
        "NISS",
        "CHEV",
        "BMW",
        "MERZ",
        "VOLK",
        "HYUN",
        "TSLA",
        "KIA",
        "DODG",
    ]
    rows = []
    for _ in range(1500):
        issued = fk.date_time_between(dt.datetime(2023, 1, 1), dt.datetime(2024, 6, 1))
        rows.append(
            {
                "Ticket number": str(rng.randint(1100000000, 4399999999)),
                "Issue Date": pd.Timestamp(issued.date()),
                "Issue time": issued.hour * 100 + issued.minute,
                "RP State Plate": rng.choices(
                    ["CA", "AZ", "TX", "NV", "WA", "OR"], [88, 3, 3, 2, 2, 2]
                )[0],
                "Plate": f"{rng.randint(1, 9)}{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{rng.randint(0, 999):03d}"
                if rng.random() < 0.85
                else fk.license_plate(),
                "Plate Expiry Date": float(rng.choice([202301, 202312, 202406, 202411, 202502]))
                if rng.random() < 0.9
                else None,
                "VIN": vin(rng) if rng.random() < 0.35 else None,
                "Make": rng.choice(makes),
                "Body Style": rng.choices(["PA", "PU", "VN", "TK", "MC"], [80, 8, 6, 4, 2])[0],
                "Color": rng.choice(["BK", "WT", "GY", "SL", "BL", "RD", "GN", "MR"]),
                "Location": f"{rng.randint(1, 20) * 100} {rng.choice(['W', 'E', 'N', 'S'])} {fk.street_name().upper()} {rng.choice(['ST', 'AVE', 'BLVD'])}",
                "Route": f"{rng.choice(['00', '0'])}{rng.randint(100, 699)}",
                "Agency": rng.choice([51, 53, 54, 55, 56]),
                "Violation code": rng.choice(
                    ["80.69BS", "88.13B+", "5204A-", "80.56E4+", "4000A1"]
                ),
                "Violation Description": rng.choice(
                    [
                        "NO PARK/STREET CLEAN",
                        "METER EXP.",
                        "NO EVIDENCE OF REG",
                        "RED ZONE",
                        "PREFERENTIAL PARKING",
                    ]
                ),
                "Fine amount": float(rng.choice([63, 68, 73, 93, 363])),
                "Latitude": round(6440000 + rng.uniform(-40000, 40000), 1),
                "Longitude": round(1840000 + rng.uniform(-40000, 40000), 1),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Ticket number": NONE,
        "Issue Date": NONE,
        "Issue time": NONE,
        "RP State Plate": NONE,
        "Plate": ANY,
        "Plate Expiry Date": NONE,
        "VIN": ["VIN"],
        "Make": NONE,
        "Body Style": NONE,
        "Color": NONE,
        "Location": ANY,
        "Route": NONE,
        "Agency": NONE,
        "Violation code": NONE,
        "Violation Description": NONE,
        "Fine amount": NONE,
        "Latitude": ANY,
        "Longitude": ANY,
    }
    return df, labels


COMPLAINTS = [
    ("Noise - Residential", "Loud Music/Party", "Residential Building/House"),
    ("HEAT/HOT WATER", "ENTIRE BUILDING", "RESIDENTIAL BUILDING"),
    ("Illegal Parking", "Blocked Hydrant", "Street/Sidewalk"),
    ("Blocked Driveway", "No Access", "Street/Sidewalk"),
    ("Street Condition", "Pothole", "Street"),
    ("Rodent", "Rat Sighting", "3+ Family Apt. Building"),
    ("UNSANITARY CONDITION", "PESTS", "RESIDENTIAL BUILDING"),
    ("Water System", "Hydrant Running (WC3)", None),
]
RESOLUTIONS = [
    "The Police Department responded to the complaint and with the information available observed no evidence of the violation at that time.",
    "The Department of Housing Preservation and Development was not able to gain access to inspect the conditions.",
    "The Police Department responded and upon arrival those responsible for the condition were gone.",
    "Service Request status for this request is available on the Department of Transportation's website.",
    "The Department of Sanitation investigated this complaint and found no condition at this location.",
]


def service_requests_311(seed: int = 106) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    boros = {
        "BROOKLYN": "BROOKLYN",
        "BRONX": "BRONX",
        "MANHATTAN": "NEW YORK",
        "QUEENS": "JAMAICA",
        "STATEN ISLAND": "STATEN ISLAND",
    }
    for i in range(1500):
        created = fk.date_time_between(dt.datetime(2023, 6, 1), dt.datetime(2024, 6, 1))
        ctype, desc, loct = rng.choice(COMPLAINTS)
        boro = rng.choice(list(boros))
        street = fk.street_name().upper()
        lat, lon = 40.55 + rng.uniform(0, 0.35), -74.15 + rng.uniform(0, 0.4)
        has_addr = rng.random() < 0.88
        rows.append(
            {
                "Unique Key": 58000000 + i * 7 + rng.randint(0, 6),
                "Created Date": created.strftime("%m/%d/%Y %I:%M:%S %p"),
                "Closed Date": (created + dt.timedelta(hours=rng.randint(1, 300))).strftime(
                    "%m/%d/%Y %I:%M:%S %p"
                )
                if rng.random() < 0.9
                else None,
                "Agency": rng.choice(["NYPD", "HPD", "DOT", "DSNY", "DEP", "DOHMH"]),
                "Complaint Type": ctype,
                "Descriptor": desc,
                "Location Type": loct,
                "Incident Zip": str(rng.randint(10001, 11697)) if has_addr else None,
                "Incident Address": f"{rng.randint(1, 3000)} {street}" if has_addr else None,
                "Street Name": street if has_addr else None,
                "Cross Street 1": fk.street_name().upper() if rng.random() < 0.5 else None,
                "City": boros[boro] if has_addr else None,
                "Borough": boro,
                "Status": rng.choice(
                    ["Closed", "Closed", "Closed", "In Progress", "Open", "Assigned"]
                ),
                "Resolution Description": rng.choice(RESOLUTIONS),
                "Latitude": round(lat, 8) if has_addr else None,
                "Longitude": round(lon, 8) if has_addr else None,
                "Location": f"({lat:.8f}, {lon:.8f})" if has_addr else None,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Unique Key": NONE,
        "Created Date": NONE,
        "Closed Date": NONE,
        "Agency": NONE,
        "Complaint Type": NONE,
        "Descriptor": NONE,
        "Location Type": NONE,
        "Incident Zip": POSTAL,
        "Incident Address": STREET,
        "Street Name": ANY,
        "Cross Street 1": ANY,
        "City": ANY,
        "Borough": ANY,
        "Status": NONE,
        "Resolution Description": NONE,
        "Latitude": GEO,
        "Longitude": GEO,
        "Location": GEO,
    }
    return df, labels


def property_assessor(seed: int = 107) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _ in range(1200):
        kind = rng.random()
        last, first = fk.last_name().upper(), fk.first_name().upper()
        if kind < 0.12:
            owner1 = fk.company().upper() + rng.choice(
                [" LLC", " PROPERTIES LLC", " HOLDINGS INC", " TRUST"]
            )
            owner2 = None
        elif kind < 0.55:
            owner1 = f"{last} {first} {rng.choice('ABCDEJKLMRSTW')}"
            owner2 = f"{last} {fk.first_name().upper()}"
        else:
            owner1 = f"{last} {first}" + rng.choice(
                ["", " & " + fk.first_name().upper(), " " + rng.choice("ABCDEJKLMRSTW")]
            )
            owner2 = None
        site = f"{rng.randint(100, 9999)} {fk.street_name().upper()} {fk.street_suffix().upper()}"
        absentee = rng.random() < 0.2
        lat, lon = 39.95 + rng.uniform(-0.2, 0.2), -82.99 + rng.uniform(-0.2, 0.2)
        rows.append(
            {
                "PARCEL_ID": f"{rng.randint(10, 610):03d}-{rng.randint(0, 999999):06d}-00",
                "OWNER1": owner1,
                "OWNER2": owner2,
                "MAIL_ADDR": fk.street_address().upper() if absentee else site,
                "MAIL_CITY": fk.city().upper() if absentee else "COLUMBUS",
                "MAIL_STATE": rng.choice(US_STATES) if absentee else "OH",
                "MAIL_ZIP": fk.zipcode() if absentee else str(rng.randint(43002, 43240)),
                "SITE_ADDR": site,
                "LAND_USE": rng.choice(
                    [
                        "510 - ONE FAMILY DWLG",
                        "520 - TWO FAMILY DWLG",
                        "550 - CONDO",
                        "500 - VACANT RES",
                        "401 - APARTMENTS 4-19",
                    ]
                ),
                "YEAR_BUILT": rng.randint(1890, 2023) if rng.random() < 0.95 else 0,
                "SQFT": rng.randint(600, 4800),
                "BEDS": rng.randint(1, 6),
                "BATHS": rng.choice([1, 1.5, 2, 2.5, 3, 3.5]),
                "ASSESSED_VALUE": rng.randint(20000, 900000),
                "SALE_PRICE": rng.randint(0, 1200000) if rng.random() < 0.8 else 0,
                "SALE_DATE": fk.date_between(dt.date(1975, 1, 1), dt.date(2024, 3, 1)).strftime(
                    "%Y%m%d"
                ),
                "LAT": round(lat, 6),
                "LON": round(lon, 6),
                "DEED_BOOK": str(rng.randint(1000, 99999)),
                "DEED_PAGE": str(rng.randint(1, 999)),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "PARCEL_ID": ANY,
        "OWNER1": PERSON,
        "OWNER2": PERSON,
        "MAIL_ADDR": STREET,
        "MAIL_CITY": CITY,
        "MAIL_STATE": ANY,
        "MAIL_ZIP": POSTAL,
        "SITE_ADDR": STREET,
        "LAND_USE": NONE,
        "YEAR_BUILT": NONE,
        "SQFT": NONE,
        "BEDS": NONE,
        "BATHS": NONE,
        "ASSESSED_VALUE": NONE,
        "SALE_PRICE": NONE,
        "SALE_DATE": NONE,
        "LAT": GEO,
        "LON": GEO,
        "DEED_BOOK": NONE,
        "DEED_PAGE": NONE,
    }
    return df, labels
