"""GENDER: the words people record sex or gender with, in many languages (``female``,
``männlich``, ``femme``, ``mujer``, ``vrouw``, ``여성``, ``男性``...) and the letter codes
(``M``/``F``, ``H``/``F``, ``M``/``W``/``D``). Values alone decide when a column holds only a
handful of distinct such values, both sexes among them; a column of lone letters decides only
with its name (``M`` is also a size), or under a name that says nothing (``field_14``) when it
holds just the two sexes' letters, each on a good share of rows (sizes have ``S`` and ``L``
too, and a flag is rarely split so evenly)."""

from __future__ import annotations

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.text import fold, wordset
from privacy.scan.values import Values

MALE = frozenset(
    fold(w)
    for w in wordset(
        """male m man men mann maennlich mannlich masculin masculino maschio uomo homme hombre h
        boy mand mann mies mezczyzna mężczyzna męski muz muž mužský muski moški ferfi férfi
        erkek e bay homem barbat bărbat vyras vīrietis mees karl pria laki-laki lelaki nam
        mwanaume ανδρας άνδρας αρρεν άρρεν мужской муж м мужчина чоловік чоловіча ذكر זכר
        पुरुष ชาย 남 남성 남자 男 男性 male/m"""
    )
)
FEMALE = frozenset(
    fold(w)
    for w in wordset(
        """female f woman women frau weiblich w feminin feminine femenino feminino femmina
        donna femme mujer vrouw v girl kvinde kvinna kvinne nainen kobieta k żeński zenski
        zena žena ženský zenska ženska ženski kadin kadın bayan mulher femeie moteris sieviete
        naine kona wanita perempuan nữ mwanamke γυναικα γυναίκα θηλυ θήλυ женский жен ж
        женщина жінка жіноча أنثى انثى נקבה महिला स्त्री หญิง 여 여성 여자 女 女性 female/f"""
    )
)


OTHER = wordset(
    """other diverse divers d x u unknown nonbinary non-binary non binary nb not specified
    unspecified prefer not to say intersex genderqueer agender andere autre otro outro altro
    anders 기타 その他 n/a"""
)
_WORDS = MALE | FEMALE | OTHER
#: letter pairs of the two sexes, with an unknown's ``U``/``X``
_PAIR_LETTERS = {"m", "f", "w", "h", "k", "e", "u", "x"}
_LETTERS = {"m", "f", "w", "h", "v", "d", "x", "u", "o", "n", "k", "e", "м", "ж"}


class GenderRecognizer(Recognizer):
    entity = "GENDER"
    kinds = TEXT | INTEGERS
    specificity = 0.9
    value_only = 0.9

    def match(self, text: str) -> bool:
        return fold(text).rstrip(".") in _WORDS

    def plausible(self, text: str) -> bool:
        # ISO/IEC 5218 codes (0 unknown, 1 male, 2 female, 9 not applicable)
        return self.match(text) or text in ("0", "1", "2", "9")

    def applies(self, values: Values) -> bool:
        return values.distinct <= 12 and values.avg_len <= 20

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        folded = {fold(t).rstrip(".") for t in values.texts}
        both = bool(folded & MALE) and bool(folded & FEMALE)
        words_only = not folded <= _LETTERS
        decisive = hit.decisive and both and values.distinct <= 8 and words_only
        spec = self.specificity if words_only else 0.7
        if not words_only and hit.decisive and both and values.total >= 30:
            # lone letters: only the two sexes' (and an unknown's), each on a fifth of the rows
            male = sum(c for t, c in zip(values.texts, values.counts, strict=True)
                       if fold(t).rstrip(".") in MALE)  # fmt: skip
            female = values.total - male
            male_ok = min(male, female) >= 0.2 * values.total
            if folded <= _PAIR_LETTERS and male_ok and values.distinct <= 3:
                return Hit(self.entity, hit.rate, hit.plausible, spec, True, blank_name=True)
        return Hit(self.entity, hit.rate, hit.plausible, spec, decisive)
