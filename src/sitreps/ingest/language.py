"""Story language with py3langid, restricted to the languages sitreps reads.

py3langid keeps a lazily built module-level model; sitreps never uses it. ``load_identifier``
builds a private identifier from the packaged model file, so importing this module loads nothing
and the caller decides how long the model lives.
"""

from __future__ import annotations

from typing import Any

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "fr")
# Enough text for a stable guess; classifying a whole page costs time and adds nothing.
_SAMPLE_CHARS = 2000


def load_identifier(allowed: tuple[str, ...] = DEFAULT_LANGUAGES) -> Any:
    """A py3langid identifier that only answers with one of ``allowed``."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(allowed))
    return identifier


def detect_language(text: str, allowed: tuple[str, ...] = DEFAULT_LANGUAGES, identifier: Any = None) -> str:
    """The most likely of ``allowed`` for ``text``; the first allowed language for empty text.

    Pass an ``identifier`` from ``load_identifier(allowed)`` when classifying many texts: without
    one, each call loads the model (about half a second).
    """
    if not allowed:
        raise ValueError("allowed languages must not be empty")
    if len(allowed) == 1 or not text.strip():
        return allowed[0]
    identifier = identifier if identifier is not None else load_identifier(allowed)
    language, _score = identifier.classify(text[:_SAMPLE_CHARS])
    return language if language in allowed else allowed[0]
