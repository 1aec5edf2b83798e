"""Column-name vocabulary: which words name which entity, and which words say "not PII".

Pure data, read by :mod:`privacy.scan.headers`. Words are in folded form (lower case, no
accents, see :func:`privacy.scan.text.fold`); phrases are separated by commas, and a phrase's
words (separated by spaces) match consecutive words of a tokenised column name. Covers English
with common abbreviations and German, French, Spanish, Portuguese, Italian, Dutch and Nordic
words; CJK and Hangul terms match as substrings because those names have no word breaks.

Strength: how sure the name alone makes us (``STRONG`` a dedicated word such as ``email`` or
``ssn``; ``WEAK`` a word with other common meanings such as ``name`` or ``pass``). Priority
decides between several entity words in one name: the more specific wins (``email_address`` is
an email, not a street address; ``ip_address`` an IP address).
"""

from __future__ import annotations

from privacy.scan.text import wordset

STRONG = 0.9
MEDIUM = 0.7
WEAK = 0.45

# (entity, strength, priority, phrases)
TERMS: list[tuple[str, float, int, str]] = [
    # --- contact ---------------------------------------------------------------------------
    (
        "EMAIL_ADDRESS",
        STRONG,
        90,
        """email, e mail, email address, e mail address, mail address,
        emailaddress, emailadresse, e mail adresse, mailadresse, courriel, adresse mail,
        adresse email, adresse e mail, adresse electronique, correo, correo electronico,
        email id, mailid, epost, e post, epostadresse, sahkoposti, eposta, posta elettronica,
        indirizzo email, emailadres, e mailadres, endereco de email, endereco eletronico,
        endereco email, mail addr, email addr, emailaddr, e posta, почта, электронная почта,
        эл почта""",
    ),
    ("EMAIL_ADDRESS", MEDIUM, 88, "mail"),
    (
        "PHONE_NUMBER",
        STRONG,
        85,
        """phone, telephone, tel, telno, phone number, phonenumber,
        telephone number, mobile, mobile number, mobile phone, mobilephone, cellphone,
        cell phone, cell number, handy, handynummer, telefon, telefonnummer, rufnummer,
        mobilnummer, mobiltelefon, festnetz, telephone portable, telefono, movil, celular,
        telemovel, telefone, cellulare, telefoonnummer, mobiel, mobielnummer, gsm, msisdn,
        contact number, contact no, contact num, contact nr, contactno, phone no, phoneno,
        ph no, ph num, ph nr, phno, mob no, mob num, mob nr, mobno, mobile no, mobileno,
        cell no, cellno, tel no, telnr, tlf, tfno, tlfno, telf, fono, puhelin, puhelinnumero,
        telefonnr, tfn, fax,
        faxnumber, fax number, whatsapp, телефон, мобильный, номер телефона, cep telefonu""",
    ),
    ("PHONE_NUMBER", MEDIUM, 84, "cell, portable, mob"),
    ("PHONE_NUMBER", WEAK, 83, "ph"),
    (
        "STREET_ADDRESS",
        MEDIUM,
        50,
        """address, addr, adresse, anschrift, adres, indirizzo,
        direccion, endereco, domicile, domicilio, residence, адрес, адреса""",
    ),
    (
        "STREET_ADDRESS",
        STRONG,
        52,
        """street, street address, streetaddress, address line,
        addressline, street line, street name, street number, house number, housenumber,
        hausnummer, strasse, strassenname, rue, calle, rua, logradouro, straat, straatnaam,
        huisnummer, via, home address, billing address, shipping address, mailing address,
        postal address, delivery address, residential address, wohnadresse, adresse postale,
        direccion postal, morada, numero de rue, gade, gatan, gatuadress, katuosoite""",
    ),
    (
        "POSTAL_CODE",
        STRONG,
        80,
        """zip, zipcode, zip code, postcode, post code, postal code,
        postalcode, plz, postleitzahl, code postal, codepostal, codigo postal, codigopostal,
        cep, postnummer, postnr, pincode, pin code, zip4, zip5, eircode, postinumero, индекс,
        почтовый индекс, posta kodu""",
    ),
    ("POSTAL_CODE", WEAK, 79, "cp, cap"),
    (
        "LOCATION",
        STRONG,
        60,
        """city, town, ort, stadt, wohnort, ville, ciudad, localidad,
        cidade, citta, plaats, woonplaats, gemeente, municipality, municipio, commune,
        place of birth, birthplace, birth place, geburtsort, lieu de naissance,
        lugar de nacimiento, local de nascimento, luogo di nascita, suburb, locality, village,
        neighborhood, neighbourhood, city name, town name, kaupunki, stad, город, місто, sehir,
        şehir, cty, cty name, cty nm, city nm, miasto, mesto, varos, oras, poblacion""",
    ),
    ("LOCATION", WEAK, 58, "district, county, borough"),
    (
        "GEO_COORDINATE",
        STRONG,
        82,
        """latitude, longitude, lat, lon, lng, geolocation,
        coordinates, coords, gps, geo point, geopoint, lat lng, latlng, latlong, lat long,
        breitengrad, laengengrad, location point, geo location, geo coordinates""",
    ),
    ("GEO_COORDINATE", WEAK, 81, "geo"),
    ("GEO_COORDINATE", 0.65, 81, "long"),
    # --- online identifiers ---------------------------------------------------------------
    (
        "IP_ADDRESS",
        STRONG,
        95,
        """ip, ip address, ipaddress, ipv4, ipv6, ip addr, ipaddr,
        client ip, remote addr, remote ip, remote address, source ip, src ip,
        x forwarded for, forwarded for, user ip, last ip, login ip""",
    ),
    (
        "MAC_ADDRESS",
        STRONG,
        95,
        """mac, mac address, macaddress, macaddr, hwaddr, hw addr,
        bssid""",
    ),
    (
        "URL",
        MEDIUM,
        40,
        """url, website, homepage, web site, web page, webpage, profile url,
        personal website, blog, linkedin, profile link""",
    ),
    ("URL", WEAK, 39, "link, web, uri"),
    (
        "USERNAME",
        STRONG,
        70,
        """username, user name, login, login name, loginname,
        screen name, screenname, benutzername, nom d utilisateur,
        nom utilisateur, nombre de usuario, nombre usuario, nome utente, nome de usuario,
        gebruikersnaam, account name, accountname, login id, user handle, twitter handle,
        instagram handle, gamertag, samaccountname, sam account name, logged on user,
        last logged on user, logon user, logged in user, last logon user, login user,
        current user, last user, user login name, user logon name, github handle,
        github username, slack handle, social handle, social media handle, instagram handle,
        tiktok handle, x handle, telegram handle""",
    ),
    # a social network's column holds its handle (``@name``) or the profile's URL
    (
        "USERNAME",
        MEDIUM,
        69,
        """instagram, twitter, tiktok, snapchat, telegram, twitch, mastodon, skype,
        instagram account, twitter account, social media, ig handle, insta""",
    ),
    (
        "USERNAME",
        MEDIUM,
        69,
        """display name, displayname, user login, handle, nickname, nick, alias, watcher,
        watchers, follower, followers, mentions, participants, cc users""",
    ),
    ("USERNAME", WEAK, 59, "user, users"),
    # --- credentials ------------------------------------------------------------------------
    (
        "PASSWORD",
        STRONG,
        92,
        """password, passwd, pwd, passwort, kennwort, mot de passe, mdp,
        contrasena, senha, wachtwoord, password hash, passwordhash, pw, passcode,
        pass phrase, passphrase, hashed password, salted password""",
    ),
    ("PASSWORD", WEAK, 91, "pass, clave, pin, secret"),
    # --- demographic -------------------------------------------------------------------------
    (
        "DATE_OF_BIRTH",
        STRONG,
        90,
        """dob, date of birth, birth date, birthdate, birthday,
        born, birth, birth year, year of birth, birth dt, geburtsdatum, geburtstag, geboren,
        geburtsjahr, date de naissance, naissance, date naissance, fecha de nacimiento,
        fecha nacimiento, nacimiento, data de nascimento, data nascimento, nascimento,
        data di nascita, nascita, geboortedatum, geboortejaar, fodselsdato, fodelsedatum,
        fodselsdag, syntymaaika, syntymapaiva, bday, b day, date naiss, dt naissance,
        дата рождения, дата народження, dogum tarihi, doğum tarihi, geb, gebdat, geb datum,
        gebdatum, geb dat, nasc, dt nasc, data nasc, dta nasc, fec nac, fecha nac, f nac,
        fnac, ddn, dnaiss, naiss, bdate, b date, d o b, fødselsdato, fødselsdag, født,
        data urodzenia, datum narozeni, datum narození, szuletesi datum, születési dátum""",
    ),
    (
        "AGE",
        STRONG,
        80,
        """age, edad, idade, eta, leeftijd, alder, age years, age in years,
        patient age, customer age, current age""",
    ),
    ("AGE", MEDIUM, 79, "alter"),
    (
        "GENDER",
        STRONG,
        85,
        """gender, sex, geschlecht, sexe, sexo, genero, geslacht, sesso,
        kon, kjonn, sukupuoli, gender identity, biological sex, пол, стать, cinsiyet, płeć,
        pohlaví, pohlavie, spol, lytis, dzimums, sugu, kyn, køn, neme, jinsia,
        jenis kelamin, kelamin, giới tính, φύλο, الجنس, جنس, מין, लिंग, เพศ, стать, genul,
        sexul""",
    ),
    ("GENDER", MEDIUM, 84, "genre"),
    # --- names ------------------------------------------------------------------------------
    (
        "PERSON",
        STRONG,
        62,
        """full name, fullname, person name, personname, customer name,
        client name, contact name, contact person, cardholder, card holder, cardholder name,
        card holder name, account holder, account holder name, holder name, owner name,
        beneficiary, beneficiary name, payee, payee name, recipient name, sender name,
        patient name, employee name, member name, student name, user full name,
        complete name, nombre completo, nome completo, nom complet, vollstaendiger name,
        vollername, emergency contact, next of kin, spouse, spouse name, father name,
        mother name, guardian name, parent name, legal name, passenger name, guest name,
        driver name, traveler name, traveller name, applicant name, candidate name,
        subscriber name, signatory, kundenname, nom client, nombre cliente, nome cliente,
        klantnaam, billing name, shipping name, bill to name, ship to name, delivery name,
        ship name, фио, полное имя""",
    ),
    (
        "PERSON",
        WEAK,
        60,
        """name, naam, nome, nombre, person, customer, client, contact, owner,
        author, recipient, sender, buyer, seller, passenger, guest, member, employee, patient,
        student, holder, applicant, candidate, subscriber, assignee, reporter, manager,
        supervisor, assistant, agent name""",
    ),
    (
        "FIRST_NAME",
        STRONG,
        66,
        """first name, firstname, fname, f name, given name, givenname,
        forename, forenames, christian name, vorname, vornamen, prenom, prenoms,
        nombre de pila, primer nombre, primeiro nome, nome proprio, voornaam, fornavn,
        fornamn, etunimi, imie, jmeno, krestni jmeno, keresztnev, middle name, middlename,
        second name, имя, ім'я, middle names, middle initial""",
    ),
    ("FIRST_NAME", MEDIUM, 65, "middle, mid name, メイ, 名"),
    # the name a person goes by (``KnownAs``, ``preferred_name``, ``Rufname``)
    (
        "FIRST_NAME",
        MEDIUM,
        66,
        """known as, preferred name, preferred first name, goes by, called name, rufname,
        prenom usuel, nombre preferido, nome preferido, roepnaam""",
    ),
    ("FIRST_NAME", WEAK, 64, "first, given"),
    (
        "LAST_NAME",
        STRONG,
        66,
        """last name, lastname, lname, l name, surname, surnames,
        family name, familyname, nachname, familienname, nom de famille, apellido, apellidos,
        primer apellido, segundo apellido, sobrenome, apelido, cognome, achternaam, efternamn,
        etternavn, sukunimi, nazwisko, prijmeni, vezeteknev, maiden name, maidenname, maiden,
        mothers maiden, mothers maiden name, mother maiden, birth name, geburtsname,
        nom de naissance, фамилия, прізвище, soyad, soyadi, soyadı, отчество, 姓""",
    ),
    ("LAST_NAME", MEDIUM, 65, "セイ"),
    ("LAST_NAME", MEDIUM, 65, "nom"),
    ("LAST_NAME", WEAK, 63, "last, family"),
    # --- financial ------------------------------------------------------------------------
    (
        "CREDIT_CARD",
        STRONG,
        90,
        """credit card, creditcard, credit card number, card number,
        cardnumber, card no, card num, cc number, ccnumber, cc num, ccnum, cc no,
        credit card no, kreditkarte, kreditkartennummer, kartennummer, carte bancaire,
        numero de carte, numero carte, carte de credit, tarjeta, tarjeta de credito,
        numero tarjeta, numero de tarjeta, cartao, cartao de credito, numero do cartao,
        carta di credito, numero carta, creditcardnummer, kaartnummer, debit card,
        payment card, pan number, primary account number""",
    ),
    ("CREDIT_CARD", MEDIUM, 89, "cc, pan, card"),
    (
        "CREDIT_CARD_CVV",
        STRONG,
        93,
        """cvv, cvv2, cvc, cvc2, csc, cid, security code,
        card security code, card verification, card verification value,
        card verification code, kartenpruefnummer, cryptogramme, codigo de seguridad,
        codice di sicurezza""",
    ),
    ("IBAN_CODE", STRONG, 95, "iban, iban number, iban code, iban nummer, iban no"),
    (
        "US_BANK_NUMBER",
        MEDIUM,
        72,
        """bank account, bank account number, account number,
        acct number, acct no, account no, acct num, bankaccount, accountnumber, kontonummer,
        numero de compte, numero de cuenta, cuenta bancaria, conta bancaria, numero da conta,
        rekeningnummer, bankrekening, bank acct""",
    ),
    ("SWIFT_CODE", STRONG, 90, "swift, bic, swift code, bic code, swift bic, swiftbic, bic swift"),
    (
        "CRYPTO",
        STRONG,
        88,
        """bitcoin address, btc address, wallet address, crypto address,
        bitcoin wallet, eth address, ethereum address""",
    ),
    # --- government ids ----------------------------------------------------------------------
    (
        "US_SSN",
        STRONG,
        96,
        """ssn, social security, social security number,
        socialsecuritynumber, social security no, ss number, ssnumber""",
    ),
    ("US_ITIN", STRONG, 96, "itin, individual taxpayer identification number"),
    (
        "KR_RRN",
        STRONG,
        97,
        """rrn, resident registration number, resident registration no,
        jumin, jumin number, juminbeonho""",
    ),
    (
        "NATIONAL_ID",
        STRONG,
        86,
        """national id, nationalid, national identifier,
        national identity number, national identification number,
        national insurance number, national number, nino, nin, identity number,
        identity card number, id card number, id card, personal id, personal number,
        personal identity number, personnummer, personalausweis, personalausweisnummer,
        ausweisnummer, steuer id, steuerid, steueridentifikationsnummer, tax id, taxid,
        tax number, tin, tax identification number, steuernummer, nif, nie, dni, cpf, curp,
        rfc, nir, insee, numero de securite sociale, securite sociale, bsn,
        burgerservicenummer, codice fiscale, pesel, cpr, cpr number, hetu, henkilotunnus,
        fodselsnummer, rut, aadhaar, aadhar, nric, kennitala, amka, oib, egn, jmbg, cnp,
        tckimlik, tc kimlik, sofinummer, rijksregisternummer, ahv, avs, svnr, sv nummer,
        sozialversicherungsnummer, nss, numero de seguridad social,
        numero seguridad social, my number, mynumber, sin, social insurance number,
        citizen id, citizen number, identification number, voter id, government id,
        gov id, снилс, инн, tc kimlik no, cedula, cedula de identidad, cnic, nic, nik, ktp,
        ppsn, pps number, emirates id, iqama, carteira de identidade, carte d identite, cni,
        numero cni, documento de identidad, doc identidad, numero documento,
        numero de documento, dui, nuip, registro geral, tax ref, tax reference,
        tax reference number, tax ref number, tax file number, utr, tax no, tax nr,
        tax num, tax id no, tax id number,
        unique taxpayer reference, income tax number, income tax reference, taxpayer id,
        taxpayer number, taxpayer identification number, tax registration number""",
    ),
    ("NATIONAL_ID", MEDIUM, 85, "rg, identidade, documento, num documento, rg numero"),
    ("NATIONAL_ID", WEAK, 85, "id number, idnumber, id no, id nr, id num, idno, idnr"),
    (
        "NATIONAL_ID",
        MEDIUM,
        85,
        """secu, num secu, no secu, numero secu, n secu, secu sociale, num ss, no ss,
        numero ss, num insee, numero insee""",
    ),
    (
        "NATIONAL_ID",
        MEDIUM,
        84,
        """insurance number, health insurance number, insurance id,
        versichertennummer, krankenversichertennummer, kvnr, numero de securite social""",
    ),
    (
        "US_PASSPORT",
        STRONG,
        87,
        """passport, passport number, passport no, passportnumber,
        reisepass, reisepassnummer, passnummer, passeport, numero de passeport, pasaporte,
        numero de pasaporte, passaporte, passaporto, paspoort, paspoortnummer, паспорт,
        номер паспорта, pasaport""",
    ),
    ("US_DRIVER_LICENSE", MEDIUM, 86, "drivers, dl"),
    (
        "US_DRIVER_LICENSE",
        STRONG,
        87,
        """driver license, drivers license, driving license,
        driver licence, drivers licence, driving licence, dl number, driver license number,
        drivers license number, driving licence number, licence number, license number,
        fuehrerschein, fuehrerscheinnummer, permis de conduire, licencia de conducir,
        carteira de motorista, cnh, rijbewijs, rijbewijsnummer, patente di guida""",
    ),
    ("UK_NHS", STRONG, 94, "nhs, nhs number, nhs no, nhsnumber"),
    (
        "VIN",
        STRONG,
        94,
        """vin, vin number, vehicle identification number, vehicle id number,
        fahrgestellnummer, chassis number, numero de chassis, numero de bastidor, bastidor,
        numero de chassi, telaio""",
    ),
    (
        "MEDICAL_LICENSE",
        STRONG,
        86,
        """medical license, medical licence, npi, dea number, dea, dea no, dea registration,
        dea registration number, npi number, prescriber npi, prescriber dea,
        medical license number, medical licence number""",
    ),
    # a clinician's licence, not a driver's (``license number`` alone is a driver's)
    (
        "MEDICAL_LICENSE",
        STRONG,
        88,
        """prescriber license, provider license, physician license, doctor license,
        nurse license, practitioner license, prescriber licence, provider licence,
        physician licence, doctor licence, nurse licence, practitioner licence,
        nursing license, medical registration, gmc number, state license""",
    ),
    # --- special categories -----------------------------------------------------------------
    (
        "HEALTH_DATA",
        MEDIUM,
        61,
        """diagnosis, diagnoses, medical condition, disease, diseases,
        illness, medication, medications, prescription, prescriptions, allergy, allergies,
        blood type, blood group, icd, icd10, icd code, symptoms, symptom, treatment,
        health status, disability, disabilities, medical history, diagnose, diagnostic,
        diagnostico, krankheit, vaccination, vaccine status, pregnancy, hiv status,
        mental health, condition description, condition desc, diagnosis description,
        diagnosis code, reason description, chief complaint, hypertension, high blood pressure,
        heart disease, cardiovascular disease, coronary heart disease, heart attack,
        myocardial infarction, stroke, diabetes, diabetic, prediabetes, asthma, copd, cancer,
        hiv, hiv positive, hepatitis, tuberculosis, epilepsy, dementia, alzheimer,
        alzheimers, parkinson, parkinsons, depression, anxiety disorder, schizophrenia,
        bipolar, obesity, obese, anaemia, anemia, kidney disease, chronic kidney disease,
        ckd, liver disease, arthritis, osteoporosis, covid, covid19, smoker, smoking,
        smoking status, current smoker, ever smoked, alcoholism, substance abuse, comorbidity,
        comorbidities, chronic condition, chronic conditions, pregnant,
        angina, arrhythmia, atrial fibrillation, allergic, health condition,
        diagnosed, krankheiten, maladie, enfermedad, doenca, malattia""",
    ),
    ("HEALTH_DATA", WEAK, 59, "condition, conditions"),
    (
        "HEALTH_DATA",
        MEDIUM,
        61,
        """dx, dx code, diag, diag code, diagnosis cd, icd 10, icd9, icd 9, icd10 code,
        primary dx, admitting dx, principal diagnosis""",
    ),
    (
        "NRP",
        MEDIUM,
        61,
        """race, ethnicity, ethnic, ethnic group, ethnic origin, religion,
        religious, religious affiliation, nationality, citizenship, political party,
        political affiliation, political opinion, political views, sexual orientation,
        trade union, union membership, staatsangehoerigkeit, nationalitat, nationalite,
        nacionalidad, nacionalidade, nazionalita, konfession, church tax, kirchensteuer,
        kirchensteuermerkmal, religionszugehoerigkeit, religious denomination, party affiliation,
        party registration, voter party, registered party, race code, ethnicity code, ethn,
        ethnic code""",
    ),
    # words with other meanings (a ``party`` of a contract, a banknote's ``denomination``): the
    # values must be parties, faiths or origins (see ``recognizers.nrp``)
    ("NRP", WEAK, 57, "party, party code, denomination, confession, church, faith, caste"),
]

