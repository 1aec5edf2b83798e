# ruff: noqa: E501, B023
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""HR, payroll, surveys, hiring and school shapes."""

from __future__ import annotations

import datetime as dt
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
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    US_CITIES,
    US_STATES,
    Label,
    Table,
    mess,
    sometimes,
)
from .ids import de_svnr, steuer_id, za_id

JOBS = [
    "Software Engineer II",
    "Senior Accountant",
    "HR Business Partner",
    "Warehouse Associate",
    "Registered Nurse",
    "Sales Development Rep",
    "Data Analyst",
    "Customer Success Manager",
    "Facilities Technician",
    "Payroll Specialist",
]


def workday_workers(seed: int = 201) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    managers = [fk.name() for _ in range(40)]
    rows = []
    for i in range(800):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        pers_mail = f"{first.lower()}{rng.choice(['.', '_', ''])}{last.lower()}{rng.choice(['', str(rng.randint(1, 99))])}@{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'])}"
        rows.append(
            {
                "Employee ID": str(100000 + i * 3),
                "Legal First Name": first,
                "Legal Last Name": last,
                "Preferred Name": rng.choice(
                    [None, None, None, first[:3] if len(first) > 4 else first, fk.first_name()]
                ),
                "Work Email": f"{first.lower()}.{last.lower()}@acmecorp.com",
                "Personal Email": sometimes(rng, 0.7, lambda: pers_mail),
                "Home Phone": sometimes(rng, 0.3, lambda: fk.numerify("+1 (###) ###-####")),
                "Mobile Phone": fk.numerify(
                    rng.choice(["+1 (###) ###-####", "###-###-####", "###.###.####"])
                ),
                "Home Address Line 1": fk.street_address(),
                "Home City": fk.city(),
                "Home State": rng.choice(US_STATES),
                "Home Postal Code": fk.zipcode_plus4() if rng.random() < 0.2 else fk.zipcode(),
                "Date of Birth": fk.date_of_birth(minimum_age=19, maximum_age=68).strftime(
                    "%m/%d/%Y"
                ),
                "Gender": "Female" if female else rng.choices(["Male", "Not Declared"], [95, 5])[0],
                "Marital Status": rng.choice(
                    [
                        "Married (United States of America)",
                        "Single (United States of America)",
                        "Divorced (United States of America)",
                    ]
                ),
                "Ethnicity": rng.choice(
                    [
                        "White (United States of America)",
                        "Hispanic or Latino (United States of America)",
                        "Black or African American (United States of America)",
                        "Asian (United States of America)",
                        "Two or More Races (United States of America)",
                        "I do not wish to answer. (United States of America)",
                    ]
                ),
                "Hire Date": fk.date_between(dt.date(2005, 1, 1), dt.date(2024, 4, 1)).strftime(
                    "%m/%d/%Y"
                ),
                "Job Profile": rng.choice(JOBS),
                "Cost Center": f"CC{rng.randint(1000, 1099)} {rng.choice(['Engineering', 'Finance', 'People', 'Operations', 'Sales'])}",
                "Manager Name": rng.choice(managers),
                "Annual Base Pay": round(rng.uniform(38000, 210000), -2),
                "Currency": "USD",
                "Bank Name": rng.choice(
                    [
                        "JPMORGAN CHASE BANK, NA",
                        "WELLS FARGO BANK",
                        "BANK OF AMERICA, N.A.",
                        "U.S. BANK",
                        "NAVY FEDERAL CREDIT UNION",
                    ]
                ),
                "Account Number": str(rng.randint(10**7, 10**12 - 1)),
                "Routing Number": rng.choice(
                    ["021000021", "121000248", "026009593", "091000022", "256074974"]
                ),
                "SSN": fk.ssn() if rng.random() < 0.9 else fk.ssn().replace("-", ""),
                "Emergency Contact Name": fk.name(),
                "Emergency Contact Relationship": rng.choice(
                    ["Spouse", "Parent", "Sibling", "Friend", "Domestic Partner", "Child"]
                ),
                "Emergency Contact Phone": fk.numerify("(###) ###-####"),
                "Veteran Status": rng.choices(
                    ["Not a Veteran", "Protected Veteran", "I don't wish to answer"], [85, 7, 8]
                )[0],
                "Disability Status": rng.choices(
                    [
                        "No, I don't have a disability",
                        "Yes, I have a disability (or previously had a disability)",
                        "I don't wish to answer",
                    ],
                    [80, 8, 12],
                )[0],
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Employee ID": ANY,
        "Legal First Name": FIRST,
        "Legal Last Name": LAST,
        "Preferred Name": FIRST,
        "Work Email": EMAIL,
        "Personal Email": EMAIL,
        "Home Phone": PHONE,
        "Mobile Phone": PHONE,
        "Home Address Line 1": STREET,
        "Home City": CITY,
        "Home State": ANY,
        "Home Postal Code": POSTAL,
        "Date of Birth": DOB,
        "Gender": GENDER,
        "Marital Status": ANY,
        "Ethnicity": ["NRP"],
        "Hire Date": NONE,
        "Job Profile": NONE,
        "Cost Center": NONE,
        "Manager Name": PERSON,
        "Annual Base Pay": ANY,
        "Currency": NONE,
        "Bank Name": NONE,
        "Account Number": ["US_BANK_NUMBER"],
        "Routing Number": ANY,
        "SSN": ["US_SSN", "NATIONAL_ID"],
        "Emergency Contact Name": PERSON,
        "Emergency Contact Relationship": NONE,
        "Emergency Contact Phone": PHONE,
        "Veteran Status": ANY,
        "Disability Status": ["HEALTH_DATA"],
    }
    return df, labels


def sap_payroll_de(seed: int = 202) -> Table:
    rng, fk = random.Random(seed), Faker("de_DE")
    fk.seed_instance(seed)
    rows = []
    for _i in range(600):
        female = rng.random() < 0.48
        last = fk.last_name()
        born = fk.date_of_birth(minimum_age=18, maximum_age=66)
        rows.append(
            {
                "PERNR": f"{rng.randint(1, 99999999):08d}",
                "NACHN": last,
                "VORNA": fk.first_name_female() if female else fk.first_name_male(),
                "GBDAT": born.strftime("%Y%m%d"),
                "GESCH": "2" if female else "1",
                "ANRED": "Frau" if female else "Herr",
                "STRAS": fk.street_address(),
                "ORT01": fk.city(),
                "PSTLZ": fk.postcode(),
                "LAND1": rng.choices(["DE", "AT", "PL", "NL"], [92, 3, 3, 2])[0],
                "TELNR": sometimes(rng, 0.7, fk.phone_number),
                "IBAN": fk.iban(),
                "BIC": fk.swift(length=11) if rng.random() < 0.7 else fk.swift(length=8),
                "STEUERID": steuer_id(rng),
                "SVNR": de_svnr(rng, born, last).replace(" ", "")
                if rng.random() < 0.5
                else de_svnr(rng, born, last),
                "KONFE": rng.choices(["RK", "EV", "--", "AK", "IS"], [28, 24, 44, 2, 2])[0],
                "STKL": str(rng.choices([1, 2, 3, 4, 5, 6], [40, 5, 20, 25, 8, 2])[0]),
                "BETRG": f"{rng.uniform(1800, 9800):.2f}".replace(".", ","),
                "WAERS": "EUR",
                "BEGDA": dt.date(2024, rng.randint(1, 6), 1).strftime("%d.%m.%Y"),
                "ENDDA": "31.12.9999",
                "KOSTL": f"{rng.randint(4000, 4999):010d}",
                "ORGEH": str(rng.randint(50000000, 50000999)),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "PERNR": ANY,
        "NACHN": LAST,
        "VORNA": FIRST,
        "GBDAT": DOB,
        "GESCH": GENDER,
        "ANRED": ANY,
        "STRAS": STREET,
        "ORT01": CITY,
        "PSTLZ": POSTAL,
        "LAND1": ANY,
        "TELNR": PHONE,
        "IBAN": ["IBAN_CODE"],
        "BIC": ANY,
        "STEUERID": ["NATIONAL_ID"],
        "SVNR": ["NATIONAL_ID"],
        "KONFE": ["NRP"],
        "STKL": ANY,
        "BETRG": ANY,
        "WAERS": NONE,
        "BEGDA": NONE,
        "ENDDA": NONE,
        "KOSTL": NONE,
        "ORGEH": NONE,
    }
    return df, labels


IMPROVE_PLAIN = [
    "More flexibility to work from home on Fridays.",
    "Clearer career paths and promotion criteria.",
    "The onboarding documentation is out of date.",
    "Better coffee in the kitchen!",
    "Fewer meetings, more focus time.",
    "Communication between departments could be better.",
    "Salary bands are not transparent.",
    "Nothing, I'm happy here.",
    "The parking situation is terrible.",
    "More training budget please.",
    "Too many tools, we should consolidate Jira and Asana.",
    "n/a",
    "-",
]


def hr_survey(seed: int = 203) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _i in range(600):
        r = rng.random()
        if r < 0.22:
            m = fk.name()
            improve = rng.choice(
                [
                    f"My manager {m} takes credit for the team's work and nobody does anything about it.",
                    f"{m} in payroll has been amazing, please recognise her.",
                    f"I reported {m} to HR in March and never heard back.",
                    f"Please stop scheduling 7am calls, {fk.first_name()}.",
                    f"I'm going through a divorce and {m} has been very understanding about my hours.",
                ]
            )
        else:
            improve = rng.choice(IMPROVE_PLAIN)
        other = None
        if rng.random() < 0.15:
            other = rng.choice(
                [
                    f"Happy to discuss further, reach me at {fk.user_name()}@gmail.com",
                    f"Call me on {fk.numerify('(###) ###-####')} if you want details.",
                    "Thanks for running this survey.",
                    "Keep it anonymous please.",
                    f"I have been diagnosed with {rng.choice(['anxiety', 'ADHD', 'long covid'])} and need accommodations.",
                ]
            )
        rows.append(
            {
                "Response ID": f"R_{''.join(rng.choice('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(15))}",
                "Start Date": fk.date_time_between(
                    dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 20)
                ).strftime("%Y-%m-%d %H:%M:%S"),
                "Department": rng.choice(
                    ["Engineering", "Sales", "Finance", "People", "Operations", "Support"]
                ),
                "Tenure": rng.choice(["< 1 year", "1-2 years", "3-5 years", "5+ years"]),
                "Q1 - I would recommend this company": rng.randint(1, 5),
                "Q2 - My manager supports my growth": rng.randint(1, 5),
                "Q3 - I have the tools I need": rng.randint(1, 5),
                "eNPS": rng.randint(0, 10),
                "What could we improve?": improve,
                "Anything else you'd like to share? (optional)": other,
                "IPAddress": None,
                "Finished": rng.choice(["True", "True", "True", "False"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Response ID": NONE,
        "Start Date": NONE,
        "Department": NONE,
        "Tenure": NONE,
        "Q1 - I would recommend this company": NONE,
        "Q2 - My manager supports my growth": NONE,
        "Q3 - I have the tools I need": NONE,
        "eNPS": NONE,
        "What could we improve?": ["FREE_TEXT_PII"],
        "Anything else you'd like to share? (optional)": ["FREE_TEXT_PII"],
        "IPAddress": ANY,
        "Finished": NONE,
    }
    return df, labels


def job_applications(seed: int = 204) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for i in range(400):
        first, last = fk.first_name(), fk.last_name()
        email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'hotmail.com', 'proton.me'])}"
        phone = fk.numerify("(###) ###-####")
        city = "{}, {}".format(*rng.choice(US_CITIES))
        pos = rng.choice(JOBS)
        prev = fk.company()
        cover = (
            f"Dear Hiring Manager,\n\nI am writing to apply for the {pos} role. For the past {rng.randint(2, 12)} years I have worked at {prev}, "
            f"where I {rng.choice(['led a team of five', 'reduced month-end close by three days', 'shipped our mobile app', 'managed a 40-bed unit'])}. "
            f"{rng.choice(['My former manager, ' + fk.name() + ', is happy to serve as a reference.', 'I am relocating to be closer to family.', ''])}"
            f"\n\nYou can reach me at {phone} or {email}.\n\nSincerely,\n{first} {last}"
        )
        cv = (
            f"{first.upper()} {last.upper()}\n{fk.street_address()}, {city} | {phone} | {email}\n\nEXPERIENCE\n"
            f"{prev} - {pos} ({rng.randint(2010, 2019)}-present)\n- {fk.bs().capitalize()}\n- {fk.bs().capitalize()}\n"
            f"{fk.company()} - {rng.choice(JOBS)} ({rng.randint(2000, 2009)}-{rng.randint(2010, 2018)})\n\nEDUCATION\n"
            f"{rng.choice(['B.S.', 'B.A.', 'M.S.', 'MBA'])}, {fk.city()} State University, {rng.randint(1995, 2018)}"
        )
        rows.append(
            {
                "applicant_id": f"APP-{2024000 + i}",
                "full_name": f"{first} {last}",
                "email": email if rng.random() > 0.03 else None,
                "phone": phone,
                "linkedin": sometimes(
                    rng,
                    0.6,
                    lambda: (
                        f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{rng.randint(1000, 99999)}"
                    ),
                ),
                "location": city,
                "position": pos,
                "years_experience": rng.randint(0, 30),
                "expected_salary": rng.choice([None, rng.randint(40, 220) * 1000]),
                "cover_letter": cover if rng.random() < 0.7 else None,
                "cv_text": cv,
                "referral_source": rng.choice(
                    ["LinkedIn", "Indeed", "Employee Referral", "Company Website", "Glassdoor"]
                ),
                "work_authorization": rng.choice(
                    [
                        "US Citizen",
                        "Green Card",
                        "H-1B (requires transfer)",
                        "Requires sponsorship",
                        "EAD",
                    ]
                ),
                "date_applied": fk.date_between(
                    dt.date(2024, 1, 1), dt.date(2024, 6, 1)
                ).isoformat(),
                "stage": rng.choice(
                    ["New", "Phone Screen", "Onsite", "Offer", "Rejected", "Withdrawn"]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "applicant_id": ANY,
        "full_name": PERSON,
        "email": EMAIL,
        "phone": PHONE,
        "linkedin": ["URL", "USERNAME"],
        "location": CITY,
        "position": NONE,
        "years_experience": NONE,
        "expected_salary": ANY,
        "cover_letter": ["FREE_TEXT_PII"],
        "cv_text": ["FREE_TEXT_PII"],
        "referral_source": NONE,
        "work_authorization": ANY,
        "date_applied": NONE,
        "stage": NONE,
    }
    return df, labels


def student_records(seed: int = 205) -> Table:
    rng, fk = random.Random(seed), Faker("en_US")
    fk.seed_instance(seed)
    rows = []
    for _i in range(1200):
        grade = rng.choice(["K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"])
        g = 0 if grade == "K" else int(grade)
        female = rng.random() < 0.5
        last = fk.last_name()
        rel = rng.choices(
            ["Mother", "Father", "Grandmother", "Guardian", "Aunt"], [55, 30, 7, 5, 3]
        )[0]
        rows.append(
            {
                "StudentID": str(rng.randint(200000000, 299999999)),
                "LastName": last,
                "FirstName": fk.first_name_female() if female else fk.first_name_male(),
                "MI": rng.choice([*list("ABCDEJKLMRST"), None, None]),
                "Grade": grade,
                "DOB": dt.date(2018 - g, rng.randint(1, 12), rng.randint(1, 28)).strftime(
                    "%m/%d/%Y"
                ),
                "Gender": "F" if female else "M",
                "Homeroom": f"{rng.randint(100, 320)}",
                "GuardianName": f"{fk.first_name_female() if rel in ('Mother', 'Grandmother', 'Aunt') else fk.first_name()} {last if rng.random() < 0.8 else fk.last_name()}",
                "GuardianRelationship": rel,
                "GuardianPhone": fk.numerify(
                    rng.choice(["###-###-####", "(###) ###-####", "##########"])
                ),
                "GuardianEmail": sometimes(rng, 0.8, fk.free_email),
                "HomeLanguage": rng.choices(
                    ["English", "Spanish", "Vietnamese", "Arabic", "Somali"], [75, 17, 3, 3, 2]
                )[0],
                "Address": fk.street_address(),
                "Zip": fk.zipcode_in_state("TX"),
                "IEP": rng.choices(["Y", "N"], [14, 86])[0],
                "LunchStatus": rng.choices(["F", "R", "P"], [45, 8, 47])[0],
                "GPA": round(rng.uniform(1.2, 4.0), 2) if g >= 6 else None,
                "AttendanceRate": round(rng.uniform(0.78, 1.0), 3),
            }
        )
    df = pd.DataFrame(rows)
    df["GuardianPhone"] = mess(
        rng, df["GuardianPhone"].tolist(), blank=0.04, na=0.02, tokens=("N/A", "none")
    )
    labels: dict[str, Label] = {
        "StudentID": ANY,
        "LastName": LAST,
        "FirstName": FIRST,
        "MI": ANY,
        "Grade": NONE,
        "DOB": DOB,
        "Gender": GENDER,
        "Homeroom": NONE,
        "GuardianName": PERSON,
        "GuardianRelationship": NONE,
        "GuardianPhone": PHONE,
        "GuardianEmail": EMAIL,
        "HomeLanguage": ANY,
        "Address": STREET,
        "Zip": POSTAL,
        "IEP": ANY,
        "LunchStatus": ANY,
        "GPA": ANY,
        "AttendanceRate": ANY,
    }
    return df, labels


def za_employees(seed: int = 206) -> Table:
    rng, fk = random.Random(seed), Faker("en_GB")
    fk.seed_instance(seed)
    # a payroll of 500 holds hundreds of distinct names, not a dozen
    af_first = [
        "Thabo",
        "Sipho",
        "Lerato",
        "Nomvula",
        "Bongani",
        "Thandiwe",
        "Kagiso",
        "Zanele",
        "Pieter",
        "Annelie",
        "Johan",
        "Riaan",
        "Ayesha",
        "Priya",
        "Mohammed",
        "Nadia",
        "Lwazi",
        "Naledi",
        "Themba",
        "Mpho",
        "Tshepo",
        "Palesa",
        "Kabelo",
        "Refilwe",
        "Karabo",
        "Lindiwe",
        "Sibusiso",
        "Nokuthula",
        "Andile",
        "Ntombi",
        "Mandla",
        "Busisiwe",
        "Tumelo",
        "Dineo",
        "Neo",
        "Siyabonga",
        "Nompumelelo",
        "Vusi",
        "Zodwa",
        "Lungelo",
        "Khanyisile",
        "Xolani",
        "Precious",
        "Blessing",
        "Sizwe",
        "Ayanda",
        "Jabulani",
        "Nandi",
        "Hendrik",
        "Elmarie",
        "Francois",
        "Marelize",
        "Charl",
        "Liezl",
        "Gert",
        "Chantelle",
        "Ruan",
        "Carien",
        "Wikus",
        "Yolandi",
        "Kyle",
        "Shaun",
        "Candice",
        "Bradley",
        "Ashwin",
        "Kavitha",
        "Rajesh",
        "Nirvana",
        "Yusuf",
        "Fatima",
        "Imraan",
        "Zaheera",
        "Shireen",
        "Faizel",
        "Tasneem",
        "Luyolo",
        "Onke",
        "Sinethemba",
        "Anele",
        "Zintle",
        "Lunga",
        "Asanda",
        "Mbali",
        "Unathi",
        "Lebogang",
        "Tebogo",
        "Keabetswe",
        "Boitumelo",
        "Masego",
    ]
    af_last = [
        "Nkosi",
        "Dlamini",
        "Mokoena",
        "Naidoo",
        "Botha",
        "Khumalo",
        "Pillay",
        "Ndlovu",
        "Mahlangu",
        "Pretorius",
        "Jacobs",
        "Petersen",
        "Mthembu",
        "Govender",
        "Molefe",
        "Zulu",
        "Mkhize",
        "Sithole",
        "Ngcobo",
        "Buthelezi",
        "Mabaso",
        "Nel",
        "Venter",
        "Coetzee",
        "Smit",
        "Fourie",
        "Steyn",
        "Kruger",
        "Joubert",
        "Mostert",
        "Mahlaba",
        "Moloi",
        "Tshabalala",
        "Baloyi",
        "Maluleke",
        "Chauke",
        "Mathebula",
        "Hadebe",
        "Cele",
        "Shezi",
        "Reddy",
        "Moodley",
        "Chetty",
        "Padayachee",
        "Adams",
        "Hendricks",
        "Williams",
        "Isaacs",
        "Davids",
        "Abrahams",
        "Daniels",
        "Ismail",
        "Cassim",
        "Essop",
        "Mayet",
        "van der Merwe",
        "van Wyk",
        "du Plessis",
        "de Villiers",
        "le Roux",
    ]
    rows = []
    for _i in range(500):
        female = rng.random() < 0.5
        first = rng.choice(af_first)
        second = rng.choice(af_first)
        born = dt.date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
        rows.append(
            {
                "EmpNo": f"E{rng.randint(1000, 9999)}",
                "Surname": rng.choice(af_last),
                "Initials": f"{first[0]}{second[0]}",
                "KnownAs": first,
                "IDNumber": za_id(rng, born, female),
                "TaxRefNo": f"{rng.choice([0, 1, 2, 3, 9])}{rng.randint(0, 999999999):09d}",
                "Race": rng.choices(["African", "Coloured", "Indian", "White"], [70, 10, 8, 12])[0],
                "Gender": "F" if female else "M",
                "CellNo": f"0{rng.choice([60, 61, 71, 72, 73, 76, 79, 82, 83, 84])} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                "PostalCode": f"{rng.randint(1, 9999):04d}",
                "BankAccount": str(rng.randint(10**9, 10**11 - 1)),
                "BranchCode": rng.choice(["250655", "632005", "470010", "051001", "198765"]),
                "Disability": rng.choices(["N", "Y"], [95, 5])[0],
                "Occupation": rng.choice(
                    ["Machine Operator", "Clerk", "Artisan", "Supervisor", "Driver", "Engineer"]
                ),
                "BasicSalary": round(rng.uniform(6500, 85000), 2),
                "StartDate": fk.date_between(dt.date(2000, 1, 1), dt.date(2024, 1, 1)).strftime(
                    "%Y/%m/%d"
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "EmpNo": ANY,
        "Surname": LAST,
        "Initials": ANY,
        "KnownAs": FIRST,
        "IDNumber": ["NATIONAL_ID"],
        "TaxRefNo": ["NATIONAL_ID"],
        "Race": ["NRP"],
        "Gender": GENDER,
        "CellNo": PHONE,
        "PostalCode": POSTAL,
        "BankAccount": ["US_BANK_NUMBER"],
        "BranchCode": ANY,
        "Disability": ["HEALTH_DATA"],
        "Occupation": NONE,
        "BasicSalary": ANY,
        "StartDate": NONE,
    }
    return df, labels
