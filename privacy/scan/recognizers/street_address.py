"""STREET_ADDRESS: a house number and a street-type word (``123 Main Street``,
``Sömmeringstr. 78``, ``Avenida Noruega 42``, ``12 rue de la Paix``, ``Via Roma 1``,
``Blancefloerlaan 354``), a post-office box, or an East Asian address (``東京都港区芝公園4-2-8``,
``서울특별시 강남구 테헤란로 123``). Street words come in English, German, French, Spanish,
Portuguese, Italian, Dutch, the Nordic languages, Finnish, Polish, Czech, Hungarian and Turkish;
German, Dutch and Nordic street names are matched by their suffix (``-straße``, ``-weg``,
``-laan``, ``-vej``, ``-gatan``, ``-katu``)."""

from __future__ import annotations

import re
from functools import lru_cache

from privacy.scan.recognizers.base import Recognizer
from privacy.scan.text import fold, has_cjk, wordset
from privacy.scan.values import Values

_WORDS = wordset(
    """street st str road rd avenue ave av avda avenida lane ln drive dr boulevard blvd bd bvd
    way court ct place pl square sq terrace ter circle cir parkway pkwy highway hwy trail trl
    path row close crescent cres grove gardens gdns hill mews walk wharf quay park loop alley
    run pike plaza plz point pt ridge route rte crossing xing heights hts estate strasse weg
    allee platz gasse ring damm ufer chaussee steig pfad markt rue chemin impasse quai cours
    voie passage rond-point faubourg fbg sentier calle carrera camino paseo ronda travesia
    carretera ctra pasaje glorieta rua travessa largo praca estrada alameda rodovia beco via
    viale piazza corso vicolo strada piazzale contrada straat laan plein gracht kade singel
    dijk steeg vej gade gaden gata gatan vagen vagan veien gate plass torget katu tie kuja
    polku kaari tori ulica ul ulice trida namesti utca ut korut sokak sok cadde cad caddesi
    mahallesi mah apt apartment suite ste unit floor fl bldg building po annex arcade bayou
    beach bend bluff bottom branch bridge brook burg bypass camp canyon cape causeway center
    centre cliff club common corner course cove creek crest crossroad curve dale divide
    estates expressway extension falls ferry field flat ford forest forge fork fort freeway
    garden gateway glen green harbor harbour haven hollow inlet island isle junction knoll
    lake landing light lock lodge manor meadow meadows mill mission motorway mount mountain
    neck orchard oval overpass pass pine pines plain plains port prairie ranch rapids rest
    river shoal shore shores skyway spring springs spur station stravenue stream summit
    throughway trace track trafficway tunnel turnpike underpass union valley viaduct view
    village ville vista wall well wells pad hof baan dreef wal lei privada cerrada roadway
    calzada andador callejon ramal quadra lote bulevardul calea soseaua aleea piata intrarea
    prolongacion edif depto appartamento piso aleja al plac os osiedle rondo stigen incrocio
    colonia borgo piazzetta rotonda вул вулиця ул улица пр просп проспект пер переулок
    провулок буд дом кв шоссе бульвар бул площа площадь наб набережная мкр οδος οδ λεωφορος
    λεωφ πλατεια רחוב רח שדרות שד"""
)
_SUFFIXES = (
    "strasse", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "straat", "laan",
    "plein", "gracht", "kade", "singel", "dijk", "vej", "gade", "gatan", "gata", "vagen",
    "veien", "gate", "katu", "tie", "kuja", "polku", "kaari", "utca", "korut", "sokagi",
    "caddesi", "pad", "hof", "baan", "dreef", "steig", "pfad", "markt", "chaussee", "torget",
    "gatan", "vagen", "stigen", "grand", "backen", "platsen", "leden", "stien", "svingen",
    "bakken", "haugen", "tunet", "lokka", "jordet", "vollen", "kroken", "grenda", "plassen",
    "ringen", "straede", "vaenget", "toften", "rinne", "raitti", "vayla", "ska", "cka", "ova",
    "ovo", "ului",
)  # fmt: skip
#: suffixes short enough to end ordinary words (check-out, monito-ring, aggre-gate): they count
#: only at the end of a capitalised word (``Kaiserring``, ``Husova``, ``Mannerheimintie``)
_LONG_SUFFIXES = tuple(x for x in _SUFFIXES if len(x) >= 5)
_SHORT_SUFFIXES = tuple(x for x in _SUFFIXES if len(x) < 5)
#: capitalised English words with such an ending
_NOT_STREETS = wordset(
    """monitoring string offering gathering bearing scoring rendering filtering mirroring
    recurring spring aggregate delegate candidate update template private estimate climate
    ultimate certificate debate rebate checkout layout timeout logout rollout workout output
    input throughput shortcut about without scout sprout stdout breakout blackout lookout
    payout handout dropout printout cutout takeout hangout knockout tie necktie bowtie
    nova casanova supernova alaska nebraska behalf whereof thereof hof"""
)
_POBOX = re.compile(r"\b(?:p\.?\s?o\.?\s?box|postfach|apartado|caixa postal|bp|boite postale)\b",
                    re.IGNORECASE)  # fmt: skip