# CJK and Hangul terms match as substrings of a word (space-separated here).
CJK_TERMS: list[tuple[str, float, int, str]] = [
    (
        "EMAIL_ADDRESS",
        STRONG,
        90,
        "メールアドレス メール 電子メール 邮箱 电子邮件 電子郵件 이메일 전자우편",
    ),
    (
        "PHONE_NUMBER",
        STRONG,
        85,
        "電話番号 電話 携帯 电话 手机 電話號碼 전화번호 휴대폰 핸드폰 연락처",
    ),
    ("STREET_ADDRESS", STRONG, 52, "住所 地址 住址 주소"),
    ("POSTAL_CODE", STRONG, 80, "郵便番号 邮编 邮政编码 郵遞區號 우편번호"),
    ("DATE_OF_BIRTH", STRONG, 90, "生年月日 誕生日 出生日期 生日 생년월일 생일"),
    ("AGE", STRONG, 80, "年齢 年龄 나이 연령"),
    ("GENDER", STRONG, 85, "性別 性别 성별"),
    (
        "PERSON",
        STRONG,
        62,
        """氏名 姓名 名前 이름 성명 フリガナ ふりがな 氏名カナ 氏名かな シメイ カナ氏名
        よみがな ヨミガナ""",
    ),
    ("LAST_NAME", STRONG, 66, "苗字 名字 성씨 姓カナ 姓かな セイカナ 姓フリガナ 姓ふりがな"),
    ("FIRST_NAME", STRONG, 66, "名カナ 名かな メイカナ 名フリガナ 名ふりがな"),
    ("NATIONAL_ID", STRONG, 86, "身份证 身份證 マイナンバー 個人番号"),
    ("KR_RRN", STRONG, 97, "주민등록번호 주민번호"),
    ("CREDIT_CARD", STRONG, 90, "クレジットカード 信用卡 신용카드 카드번호"),
    ("PASSWORD", STRONG, 92, "パスワード 密码 비밀번호"),
    ("LOCATION", STRONG, 60, "市区町村 城市 도시"),
]

