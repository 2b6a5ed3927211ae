"""Greetings and chain forwards: flagged from a phrase table in data, not code."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import polars as pl
import yaml

from sampark.settings import PROJECT_ROOT

NOISE_FILE = PROJECT_ROOT / "data" / "whatsapp" / "noise.yaml"

# Letters or digits in any script; a message without one is emoji or punctuation only.
_HAS_WORD = r"[\p{L}\p{N}]"


@lru_cache(maxsize=4)
def noise_phrases(path: Path = NOISE_FILE) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole-message phrases, contained phrases), lower-cased."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    whole = tuple(str(p).casefold() for p in raw.get("whole", []))
    contains = tuple(str(p).casefold() for p in raw.get("contains", []))
    return whole, contains


def is_noise(text: str = "text", path: Path = NOISE_FILE) -> pl.Expr:
    """True for greetings, chain forwards and emoji-only messages; False for a null text."""
    whole, contains = noise_phrases(path)
    clean = (
        pl.col(text).str.to_lowercase().str.replace_all(r"[\s\p{P}\p{S}]+", " ").str.strip_chars()
    )
    contained = "|".join(re.escape(p) for p in contains) or "$^"
    return (
        clean.is_in(list(whole))
        | pl.col(text).str.to_lowercase().str.contains(contained)
        | ~pl.col(text).str.contains(_HAS_WORD)
    ).fill_null(False)