def _pobox(text: str) -> bool:
    if text.isascii():
        # a word each form contains, looked for first (lower-casing ASCII text is what
        # IGNORECASE does to it)
        t = text.lower()
        if not (
            "box" in t or "bp" in t or "postfach" in t or "apartado" in t or "caixa" in t
            or "boite" in t
        ):  # fmt: skip
            return False
    return _POBOX.search(text) is not None


_EAST_ASIA = re.compile(
    r".*(?:[都道府県市区町村郡]).*\d|.*(?:[시도구군동읍면리로길]\s?\d).*|.*[省市区县路街号].*\d.*"
)
_TOKEN = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_NUMBER = re.compile(
    r"\d{1,5}[a-zA-Z]?|\d{1,5}[-/]\d{1,5}[a-zA-Z]?|n[º°o]\.?\s?\d+|#\d{1,5}", re.UNICODE
)
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")  # what ``str.isspace`` calls whitespace
_NUMBER_ANYWHERE = re.compile(r"\bnr\.?\s?\d{1,5}\b|\bno\.\s?\d{1,5}\b", re.IGNORECASE)


def _has_street_word(text: str) -> bool:
    return any(map(_is_street_word, _TOKEN.findall(text)))


@lru_cache(maxsize=65536)
def _is_street_word(raw: str) -> bool:
    """One token of a value (cached: the same words recur across values and columns)."""
    w = fold(raw.rstrip("."))
    if w in _WORDS:
        return True
    if len(w) <= 5 or w in _NOT_STREETS:
        return False
    if w.endswith(_LONG_SUFFIXES):
        return True
    # ``Kaiserring``, ``Hauptstr.``: a capitalised word, or an abbreviation with its dot
    return w.endswith(_SHORT_SUFFIXES) and (raw[:1].isupper() or raw.endswith("."))


_SEGMENTS = re.compile(r"[,;\n]")


def _numbered_segment(text: str) -> bool:
    """A short comma-separated part that starts or ends with a house number (``2071 Maryland
    Avenue``, ``Avenida Noruega 42``); a sentence with a number in it is not an address."""
    if _NUMBER_ANYWHERE.search(text):
        return True
    segs = [seg.split() for seg in _SEGMENTS.split(text)]
    for k, toks in enumerate(segs):
        if not 1 <= len(toks) <= 8:
            continue
        if len(toks) == 1 and not any(ch.isalpha() for ch in toks[0]):
            # "93, chemin ..." / "Piazza Gemma, 57": a lone house number next to a street part
            if _NUMBER.fullmatch(toks[0]) and any(
                0 <= k + d < len(segs) and 1 <= len(segs[k + d]) <= 6 for d in (-1, 1)
            ):
                return True
            continue
        ends = [toks[0], toks[-1]] + ([toks[-2]] if len(toks) > 2 else [])
        if any(_NUMBER.fullmatch(t.strip(".")) for t in ends) or (
            len(toks) == 1 and _NUMBER.search(toks[0])
        ):
            return True
    return False


class StreetAddressRecognizer(Recognizer):
    entity = "STREET_ADDRESS"
    specificity = 0.85
    value_only = 0.6

    def match(self, text: str) -> bool:
        if len(text) < 5 or len(text) > 200:
            return False
        if _pobox(text):
            return True
        if not text.isascii() and _EAST_ASIA.fullmatch(text):  # each form needs a CJK sign
            return True
        if _DIGIT.search(text) is None:
            return False  # every house number (``_NUMBER``, ``_NUMBER_ANYWHERE``) has a digit
        if _SPACE.search(text.strip()) is None:
            return False  # one token (``checkout-api-1292276-4egbi``) is a name or an id
        # the street word first: its tokens are cached, the segments are not
        return _has_street_word(text) and _numbered_segment(text)

    def plausible(self, text: str) -> bool:
        if has_cjk(text):
            return len(text) >= 3
        return (
            len(text) >= 4
            and any(ch.isalpha() for ch in text)
            and (any(ch.isdigit() for ch in text) or " " in text or _has_street_word(text))
        )

    def applies(self, values: Values) -> bool:
        return values.feature("alpha") >= 0.6 and values.feature("digit") >= 0.5