#: after an entity word these keep it what it is (``phone_number``, ``email_primary``)
NEUTRAL = wordset(
    """number num no nr nbr nummer numero n value val text txt str string raw clean cleaned
    normalized normalised norm primary main home work business personal private 1 2 3 4 5
    line full addr address en de fr es it nl pt local original orig plain plaintext current
    new old latest alt alternate alternative secondary other list field col column data info
    information details detail 1st 2nd e164 intl international national formatted enc
    encrypted contact mobile cell fixed landline office direct customer client user member
    person owner holder billing shipping delivery mailing legal official preferred
    registered desc descr description yyyymmdd yyyy mm dd ddmmyyyy mmddyyyy yymmdd ddmmyy
    mmddyy iso digits plus plus4 fmt"""
)

#: any of these outside the entity phrase makes the column a property of the value, not the
#: value itself (``email_verified``, ``phone_count``, ``name_length``)
NEGATIVE = wordset(
    """verified verification valid validated validation invalid confirmed confirmation consent
    consented optin opt optout opted subscribed unsubscribed subscription enabled disabled
    flag flags bool boolean length len size hash hashed md5 sha sha1 sha256 sha512 digest
    domain domains provider type types kind status state format template campaign sent send
    opened open clicked click bounce bounced bounces count counts cnt total sum avg average
    mean min max median score rate ratio pct percent percentage share distinct index idx
    rank id ids uuid guid key keys token tokens at ts timestamp time date datetime created
    updated modified changed deleted expires expiry expiration exp expire reset last4
    lastfour last four masked mask is has can should allow allowed needs required missing
    empty null exists known prefix suffix country countries region extension ext carrier
    label source channel method mode preference preferences pref prefs
    frequency version level group groups category class set sets code codes change changes
    attempts attempt tries failures failed policy strength strong weak history hint question
    answer reminder recovery lookup match matches matched bucket range bin bins band bands
    group segment cohort precision accuracy radius distance visible visibility public
    privacy permission permissions
    rating ratings restriction restrictions limit limits bracket requirement requirements
    policy verified_at relationship relationships relation relations kinship weight height"""
)

