"""Writes `pairs.jsonl`: synthetic message pairs with whether they must match.

    .venv/bin/python -m tests.fingerprints.make_pairs     # rewrites tests/fingerprints/pairs.jsonl

Every text here is made up for the tests (no real order, person or number). Positive pairs
take a base message and an edited copy — an emoji added, "*Important*" or "Forwarded" in
front, a typo or two (a letter swapped, dropped or doubled; in Hindi a matra changed or a
nukta dropped), a line added or cut, different spacing, and these combined. Negative pairs are
different directives of one template (the same words around another place, date, time or
officer), short everyday messages, and texts on the same topic in other words. Deterministic:
the same file every run (a test checks it).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.fingerprints.pair_texts import (
    BASES_EN,
    BASES_HI,
    EMOJI,
    LINES_EN,
    LINES_HI,
    MARKERS,
    MATRAS,
    SAME_TOPIC,
    SHORT,
    TEMPLATES_EN,
    TEMPLATES_HI,
)

OUT = Path(__file__).with_name("pairs.jsonl")


def typo(text: str, rng: random.Random) -> str:
    """One typo at a letter: swapped with its neighbour, dropped or doubled; in Devanagari a
    matra changed, dropped, or a nukta left out."""
    spots = [i for i, ch in enumerate(text) if ch.isalpha() or ch in MATRAS]
    i = rng.choice(spots[1:-1])
    ch = text[i]
    if ch in MATRAS:
        kind = rng.choice(["change", "drop"])
        if kind == "change":
            return text[:i] + rng.choice([m for m in MATRAS if m != ch]) + text[i + 1 :]
        return text[:i] + text[i + 1 :]
    if "\u093c" in text and rng.random() < 0.3:
        j = text.index("\u093c")
        return text[:j] + text[j + 1 :]
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap" and text[i + 1].isalpha() and ord(text[i + 1]) < 0x900:
        return text[:i] + text[i + 1] + ch + text[i + 2 :]
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    return text[:i] + ch + ch + text[i + 1 :]


def respace(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return "".join(
        word + rng.choice([" ", "  ", "\n", " ", "   "]) if k < len(words) - 1 else word
        for k, word in enumerate(words)
    )


def add_emoji(text: str, rng: random.Random) -> str:
    where = rng.choice(["start", "end", "both", "inside"])
    one, two = rng.choice(EMOJI), rng.choice(EMOJI)
    if where == "start":
        return f"{one}{one} {text}"
    if where == "end":
        return f"{text} {one}{two}"
    if where == "both":
        return f"{one} {text} {two}"
    words = text.split(" ")
    k = rng.randrange(1, len(words))
    return " ".join([*words[:k], one, *words[k:]])


def add_line(text: str, rng: random.Random, hindi: bool) -> str:
    line = rng.choice(LINES_HI if hindi else LINES_EN)
    return f"{text}\n{line}" if rng.random() < 0.7 else f"{line}\n{text}"


def cut_line(text: str) -> str:
    lines = text.split("\n")
    if len(lines) > 1:
        return "\n".join(lines[:-1])
    sentences = text.split("। " if "।" in text else ". ")
    return ("। " if "।" in text else ". ").join(sentences[:-1]) + ("।" if "।" in text else ".")


def edits(base: str, rng: random.Random, hindi: bool) -> list[tuple[str, str]]:
    """(edit, copy) for each edit the matching must survive."""
    return [
        ("emoji", add_emoji(base, rng)),
        ("marker", rng.choice(MARKERS) + base),
        ("typo", typo(base, rng)),
        ("two typos", typo(typo(base, rng), rng)),
        ("line added", add_line(base, rng, hindi)),
        ("line cut", cut_line(base)),
        ("spacing", respace(base, rng)),
        ("marker, emoji, typo", rng.choice(MARKERS) + add_emoji(typo(base, rng), rng)),
    ]


def pairs() -> list[dict[str, object]]:
    return [*_edited_pairs(random.Random(16)), *_template_pairs(), *_other_pairs()]


def _lang(hindi: bool) -> str:
    return "hi" if hindi else "en"


def _edited_pairs(rng: random.Random) -> list[dict[str, object]]:
    """Each base message with each edited copy of it: these must match."""
    return [
        {"a": base, "b": copy, "match": True, "why": edit, "lang": _lang(hindi)}
        for hindi, bases in ((False, BASES_EN), (True, BASES_HI))
        for base in bases
        for edit, copy in edits(base, rng, hindi)
    ]


def _template_pairs() -> list[dict[str, object]]:
    """Directives of one template with other content in its slots: these must not match."""
    out: list[dict[str, object]] = []
    for hindi, templates in ((False, TEMPLATES_EN), (True, TEMPLATES_HI)):
        for template, slots in templates:
            fills = [{slot: values[n] for slot, values in slots.items()} for n in range(4)]
            texts = [template.format(**fill) for fill in fills]
            for i in range(4):
                for j in range(i + 1, 4):
                    out.append(
                        {
                            "a": texts[i],
                            "b": texts[j],
                            "match": False,
                            "why": "template, other content",
                            "lang": _lang(hindi),
                        }
                    )
            # One slot changed only: still another directive (another day, place or officer).
            for slot in slots:
                one = dict(fills[0], **{slot: slots[slot][1]})
                out.append(
                    {
                        "a": texts[0],
                        "b": template.format(**one),
                        "match": False,
                        "why": f"template, other {slot}",
                        "lang": _lang(hindi),
                    }
                )
    return out


def _other_pairs() -> list[dict[str, object]]:
    """Short messages, texts on one topic, unrelated bases and translations: no match."""
    out: list[dict[str, object]] = []
    for why, found in (("short", SHORT), ("same topic", SAME_TOPIC)):
        for a, b in found:
            lang = "hi" if any("\u0900" <= ch <= "\u097f" for ch in a) else "en"
            out.append({"a": a, "b": b, "match": False, "why": why, "lang": lang})
    for hindi, bases in ((False, BASES_EN), (True, BASES_HI)):
        for k, base in enumerate(bases):
            other = bases[(k + 7) % len(bases)]
            out.append(
                {"a": base, "b": other, "match": False, "why": "unrelated", "lang": _lang(hindi)}
            )
    # Across languages: a message and its translation are different texts to a fingerprint.
    for en, hi in zip(BASES_EN[:8], BASES_HI[:8], strict=True):
        out.append({"a": en, "b": hi, "match": False, "why": "translation", "lang": "en-hi"})
    return out


def text() -> str:
    return "".join(json.dumps(pair, ensure_ascii=False) + "\n" for pair in pairs())


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT} ({len(pairs())} pairs)")
