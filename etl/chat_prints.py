"""Fingerprints of a chat's messages, made on the worker thread while their text is still in
memory; the text goes before the chat is written unless the setting keeps it (README)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

import polars as pl

from etl.sources.chats.read import Chat
from sampark.fingerprints.frames import fingerprint_frame

Printed = tuple[Chat, pl.DataFrame | None]
"""A parsed chat as it is written, and its fingerprints (None without a pepper)."""

PRINT_COLUMNS = ["line", "ts", "author", "kind", "keyed_hash", "signature", "shingles", "numbers"]


@dataclass
class Fingerprinting:
    """One run's fingerprinting: the secret pepper, and the texts at hand (keyed hash → text
    and first time) of the messages this run printed, from which a broadcast's one copy is
    kept after the run; they are dropped with the run."""

    pepper: bytes
    texts: dict[int, tuple[str, datetime]] = field(default_factory=dict)

    def texts_by_hash(self) -> dict[int, str]:
        """The texts at hand by keyed hash, for the broadcasts to keep."""
        return {keyed: text for keyed, (text, _) in self.texts.items()}

    def hold(self, printed: pl.DataFrame) -> None:
        """Hold the texts of a written chat's prints (the first of each text only)."""
        for keyed, text, ts in printed.select("keyed_hash", "text", "ts").iter_rows():
            if keyed not in self.texts or ts < self.texts[keyed][1]:
                self.texts[keyed] = (text, ts)


def chat_prints(messages: pl.DataFrame, pepper: bytes) -> pl.DataFrame:
    """The fingerprints of a chat's text messages with enough text (`PRINT_COLUMNS` and the
    text, which the caller only holds)."""
    texts = messages.filter(pl.col("kind") == "text", pl.col("text").is_not_null())
    prints = fingerprint_frame(texts["text"], pepper, threads=1)
    return pl.concat(
        [texts.select("line", "ts", "author", "kind", "text"), prints], how="horizontal"
    ).filter(pl.col("keyed_hash").is_not_null())


def printed_chat(chat: Chat, pepper: bytes | None, *, keep_text: bool) -> Printed:
    """The chat as it is written (its text dropped unless kept) and its prints (None without a
    pepper: the chat loads unprinted)."""
    if pepper is None:
        return chat, None
    prints = chat_prints(chat.messages, pepper)
    if not keep_text:
        chat = replace(
            chat, messages=chat.messages.with_columns(pl.lit(None, dtype=pl.String).alias("text"))
        )
    return chat, prints