#: before an entity word these make it a count or a flag (``num_phones``, ``has_email``)
NEGATIVE_PREFIX = wordset(
    """count cnt total max min avg is has can should allow allowed needs missing invalid valid
    verified distinct unique no_of num_of n_of nb of"""
)


#: count-like prefixes that only negate a plural or an "of" (``number_of_emails``,
#: ``num_phones``), not ``numero_telefono`` or ``nr_telefon``
COUNT_PREFIX = wordset("num number n no nr nb anzahl nombre")

#: entity words that are exempt from these negatives (a password hash is still a credential)
NEGATIVE_EXEMPT = {
    "PASSWORD": {"hash", "hashed", "md5", "sha", "sha1", "sha256", "sha512", "digest",
                 "salted", "encrypted"},
    "DATE_OF_BIRTH": {"date", "year", "time", "datetime", "timestamp"},
    "CREDIT_CARD_CVV": {"code"},
    "NATIONAL_ID": {"id", "code"},
    "KR_RRN": {"id"},
    "POSTAL_CODE": {"code"},
    "SWIFT_CODE": {"code"},
    "IBAN_CODE": {"code"},
    "GENDER": {"code"},
    "GEO_COORDINATE": {"point", "precision"},
    "HEALTH_DATA": {"code", "codes", "type", "flag", "flags", "status", "history", "ind",
                    "indicator", "yn", "positive", "negative", "diagnosed", "bool", "boolean",
                    "is", "has", "ever", "current", "date"},
    "US_PASSPORT": {"id"},
    "US_DRIVER_LICENSE": {"id"},
    "VIN": {"id", "code"},
    "NRP": {"code", "codes", "desc", "group"},
    "MEDICAL_LICENSE": {"id", "code", "provider"},
}  # fmt: skip

