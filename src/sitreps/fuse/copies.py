"""Copies of one article: syndicated wire stories, reposts, aggregator copies.

A copy repeats the original's words with a different page around them (menus, a new headline,
a trimmed last paragraph), so it is found by the overlap of word shingles: MinHash signatures
(datasketch) estimate the Jaccard similarity of two articles' 5-word shingles, and an LSH index
finds the candidates among stored articles without comparing every pair. Two reports whose
overlap reaches ``COPY_SIMILARITY`` are one report told twice: fusion keeps both as sources but
counts them once as confirmation.
"""

from __future__ import annotations

import re
from typing import Mapping

import numpy
from datasketch import MinHash, MinHashLSH

PERMUTATIONS = 64
SHINGLE_WORDS = 5
COPY_SIMILARITY = 0.7  # estimated Jaccard of 5-word shingles; rewrites of one wire story stay below
MIN_WORDS = 25  # shorter texts share too few shingles to tell a copy from a common phrase
_WORD = re.compile(r"\w+")
_SEED = 7
_SCHEME = "affine32"  # 32-bit values: stored as a plain integer list
# The LSH banding (bands, values per band) MinHashLSH chooses for COPY_SIMILARITY over
# PERMUTATIONS values, fixed here (choosing it takes milliseconds per index); the store indexes
# signatures by the same bands (store.rows.SIGNATURE_BANDS), and a test keeps the three equal.
LSH_BANDS = (8, 8)


def signature(text: str) -> tuple[int, ...] | None:
    """The MinHash signature of a text's word shingles, or None for a text too short to compare."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1))
    return tuple(int(v) for v in minhash.hashvalues)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(a, b)) / len(a)


def find_copies(
    new: Mapping[str, tuple[int, ...] | None],
    stored: Mapping[str, tuple[tuple[int, ...], str]],
    document_of: Mapping[str, str],
) -> dict[str, str]:
    """For each new article that copies an earlier one: article id -> the original's document.

    ``new`` maps article ids (in arrival order) to signatures; ``stored`` maps stored article ids
    to (signature, original document) - a stored copy points at its own original, so copies of
    copies lead back to the first report. ``document_of`` gives each new article's document.
    """
    index = MinHashLSH(threshold=COPY_SIMILARITY, num_perm=PERMUTATIONS, params=LSH_BANDS)
    known: dict[str, tuple[tuple[int, ...], str]] = {}
    for article_id, (values, original) in stored.items():
        if article_id in new:
            continue  # the stored version of a page ingested again: it is being replaced
        index.insert(article_id, _minhash(values))
        known[article_id] = (values, original)
    found: dict[str, str] = {}
    for article_id, values in new.items():
        if values is None:
            continue
        own_document = document_of[article_id]
        candidates = [
            (similarity(values, known[other][0]), other)
            for other in index.query(_minhash(values))
            if known[other][1] != own_document  # stories of one page are not copies of each other
        ]
        best = max((c for c in candidates if c[0] >= COPY_SIMILARITY), default=None)
        original = known[best[1]][1] if best else own_document
        if best:
            found[article_id] = original
        index.insert(article_id, _minhash(values))
        known[article_id] = (values, original)
    return found


def _minhash(values: tuple[int, ...]) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME, hashvalues=numpy.array(values, dtype=numpy.uint32))
