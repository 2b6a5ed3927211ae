"""Escaping for plotly labels and Streamlit markdown: literal expectations."""

from __future__ import annotations

import pytest

from sampark.safety.escaping import markdown_literal, plain, plain_all


def test_plain_escapes_the_three_characters_plotly_reads_as_markup():
    assert plain("a<br>b & <i>c</i>") == "a&lt;br&gt;b &amp; &lt;i&gt;c&lt;/i&gt;"


def test_plain_all_gives_an_empty_label_for_a_missing_name():
    assert plain_all(["<b>", None]) == ["&lt;b&gt;", ""]


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("![x](http://evil/p.png)", "\\!\\[x\\]\\(http\\://evil/p\\.png\\)"),
        (":red[alarm] **bold**", "\\:red\\[alarm\\] \\*\\*bold\\*\\*"),
        ("# heading\nline", "\\# heading line"),
        ("<script>", "\\<script\\>"),
        ("थाना कोतवाली", "थाना कोतवाली"),
    ],
)
def test_markdown_literal_leaves_nothing_for_markdown_to_act_on(text, literal):
    assert markdown_literal(text) == literal