#: words that make ``name`` (and the name family) something other than a person's name
NON_PERSON = wordset(
    """product products item items company companies business organization organisation org
    firm brand file files filename table column field schema database db hostname
    server domain app application project plan category categories city country state street
    bank store shop branch department dept team group role job event campaign device model
    tag label key pet animal course class school university college hotel restaurant venue
    place location region service package module function method variable param parameter
    attribute attr feature metric dimension report dashboard document doc template theme
    color colour font locale language currency unit type kind sheet workbook folder
    directory bucket queue topic channel stream task step stage pipeline container image
    cluster node zone network vendor supplier manufacturer merchant carrier airline ship
    vessel vehicle car species drug medication disease product_line game movie film song
    album book title series show episode artist track playlist account_type payment method
    plan tier segment cohort file_name sheet_name tab index display_type icon logo asset
    bucket endpoint api url uri path route page site website collection dataset source
    target sku variant option setting config property store_name shop_name mall building
    floor room area airport station port city_name warehouse region territory market sector
    office
    industry employer organisation_name school_name hospital clinic pharmacy insurer
    insurance provider plan_name policy contract project_name code_name nickname_type"""
)

#: roles a person has: ``<role>_name`` is that person's name (``host_name``, ``agent_name``,
#: ``seller_name``), and the role alone is a weak name (``assignee``, ``agent``). Unlike the
#: non-person nouns above, they qualify a person rather than switch the name off. ``host`` is
#: also a server (``hostname``): alone it stays not personal and ``host_name`` stays weak, so
#: the values (name lists, NER) decide.
PERSON_ROLES = wordset(
    """agent assignee author buyer seller owner manager driver reporter contact employee
    teacher doctor physician nurse patient guest customer client member student holder
    applicant candidate subscriber recipient sender passenger supervisor assistant rep
    representative salesperson salesman saleswoman consultant advisor adviser landlord
    tenant lessee borrower guarantor cosigner beneficiary insured policyholder caregiver
    guardian father mother spouse witness approver reviewer requester requestor creator
    committer contributor maintainer technician dispatcher coach trainer instructor tutor
    lecturer professor therapist dentist surgeon pharmacist donor volunteer player athlete
    referee interviewer interviewee recruiter counselor counsellor officer clerk cashier
    waiter landlady housekeeper nanny babysitter mentor mentee trainee intern worker staff
    counterparty payer payor remitter originator debtor creditor"""
)
#: roles that are also things (``host`` a server): ``<role>_name`` is a weak name and the role
#: alone is not a name at all
AMBIGUOUS_ROLES = wordset("host")

