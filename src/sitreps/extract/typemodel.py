"""A small trained model that reads the sub-event type of an English event sentence.

The trigger rules decide *whether* a sentence reports an event and where its verb is; this model
weighs the whole sentence to choose *which* of the 25 sub-event types it is, and recognises the
sentences that read like crime, disasters, diplomacy or claims of responsibility rather than
political violence. It is a multinomial logistic regression over TF-IDF word unigrams and bigrams:
a few hundred kilobytes, pure-Python inference, no GPU, no download.

Training (``train_type_model``) needs scikit-learn, an optional dependency; the packaged weights
are built by ``scripts/train_type_model.py`` and read with ``load_type_model``. Labels are the
ACLED sub-event names plus the non-ACLED codes (``ORG_CRIME``, ``NATURAL_DISASTER`` ...), which
``NOT_ACLED`` lists.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Sequence

from ..errors import MissingResourceError

MODEL_FILE = "type_model.json.gz"
NOT_ACLED = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
FORMAT = "sitreps.typemodel.v1"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_DIGITS = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words with digits folded ("2019" and "1998" are both "0000"), then bigrams."""
    words = [_DIGITS.sub("0", w) for w in _TOKEN.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class TypeModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    weights: dict[int, tuple[float, ...]]  # feature index -> one weight per class (zero rows left out)
    intercept: tuple[float, ...]

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability for ``text`` (they sum to 1)."""
        counts = Counter(self.vocabulary[t] for t in tokens(text) if t in self.vocabulary)
        values = {i: (1.0 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        scores = list(self.intercept)
        for index, value in values.items():
            row = self.weights.get(index)
            if row:
                for k, w in enumerate(row):
                    scores[k] += w * value / norm
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps)}

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "classes": list(self.classes),
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.get),
            "idf": [round(v, 4) for v in self.idf],
            "weights": {str(i): [round(w, 4) for w in row] for i, row in sorted(self.weights.items())},
            "intercept": [round(v, 4) for v in self.intercept],
        }

    @classmethod
    def from_json(cls, data: dict, where: str = "type model") -> "TypeModel":
        if data.get("format") != FORMAT:
            raise MissingResourceError(f"{where}: not a {FORMAT} file")
        return cls(
            classes=tuple(data["classes"]),
            vocabulary={token: i for i, token in enumerate(data["vocabulary"])},
            idf=tuple(data["idf"]),
            weights={int(i): tuple(row) for i, row in data["weights"].items()},
            intercept=tuple(data["intercept"]),
        )


def load_type_model(path: str | Path | None = None) -> TypeModel:
    """The packaged model, or the one at ``path``."""
    if path:
        source, where = Path(path).read_bytes(), str(path)
    else:
        source = importlib_resources.files("sitreps").joinpath("data", MODEL_FILE).read_bytes()
        where = f"sitreps/data/{MODEL_FILE}"
    try:
        return TypeModel.from_json(json.loads(gzip.decompress(source)), where)
    except (OSError, ValueError, KeyError) as error:
        raise MissingResourceError(f"{where}: unreadable type model ({error})") from error


def save_type_model(model: TypeModel, path: Path) -> None:
    raw = json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, mtime=0))


def train_type_model(texts: Sequence[str], labels: Sequence[str], c: float = 10.0, min_df: int = 2) -> TypeModel:
    """Fit the model (scikit-learn's TF-IDF and logistic regression; deterministic)."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:  # pragma: no cover - depends on the install
        raise MissingResourceError("training the type model needs scikit-learn: pip install -e '.[dev]'") from error
    vectorizer = TfidfVectorizer(analyzer=tokens, min_df=min_df, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=c, max_iter=2000, random_state=0)
    classifier.fit(matrix, labels)
    coef = classifier.coef_  # (classes, features)
    weights = {}
    for index in range(coef.shape[1]):
        column = tuple(float(w) for w in coef[:, index])
        if any(abs(w) >= 1e-4 for w in column):
            weights[index] = column
    return TypeModel(
        classes=tuple(str(c) for c in classifier.classes_),
        vocabulary={token: int(i) for token, i in vectorizer.vocabulary_.items()},
        idf=tuple(float(v) for v in vectorizer.idf_),
        weights=weights,
        intercept=tuple(float(v) for v in classifier.intercept_),
    )
