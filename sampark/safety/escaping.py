"""Data-derived text made inert for the places that would read it as markup (pure).

Plotly draws a subset of HTML in titles, tick labels, hover text and annotations (<b>, <br>,
<a href>), and Streamlit's markdown reads links, images and emphasis. A unit, group or story
name typed by an office must show as typed in both.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=])")


def plain(text: str) -> str:
    """`text` for a plotly label: < > & as entities, which plotly draws as the characters.

    >>> plain("<b>x</b> & y")
    '&lt;b&gt;x&lt;/b&gt; &amp; y'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_all(texts: list[str | None]) -> list[str]:
    """Each text `plain`; a missing one as an empty label."""
    return [plain(text or "") for text in texts]


def markdown_literal(text: str) -> str:
    """`text` for st.markdown, st.caption or a message box: every character markdown (or
    Streamlit's :colour[] and :icon: directives) could act on is backslash-escaped, and line
    breaks become spaces, so the text shows as typed.

    >>> print(markdown_literal("[a](http://x) *b*"))
    \\[a\\]\\(http\\://x\\) \\*b\\*
    """
    return _MARKDOWN.sub(r"\\\1", " ".join(text.splitlines()))