#: entities a column named for one may hold instead: who-columns (``assignee``, ``author``,
#: ``user``, ``nickname``) hold people's names or their handles; the values decide which
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "PERSON": ("USERNAME",),
    "USERNAME": ("PERSON", "URL"),
}

#: tables of health records: their free-standing ``description``/``display`` column holds the
#: condition, drug or procedure itself
HEALTH_TABLES = wordset(
    """condition conditions diagnosis diagnoses medication medications allergy allergies
    immunization immunizations procedure procedures encounter encounters careplan careplans
    prescription prescriptions problem_list observation observations symptom
    symptoms admission admissions claim_diagnoses diagnosen diagnostics"""
)

#: places of a business, not of a person: ``merchant_lat``, ``store_address``, ``office_city``
BUSINESS = wordset(
    """merchant merch store shop warehouse branch office company business vendor supplier
    venue facility plant factory depot hq headquarters firm corporate dealer dealership
    restaurant hotel airport station site sensor tower antenna substation turbine building
    campus school hospital clinic pharmacy atm kiosk terminal harbour harbor dock pier
    landmark poi datacenter datacentre"""
)
#: numbers a business has too: a supplier's or a company's tax number is not a person's
REGISTRATION_ENTITIES = frozenset({"NATIONAL_ID"})
#: qualifiers that are a business's place for coordinates and URLs (a sensor or web site) but a
#: property's own place for an address (``site_address``: where the works or the parcel are,
#: often someone's home)
PROPERTY_PLACES = wordset("site")
PROPERTY_ENTITIES = frozenset({"STREET_ADDRESS", "POSTAL_CODE", "LOCATION"})

