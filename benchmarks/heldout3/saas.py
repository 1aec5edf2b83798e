"""Exports of SaaS tools: payments, support desks, CRMs, developer tools, chat, events."""

from __future__ import annotations

import json
import string

import pandas as pd

from . import ids
from .common import (
    ANY,
    CITY,
    EMAIL,
    FIRST,
    HEALTH,
    IP,
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    TEXT,
    URL,
    USER,
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
from .text import SUPPORT_STOCK, free_text, support_personal

ALNUM = string.ascii_letters + string.digits


def _sid(rng, prefix: str, n: int = 24) -> str:  # type: ignore[no-untyped-def]
    return prefix + "".join(rng.choice(ALNUM) for _ in range(n))


def stripe_payments() -> Table:
    rng, fake = rng_faker(301)
    n = 900
    rows = []
    for t in dates(rng, n, "2024-01-01", "2025-06-30", "%Y-%m-%d %H:%M:%S"):
        first, last = fake.first_name(), fake.last_name()
        city, st, zip5 = us_place(rng)
        amount = rng.choice([9.0, 19.0, 29.0, 49.0, 99.0, 199.0, round(rng.uniform(5, 900), 2)])
        refunded = amount if rng.random() < 0.04 else 0.0
        rows.append(
            {
                "id": _sid(rng, "ch_"),
                "Created (UTC)": t,
                "Amount": f"{amount:.2f}",
                "Amount Refunded": f"{refunded:.2f}",
                "Currency": "usd",
                "Captured": rng.random() < 0.97,
                "Fee": f"{amount * 0.029 + 0.3:.2f}",
                "Description": rng.choice(
                    [
                        "Subscription creation",
                        "Subscription update",
                        f"Invoice {rng.randint(0, 0xFFFFFF):06X}-{rng.randint(1, 40):04d}",
                        "Payment for order",
                    ]
                ),
                "Customer ID": _sid(rng, "cus_", 14),
                "Customer Description": (f"{first} {last}" if rng.random() < 0.85 else None),
                "Customer Email": email_of(rng, first, last),
                "Card ID": _sid(rng, "card_"),
                "Card Last4": f"{rng.randint(0, 9999):04d}",
                "Card Brand": rng.choice(["Visa", "MasterCard", "American Express", "Discover"]),
                "Card Funding": rng.choice(["credit", "debit", "prepaid"]),
                "Card Exp Month": rng.randint(1, 12),
                "Card Exp Year": rng.randint(2025, 2031),
                "Card Name": (f"{first} {last}".upper() if rng.random() < 0.7 else None),
                "Card Address Line1": sometimes(rng, 0.6, lambda: us_street(rng, fake)),
                "Card Address City": city,
                "Card Address State": st,
                "Card Address Zip": zip5,
                "Card Address Country": "US",
                "Card Issue Country": rng.choice(["US", "US", "US", "CA", "GB"]),
                "Card Fingerprint": "".join(rng.choice(ALNUM) for _ in range(16)),
                "Card CVC Status": rng.choice(["pass", "pass", "pass", "unavailable"]),
                "Status": rng.choice(["Paid", "Paid", "Paid", "Refunded", "Failed"]),
                "Statement Descriptor": "ACME CLOUD",
                "Invoice ID": sometimes(rng, 0.7, lambda: _sid(rng, "in_")),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "id": NONE,
        "Created (UTC)": NONE,
        "Amount": NONE,
        "Amount Refunded": NONE,
        "Currency": NONE,
        "Captured": NONE,
        "Fee": NONE,
        "Description": NONE,
        "Customer ID": ANY,
        "Customer Description": PERSON,
        "Customer Email": EMAIL,
        "Card ID": NONE,
        "Card Last4": ANY,
        "Card Brand": NONE,
        "Card Funding": NONE,
        "Card Exp Month": ANY,
        "Card Exp Year": ANY,
        "Card Name": PERSON,
        "Card Address Line1": STREET,
        "Card Address City": CITY,
        "Card Address State": ANY,
        "Card Address Zip": POSTAL,
        "Card Address Country": ANY,
        "Card Issue Country": ANY,
        "Card Fingerprint": ANY,
        "Card CVC Status": NONE,
        "Status": NONE,
        "Statement Descriptor": NONE,
        "Invoice ID": NONE,
    }
    return df, labels


def paypal_activity() -> Table:
    rng, fake = rng_faker(302)
    n = 700
    merchants = [
        "Spotify USA Inc",
        "eBay Inc.",
        "Etsy, Inc.",
        "Steam Games",
        "Uber BV",
        "Walmart Inc",
        "Airbnb Payments",
        "DoorDash, Inc",
    ]
    stock_notes = ["", "", "", "Thanks!", "rent", "for the concert tickets", "dinner split"]
    rows = []
    for t in dates(rng, n, "2024-03-01", "2025-03-01"):
        person = rng.random() < 0.6
        first, last = fake.first_name(), fake.last_name()
        gross = round(rng.uniform(3, 400), 2) * (1 if rng.random() < 0.4 else -1)
        city, st, zip5 = us_place(rng)
        if rng.random() < 0.15:
            note = rng.choice(
                [
                    f"from {first} - happy birthday!!",
                    f"Paid back for the tickets, call me {us_phone(rng)}",
                    f"{first} {last} share of the cabin",
                    f"send receipt to {email_of(rng, first, last)}",
                ]
            )
        else:
            note = rng.choice(stock_notes)
        rows.append(
            {
                "Date": t.strftime("%m/%d/%Y"),
                "Time": t.strftime("%H:%M:%S"),
                "TimeZone": rng.choice(["PST", "PDT"]),
                "Name": f"{first} {last}" if person else rng.choice(merchants),
                "Type": rng.choice(
                    [
                        "General Payment",
                        "Express Checkout Payment",
                        "Mobile Payment",
                        "General Withdrawal",
                    ]
                ),
                "Status": "Completed",
                "Currency": "USD",
                "Gross": f"{gross:,.2f}",
                "Fee": "0.00",
                "Net": f"{gross:,.2f}",
                "From Email Address": email_of(rng, first, last)
                if person
                else f"billing@{rng.choice(['spotify.com', 'ebay.com', 'etsy.com', 'uber.com'])}",
                "To Email Address": "kate.holloway84@gmail.com",
                "Transaction ID": "".join(
                    rng.choice(string.ascii_uppercase + string.digits) for _ in range(17)
                ),
                "Shipping Address": (
                    f"{first} {last}, {us_street(rng, fake)}, {city}, {st}, {zip5}, United States"
                )
                if rng.random() < 0.35
                else "",
                "Address Status": rng.choice(["Confirmed", "Non-Confirmed", ""]),
                "Item Title": rng.choice(["", "", "Vintage lamp", "Monthly plan", "Gift card"]),
                "Contact Phone Number": us_phone(rng) if person and rng.random() < 0.5 else "",
                "Balance Impact": "Credit" if gross > 0 else "Debit",
                "Note": note,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Date": NONE,
        "Time": NONE,
        "TimeZone": NONE,
        "Name": PERSON,
        "Type": NONE,
        "Status": NONE,
        "Currency": NONE,
        "Gross": NONE,
        "Fee": NONE,
        "Net": NONE,
        "From Email Address": EMAIL,
        # the account holder's own address on every row: one person's e-mail all the same
        "To Email Address": EMAIL,
        "Transaction ID": NONE,
        "Shipping Address": STREET,
        "Address Status": NONE,
        "Item Title": NONE,
        "Contact Phone Number": PHONE,
        "Balance Impact": NONE,
        "Note": TEXT,
    }
    return df, labels


def zendesk_tickets() -> Table:
    rng, fake = rng_faker(303)
    n = 800
    body = free_text(
        rng, fake, n, share=0.3, stock=SUPPORT_STOCK, personal=support_personal(rng, fake)
    )
    subjects = [
        "Where is my order?",
        "Refund",
        "Password reset",
        "Billing question",
        "App crash",
        "Cancel subscription",
        "Wrong item",
        "Feature request",
    ]
    rows = []
    for i, t in enumerate(dates(rng, n, "2024-06-01", "2025-05-31")):
        tid = 40000 + i
        first, last = fake.first_name(), fake.last_name()
        rows.append(
            {
                "id": tid,
                "url": f"https://acmehelp.zendesk.com/api/v2/tickets/{tid}.json",
                "created_at": t.isoformat() + "Z",
                "subject": rng.choice(subjects),
                "description": body[i],
                "status": rng.choice(["new", "open", "pending", "solved", "closed"]),
                "priority": rng.choice(["low", "normal", "normal", "high", "urgent", None]),
                "requester_id": rng.randint(360000000000, 369999999999),
                "assignee_id": rng.choice([361234567801, 361234567802, 361234567803, None]),
                "group_id": rng.choice([360001, 360002]),
                "tags": " ".join(
                    rng.sample(
                        ["billing", "refund", "shipping", "vip", "mobile", "web", "churn_risk"], 2
                    )
                ),
                "via.channel": rng.choice(["email", "web", "chat", "api"]),
                "satisfaction_rating.score": rng.choice(["good", "bad", "offered", "unoffered"]),
                "requester.name": f"{first} {last}",
                "requester.email": email_of(rng, first, last),
                "custom_fields.order_number": f"#{rng.randint(100000, 999999)}",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "id": NONE,
        "url": NONE,
        "created_at": NONE,
        "subject": NONE,
        "description": TEXT,
        "status": NONE,
        "priority": NONE,
        "requester_id": ANY,
        "assignee_id": ANY,
        "group_id": NONE,
        "tags": NONE,
        "via.channel": NONE,
        "satisfaction_rating.score": NONE,
        "requester.name": PERSON,
        "requester.email": EMAIL,
        "custom_fields.order_number": NONE,
    }
    return df, labels


def intercom_conversations() -> Table:
    rng, fake = rng_faker(304)
    n = 600
    body = free_text(
        rng, fake, n, share=0.25, stock=SUPPORT_STOCK, personal=support_personal(rng, fake)
    )
    agents = ["Priya Raman", "Tom Becker", "Aoife Byrne", "Marcus Lee", "Sofia Duarte"]
    rows = []
    for i, t in enumerate(dates(rng, n, "2024-09-01", "2025-04-30")):
        first, last = fake.first_name(), fake.last_name()
        city, _, _ = us_place(rng)
        rows.append(
            {
                "conversation_id": str(rng.randint(10**14, 10**15 - 1)),
                "created_at": t,
                "userId": ids.hexstr(rng, 24),
                "userName": f"{first} {last}",
                "userEmail": email_of(rng, first, last),
                "userLocationCity": city,
                "userLocationCountry": "United States",
                "userBrowser": rng.choice(["chrome", "safari", "firefox", "edge"]),
                "userOs": rng.choice(["Mac OS X", "Windows 10", "iOS", "Android"]),
                "lastSeenIp": fake.ipv4_public(),
                "firstMessage": body[i],
                "assignee": rng.choice(agents),
                "state": rng.choice(["open", "closed", "snoozed"]),
                "rating": rng.choice([None, 1, 2, 3, 4, 5]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "conversation_id": NONE,
        "created_at": NONE,
        "userId": ANY,
        "userName": PERSON,
        "userEmail": EMAIL,
        "userLocationCity": CITY,
        "userLocationCountry": ANY,
        "userBrowser": NONE,
        "userOs": NONE,
        "lastSeenIp": IP,
        "firstMessage": TEXT,
        # support agents are people too: their names are personal data
        "assignee": PERSON,
        "state": NONE,
        "rating": NONE,
    }
    return df, labels


def hubspot_contacts() -> Table:
    rng, fake = rng_faker(305)
    n = 1200
    owners = ["Dana Whitfield", "Luis Ortega", "Hannah Kim", "Ravi Patel"]
    titles = [
        "VP Marketing",
        "Head of Data",
        "CTO",
        "Office Manager",
        "Procurement Lead",
        "Software Engineer",
        "Founder",
        "Account Executive",
    ]
    rows = []
    for t in dates(rng, n, "2022-01-01", "2025-06-01", "%Y-%m-%d %H:%M"):
        first, last = fake.first_name(), fake.last_name()
        company = fake.company()
        dom = "".join(c for c in company.lower().split()[0] if c.isalpha()) + ".com"
        city, st, zip5 = us_place(rng)
        rows.append(
            {
                "Record ID": rng.randint(10**9, 10**11),
                "First Name": first,
                "Last Name": last,
                "Email": email_of(rng, first, last, [dom])
                if rng.random() < 0.8
                else email_of(rng, first, last),
                "Phone Number": sometimes(rng, 0.6, lambda: us_phone(rng)),
                "Mobile Phone Number": sometimes(rng, 0.3, lambda: us_phone(rng)),
                "Company Name": company,
                "Job Title": rng.choice(titles),
                "Lifecycle Stage": rng.choice(
                    ["Lead", "Marketing Qualified Lead", "Opportunity", "Customer", "Subscriber"]
                ),
                "Lead Status": rng.choice(["New", "Open", "In Progress", "Bad Timing", None]),
                "Contact owner": rng.choice(owners),
                "Create Date": t,
                "City": city,
                "State/Region": st,
                "Postal Code": zip5,
                "Street Address": sometimes(rng, 0.4, lambda: us_street(rng, fake)),
                "Website URL": f"https://www.{dom}",
                "Number of Sales Activities": rng.randint(0, 40),
                "Original Source": rng.choice(
                    [
                        "Organic Search",
                        "Paid Social",
                        "Direct Traffic",
                        "Referrals",
                        "Offline Sources",
                    ]
                ),
                "IP Country": rng.choice(["united states", "canada", None]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Record ID": ANY,
        "First Name": FIRST,
        "Last Name": LAST,
        "Email": EMAIL,
        "Phone Number": PHONE,
        "Mobile Phone Number": PHONE,
        "Company Name": NONE,
        "Job Title": ANY,
        "Lifecycle Stage": NONE,
        "Lead Status": NONE,
        "Contact owner": PERSON,
        "Create Date": NONE,
        "City": CITY,
        "State/Region": ANY,
        "Postal Code": POSTAL,
        "Street Address": STREET,
        "Website URL": ANY,
        "Number of Sales Activities": NONE,
        "Original Source": NONE,
        "IP Country": ANY,
    }
    return df, labels


def pipedrive_deals() -> Table:
    rng, fake = rng_faker(306)
    n = 500
    owners = ["Mia Novak", "Jonas Berg", "Carla Reyes"]
    rows = []
    for t in dates(rng, n, "2024-01-01", "2025-06-01"):
        first, last = fake.first_name(), fake.last_name()
        org = fake.company()
        rows.append(
            {
                "Deal - Title": f"{org} deal",
                "Deal - Value": rng.randint(1, 80) * 500,
                "Deal - Currency": rng.choice(["USD", "EUR"]),
                "Deal - Owner": rng.choice(owners),
                "Deal - Stage": rng.choice(
                    [
                        "Qualified",
                        "Contact Made",
                        "Demo Scheduled",
                        "Proposal Made",
                        "Negotiations Started",
                    ]
                ),
                "Deal - Status": rng.choice(["open", "won", "lost"]),
                "Deal - Expected close date": (t + pd.Timedelta(days=rng.randint(10, 90))).strftime(
                    "%Y-%m-%d"
                ),
                "Deal - Lost reason": rng.choice(
                    [None, None, "Price", "Went with competitor", "No budget"]
                ),
                "Person - Name": f"{first} {last}",
                "Person - Email": email_of(rng, first, last),
                "Person - Phone": us_phone(rng),
                "Organization - Name": org,
                "Organization - Address": f"{us_street(rng, fake)}, {us_place(rng)[0]}",
                "Deal - Probability": rng.choice([10, 25, 50, 75, 90]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Deal - Title": NONE,
        "Deal - Value": NONE,
        "Deal - Currency": NONE,
        "Deal - Owner": PERSON,
        "Deal - Stage": NONE,
        "Deal - Status": NONE,
        "Deal - Expected close date": NONE,
        "Deal - Lost reason": NONE,
        "Person - Name": PERSON,
        "Person - Email": EMAIL,
        "Person - Phone": PHONE,
        "Organization - Name": NONE,
        "Organization - Address": ANY,
        "Deal - Probability": NONE,
    }
    return df, labels


def github_users() -> Table:
    rng, fake = rng_faker(307)
    n = 1000
    places = [
        "Berlin, Germany",
        "San Francisco, CA",
        "Bangalore",
        "London, UK",
        "Toronto",
        "São Paulo, Brazil",
        "Paris",
        "Seattle, WA",
        "Remote",
        "Earth",
        "Tokyo, Japan",
        "Lagos, Nigeria",
        "Amsterdam",
        "Austin, TX",
        "Kraków, Poland",
        None,
        None,
    ]
    bios = [
        "Full-stack developer",
        "Rust and coffee",
        "ML engineer @ a startup",
        None,
        None,
        "Open source enthusiast",
        "Backend dev. Opinions are my own.",
        "Student",
        None,
    ]
    rows = []
    for i, t in enumerate(dates(rng, n, "2009-01-01", "2025-01-01")):
        first, last = fake.first_name(), fake.last_name()
        login = rng.choice(
            [
                f"{first.lower()}{last.lower()}",
                f"{first[0].lower()}{last.lower()}",
                f"{first.lower()}-{rng.randint(1, 999)}",
                fake.user_name(),
            ]
        )
        uid = 1000 + i * 977 + rng.randint(0, 900)
        is_org = rng.random() < 0.05
        bio = rng.choice(bios)
        if rng.random() < 0.12:
            bio = rng.choice(
                [
                    f"Reach me at {email_of(rng, first, last)}",
                    f"{first} {last} - building things. Twitter: @{login}",
                ]
            )
        rows.append(
            {
                "login": login,
                "id": uid,
                "node_id": __import__("base64").b64encode(f"04:User{uid}".encode()).decode(),
                "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}?v=4",
                "html_url": f"https://github.com/{login}",
                "type": "Organization" if is_org else "User",
                "site_admin": False,
                "name": None if rng.random() < 0.2 else f"{first} {last}",
                "company": rng.choice(
                    [None, None, "@google", "Microsoft", "@shopify", "Freelance"]
                ),
                "blog": (
                    rng.choice(
                        [
                            f"https://{login}.github.io",
                            f"https://{login}.dev",
                            f"https://medium.com/@{login}",
                        ]
                    )
                    if rng.random() < 0.3
                    else None
                ),
                "location": rng.choice(places),
                "email": (email_of(rng, first, last) if rng.random() < 0.35 else None),
                "hireable": rng.choice([None, True]),
                "bio": bio,
                "twitter_username": (login.replace("-", "_") if rng.random() < 0.25 else None),
                "public_repos": rng.randint(0, 300),
                "followers": int(rng.paretovariate(1.2)) - 1,
                "created_at": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "login": USER,
        "id": ANY,
        "node_id": ANY,
        "avatar_url": ANY,
        "html_url": ["URL", "USERNAME"],
        "type": NONE,
        "site_admin": NONE,
        "name": PERSON,
        "company": NONE,
        "blog": URL,
        "location": CITY,
        "email": EMAIL,
        "hireable": NONE,
        "bio": TEXT,
        "twitter_username": USER,
        "public_repos": NONE,
        "followers": NONE,
        "created_at": NONE,
    }
    return df, labels


def jira_issues() -> Table:
    rng, fake = rng_faker(308)
    n = 700
    team = [fake.name() for _ in range(12)]
    stock = [
        "Steps to reproduce: open dashboard, click export. Expected CSV, got 500.",
        "NullPointerException in PaymentService.refund (line 212).",
        "Upgrade log4j to 2.17.1 across services.",
        "Add pagination to /v2/orders endpoint.",
        "Flaky test: test_checkout_timeout fails on CI about 1 in 10 runs.",
        "Dark mode colours are wrong on the settings page.",
        "Migrate cron jobs to Airflow.",
    ]
    personal = [
        lambda: f"Customer {fake.name()} ({fake.free_email()}) cannot log in since Monday.",
        lambda: f"Reported by phone {us_phone(rng)}: invoice shows the wrong billing address.",
        lambda: f"GDPR request from {fake.name()}: delete account {rng.randint(10**6, 10**7)}.",
    ]
    desc = free_text(rng, fake, n, share=0.2, stock=stock, personal=personal)
    rows = []
    for i, t in enumerate(dates(rng, n, "2024-01-01", "2025-06-01")):
        rows.append(
            {
                "Summary": rng.choice(
                    [
                        "Export fails",
                        "Refund error",
                        "Upgrade dependency",
                        "Pagination",
                        "Flaky test",
                        "UI glitch",
                        "Login issue",
                    ]
                ),
                "Issue key": f"PLAT-{1000 + i}",
                "Issue id": 10000 + i * 3,
                "Issue Type": rng.choice(["Bug", "Task", "Story", "Epic"]),
                "Status": rng.choice(["To Do", "In Progress", "In Review", "Done"]),
                "Priority": rng.choice(["Lowest", "Low", "Medium", "High", "Highest"]),
                "Assignee": rng.choice([*team, None]),
                "Reporter": rng.choice(team),
                "Created": t.strftime("%d/%b/%y %I:%M %p"),
                "Updated": (t + pd.Timedelta(hours=rng.randint(1, 500))).strftime(
                    "%d/%b/%y %I:%M %p"
                ),
                "Labels": rng.choice(["backend", "frontend", "tech-debt", "customer", None]),
                "Description": desc[i],
                "Watchers": ids.hexstr(rng, 24),
                "Custom field (Story Points)": rng.choice([1, 2, 3, 5, 8, None]),
                "Sprint": f"PLAT Sprint {rng.randint(40, 70)}",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Summary": NONE,
        "Issue key": NONE,
        "Issue id": NONE,
        "Issue Type": NONE,
        "Status": NONE,
        "Priority": NONE,
        "Assignee": PERSON,
        "Reporter": PERSON,
        "Created": NONE,
        "Updated": NONE,
        "Labels": NONE,
        "Description": TEXT,
        "Watchers": ANY,
        "Custom field (Story Points)": NONE,
        "Sprint": NONE,
    }
    return df, labels


def slack_messages() -> Table:
    rng, fake = rng_faker(309)
    n = 1500
    people = []
    for _ in range(25):
        first, last = fake.first_name(), fake.last_name()
        uid = "U0" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
        people.append((uid, f"{first.lower()}.{last.lower()}", f"{first} {last}"))
    stock = [
        "lgtm :+1:",
        "deploying to prod now",
        "standup in 5",
        "can someone review my PR?",
        "thanks!",
        "CI is red again",
        "lunch?",
        ":tada:",
        "rolling back",
        "ack",
        "the dashboard is slow today",
        "merged",
    ]
    rows = []
    base = 1717200000
    for i in range(n):
        uid, handle, real = rng.choice(people)
        r = rng.random()
        if r < 0.08:
            other = rng.choice(people)
            text = f"<@{other[0]}> can you call the client back? {fake.name()} at {us_phone(rng)}"
        elif r < 0.14:
            text = f"new hire starting monday: {fake.name()}, personal email {fake.free_email()}"
        elif r < 0.2:
            text = f"<@{rng.choice(people)[0]}> {rng.choice(stock)}"
        else:
            text = rng.choice(stock)
        ts = base + i * rng.randint(30, 900)
        rows.append(
            {
                "type": "message",
                "subtype": rng.choice([None] * 9 + ["thread_broadcast"]),
                "ts": f"{ts}.{rng.randint(0, 999999):06d}",
                "user": uid,
                "user_name": handle,
                "user_profile.real_name": real,
                "text": text,
                "channel": rng.choice(["C01GENERAL", "C02ENGINEER", "C03RANDOM"]),
                "reply_count": rng.choice([0, 0, 0, 1, 2, 5]),
                "reactions": json.dumps(
                    [{"name": rng.choice(["+1", "eyes", "tada"]), "count": rng.randint(1, 5)}]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "type": NONE,
        "subtype": NONE,
        "ts": NONE,
        "user": ANY,
        "user_name": USER,
        "user_profile.real_name": PERSON,
        "text": TEXT,
        "channel": NONE,
        "reply_count": NONE,
        "reactions": NONE,
    }
    return df, labels


def eventbrite_attendees() -> Table:
    rng, fake = rng_faker(310)
    n = 650
    rows = []
    for i, t in enumerate(dates(rng, n, "2025-01-10", "2025-04-30", "%Y-%m-%d %H:%M:%S")):
        first, last = fake.first_name(), fake.last_name()
        buyer_same = rng.random() < 0.8
        bf, bl = (first, last) if buyer_same else (fake.first_name(), last)
        city, st, zip5 = us_place(rng)
        rows.append(
            {
                "Order #": 8000000000 + rng.randint(0, 99999999),
                "Order Date": t,
                "First Name": first,
                "Last Name": last,
                "Email": email_of(rng, first, last),
                "Quantity": 1,
                "Ticket Type": rng.choice(["General Admission", "Early Bird", "VIP", "Student"]),
                "Attendee #": 12000000000 + i,
                "Barcode #": f"{rng.randint(10**17, 10**18 - 1)}",
                "Buyer First Name": bf,
                "Buyer Last Name": bl,
                "Attendee Status": rng.choice(["Attending", "Attending", "Checked In", "Refunded"]),
                "Home Address 1": sometimes(rng, 0.5, lambda: us_street(rng, fake)),
                "Home City": city,
                "Home State": st,
                "Home Zip": zip5,
                "Cell Phone": sometimes(rng, 0.7, lambda: us_phone(rng)),
                "Job Title": rng.choice([None, "Designer", "Engineer", "Student", "Manager"]),
                "Dietary requirements": rng.choice(
                    ["", "", "", "Vegetarian", "Vegan", "Halal", "Kosher", "Gluten-free (coeliac)"]
                ),
                "Accessibility needs": rng.choice(
                    [
                        "",
                        "",
                        "",
                        "",
                        "",
                        "Wheelchair access",
                        "Hearing loop",
                        "Seat near exit (epilepsy)",
                        "Sign language interpreter",
                    ]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Order #": NONE,
        "Order Date": NONE,
        "First Name": FIRST,
        "Last Name": LAST,
        "Email": EMAIL,
        "Quantity": NONE,
        "Ticket Type": NONE,
        "Attendee #": ANY,
        "Barcode #": ANY,
        "Buyer First Name": FIRST,
        "Buyer Last Name": LAST,
        "Attendee Status": NONE,
        "Home Address 1": STREET,
        "Home City": CITY,
        "Home State": ANY,
        "Home Zip": POSTAL,
        "Cell Phone": PHONE,
        "Job Title": ANY,
        # halal/kosher and coeliac hint at religion and health: cautious either way
        "Dietary requirements": ANY,
        "Accessibility needs": HEALTH,
    }
    return df, labels
