"""Customer and staff tables of other countries: local headers, local id formats and checksums."""

from __future__ import annotations

import pandas as pd

from . import ids
from .common import (
    ANY,
    AU_SUBURBS,
    CA_CITIES,
    CITY,
    DOB,
    EMAIL,
    FIRST,
    GENDER,
    IBAN,
    LAST,
    NID,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    Label,
    Table,
    dates,
    email_of,
    rng_faker,
    sometimes,
)


def kunden_de() -> Table:
    """Windows-1252 and semicolons, as German Excel saves CSV."""
    rng, fake = rng_faker(601, "de_DE")
    n = 900
    rows = []
    for t in dates(rng, n, "1940-01-01", "2005-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        street = fake.street_name()
        rows.append(
            {
                "Kundennummer": f"K-{rng.randint(100000, 999999)}",
                "Anrede": "Herr" if male else "Frau",
                "Vorname": first,
                "Nachname": last,
                "Straße": street,
                "Hausnummer": f"{rng.randint(1, 180)}{rng.choice(['', '', '', 'a', 'b'])}",
                "PLZ": fake.postcode(),
                "Ort": fake.city(),
                "Geburtsdatum": t.strftime("%d.%m.%Y"),
                "Telefon": fake.phone_number(),
                "E-Mail": email_of(
                    rng, first, last, ["web.de", "gmx.de", "t-online.de", "gmail.com"]
                ),
                "Steuer-ID": ids.steuer_id(rng),
                "IBAN": fake.iban(),
                "Kontoinhaber": f"{first} {last}",
                "Umsatz 2024": f"{rng.uniform(0, 5000):.2f}".replace(".", ","),
                "Kundengruppe": rng.choice(["Privat", "Privat", "Gewerbe", "Premium"]),
                "Newsletter": rng.choice(["ja", "nein"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Kundennummer": ANY,
        "Anrede": ANY,
        "Vorname": FIRST,
        "Nachname": LAST,
        "Straße": STREET,
        "Hausnummer": ANY,
        "PLZ": POSTAL,
        "Ort": CITY,
        "Geburtsdatum": DOB,
        "Telefon": PHONE,
        "E-Mail": EMAIL,
        "Steuer-ID": NID,
        "IBAN": IBAN,
        "Kontoinhaber": PERSON,
        "Umsatz 2024": NONE,
        "Kundengruppe": NONE,
        "Newsletter": NONE,
    }
    return df, labels


FR_CITIES = [
    ("Paris", "75"),
    ("Marseille", "13"),
    ("Lyon", "69"),
    ("Toulouse", "31"),
    ("Nice", "06"),
    ("Nantes", "44"),
    ("Strasbourg", "67"),
    ("Montpellier", "34"),
    ("Bordeaux", "33"),
    ("Lille", "59"),
    ("Rennes", "35"),
    ("Reims", "51"),
    ("Toulon", "83"),
    ("Grenoble", "38"),
    ("Dijon", "21"),
    ("Angers", "49"),
    ("Nîmes", "30"),
    ("Villeurbanne", "69"),
    ("Clermont-Ferrand", "63"),
    ("Le Mans", "72"),
    ("Aix-en-Provence", "13"),
    ("Brest", "29"),
    ("Tours", "37"),
    ("Amiens", "80"),
    ("Limoges", "87"),
    ("Annecy", "74"),
    ("Perpignan", "66"),
    ("Metz", "57"),
    ("Besançon", "25"),
    ("Orléans", "45"),
    ("Rouen", "76"),
    ("Caen", "14"),
]


def clients_fr() -> Table:
    rng, fake = rng_faker(602, "fr_FR")
    n = 800
    rows = []
    for t in dates(rng, n, "1945-01-01", "2004-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        nir = ids.nir(rng, male, t.year, t.month)
        home = rng.choice(FR_CITIES)
        rows.append(
            {
                "civilité": "M." if male else "Mme",
                "nom": last.upper(),
                "prénom": first,
                "date_de_naissance": t.strftime("%d/%m/%Y"),
                "lieu_de_naissance": rng.choice(FR_CITIES)[0],
                "n_securite_sociale": (
                    f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
                )
                if rng.random() < 0.5
                else nir,
                "adresse": fake.street_address(),
                "code_postal": f"{home[1]}{rng.randint(0, 999):03d}",
                "ville": home[0],
                "téléphone": fake.phone_number(),
                "courriel": email_of(
                    rng, first, last, ["orange.fr", "free.fr", "laposte.net", "gmail.com"]
                ),
                "iban": fake.iban(),
                "mutuelle": rng.choice(
                    ["MGEN", "Harmonie Mutuelle", "AG2R", "Malakoff Humanis", ""]
                ),
                "montant_ttc": f"{rng.uniform(5, 900):.2f}".replace(".", ","),
                "date_commande": dates(rng, 1, "2024-01-01", "2025-05-01", "%d/%m/%Y")[0],
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "civilité": ANY,
        "nom": LAST,
        "prénom": FIRST,
        "date_de_naissance": DOB,
        "lieu_de_naissance": CITY,
        "n_securite_sociale": NID,
        "adresse": STREET,
        "code_postal": POSTAL,
        "ville": CITY,
        "téléphone": PHONE,
        "courriel": EMAIL,
        "iban": IBAN,
        "mutuelle": ANY,
        "montant_ttc": NONE,
        "date_commande": NONE,
    }
    return df, labels


# faker's it_IT city() draws from an unordered set: not reproducible across runs
IT_COMUNI = [
    "Roma",
    "Milano",
    "Napoli",
    "Torino",
    "Palermo",
    "Genova",
    "Bologna",
    "Firenze",
    "Bari",
    "Catania",
    "Verona",
    "Venezia",
    "Messina",
    "Padova",
    "Trieste",
    "Brescia",
    "Parma",
    "Prato",
    "Taranto",
    "Modena",
    "Reggio Calabria",
    "Perugia",
    "Ravenna",
    "Livorno",
    "Cagliari",
    "Foggia",
    "Rimini",
    "Salerno",
    "Ferrara",
    "Sassari",
    "Latina",
    "Monza",
    "Bergamo",
    "Pescara",
    "Trento",
    "Vicenza",
    "Terni",
    "Novara",
    "Ancona",
    "Lecce",
    "Udine",
    "Arezzo",
]


def anagrafica_it() -> Table:
    rng, fake = rng_faker(603, "it_IT")
    n = 700
    rows = []
    for t in dates(rng, n, "1940-01-01", "2005-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        rows.append(
            {
                "codice_fiscale": ids.codice_fiscale(
                    rng, last, first, male, t.year, t.month, t.day
                ),
                "cognome": last,
                "nome": first,
                "sesso": "M" if male else "F",
                "data_nascita": t.strftime("%Y-%m-%d"),
                "comune_nascita": rng.choice(IT_COMUNI),
                "provincia": fake.state_abbr() if hasattr(fake, "state_abbr") else "MI",
                "indirizzo": fake.street_address(),
                "cap": fake.postcode(),
                "cellulare": f"+39 3{rng.randint(20, 93)} {rng.randint(100, 999)} "
                f"{rng.randint(1000, 9999)}",
                "pec": email_of(rng, first, last, ["pec.it", "legalmail.it", "postecert.it"]),
                "partita_iva": sometimes(rng, 0.2, lambda: f"{rng.randint(10**10, 10**11 - 1)}"),
                "saldo": round(rng.uniform(-500, 20000), 2),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "codice_fiscale": NID,
        "cognome": LAST,
        "nome": FIRST,
        "sesso": GENDER,
        "data_nascita": DOB,
        "comune_nascita": CITY,
        "provincia": ANY,
        "indirizzo": STREET,
        "cap": POSTAL,
        "cellulare": PHONE,
        "pec": EMAIL,
        # a sole trader's VAT number names a person, a company's does not
        "partita_iva": ANY,
        "saldo": NONE,
    }
    return df, labels


def klanten_nl() -> Table:
    rng, fake = rng_faker(604, "nl_NL")
    n = 800
    tussen = ["", "", "", "van", "de", "van der", "van den", "ter"]
    rows = []
    for t in dates(rng, n, "1940-01-01", "2006-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        tv = rng.choice(tussen)
        last = fake.last_name().split(" ")[-1]
        pc = fake.postcode()
        rows.append(
            {
                "klantnummer": rng.randint(100000, 999999),
                "voorletters": ".".join(
                    first[0] + (rng.choice("JMAPHW") if rng.random() < 0.4 else "")
                )
                + ".",
                "roepnaam": first,
                "tussenvoegsel": tv,
                "achternaam": last,
                "geslacht": "M" if male else "V",
                "geboortedatum": t.strftime("%d-%m-%Y"),
                "bsn": ids.bsn(rng),
                "straatnaam": fake.street_name(),
                "huisnummer": rng.randint(1, 300),
                "postcode": f"{pc[:4]} {pc[4:]}" if rng.random() < 0.5 else pc,
                "woonplaats": fake.city(),
                "telefoonnummer": rng.choice(
                    [
                        f"06-{rng.randint(10000000, 99999999)}",
                        f"+31 6 {rng.randint(10000000, 99999999)}",
                        fake.phone_number(),
                    ]
                ),
                "emailadres": email_of(
                    rng, first, last, ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl"]
                ),
                "iban": fake.iban(),
                "incasso": rng.choice(["J", "N"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "klantnummer": ANY,
        "voorletters": ANY,
        "roepnaam": FIRST,
        "tussenvoegsel": ANY,
        "achternaam": LAST,
        "geslacht": GENDER,
        "geboortedatum": DOB,
        "bsn": NID,
        "straatnaam": STREET,
        "huisnummer": ANY,
        "postcode": POSTAL,
        "woonplaats": CITY,
        "telefoonnummer": PHONE,
        "emailadres": EMAIL,
        "iban": IBAN,
        "incasso": NONE,
    }
    return df, labels


def klienci_pl() -> Table:
    """Pipe-separated, as an ERP's flat-file export."""
    rng, fake = rng_faker(605, "pl_PL")
    n = 700
    rows = []
    for t in dates(rng, n, "1945-01-01", "2006-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name_male() if male else fake.last_name_female()
        nrb = fake.iban()[2:]
        rows.append(
            {
                "id_klienta": rng.randint(1, 99999),
                "imie": first,
                "nazwisko": last,
                "pesel": ids.pesel(rng, t.year, t.month, t.day, male),
                "nr_dowodu": fake.bothify("???######").upper(),
                "ulica": fake.street_address(),
                "kod_pocztowy": fake.postcode(),
                "miejscowosc": fake.city(),
                "telefon": rng.choice(
                    [
                        f"+48 {rng.randint(500, 799)} {rng.randint(100, 999)} "
                        f"{rng.randint(100, 999)}",
                        fake.phone_number(),
                    ]
                ),
                "email": email_of(
                    rng, first, last, ["wp.pl", "onet.pl", "interia.pl", "gmail.com"]
                ),
                "nr_rachunku": " ".join([nrb[:2]] + [nrb[i : i + 4] for i in range(2, 26, 4)]),
                "wartosc_zamowien": f"{rng.uniform(0, 9000):.2f}",
                "zgoda_marketing": rng.choice(["T", "N"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "id_klienta": ANY,
        "imie": FIRST,
        "nazwisko": LAST,
        "pesel": NID,
        "nr_dowodu": NID,
        "ulica": STREET,
        "kod_pocztowy": POSTAL,
        "miejscowosc": CITY,
        "telefon": PHONE,
        "email": EMAIL,
        "nr_rachunku": ["IBAN_CODE", "US_BANK_NUMBER"],
        "wartosc_zamowien": NONE,
        "zgoda_marketing": NONE,
    }
    return df, labels


def kokyaku_jp() -> Table:
    rng, fake = rng_faker(606, "ja_JP")
    n = 600
    rows = []
    for t in dates(rng, n, "1945-01-01", "2005-12-31"):
        male = rng.random() < 0.5
        last, first = (
            fake.last_name(),
            (fake.first_name_male() if male else fake.first_name_female()),
        )
        rows.append(
            {
                "顧客ID": f"C{rng.randint(1000000, 9999999)}",
                "氏名": f"{last} {first}",
                "フリガナ": fake.last_kana_name()
                + " "
                + (fake.first_kana_name_male() if male else fake.first_kana_name_female()),
                "性別": "男" if male else "女",
                "生年月日": t.strftime("%Y/%m/%d"),
                "郵便番号": fake.postcode(),
                "住所": fake.address(),
                "電話番号": rng.choice(
                    [
                        f"090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                        f"080-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                        fake.phone_number(),
                    ]
                ),
                "メールアドレス": f"{fake.user_name()}@"
                + rng.choice(["docomo.ne.jp", "ezweb.ne.jp", "gmail.com", "yahoo.co.jp"]),
                "マイナンバー": ids.my_number(rng),
                "会員ランク": rng.choice(["ブロンズ", "シルバー", "ゴールド"]),
                "累計購入金額": rng.randint(0, 500000),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "顧客ID": ANY,
        "氏名": PERSON,
        "フリガナ": PERSON,
        "性別": GENDER,
        "生年月日": DOB,
        "郵便番号": POSTAL,
        "住所": STREET,
        "電話番号": PHONE,
        "メールアドレス": EMAIL,
        "マイナンバー": NID,
        "会員ランク": NONE,
        "累計購入金額": NONE,
    }
    return df, labels


def hoewon_kr() -> Table:
    rng, fake = rng_faker(607, "ko_KR")
    n = 700
    rows = []
    for t in dates(rng, n, "1950-01-01", "2006-12-31"):
        male = rng.random() < 0.5
        rows.append(
            {
                "회원번호": rng.randint(100000, 999999),
                "이름": fake.name(),
                "주민등록번호": ids.rrn(rng, t.year, t.month, t.day, male),
                "휴대폰": f"010-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                "이메일": f"{fake.user_name()}@"
                + rng.choice(["naver.com", "daum.net", "gmail.com", "kakao.com"]),
                "주소": fake.address(),
                "우편번호": fake.postcode(),
                "가입일": dates(rng, 1, "2015-01-01", "2025-05-01", "%Y-%m-%d")[0],
                "등급": rng.choice(["일반", "실버", "골드", "VIP"]),
                "적립금": rng.randint(0, 50000),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "회원번호": ANY,
        "이름": PERSON,
        "주민등록번호": ["KR_RRN", "NATIONAL_ID"],
        "휴대폰": PHONE,
        "이메일": EMAIL,
        "주소": STREET,
        "우편번호": POSTAL,
        "가입일": NONE,
        "등급": NONE,
        "적립금": NONE,
    }
    return df, labels


def medlemmar_se() -> Table:
    rng, fake = rng_faker(608, "sv_SE")
    n = 650
    rows = []
    for t in dates(rng, n, "1940-01-01", "2006-12-31"):
        male = rng.random() < 0.5
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        pc = fake.postcode()
        rows.append(
            {
                "personnummer": ids.personnummer(
                    rng, t.year, t.month, t.day, male, long=rng.random() < 0.5
                ),
                "fornamn": first,
                "efternamn": last,
                "gatuadress": fake.street_address(),
                "postnummer": f"{pc[:3]} {pc[3:]}",
                "ort": fake.city(),
                "mobil": f"07{rng.choice('02369')}-{rng.randint(100, 999)} {rng.randint(10, 99)} "
                f"{rng.randint(10, 99)}",
                "epost": email_of(rng, first, last, ["telia.com", "gmail.com", "hotmail.se"]),
                "medlemstyp": rng.choice(["Ordinarie", "Student", "Pensionär", "Familj"]),
                "medlem_sedan": rng.randint(1990, 2025),
                "avgift_betald": rng.choice([True, False]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "personnummer": NID,
        "fornamn": FIRST,
        "efternamn": LAST,
        "gatuadress": STREET,
        "postnummer": POSTAL,
        "ort": CITY,
        "mobil": PHONE,
        "epost": EMAIL,
        "medlemstyp": NONE,
        "medlem_sedan": NONE,
        "avgift_betald": NONE,
    }
    return df, labels


def ca_employees() -> Table:
    rng, fake = rng_faker(609, "en_CA")
    n = 600
    rows = []
    for t in dates(rng, n, "1955-01-01", "2005-12-31"):
        first, last = fake.first_name(), fake.last_name()
        city, prov, fsa = rng.choice(CA_CITIES)
        pc = (
            f"{fsa}{rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVWXYZ')} "
            f"{rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVWXYZ')}{rng.randint(0, 9)}"
        )
        sin = ids.sin_ca(rng)
        rows.append(
            {
                "Employee Number": f"E{rng.randint(10000, 99999)}",
                "Legal First Name": first,
                "Legal Last Name": last,
                "SIN": f"{sin[:3]} {sin[3:6]} {sin[6:]}" if rng.random() < 0.6 else sin,
                "Birth Date": t.strftime("%Y-%m-%d"),
                "Home Address": f"{rng.randint(1, 9999)} {fake.street_name()}",
                "City": city,
                "Province": prov,
                "Postal Code": pc,
                "Home Phone": f"({rng.randint(204, 905)}) {rng.randint(200, 999)}-"
                f"{rng.randint(1000, 9999)}",
                "Work Email": f"{first.lower()}.{last.lower()}@northwind.ca",
                "Language Preference": rng.choice(["EN", "EN", "FR"]),
                "Department": rng.choice(["Finance", "Ops", "IT", "Sales", "HR"]),
                "Annual Salary": rng.randint(42, 180) * 1000,
                "Union Local": rng.choice(
                    ["", "", "", "Unifor Local 444", "CUPE 79", "OPSEU 5109"]
                ),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "Employee Number": ANY,
        "Legal First Name": FIRST,
        "Legal Last Name": LAST,
        "SIN": NID,
        "Birth Date": DOB,
        "Home Address": STREET,
        "City": CITY,
        "Province": ANY,
        "Postal Code": POSTAL,
        "Home Phone": PHONE,
        "Work Email": EMAIL,
        "Language Preference": ANY,
        "Department": NONE,
        "Annual Salary": ANY,
        "Union Local": ["NRP", "HEALTH_DATA"],
    }
    return df, labels


def au_payroll() -> Table:
    rng, fake = rng_faker(610, "en_AU")
    n = 550
    rows = []
    for t in dates(rng, n, "1955-01-01", "2006-12-31"):
        first, last = fake.first_name(), fake.last_name()
        suburb, state, pc = rng.choice(AU_SUBURBS)
        tfn = ids.tfn(rng)
        med = ids.medicare_au(rng)
        rows.append(
            {
                "payeeId": rng.randint(1000, 9999),
                "givenName": first,
                "familyName": last,
                "tfn": f"{tfn[:3]} {tfn[3:6]} {tfn[6:]}",
                "medicareNo": f"{med[:4]} {med[4:9]} {med[9]}",
                "dateOfBirth": t.strftime("%d/%m/%Y"),
                "addressLine1": f"{rng.randint(1, 300)} {fake.street_name()}",
                "suburb": suburb,
                "state": state,
                "postcode": pc,
                "mobile": f"04{rng.randint(10, 99)} {rng.randint(100, 999)} "
                f"{rng.randint(100, 999)}",
                "bsb": f"{rng.choice(['062', '083', '033', '012'])}-{rng.randint(0, 999):03d}",
                "accountNumber": f"{rng.randint(10**7, 10**9)}",
                "superFundUsi": rng.choice(["STA0100AU", "AUS0100AU", "HOS0100AU"]),
                "grossPay": round(rng.uniform(1200, 6500), 2),
                "payPeriodEnd": dates(rng, 1, "2025-01-01", "2025-05-31", "%Y-%m-%d")[0],
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "payeeId": ANY,
        "givenName": FIRST,
        "familyName": LAST,
        "tfn": NID,
        "medicareNo": NID,
        "dateOfBirth": DOB,
        "addressLine1": STREET,
        "suburb": CITY,
        "state": ANY,
        "postcode": POSTAL,
        "mobile": PHONE,
        "bsb": ANY,
        "accountNumber": ["US_BANK_NUMBER"],
        "superFundUsi": NONE,
        "grossPay": ANY,
        "payPeriodEnd": NONE,
    }
    return df, labels