#: non-personal words that say nothing when another word is there: ``value`` is the value of
#: what precedes it (``telecom.value``)
VALUE_WORDS = wordset("value values val")
#: first words of a survey question used as a header
QUESTION_WORDS = wordset(
    """what how why which who where when would could do did does is are was were have has
    anything any please describe tell explain"""
)
#: route ends (``from``, ``to``) that are grammar inside a sentence-like header
FUNCTION_WORDS = wordset("to from by per")

#: what a business's own data can be without being a person's
LOCATION_ENTITIES = frozenset(
    {"STREET_ADDRESS", "POSTAL_CODE", "LOCATION", "GEO_COORDINATE", "URL"}
)
#: tables of organisations and places, not people (their ``name`` and ``address`` are a
#: business's)
BUSINESS_TABLES = wordset(
    """organization organizations organisation organisations company companies companys
    business businesses vendor vendors supplier suppliers merchant merchants store stores shop
    shops warehouse warehouses branch branches office offices facility facilities plant plants
    site sites venue venues hotel hotels restaurant restaurants airport airports station
    stations partner partners manufacturer manufacturers brand brands firm firms bank banks
    institution institutions school schools university universities hospital hospitals
    clinic clinics pharmacy pharmacies dealer dealers agency agencies carrier carriers
    airline airlines location locations region regions country countries city cities"""
)

