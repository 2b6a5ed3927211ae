"""Which group an exported chat belongs to, from the export's file name."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path, PurePosixPath

import polars as pl

# Android: "WhatsApp Chat with <name>.txt"; iOS: "WhatsApp Chat - <name>.zip"; Hindi phones:
# "<name> के साथ WhatsApp चैट".
_EXPORT_NAMES = (
    re.compile(r"^WhatsApp Chat with (?P<name>.+)$", re.IGNORECASE),
    re.compile(r"^WhatsApp Chat - (?P<name>.+)$", re.IGNORECASE),
    re.compile(r"^(?P<name>.+) के साथ WhatsApp चैट$", re.IGNORECASE),
)


class GroupNotFound(LookupError):
    """No group matches the chat's name; the message names the closest candidates."""


class AmbiguousGroup(LookupError):
    """Several groups match the chat's name equally well."""


def _stem(path: Path | PurePosixPath) -> str:
    """The file name without extension, NFC, without the " (1)" of a second download."""
    return re.sub(r"\s*\(\d+\)$", "", unicodedata.normalize("NFC", path.stem).strip())


def export_chat_name(path: Path | PurePosixPath) -> str | None:
    """The chat's name when the file is named the way WhatsApp names exports, else None."""
    stem = _stem(path)
    for pattern in _EXPORT_NAMES:
        found = pattern.match(stem)
        if found:
            return found.group("name").strip()
    return None


def chat_name(path: Path) -> str:
    """The chat's name as the export file carries it (the stem when it follows no pattern)."""
    return export_chat_name(path) or _stem(path)


def name_key(name: str) -> str:
    """A group name stripped of case, spaces, punctuation and emoji, for comparison."""
    text = unicodedata.normalize("NFC", name).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMN")


def keyed_groups(groups: pl.DataFrame) -> pl.DataFrame:
    """group_id, name and its two comparison forms; compute once, match many."""
    return groups.select("group_id", "name").with_columns(
        pl.col("name").map_elements(_spaced, return_dtype=pl.String).alias("spaced"),
        pl.col("name").map_elements(name_key, return_dtype=pl.String).alias("key"),
    )


def _spaced(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def match_group(name: str, groups: pl.DataFrame, *, cutoff: float = 0.86) -> str:
    """The group_id whose name is `name` (ignoring case and runs of spaces); else the one whose
    name matches ignoring punctuation and spaces too; else the single close match;
    GroupNotFound / AmbiguousGroup otherwise."""
    keyed = groups if "key" in groups.columns else keyed_groups(groups)
    # "काली बाजार" and "कालीबाजार" can be two thanas: the name as written decides first.
    same = keyed.filter(pl.col("spaced") == _spaced(name))
    if same.height == 1:
        return str(same.item(0, "group_id"))
    key = name_key(name)
    exact = keyed.filter(pl.col("key") == key)
    if exact.height == 1:
        return str(exact.item(0, "group_id"))
    if exact.height > 1:
        names = ", ".join(f"{g} ({n})" for g, n in exact.select("group_id", "name").rows())
        raise AmbiguousGroup(f"chat '{name}' matches several groups: {names}")
    keys = keyed.get_column("key").to_list()
    close = difflib.get_close_matches(key, keys, n=3, cutoff=cutoff)
    candidates = keyed.filter(pl.col("key").is_in(close))
    if len(close) == 1 and candidates.height == 1:
        return str(candidates.item(0, "group_id"))
    near = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
    shown = keyed.filter(pl.col("key").is_in(near)).get_column("name").to_list()
    if len(close) > 1:
        raise AmbiguousGroup(f"chat '{name}' is close to several groups: {', '.join(shown)}")
    hint = f"; closest: {', '.join(shown)}" if shown else ""
    raise GroupNotFound(f"no group named '{name}'{hint}")
