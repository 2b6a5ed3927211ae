"""The content guard against its own evaluation set (data/content/guard_eval.yaml).

    .venv/bin/python bench/guard_eval.py                  # name list (the guard as shipped)
    .venv/bin/python bench/guard_eval.py --split held     # only the held-out stories
    .venv/bin/python bench/guard_eval.py --names none     # markers only, no bare names
    .venv/bin/python bench/guard_eval.py --names ner --ner-spans /tmp/ner.json

Per language and in all: recall on the stories that must be blocked, warn accuracy (a "warn"
story given a warning and no block), false blocks on clean stories, and clean stories given a
warning; then every miss with what the guard found. `--names ner` takes the PERSON spans a
named-entity model found (bench/ner_spans.py writes them, in a venv of its own) instead of the
name list. Exits 0; the figures are for reading, not a gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sampark.content.guard import Finding, check  # noqa: E402

EVAL_SET = ROOT / "data" / "content" / "guard_eval.yaml"
LANGS = ("hi", "en", "hinglish")
Finder = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class Result:
    story: dict[str, str]
    got: str
    findings: list[Finding]

    @property
    def is_miss(self) -> bool:
        return self.got != self.story["expect"]


def level(findings: list[Finding]) -> str:
    levels = {f.level for f in findings}
    return "block" if "block" in levels else "warn" if "warn" in levels else "clean"


def finder(kind: str, ner_spans: Path | None) -> Finder | None:
    if kind == "list":
        return None  # the guard's default: the name list
    if kind == "none":
        return lambda text: []
    if ner_spans is None:
        raise SystemExit("--names ner needs --ner-spans FILE (see bench/ner_spans.py)")
    spans: dict[str, list[list[int]]] = json.loads(ner_spans.read_text(encoding="utf-8"))
    return lambda text: [(s, e) for s, e in spans.get(text, [])]


def evaluate(stories: list[dict[str, str]], names: Finder | None) -> list[Result]:
    out = []
    for story in stories:
        # Without a finder, the guard's own default (an older guard took no `names`).
        found = check(story["text"]) if names is None else check(story["text"], names=names)
        out.append(Result(story, level(found), found))
    return out


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "—"


def figures(results: list[Result]) -> dict[str, str]:
    def of(expect: str) -> list[Result]:
        return [r for r in results if r.story["expect"] == expect]

    block, warn, clean = of("block"), of("warn"), of("clean")
    return {
        "stories": str(len(results)),
        "block recall": _ratio(sum(r.got == "block" for r in block), len(block)),
        "warn accuracy": _ratio(sum(r.got == "warn" for r in warn), len(warn)),
        "false blocks": _ratio(sum(r.got == "block" for r in clean), len(clean)),
        "clean warned": _ratio(sum(r.got == "warn" for r in clean), len(clean)),
        "right": _ratio(sum(not r.is_miss for r in results), len(results)),
    }


def table(results: list[Result]) -> str:
    groups = [(lang, [r for r in results if r.story["lang"] == lang]) for lang in LANGS]
    groups.append(("all", results))
    rows = [(name, figures(rs)) for name, rs in groups if rs]
    keys = list(rows[0][1])
    lines = ["| " + " | ".join(["lang", *keys]) + " |", "|" + "---|" * (len(keys) + 1)]
    lines += ["| " + " | ".join([name, *(f[k] for k in keys)]) + " |" for name, f in rows]
    return "\n".join(lines)


def misses(results: list[Result]) -> str:
    lines = []
    for r in results:
        if r.is_miss:
            text = r.story["text"]
            found = "; ".join(f"{f.level} {f.code} «{text[f.start : f.end]}»" for f in r.findings)
            lines.append(
                f"- {r.story['id']} [{r.story['split']}] expected {r.story['expect']},"
                f" got {r.got} ({r.story['law']}): {found or 'nothing found'}\n    {text}"
            )
    return "\n".join(lines) or "(none)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=EVAL_SET)
    parser.add_argument("--split", choices=("tune", "held", "all"), default="all")
    parser.add_argument("--names", choices=("list", "none", "ner"), default="list")
    parser.add_argument("--ner-spans", type=Path)
    args = parser.parse_args(argv)
    stories = yaml.safe_load(args.set.read_text(encoding="utf-8"))["stories"]
    names = finder(args.names, args.ner_spans)
    splits = ("tune", "held") if args.split == "all" else (args.split,)
    print(f"# guard_eval: {args.set.name}, names: {args.names}\n")
    for split in splits:
        chosen = [s for s in stories if s["split"] == split]
        if chosen:
            print(f"## {split} ({len(chosen)} stories)\n\n{table(evaluate(chosen, names))}\n")
    if args.split == "all":
        print(f"## all ({len(stories)} stories)\n\n{table(evaluate(stories, names))}\n")
    chosen = [s for s in stories if s["split"] in splits]
    print(f"## misses\n\n{misses(evaluate(chosen, names))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