#: known columns that hold no personal data; skips the expensive NER tier and weak value rules
NON_PII = wordset(
    """id ids uuid guid key pk fk sku upc ean isbn gtin asin amount amounts price prices cost
    costs total subtotal tax vat discount fee fees balance revenue profit margin qty
    quantity count counts status statuses type types category categories kind currency
    product products item items order orders invoice invoices transaction transactions txn
    payment payments method created updated modified deleted timestamp ts date time year
    month day hour minute week quarter flag flags score rating rank version company
    companies organization organisation org employer department dept team job occupation
    profession title position role industry sector country countries state province region
    continent language locale timezone tz color colour size weight unit units domain host
    hostname server path file filename brand model make stock warehouse store shop channel
    source medium campaign utm event action session device browser os platform app plan tier
    level segment cohort label tag tags enabled active approved percent ratio rate
    comment_count description_id sequence seq row rownum line_no number code codes
    ref reference batch lot serial serialno build release env environment stage duration
    interval period start end begin finish from to value values metric metrics measure
    measurement reading temperature pressure speed distance mileage odometer total_amount
    unit_price list_price sale_price msrp tax_rate exchange_rate fx nameset land pays pais
    bundesland kanton canton prefecture nationality_code iso iso2 iso3 alpha2 alpha3 expires
    expiry expiration exp cctype card_type title_name salutation anrede civilite tratamiento
    occupation_name job_title useragent
    endpoint webhook callback api image img thumbnail thumb logo icon asset cdn media
    download docs documentation isbn gtin upc barcode tracking"""
)

#: table-name words that make a table a table of people (its ``name`` is a person's name and
#: its id column identifies the subject)
PEOPLE_TABLES = {
    "customer": "customer_id", "customers": "customer_id", "client": "client_id",
    "clients": "client_id", "user": "user_id", "users": "user_id", "member": "member_id",
    "members": "member_id", "employee": "employee_id", "employees": "employee_id",
    "staff": "employee_id", "person": "person_id", "persons": "person_id",
    "people": "person_id", "patient": "patient_id", "patients": "patient_id",
    "student": "student_id", "students": "student_id", "contact": "contact_id",
    "contacts": "contact_id", "subscriber": "subscriber_id", "subscribers": "subscriber_id",
    "applicant": "applicant_id", "applicants": "applicant_id", "candidate": "candidate_id",
    "candidates": "candidate_id", "guest": "guest_id", "guests": "guest_id",
    "passenger": "passenger_id", "passengers": "passenger_id", "traveler": "traveler_id",
    "travelers": "traveler_id", "traveller": "traveler_id", "travellers": "traveler_id",
    "driver": "driver_id", "drivers": "driver_id", "lead": "lead_id", "leads": "lead_id",
    "prospect": "prospect_id", "prospects": "prospect_id", "donor": "donor_id",
    "donors": "donor_id", "tenant": "tenant_id", "tenants": "tenant_id",
    "resident": "resident_id", "residents": "resident_id", "account_holder": "customer_id",
    "borrower": "borrower_id", "borrowers": "borrower_id", "beneficiary": "beneficiary_id",
    "beneficiaries": "beneficiary_id", "kunde": "kunde_id", "kunden": "kunde_id",
    "mitarbeiter": "mitarbeiter_id", "benutzer": "benutzer_id", "nutzer": "nutzer_id",
    "personen": "person_id", "utilisateur": "utilisateur_id", "utilisateurs": "utilisateur_id",
    "cliente": "cliente_id", "clientes": "cliente_id", "usuario": "usuario_id",
    "usuarios": "usuario_id", "empleado": "empleado_id", "empleados": "empleado_id",
    "paciente": "paciente_id", "pacientes": "paciente_id", "klant": "klant_id",
    "klanten": "klant_id", "gebruiker": "gebruiker_id", "gebruikers": "gebruiker_id",
    "medewerker": "medewerker_id", "medewerkers": "medewerker_id", "clienti": "cliente_id",
    "utente": "utente_id", "utenti": "utente_id", "dipendente": "dipendente_id",
    "dipendenti": "dipendente_id", "profile": "profile_id", "profiles": "profile_id",
    "customer_profile": "customer_id",
    "user_profile": "user_id", "user_profiles": "user_id", "customer_profiles": "customer_id",
}  # fmt: skip

#: stop words dropped between entity words (``date_of_birth``, ``fecha_de_nacimiento``)
STOP = wordset("""of the de di da do du des del della la le el van von y und et an for""")
