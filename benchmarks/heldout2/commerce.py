# ruff: noqa: E501
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Shops, CRM, marketing lists, banking, insurance, and a legacy export with meaningless headers."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import pandas as pd
from faker import Faker

from .common import (
    ANY,
    CITY,
    DOB,
    EMAIL,
    FIRST,
    GENDER,
    GEO,
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    US_CITIES,
    Label,
    Table,
    mess,
    sometimes,
)
from .ids import vin

PRODUCTS = [
    ("Organic Cotton Tee - Black / M", "TEE-BLK-M", 28.0),
    ("Organic Cotton Tee - White / L", "TEE-WHT-L", 28.0),
    ("Canvas Tote Bag", "TOTE-NAT", 18.0),
    ("Wool Beanie - Charcoal", "BEAN-CHR", 32.0),
    ("Gift Card $50", "GC-50", 50.0),
    ("Ceramic Mug 12oz", "MUG-12", 16.5),
    ("Hoodie - Forest / S", "HOOD-FOR-S", 64.0),
]


def shopify_orders(seed: int = 301) -> Table:
    rng, fk = random.Random(seed), Faker(["en_US", "en_CA"])
    fk.seed_instance(seed)
    rows = []
    for i in range(1500):
        first, last = fk.first_name(), fk.last_name()
        same = rng.random() < 0.8
        s_first, s_last = (first, last) if same else (fk.first_name(), fk.last_name())
        addr1, addr2 = (
            fk.street_address(),
            rng.choice(
                [
                    None,
                    None,
                    None,
                    f"Apt {rng.randint(1, 40)}",
                    f"Suite {rng.randint(100, 900)}",
                    f"Unit {rng.randint(1, 20)}",
                ]
            ),
        )
        city, zipc, prov = (
            fk.city(),
            fk.postcode(),
            fk.state_abbr() if hasattr(fk, "state_abbr") else "NY",
        )
        phone = sometimes(
            rng,
            0.6,
            lambda: fk.numerify(rng.choice(["+1##########", "(###) ###-####", "###-###-####"])),
        )
        title, sku, price = rng.choice(PRODUCTS)
        qty = rng.randint(1, 3)
        subtotal = price * qty
        created = fk.date_time_between(dt.datetime(2023, 9, 1), dt.datetime(2024, 6, 1))
        note = None
        r = rng.random()
        if r < 0.08:
            note = rng.choice(
                [
                    f"This is a gift for {fk.first_name()}, please don't include the receipt!",
                    f"Please call {fk.numerify('###-###-####')} when you arrive, buzzer is broken",
                    f"Leave with neighbour {fk.name()} at #{rng.randint(2, 40)} if not home",
                ]
            )
        elif r < 0.25:
            note = rng.choice(
                [
                    "Leave at back door please",
                    "Gift wrap please",
                    "Can you ship before Friday?",
                    "No plastic packaging thanks",
                    "Happy birthday!!",
                ]
            )
        rows.append(
            {
                "Name": f"#{1001 + i}",
                "Email": f"{first.lower()}{rng.choice(['.', '', '_'])}{last.lower()}@{fk.free_email_domain()}",
                "Financial Status": rng.choice(
                    ["paid", "paid", "paid", "refunded", "partially_refunded", "pending"]
                ),
                "Paid at": (created + dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S -0400"),
                "Fulfillment Status": rng.choice(
                    ["fulfilled", "fulfilled", "unfulfilled", "partial"]
                ),
                "Accepts Marketing": rng.choice(["yes", "no"]),
                "Currency": "USD",
                "Subtotal": subtotal,
                "Shipping": rng.choice([0.0, 5.0, 8.95]),
                "Taxes": round(subtotal * 0.08, 2),
                "Total": round(subtotal * 1.08 + 5, 2),
                "Discount Code": rng.choice([None, None, "WELCOME10", "BFCM2023", "FREESHIP"]),
                "Created at": created.strftime("%Y-%m-%d %H:%M:%S -0400"),
                "Lineitem quantity": qty,
                "Lineitem name": title,
                "Lineitem price": price,
                "Lineitem sku": sku,
                "Billing Name": f"{first} {last}",
                "Billing Street": f"{addr1}{', ' + addr2 if addr2 else ''}",
                "Billing Address1": addr1,
                "Billing Address2": addr2,
                "Billing Company": sometimes(rng, 0.05, fk.company),
                "Billing City": city,
                "Billing Zip": f"'{zipc}" if rng.random() < 0.1 else zipc,
                "Billing Province": prov,
                "Billing Country": rng.choice(["US", "US", "US", "CA"]),
                "Billing Phone": phone,
                "Shipping Name": f"{s_first} {s_last}",
                "Shipping Address1": addr1 if same else fk.street_address(),
                "Shipping City": city if same else fk.city(),
                "Shipping Zip": zipc if same else fk.postcode(),
                "Shipping Phone": phone if same else sometimes(rng, 0.5, fk.phone_number),
                "Notes": note,
                "Payment Method": rng.choice(
                    ["Shopify Payments", "PayPal Express Checkout", "Shop Pay", "gift_card"]
                ),
                "Payment Reference": f"c{rng.randint(10**10, 10**11)}.{rng.randint(1, 3)}",
                "Id": 5000000000000 + rng.randint(0, 10**9),
                "Tags": rng.choice([None, "wholesale", "VIP", "first-order", "subscription"]),
                "Risk Level": rng.choices(["Low", "Medium", "High"], [90, 8, 2])[0],
                "Source": rng.choice(["web", "shopify_draft_order", "pos", "580111"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Name": NONE,
        "Email": EMAIL,
        "Financial Status": NONE,
        "Paid at": NONE,
        "Fulfillment Status": NONE,
        "Accepts Marketing": NONE,
        "Currency": NONE,
        "Subtotal": NONE,
        "Shipping": NONE,
        "Taxes": NONE,
        "Total": NONE,
        "Discount Code": NONE,
        "Created at": NONE,
        "Lineitem quantity": NONE,
        "Lineitem name": NONE,
        "Lineitem price": NONE,
        "Lineitem sku": NONE,
        "Billing Name": PERSON,
        "Billing Street": STREET,
        "Billing Address1": STREET,
        "Billing Address2": ANY,
        "Billing Company": NONE,
        "Billing City": CITY,
        "Billing Zip": POSTAL,
        "Billing Province": ANY,
        "Billing Country": ANY,
        "Billing Phone": PHONE,
        "Shipping Name": PERSON,
        "Shipping Address1": STREET,
        "Shipping City": CITY,
        "Shipping Zip": POSTAL,
        "Shipping Phone": PHONE,
        "Notes": ["FREE_TEXT_PII"],
        "Payment Method": NONE,
        "Payment Reference": NONE,
        "Id": NONE,
        "Tags": NONE,
        "Risk Level": NONE,
        "Source": NONE,
    }
    return df, labels


def woocommerce_customers(seed: int = 302) -> Table:
    rng, fk = random.Random(seed), Faker("en_GB")
    fk.seed_instance(seed)
    rows = []
    for i in range(700):
        first, last = fk.first_name(), fk.last_name()
        email = (
            fk.free_email()
            if rng.random() < 0.3
            else f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}"
        )
        user = rng.choice(
            [email.split("@")[0], f"{first.lower()}{rng.randint(1, 999)}", fk.user_name()]
        )
        has_ship = rng.random() < 0.6
        addr, city, pc = fk.street_address().replace("\n", ", "), fk.city(), fk.postcode()
        rows.append(
            {
                "id": 17 + i * 2,
                "date_created": fk.date_time_between(
                    dt.datetime(2019, 1, 1), dt.datetime(2024, 5, 1)
                ).strftime("%Y-%m-%dT%H:%M:%S"),
                "email": email,
                "first_name": first,
                "last_name": last,
                "role": rng.choices(["customer", "subscriber", "shop_manager"], [94, 5, 1])[0],
                "username": user,
                "billing_first_name": first,
                "billing_last_name": last,
                "billing_company": sometimes(rng, 0.1, fk.company) or "",
                "billing_address_1": addr,
                "billing_address_2": rng.choice(["", "", "", f"Flat {rng.randint(1, 30)}"]),
                "billing_city": city,
                "billing_state": rng.choice(
                    ["", "", "Greater London", "West Midlands", "Kent", "Lancashire"]
                ),
                "billing_postcode": pc if rng.random() > 0.05 else pc.lower().replace(" ", ""),
                "billing_country": "GB",
                "billing_email": email,
                "billing_phone": fk.phone_number(),
                "shipping_first_name": first if has_ship else "",
                "shipping_last_name": last if has_ship else "",
                "shipping_address_1": addr if has_ship else "",
                "shipping_city": city if has_ship else "",
                "shipping_postcode": pc if has_ship else "",
                "is_paying_customer": rng.random() < 0.8,
                "avatar_url": f"https://secure.gravatar.com/avatar/{hashlib.md5(email.encode()).hexdigest()}?s=96&d=mm&r=g",
                "orders_count": rng.randint(0, 25),
                "total_spent": f"{rng.uniform(0, 2400):.2f}",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "id": ANY,
        "date_created": NONE,
        "email": EMAIL,
        "first_name": FIRST,
        "last_name": LAST,
        "role": NONE,
        "username": ["USERNAME"],
        "billing_first_name": FIRST,
        "billing_last_name": LAST,
        "billing_company": NONE,
        "billing_address_1": STREET,
        "billing_address_2": ANY,
        "billing_city": CITY,
        "billing_state": ANY,
        "billing_postcode": POSTAL,
        "billing_country": ANY,
        "billing_email": EMAIL,
        "billing_phone": PHONE,
        "shipping_first_name": FIRST,
        "shipping_last_name": LAST,
        "shipping_address_1": STREET,
        "shipping_city": CITY,
        "shipping_postcode": POSTAL,
        "is_paying_customer": NONE,
        "avatar_url": ANY,
        "orders_count": NONE,
        "total_spent": NONE,
    }
    return df, labels


def salesforce_contacts(seed: int = 303) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    def sfid(prefix: str) -> str:
        return prefix + "".join(rng.choice(chars) for _ in range(15))

    owners = [sfid("005") for _ in range(12)]
    accounts = [sfid("001") for _ in range(150)]
    rows = []
    for _ in range(1000):
        first, last = fk.first_name(), fk.last_name()
        desc = None
        r = rng.random()
        if r < 0.2:
            desc = rng.choice(
                [
                    f"Met {first} at Dreamforce. Decision maker is {fk.name()}, follow up in Q3.",
                    f"Prefers calls after 5pm on mobile {fk.numerify('(###) ###-####')}. Assistant {fk.first_name()} screens calls.",
                    f"Former customer at {fk.company()}; wife {fk.first_name_female()} also works in procurement.",
                ]
            )
        elif r < 0.45:
            desc = rng.choice(
                [
                    "Interested in enterprise tier",
                    "Renewal due in March",
                    "Budget frozen until next FY",
                    "Requested pricing sheet",
                    "Inbound from webinar",
                ]
            )
        rows.append(
            {
                "Id": sfid("003"),
                "AccountId": rng.choice(accounts),
                "Salutation": rng.choice(["Mr.", "Ms.", "Mrs.", "Dr.", None, None]),
                "FirstName": first,
                "LastName": last,
                "Title": fk.job(),
                "Email": f"{first[0].lower()}{last.lower()}@{fk.domain_name()}",
                "Phone": fk.numerify(
                    rng.choice(["(###) ###-####", "+1 ### ### ####", "###-###-#### x###"])
                ),
                "MobilePhone": sometimes(rng, 0.5, lambda: fk.numerify("(###) ###-####")),
                "MailingStreet": fk.street_address()
                + rng.choice(["", "\n" + fk.secondary_address()]),
                "MailingCity": fk.city(),
                "MailingState": fk.state(),
                "MailingPostalCode": fk.zipcode(),
                "MailingCountry": rng.choice(["United States", "USA", "US", None]),
                "Birthdate": sometimes(
                    rng, 0.15, lambda: fk.date_of_birth(minimum_age=25, maximum_age=70).isoformat()
                ),
                "LeadSource": rng.choice(
                    [
                        "Web",
                        "Phone Inquiry",
                        "Partner Referral",
                        "Purchased List",
                        "Trade Show",
                        "Other",
                    ]
                ),
                "OwnerId": rng.choice(owners),
                "CreatedDate": fk.date_time_between(
                    dt.datetime(2018, 1, 1), dt.datetime(2024, 5, 1)
                ).strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
                "HasOptedOutOfEmail": rng.choice(["false", "false", "true"]),
                "DoNotCall": rng.choice(["false", "false", "false", "true"]),
                "Description": desc,
                "AssistantName": sometimes(rng, 0.12, fk.name),
                "AssistantPhone": sometimes(rng, 0.1, lambda: fk.numerify("(###) ###-####")),
                "Department": rng.choice(
                    ["Finance", "IT", "Procurement", "Operations", "Marketing", None]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Id": ANY,
        "AccountId": NONE,
        "Salutation": ANY,
        "FirstName": FIRST,
        "LastName": LAST,
        "Title": NONE,
        "Email": EMAIL,
        "Phone": PHONE,
        "MobilePhone": PHONE,
        "MailingStreet": STREET,
        "MailingCity": CITY,
        "MailingState": ANY,
        "MailingPostalCode": POSTAL,
        "MailingCountry": ANY,
        "Birthdate": DOB,
        "LeadSource": NONE,
        "OwnerId": NONE,
        "CreatedDate": NONE,
        "HasOptedOutOfEmail": NONE,
        "DoNotCall": NONE,
        "Description": ["FREE_TEXT_PII"],
        "AssistantName": PERSON,
        "AssistantPhone": PHONE,
        "Department": NONE,
    }
    return df, labels


TZ = [
    ("America/New_York", -5, -4, "NY", 40.71, -74.0),
    ("America/Chicago", -6, -5, "IL", 41.88, -87.63),
    ("America/Los_Angeles", -8, -7, "CA", 34.05, -118.24),
    ("Europe/London", 0, 1, "ENG", 51.51, -0.13),
    ("America/Denver", -7, -6, "CO", 39.74, -104.99),
]


def mailchimp_audience(seed: int = 304) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _ in range(1500):
        tz, gmt, dst, region, la, lo = rng.choice(TZ)
        geo = rng.random() < 0.75
        optin = fk.date_time_between(dt.datetime(2017, 1, 1), dt.datetime(2024, 4, 1))
        addr = None
        if rng.random() < 0.3:
            addr = f"{fk.street_address()}  {fk.city()}  {fk.state_abbr()}  {fk.zipcode()}  US"
        rows.append(
            {
                "Email Address": fk.email(),
                "First Name": sometimes(rng, 0.85, fk.first_name) or "",
                "Last Name": sometimes(rng, 0.7, fk.last_name) or "",
                "Address": addr or "",
                "Phone Number": sometimes(rng, 0.2, fk.phone_number) or "",
                "Birthday": sometimes(
                    rng, 0.25, lambda: f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"
                )
                or "",
                "MEMBER_RATING": rng.randint(1, 5),
                "OPTIN_TIME": optin.strftime("%Y-%m-%d %H:%M:%S"),
                "OPTIN_IP": fk.ipv4_public() if rng.random() < 0.6 else "",
                "CONFIRM_TIME": (optin + dt.timedelta(minutes=rng.randint(1, 600))).strftime(
                    "%Y-%m-%d %H:%M:%S"
                ),
                "CONFIRM_IP": fk.ipv4_public() if rng.random() < 0.9 else fk.ipv6(),
                "LATITUDE": f"{la + rng.uniform(-1.5, 1.5):.7f}" if geo else "",
                "LONGITUDE": f"{lo + rng.uniform(-1.5, 1.5):.7f}" if geo else "",
                "GMTOFF": str(gmt) if geo else "",
                "DSTOFF": str(dst) if geo else "",
                "TIMEZONE": tz if geo else "",
                "CC": ("gb" if region == "ENG" else "us") if geo else "",
                "REGION": region if geo else "",
                "LAST_CHANGED": fk.date_time_between(optin, dt.datetime(2024, 6, 1)).strftime(
                    "%Y-%m-%d %H:%M:%S"
                ),
                "LEID": str(rng.randint(10**8, 10**9)),
                "EUID": "".join(rng.choice("0123456789abcdef") for _ in range(10)),
                "NOTES": rng.choice(
                    [
                        "",
                        "",
                        "",
                        "",
                        "Imported from Shopify",
                        "Webinar attendee 2023",
                        "Do not email before launch",
                    ]
                ),
                "TAGS": rng.choice(
                    ['"Customer"', '"Newsletter"', '"Customer","VIP"', "", '"Lead"']
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Email Address": EMAIL,
        "First Name": FIRST,
        "Last Name": LAST,
        "Address": STREET,
        "Phone Number": PHONE,
        "Birthday": DOB,
        "MEMBER_RATING": NONE,
        "OPTIN_TIME": NONE,
        "OPTIN_IP": ["IP_ADDRESS"],
        "CONFIRM_TIME": NONE,
        "CONFIRM_IP": ["IP_ADDRESS"],
        "LATITUDE": GEO,
        "LONGITUDE": GEO,
        "GMTOFF": NONE,
        "DSTOFF": NONE,
        "TIMEZONE": ANY,
        "CC": ANY,
        "REGION": ANY,
        "LAST_CHANGED": NONE,
        "LEID": ANY,
        "EUID": ANY,
        "NOTES": NONE,
        "TAGS": NONE,
    }
    return df, labels


def bank_transactions(seed: int = 305) -> Table:
    rng = random.Random(seed)
    fk = Faker(["de_DE", "nl_NL", "fr_FR"])
    fk.seed_instance(seed)
    own = [fk["de_DE"].iban() for _ in range(3)]
    companies = [
        ("Stadtwerke München GmbH", "DE48ZZZ00000012345"),
        ("Vodafone GmbH", "DE18ZZZ00000023456"),
        ("REWE Markt GmbH", None),
        ("Amazon EU S.a.r.l.", "LU96ZZZ0000000000000000058"),
        ("Allianz Versicherungs-AG", "DE45ZZZ00000033333"),
        ("Techniker Krankenkasse", "DE20ZZZ00000044444"),
        ("Netflix International B.V.", None),
    ]
    rows = []
    for _i in range(2000):
        person = rng.random() < 0.45
        if person:
            name = fk.name()
            info = rng.choice(
                [
                    f"Miete {rng.choice(['Januar', 'Februar', 'März', 'April', 'Mai'])} Whg {rng.randint(1, 12)}",
                    "Geschenk",
                    f"Danke fuer {rng.choice(['das Essen', 'die Tickets', 'Omas Geburtstag'])}",
                    "Rueckzahlung",
                    f"Gehalt {rng.randint(1, 12):02d}/2024",
                ]
            )
            creditor, mandate = None, None
        else:
            name, creditor = rng.choice(companies)
            info = rng.choice(
                [
                    f"Rechnung {rng.randint(2023000, 2024999)} Kundennr. {rng.randint(100000, 999999)}",
                    "Lastschrift Abschlag Strom",
                    f"Beitrag {rng.randint(1, 12):02d}/2024 Vertrag {rng.randint(10**7, 10**8)}",
                    f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)} Amazon.de",
                ]
            )
            mandate = f"M{rng.randint(10**6, 10**7)}" if creditor else None
        amount = round(rng.uniform(-1500, 3000), 2)
        booked = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 180))
        rows.append(
            {
                "booking_date": booked,
                "value_date": booked + dt.timedelta(days=rng.choice([0, 0, 1, 2])),
                "account_iban": rng.choice(own),
                "amount": amount,
                "currency": "EUR",
                "counterparty_name": name,
                "counterparty_iban": fk.iban() if rng.random() < 0.97 else None,
                "counterparty_bic": fk.swift() if rng.random() < 0.8 else None,
                "remittance_info": info,
                "end_to_end_id": rng.choice(["NOTPROVIDED", f"E2E{rng.randint(10**9, 10**10)}"]),
                "mandate_id": mandate,
                "creditor_id": creditor,
                "transaction_code": rng.choice(["DD", "SCT", "SCT", "CARD", "SDD"]),
                "balance_after": round(rng.uniform(-500, 20000), 2),
                "category": rng.choice(
                    [
                        "Housing",
                        "Utilities",
                        "Groceries",
                        "Income",
                        "Transfers",
                        "Insurance",
                        "Shopping",
                    ]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "booking_date": NONE,
        "value_date": NONE,
        "account_iban": ["IBAN_CODE"],
        "amount": NONE,
        "currency": NONE,
        "counterparty_name": PERSON,
        "counterparty_iban": ["IBAN_CODE"],
        "counterparty_bic": ANY,
        "remittance_info": ANY,
        "end_to_end_id": NONE,
        "mandate_id": NONE,
        "creditor_id": NONE,
        "transaction_code": NONE,
        "balance_after": NONE,
        "category": NONE,
    }
    return df, labels


ICD_INJURY = [
    ("S13.4XXA", "Sprain of ligaments of cervical spine"),
    ("S83.511A", "Sprain of anterior cruciate ligament of right knee"),
    ("S06.0X0A", "Concussion without loss of consciousness"),
    ("S22.32XA", "Fracture of one rib, left side"),
    ("S52.501A", "Unspecified fracture of the lower end of right radius"),
]


def insurance_claims(seed: int = 306) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    adjusters = [fk.name() for _ in range(15)]
    rows = []
    for i in range(1000):
        holder = fk.name()
        injury = rng.random() < 0.3
        code, dx = rng.choice(ICD_INJURY)
        itype = rng.choice(
            ["Single Vehicle Collision", "Multi-vehicle Collision", "Parked Car", "Vehicle Theft"]
        )
        notes = rng.choice(
            [
                f"Spoke with insured {holder}; states other driver ran red light. Witness {fk.name()} ({fk.numerify('###-###-####')}) confirms.",
                f"Claimant treated at {rng.choice(['Mercy General', 'St. Luke', 'County Medical Center'])} for {dx.lower()}. Awaiting records.",
                "Photos received, estimate requested from body shop.",
                "Total loss, salvage assigned.",
                f"Recorded statement taken from {holder.split()[0]}. Police report #{rng.randint(10**6, 10**7)} requested.",
                "Subrogation opened against adverse carrier.",
            ]
        )
        rows.append(
            {
                "claim_id": f"CLM-{2024}-{i + 1:06d}",
                "policy_number": f"{rng.choice(['PA', 'AU', 'HO'])}{rng.randint(10**8, 10**9)}",
                "policyholder": holder,
                "dob": fk.date_of_birth(minimum_age=18, maximum_age=85).isoformat(),
                "claimant_phone": fk.numerify(rng.choice(["###-###-####", "(###) ###-####"])),
                "incident_date": fk.date_between(
                    dt.date(2023, 1, 1), dt.date(2024, 5, 1)
                ).isoformat(),
                "incident_type": itype,
                "incident_city": fk.city(),
                "incident_state": rng.choice(["OH", "PA", "NY", "NC", "VA", "WV", "SC"]),
                "police_report_available": rng.choice(["YES", "NO", "?"]),
                "witnesses": rng.randint(0, 3),
                "vehicle_make": rng.choice(
                    ["Toyota", "Honda", "Ford", "Chevrolet", "Nissan", "BMW", "Subaru"]
                ),
                "vehicle_year": rng.randint(2000, 2024),
                "vin": vin(rng),
                "plate": fk.license_plate(),
                "injury_claim": round(rng.uniform(0, 25000), 2) if injury else 0.0,
                "diagnosis_code": code if injury else None,
                "claim_amount": round(rng.uniform(500, 60000), 2),
                "adjuster": rng.choice(adjusters),
                "adjuster_notes": notes,
                "fraud_reported": rng.choices(["N", "Y"], [85, 15])[0],
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "claim_id": NONE,
        "policy_number": ANY,
        "policyholder": PERSON,
        "dob": DOB,
        "claimant_phone": PHONE,
        "incident_date": NONE,
        "incident_type": NONE,
        "incident_city": ANY,
        "incident_state": ANY,
        "police_report_available": NONE,
        "witnesses": NONE,
        "vehicle_make": NONE,
        "vehicle_year": NONE,
        "vin": ["VIN"],
        "plate": ANY,
        "injury_claim": NONE,
        "diagnosis_code": ["HEALTH_DATA"],
        "claim_amount": NONE,
        "adjuster": PERSON,
        "adjuster_notes": ["FREE_TEXT_PII"],
        "fraud_reported": NONE,
    }
    return df, labels


def legacy_export(seed: int = 307) -> Table:
    """A mainframe-style extract whose headers say nothing: field_1 ... field_14."""
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for i in range(900):
        city, state = rng.choice(US_CITIES)
        rows.append(
            {
                "field_1": f"{i + 1:07d}",
                "field_2": f"{fk.last_name().upper()}, {fk.first_name().upper()}",
                "field_3": fk.street_address().upper(),
                "field_4": city.upper(),
                "field_5": state,
                "field_6": fk.zipcode(),
                "field_7": fk.numerify("##########"),
                "field_8": fk.date_of_birth(minimum_age=18, maximum_age=90).strftime("%Y%m%d"),
                "field_9": fk.ssn().replace("-", ""),
                "field_10": rng.choice(["A", "C", "P", "X"]),
                "field_11": f"{rng.uniform(0, 99999):.2f}",
                "field_12": fk.date_between(dt.date(2020, 1, 1), dt.date(2024, 6, 1)).strftime(
                    "%Y%m%d"
                ),
                "field_13": fk.email().upper() if rng.random() < 0.6 else "",
                "field_14": rng.choice(["M", "F"]),
            }
        )
    df = pd.DataFrame(rows)
    df["field_7"] = mess(rng, df["field_7"].tolist(), blank=0.05, tokens=("0000000000",), na=0.03)
    labels: dict[str, Label] = {
        "field_1": ANY,
        "field_2": PERSON,
        "field_3": STREET,
        "field_4": CITY,
        "field_5": ANY,
        "field_6": POSTAL,
        "field_7": PHONE,
        "field_8": DOB,
        "field_9": ["US_SSN", "NATIONAL_ID"],
        "field_10": NONE,
        "field_11": NONE,
        "field_12": NONE,
        "field_13": EMAIL,
        "field_14": GENDER,
    }
    return df, labels
