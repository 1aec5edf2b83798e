"""Public records, health, research, school and membership tables."""

from __future__ import annotations

import hashlib

import pandas as pd

from . import ids
from .common import (
    AGE,
    ANY,
    CITY,
    DOB,
    EMAIL,
    FIRST,
    GENDER,
    HEALTH,
    LAST,
    NID,
    NONE,
    NRP,
    PERSON,
    PHONE,
    POSTAL,
    SPECIAL,
    STREET,
    TEXT,
    Label,
    Table,
    dates,
    email_of,
    rng_faker,
    us_phone,
    us_place,
)

DIAGNOSES = [
    "SEPSIS",
    "PNEUMONIA",
    "CONGESTIVE HEART FAILURE",
    "CHEST PAIN",
    "GI BLEED",
    "ALTERED MENTAL STATUS",
    "STEMI",
    "DIABETIC KETOACIDOSIS",
    "COPD EXACERBATION",
    "HIP FRACTURE",
    "OVERDOSE",
    "STROKE;TELEMETRY",
    "PANCREATITIS",
    "CELLULITIS",
]


def mimic_admissions() -> Table:
    rng, _ = rng_faker(501)
    n = 1500
    rows = []
    for t in dates(rng, n, "2110-01-01", "2190-12-31"):  # MIMIC shifts dates into the future
        los = pd.Timedelta(hours=rng.randint(6, 24 * 30))
        died = rng.random() < 0.08
        rows.append(
            {
                "subject_id": rng.randint(10000000, 19999999),
                "hadm_id": rng.randint(20000000, 29999999),
                "admittime": t,
                "dischtime": t + los,
                "deathtime": t + los if died else None,
                "admission_type": rng.choice(
                    ["EW EMER.", "URGENT", "ELECTIVE", "OBSERVATION ADMIT", "DIRECT EMER."]
                ),
                "admission_location": rng.choice(
                    [
                        "EMERGENCY ROOM",
                        "PHYSICIAN REFERRAL",
                        "TRANSFER FROM HOSPITAL",
                        "WALK-IN/SELF REFERRAL",
                    ]
                ),
                "discharge_location": rng.choice(
                    [
                        "HOME",
                        "HOME HEALTH CARE",
                        "SKILLED NURSING FACILITY",
                        "REHAB",
                        "DIED" if died else "HOME",
                    ]
                ),
                "insurance": rng.choice(["Medicare", "Medicaid", "Other"]),
                "language": rng.choice(["ENGLISH", "ENGLISH", "ENGLISH", "SPANISH", "?"]),
                "marital_status": rng.choice(["MARRIED", "SINGLE", "WIDOWED", "DIVORCED", None]),
                "race": rng.choice(
                    [
                        "WHITE",
                        "WHITE",
                        "BLACK/AFRICAN AMERICAN",
                        "HISPANIC/LATINO - PUERTO RICAN",
                        "ASIAN - CHINESE",
                        "UNKNOWN",
                        "OTHER",
                    ]
                ),
                "anchor_age": rng.randint(18, 91),
                "diagnosis": rng.choice(DIAGNOSES),
                "hospital_expire_flag": int(died),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "subject_id": ANY,
        "hadm_id": ANY,
        "admittime": NONE,
        "dischtime": NONE,
        "deathtime": ANY,
        "admission_type": NONE,
        "admission_location": NONE,
        "discharge_location": NONE,
        "insurance": ANY,
        "language": ANY,
        "marital_status": ANY,
        "race": NRP,
        "anchor_age": AGE,
        "diagnosis": HEALTH,
        "hospital_expire_flag": ANY,
    }
    return df, labels


def clinical_trials() -> Table:
    rng, fake = rng_faker(502)
    n = 450
    conditions = [
        "Breast Cancer",
        "Type 2 Diabetes",
        "Alzheimer Disease",
        "COVID-19",
        "Major Depressive Disorder",
        "Asthma",
        "HIV Infections",
        "Obesity",
        "Rheumatoid Arthritis",
        "Heart Failure",
    ]
    sponsors = [
        "Pfizer",
        "National Cancer Institute (NCI)",
        "Novartis Pharmaceuticals",
        "Mayo Clinic",
        "University of California, San Francisco",
        "AstraZeneca",
    ]
    rows = []
    for t in dates(rng, n, "2015-01-01", "2025-01-01"):
        first, last = fake.first_name(), fake.last_name()
        city, st, _ = us_place(rng)
        rows.append(
            {
                "NCTId": f"NCT0{rng.randint(1000000, 6999999)}",
                "BriefTitle": f"A Study of {fake.bothify('??-####').upper()} in "
                f"{rng.choice(conditions)}",
                "OverallStatus": rng.choice(
                    [
                        "RECRUITING",
                        "COMPLETED",
                        "ACTIVE_NOT_RECRUITING",
                        "TERMINATED",
                        "NOT_YET_RECRUITING",
                    ]
                ),
                "Phase": rng.choice(["PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"]),
                "StudyType": rng.choice(["INTERVENTIONAL", "OBSERVATIONAL"]),
                "Condition": rng.choice(conditions),
                "InterventionName": rng.choice(
                    [
                        "Placebo",
                        "Metformin",
                        "Pembrolizumab",
                        "Cognitive behavioural therapy",
                        "Semaglutide",
                    ]
                ),
                "EnrollmentCount": rng.randint(12, 4000),
                "StartDate": t.strftime("%Y-%m"),
                "LeadSponsorName": rng.choice(sponsors),
                "LocationFacility": f"{city} "
                + rng.choice(["Medical Center", "General Hospital", "Clinical Research Unit"]),
                "LocationCity": city,
                "LocationState": st,
                "CentralContactName": f"{first} {last}, {rng.choice(['MD', 'PhD', 'RN', 'MPH'])}",
                "CentralContactPhone": us_phone(rng),
                "CentralContactEMail": email_of(
                    rng, first, last, ["mayo.edu", "ucsf.edu", "pfizer.com", "nih.gov"]
                ),
                "OverallOfficialName": f"{fake.first_name()} {fake.last_name()}, MD",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "NCTId": NONE,
        "BriefTitle": NONE,
        "OverallStatus": NONE,
        "Phase": NONE,
        "StudyType": NONE,
        # what the trial studies, not what a person has
        "Condition": NONE,
        "InterventionName": NONE,
        "EnrollmentCount": NONE,
        "StartDate": NONE,
        "LeadSponsorName": NONE,
        "LocationFacility": NONE,
        "LocationCity": ANY,
        "LocationState": ANY,
        "CentralContactName": PERSON,
        "CentralContactPhone": PHONE,
        "CentralContactEMail": EMAIL,
        "OverallOfficialName": PERSON,
    }
    return df, labels


def acs_extract() -> Table:
    rng, _ = rng_faker(503)
    n = 1200
    counties = [
        ("06", "001", "Alameda County", "California"),
        ("06", "075", "San Francisco County", "California"),
        ("17", "031", "Cook County", "Illinois"),
        ("48", "453", "Travis County", "Texas"),
        ("36", "047", "Kings County", "New York"),
        ("53", "033", "King County", "Washington"),
    ]
    rows = []
    for _ in range(n):
        st, co, cname, sname = rng.choice(counties)
        tract = rng.randint(100, 999999)
        tract_s = f"{tract:06d}"
        pop = rng.randint(800, 9000)
        rows.append(
            {
                "GEO_ID": f"1400000US{st}{co}{tract_s}",
                "NAME": f"Census Tract {tract / 100:g}, {cname}, {sname}",
                "B01001_001E": pop,
                "B01001_001M": rng.randint(80, 900),
                "B19013_001E": rng.choice([rng.randint(18000, 250001), -666666666]),
                "B19013_001M": rng.randint(1000, 40000),
                "B25077_001E": rng.randint(90000, 2000001),
                "B01002_001E": round(rng.uniform(24, 58), 1),
                "state": st,
                "county": co,
                "tract": tract_s,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    labels["NAME"] = ANY  # names of places, coarse
    return df, labels


def ch_officers() -> Table:
    rng, fake = rng_faker(504, "en_GB")
    n = 900
    towns = [
        "London",
        "Manchester",
        "Leeds",
        "Bristol",
        "Glasgow",
        "Cardiff",
        "Sheffield",
        "Nottingham",
        "Leicester",
        "Edinburgh",
        "Brighton",
        "Reading",
        "Norwich",
        "York",
    ]
    rows = []
    for t in dates(rng, n, "2000-01-01", "2025-05-01"):
        first, middle, last = fake.first_name(), fake.first_name(), fake.last_name()
        corporate = rng.random() < 0.06
        born = rng.randint(1940, 2000)
        rows.append(
            {
                "company_number": rng.choice(
                    [f"{rng.randint(10**5, 10**8 - 1):08d}", f"SC{rng.randint(0, 999999):06d}"]
                ),
                "company_name": fake.company().upper() + rng.choice([" LIMITED", " LTD", " LLP"]),
                "officer_name": (fake.company().upper() + " SECRETARIES LIMITED")
                if corporate
                else f"{last.upper()}, {first} {middle}",
                "officer_role": rng.choice(
                    [
                        "director",
                        "director",
                        "secretary",
                        "llp-member",
                        "corporate-secretary" if corporate else "director",
                    ]
                ),
                "appointed_on": t.strftime("%Y-%m-%d"),
                "resigned_on": (
                    (t + pd.Timedelta(days=rng.randint(30, 4000))).strftime("%Y-%m-%d")
                    if rng.random() < 0.3
                    else None
                ),
                "date_of_birth.month": None if corporate else rng.randint(1, 12),
                "date_of_birth.year": None if corporate else born,
                "nationality": None
                if corporate
                else rng.choice(
                    [
                        "British",
                        "British",
                        "British",
                        "Irish",
                        "Polish",
                        "Indian",
                        "Romanian",
                        "Nigerian",
                        "Chinese",
                        "American",
                    ]
                ),
                "country_of_residence": rng.choice(
                    ["United Kingdom", "England", "Scotland", "Wales"]
                ),
                "occupation": rng.choice(
                    [
                        "Director",
                        "Company Director",
                        "Accountant",
                        "Consultant",
                        "Software Developer",
                        "Retired",
                        None,
                    ]
                ),
                "address.premises": rng.choice(
                    [str(rng.randint(1, 200)), f"Flat {rng.randint(1, 30)}", "Unit 4"]
                ),
                "address.address_line_1": fake.street_name(),
                "address.locality": rng.choice(towns),
                "address.postal_code": fake.postcode(),
            }
        )
    df = pd.DataFrame(rows)
    for col in ("date_of_birth.month", "date_of_birth.year"):
        df[col] = df[col].astype("Int64")
    labels: dict[str, Label] = {
        "company_number": NONE,
        "company_name": NONE,
        "officer_name": PERSON,
        "officer_role": NONE,
        "appointed_on": NONE,
        "resigned_on": NONE,
        # month alone says little; the birth year pins an age
        "date_of_birth.month": ANY,
        "date_of_birth.year": ["DATE_OF_BIRTH", "AGE"],
        "nationality": NRP,
        "country_of_residence": ANY,
        "occupation": ANY,
        "address.premises": ANY,
        "address.address_line_1": STREET,
        "address.locality": CITY,
        "address.postal_code": POSTAL,
    }
    return df, labels


def fec_contributions() -> Table:
    rng, fake = rng_faker(505)
    n = 1600
    employers = [
        "RETIRED",
        "SELF-EMPLOYED",
        "NOT EMPLOYED",
        "GOOGLE",
        "KAISER PERMANENTE",
        "US ARMY",
        "UNIVERSITY OF MICHIGAN",
        "WALMART",
        "N/A",
        "HOMEMAKER",
    ]
    occupations = [
        "RETIRED",
        "ATTORNEY",
        "PHYSICIAN",
        "TEACHER",
        "ENGINEER",
        "CONSULTANT",
        "NOT EMPLOYED",
        "CEO",
        "NURSE",
        "SALES",
    ]
    rows = []
    for i, t in enumerate(dates(rng, n, "2023-01-01", "2024-12-31")):
        city, st, zip5 = us_place(rng)
        rows.append(
            {
                "CMTE_ID": rng.choice(["C00401224", "C00694323", "C00580100", "C00010603"]),
                "AMNDT_IND": rng.choice(["N", "N", "N", "A"]),
                "RPT_TP": rng.choice(["Q1", "Q2", "M3", "12G", "30G"]),
                "TRANSACTION_PGI": rng.choice(["P2024", "G2024"]),
                "IMAGE_NUM": f"2024{rng.randint(10**13, 10**14 - 1)}",
                "TRANSACTION_TP": rng.choice(["15", "15E", "15", "24T"]),
                "ENTITY_TP": "IND",
                "NAME": f"{fake.last_name().upper()}, {fake.first_name().upper()}"
                + rng.choice(["", "", f" {rng.choice('ABCDEJKLMRST')}", " MR.", " DR."]),
                "CITY": city.upper(),
                "STATE": st,
                "ZIP_CODE": zip5 + (f"{rng.randint(0, 9999):04d}" if rng.random() < 0.6 else ""),
                "EMPLOYER": rng.choice(employers),
                "OCCUPATION": rng.choice(occupations),
                "TRANSACTION_DT": t.strftime("%m%d%Y"),
                "TRANSACTION_AMT": rng.choice([5, 10, 25, 27, 50, 100, 250, 500, 1000, 3300]),
                "OTHER_ID": rng.choice(["", "", "C00401224"]),
                "TRAN_ID": f"SA11AI.{rng.randint(10**6, 10**8)}",
                "FILE_NUM": rng.randint(1700000, 1800000),
                "MEMO_CD": rng.choice(["", "", "X"]),
                "MEMO_TEXT": rng.choice(
                    ["", "", "EARMARKED THROUGH ACTBLUE", "* EARMARKED CONTRIBUTION"]
                ),
                "SUB_ID": 4000000000000000000 + i * 7919 + rng.randint(0, 7000),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {c: NONE for c in df.columns}
    labels.update(
        {
            "NAME": PERSON,
            "CITY": CITY,
            "STATE": ANY,
            "ZIP_CODE": POSTAL,
            "EMPLOYER": ANY,
            "OCCUPATION": ANY,
            # which committee a person gives to is a political opinion, but the id names a committee
            "CMTE_ID": ANY,
            "OTHER_ID": ANY,
        }
    )
    return df, labels


def email_metadata() -> Table:
    rng, fake = rng_faker(506)
    n = 1200
    staff = []
    for _ in range(60):
        first, last = fake.first_name(), fake.last_name()
        staff.append(
            (
                f"{first.lower()}.{last.lower()}@enron.com",
                f"{first} {fake.random_uppercase_letter()} {last}",
                last,
                first,
            )
        )
    subjects = [
        "RE: gas contract",
        "FW: updated curves",
        "Meeting tomorrow",
        "RE: RE: Q3 numbers",
        "",
        "Conference call at 2pm",
        "Fantasy football",
        "RE: deal ticket 58823",
    ]
    rows = []
    for i, t in enumerate(dates(rng, n, "2000-01-01", "2001-12-31")):
        sender = rng.choice(staff)
        tos = rng.sample(staff, rng.randint(1, 4))
        ccs = rng.sample(staff, rng.randint(0, 3))
        subj = rng.choice(subjects)
        if rng.random() < 0.15:
            subj = rng.choice(
                [
                    f"RE: dinner with {fake.first_name()} and {fake.first_name()}",
                    f"{fake.name()} resume",
                    f"call {fake.first_name()} back re: offer",
                ]
            )
        rows.append(
            {
                "Message-ID": f"<{rng.randint(10**6, 10**8)}.{rng.randint(10**12, 10**13)}"
                ".JavaMail.evans@thyme>",
                "Date": t.strftime("%a, %d %b %Y %H:%M:%S -0800 (PST)"),
                "From": sender[0],
                "To": ", ".join(x[0] for x in tos),
                "Cc": ", ".join(x[0] for x in ccs),
                "Subject": subj,
                "X-From": sender[1],
                "X-To": ", ".join(x[1] for x in tos),
                "X-Folder": f"\\{sender[2]}_{sender[3]}_Jan2002"
                f"\\{sender[2]}, {sender[3]}\\Sent Items",
                "X-Origin": f"{sender[2]}-{sender[3][0]}",
                "file": f"{sender[2].lower()}-{sender[3][0].lower()}/sent_items/{i + 1}.",
                "size_bytes": rng.randint(400, 90000),
                "has_attachment": rng.random() < 0.2,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Message-ID": NONE,
        "Date": NONE,
        "From": EMAIL,
        "To": EMAIL,
        "Cc": EMAIL,
        "Subject": TEXT,
        "X-From": PERSON,
        "X-To": PERSON,
        "X-Folder": ANY,
        "X-Origin": ANY,
        "file": ANY,
        "size_bytes": NONE,
        "has_attachment": NONE,
    }
    return df, labels


def uk_gp_patients() -> Table:
    rng, fake = rng_faker(507, "en_GB")
    n = 900
    towns = [
        "Leeds",
        "Bradford",
        "Sheffield",
        "Hull",
        "York",
        "Wakefield",
        "Doncaster",
        "Harrogate",
        "Huddersfield",
        "Halifax",
    ]
    ethnic = [
        "A - White - British",
        "A - White - British",
        "C - White - Any other White background",
        "H - Asian or Asian British - Indian",
        "J - Asian or Asian British - Pakistani",
        "N - Black or Black British - African",
        "R - Other Ethnic Groups - Chinese",
        "Z - Not stated",
    ]
    ltc = [
        "",
        "",
        "",
        "Asthma",
        "Type 2 diabetes",
        "Hypertension",
        "COPD; Hypertension",
        "Depression",
        "Atrial fibrillation",
        "Chronic kidney disease stage 3",
    ]
    rows = []
    for t in dates(rng, n, "1935-01-01", "2023-12-31"):
        male = rng.random() < 0.5
        nhs = ids.nhs_number(rng)
        ni = ids.nino(rng)
        rows.append(
            {
                "NHS Number": f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}" if rng.random() < 0.7 else nhs,
                "NI Number": (
                    f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}" if rng.random() < 0.5 else ni
                )
                if t.year < 2008
                else "",
                "Forename": fake.first_name_male() if male else fake.first_name_female(),
                "Surname": fake.last_name(),
                "Sex": "M" if male else "F",
                "DOB": t.strftime("%d/%m/%Y"),
                "Address Line 1": f"{rng.randint(1, 220)} {fake.street_name()}",
                "Town": rng.choice(towns),
                "Postcode": fake.postcode(),
                "Telephone": rng.choice(
                    [
                        f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                        f"0113 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    ]
                ),
                "Practice Code": rng.choice(["B86001", "B86002", "B86010", "B86025"]),
                "Registration Date": dates(rng, 1, "1990-01-01", "2025-01-01", "%d/%m/%Y")[0],
                "Ethnic Category": rng.choice(ethnic),
                "Long Term Conditions": rng.choice(ltc),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "NHS Number": ["UK_NHS", "NATIONAL_ID"],
        "NI Number": NID,
        "Forename": FIRST,
        "Surname": LAST,
        "Sex": GENDER,
        "DOB": DOB,
        "Address Line 1": STREET,
        "Town": CITY,
        "Postcode": POSTAL,
        "Telephone": PHONE,
        "Practice Code": NONE,
        "Registration Date": NONE,
        "Ethnic Category": NRP,
        "Long Term Conditions": HEALTH,
    }
    return df, labels


def school_grades() -> Table:
    rng, fake = rng_faker(508)
    n = 1400
    students = [
        (
            f"S{rng.randint(100000, 999999)}",
            fake.first_name(),
            fake.last_name(),
            rng.choice([9, 10, 11, 12]),
        )
        for _ in range(230)
    ]
    teachers = ["Ms. Alvarez", "Mr. Okafor", "Mrs. Chen", "Mr. Duffy", "Dr. Patel", "Ms. Novak"]
    courses = [
        ("MATH201", "Algebra II"),
        ("ENG101", "English 9"),
        ("BIO110", "Biology"),
        ("HIS210", "US History"),
        ("CHEM220", "Chemistry"),
        ("ART100", "Studio Art"),
    ]
    comments_stock = [
        "Good effort this term.",
        "Needs to complete homework on time.",
        "Excellent participation.",
        "",
        "",
        "Shows steady improvement.",
    ]
    rows = []
    for _ in range(n):
        sid, first, last, gl = rng.choice(students)
        code, title = rng.choice(courses)
        score = rng.randint(45, 100)
        comment = rng.choice(comments_stock)
        if rng.random() < 0.2:
            comment = rng.choice(
                [
                    f"{first} is struggling since the family moved; spoke with "
                    f"{fake.first_name()} {last} (parent).",
                    f"{first} was absent 9 days (hospital stay).",
                    f"Please ask {first}'s mother to call me at {us_phone(rng)}.",
                ]
            )
        rows.append(
            {
                "student_number": sid,
                "student_first": first,
                "student_last": last,
                "grade_level": gl,
                "course_code": code,
                "course_title": title,
                "teacher": rng.choice(teachers),
                "term": rng.choice(["2024-T1", "2024-T2", "2024-T3"]),
                "score": score,
                "letter_grade": "A"
                if score >= 90
                else "B"
                if score >= 80
                else "C"
                if score >= 70
                else "D"
                if score >= 60
                else "F",
                "teacher_comment": comment,
                "accommodations": rng.choice(
                    [
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "Extended time (ADHD)",
                        "504 plan: type 1 diabetes",
                        "IEP - dyslexia",
                        "Hearing impaired - front seating",
                    ]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "student_number": ANY,
        "student_first": FIRST,
        "student_last": LAST,
        "grade_level": NONE,
        "course_code": NONE,
        "course_title": NONE,
        "teacher": PERSON,
        "term": NONE,
        "score": ANY,
        "letter_grade": ANY,
        "teacher_comment": TEXT,
        "accommodations": HEALTH,
    }
    return df, labels


def library_loans() -> Table:
    rng, fake = rng_faker(509)
    n = 1100
    patrons = [(f"2{rng.randint(10**12, 10**13 - 1)}", fake.name()) for _ in range(300)]
    books = [
        ("The Body Keeps the Score", "Bessel van der Kolk", "616.8521 VAN"),
        ("Becoming", "Michelle Obama", "B OBAMA"),
        ("Where the Crawdads Sing", "Delia Owens", "FIC OWENS"),
        ("Sapiens", "Yuval Noah Harari", "909 HAR"),
        ("The Midnight Library", "Matt Haig", "FIC HAIG"),
        ("Atomic Habits", "James Clear", "158.1 CLE"),
        ("Dune", "Frank Herbert", "SF HERBERT"),
        ("Educated", "Tara Westover", "B WESTOVER"),
    ]
    rows = []
    for t in dates(rng, n, "2025-01-01", "2025-05-31"):
        pb, pname = rng.choice(patrons)
        title, author, call = rng.choice(books)
        due = t + pd.Timedelta(days=21)
        rows.append(
            {
                "patron_barcode": pb,
                "patron_name": pname,
                "item_barcode": f"3{rng.randint(10**12, 10**13 - 1)}",
                "title": title,
                "author": author,
                "call_number": call,
                "checkout_date": t.strftime("%Y-%m-%d"),
                "due_date": due.strftime("%Y-%m-%d"),
                "returned_date": (
                    (due - pd.Timedelta(days=rng.randint(-10, 15))).strftime("%Y-%m-%d")
                    if rng.random() < 0.8
                    else None
                ),
                "branch": rng.choice(["Central", "Eastside", "Northgate", "Bookmobile"]),
                "fines_owed": rng.choice([0.0, 0.0, 0.0, 0.25, 1.5, 3.0]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "patron_barcode": ANY,
        "patron_name": PERSON,
        "item_barcode": NONE,
        "title": NONE,
        # the books' authors: public names, not the library's data subjects
        "author": ANY,
        "call_number": NONE,
        "checkout_date": NONE,
        "due_date": NONE,
        "returned_date": NONE,
        "branch": NONE,
        "fines_owed": NONE,
    }
    return df, labels


def gym_members() -> Table:
    """Written tab-separated, as a front-desk system's export."""
    rng, fake = rng_faker(510)
    n = 750
    parq = [
        "no conditions declared",
        "no conditions declared",
        "no conditions declared",
        "asthma (inhaler)",
        "knee surgery 2021",
        "high blood pressure",
        "pregnant (2nd trimester)",
        "type 1 diabetes",
        "heart condition - doctor's clearance on file",
    ]
    rows = []
    for t in dates(rng, n, "1955-01-01", "2006-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        template = hashlib.sha256(f"{first}{last}{t}".encode()).hexdigest()
        rows.append(
            {
                "MemberID": f"GM{rng.randint(100000, 999999)}",
                "Full Name": f"{first} {last}",
                "E-mail": email_of(rng, first, last),
                "Mobile": us_phone(rng),
                "Date of Birth": t.strftime("%m/%d/%Y"),
                "Gender": rng.choice(["Male", "Female"]) if rng.random() < 0.95 else "Non-binary",
                "Plan": rng.choice(["Basic", "Peak", "Off-Peak", "Student", "Family"]),
                "Join Date": dates(rng, 1, "2018-01-01", "2025-05-01", "%m/%d/%Y")[0],
                "Home Club": rng.choice(["Downtown", "Riverside", "Airport"]),
                "Emergency Contact": fake.name(),
                "Emergency Phone": us_phone(rng),
                "Health Declaration": rng.choice(parq),
                "Weight (kg)": round(rng.uniform(48, 120), 1),
                "Access Card UID": ids.hexstr(rng, 14).upper(),
                "Fingerprint Template SHA256": template,
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "MemberID": ANY,
        "Full Name": PERSON,
        "E-mail": EMAIL,
        "Mobile": PHONE,
        "Date of Birth": DOB,
        "Gender": GENDER,
        "Plan": NONE,
        "Join Date": NONE,
        "Home Club": NONE,
        "Emergency Contact": PERSON,
        "Emergency Phone": PHONE,
        "Health Declaration": HEALTH,
        "Weight (kg)": ANY,
        "Access Card UID": ANY,
        # a hash of a biometric template: Art. 9 data with no entity of its own
        "Fingerprint Template SHA256": ANY,
    }
    return df, labels


def community_survey() -> Table:
    rng, _ = rng_faker(511)
    n = 800
    rows = []
    for _ in range(n):
        rows.append(
            {
                "resp_id": rng.randint(100000, 999999),
                "age_band": rng.choice(["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]),
                "religion": rng.choice(
                    [
                        "Christian",
                        "Muslim",
                        "Jewish",
                        "Hindu",
                        "Buddhist",
                        "Sikh",
                        "No religion",
                        "Prefer not to say",
                    ]
                ),
                "sexual_orientation": rng.choice(
                    [
                        "Heterosexual",
                        "Heterosexual",
                        "Gay or lesbian",
                        "Bisexual",
                        "Asexual",
                        "Prefer not to say",
                    ]
                ),
                "trade_union_member": rng.choice(["Yes", "No", "No", "Prefer not to say"]),
                "political_leaning": rng.choice(
                    ["Left", "Centre-left", "Centre", "Centre-right", "Right", "Don't know"]
                ),
                "ethnic_group": rng.choice(["White", "Black", "Asian", "Mixed", "Other"]),
                "disability": rng.choice(
                    [
                        "None",
                        "None",
                        "None",
                        "Mobility",
                        "Visual",
                        "Mental health",
                        "Learning disability",
                    ]
                ),
                "gender_identity": rng.choice(
                    ["Woman", "Man", "Non-binary", "Prefer to self-describe"]
                ),
                "satisfaction": rng.randint(1, 10),
                "household_size": rng.randint(1, 7),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "resp_id": ANY,
        "age_band": AGE,
        "religion": NRP,
        "sexual_orientation": SPECIAL,
        "trade_union_member": SPECIAL,
        "political_leaning": NRP,
        "ethnic_group": NRP,
        "disability": HEALTH,
        "gender_identity": GENDER,
        "satisfaction": NONE,
        "household_size": NONE,
    }
    return df, labels


def genetics_cohort() -> Table:
    rng, _ = rng_faker(512)
    n = 600
    geno = ["AA", "AG", "GG", "CC", "CT", "TT"]
    rows = []
    for _ in range(n):
        pid = f"P{rng.randint(0, 999999):06d}"
        rows.append(
            {
                "participant_id": pid,
                "sample_barcode": f"SM-{ids.hexstr(rng, 6).upper()}",
                "sex_at_birth": rng.choice(["F", "M"]),
                "birth_year": rng.randint(1940, 2004),
                "genetic_ancestry": rng.choice(["EUR", "AFR", "EAS", "SAS", "AMR"]),
                "APOE_genotype": rng.choice(["e3/e3", "e3/e3", "e3/e4", "e2/e3", "e4/e4", "e2/e4"]),
                "BRCA1_result": rng.choice(
                    ["no variant detected"] * 8 + ["pathogenic: c.68_69delAG", "VUS: c.5096G>A"]
                ),
                "rs1801133": rng.choice(geno[:3]),
                "rs429358": rng.choice(geno[3:]),
                "prs_cad": round(rng.gauss(0, 1), 4),
                "consent_version": rng.choice(["v2.1", "v3.0"]),
                "vcf_uri": f"gs://cohort-vcf/{pid}.vcf.gz",
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "participant_id": ANY,
        "sample_barcode": NONE,
        "sex_at_birth": GENDER,
        "birth_year": ["DATE_OF_BIRTH", "AGE"],
        "genetic_ancestry": NRP,
        "APOE_genotype": SPECIAL,
        "BRCA1_result": SPECIAL,
        "rs1801133": SPECIAL,
        "rs429358": SPECIAL,
        "prs_cad": ANY,
        "consent_version": NONE,
        "vcf_uri": ANY,
    }
    return df, labels
