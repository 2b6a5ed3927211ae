"""The story text as safe HTML with the guard's spans highlighted (pure).

User text is escaped here, character by character, before any markup is added: a story can
never inject HTML into the page.
"""

from __future__ import annotations

import html
from typing import Any

_RANK = {"warn": 1, "block": 2}
_STYLE = {
    1: "background:#fde68a;color:#111;border-radius:3px;padding:0 2px",
    2: "background:#fca5a5;color:#111;border-radius:3px;padding:0 2px;font-weight:600",
}


def marked_html(text: str, findings: list[dict[str, Any]], titles: dict[str, str]) -> str:
    """`text` escaped, each finding's span wrapped in <mark> (block red over warning amber,
    where spans overlap), line breaks kept. `titles` maps a finding code to its hover text."""
    level = [0] * len(text)
    code: list[str | None] = [None] * len(text)
    for f in findings:
        rank = _RANK.get(str(f.get("level")), 0)
        for i in range(max(0, int(f["start"])), min(len(text), int(f["end"]))):
            if rank > level[i]:
                level[i], code[i] = rank, str(f.get("code"))
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and (level[j], code[j]) == (level[i], code[i]):
            j += 1
        piece = html.escape(text[i:j]).replace("\n", "<br>")
        if level[i]:
            title = html.escape(titles.get(code[i] or "", code[i] or ""), quote=True)
            piece = f'<mark title="{title}" style="{_STYLE[level[i]]}">{piece}</mark>'
        out.append(piece)
        i = j
    return "".join(out)
