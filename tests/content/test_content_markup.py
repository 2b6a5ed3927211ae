"""Findings highlighted in safe HTML: user text escaped, spans marked by level."""

from sampark.content.markup import marked_html

BLOCK = "background:#fca5a5;color:#111;border-radius:3px;padding:0 2px;font-weight:600"
WARN = "background:#fde68a;color:#111;border-radius:3px;padding:0 2px"


def test_user_markup_is_escaped_around_and_inside_a_span():
    found = [{"level": "block", "code": "phone_number", "start": 3, "end": 13}]
    assert marked_html("<b>9876543210</b>", found, {"phone_number": "Phone"}) == (
        f'&lt;b&gt;<mark title="Phone" style="{BLOCK}">9876543210</mark>&lt;/b&gt;'
    )


def test_devanagari_span_is_marked_by_code_points():
    text = "पुलिस ने दोषी को पकड़ा"
    found = [{"level": "warn", "code": "guilt_word", "start": 9, "end": 13}]
    assert marked_html(text, found, {}) == (
        f'पुलिस ने <mark title="guilt_word" style="{WARN}">दोषी</mark> को पकड़ा'
    )


def test_a_block_wins_where_it_overlaps_a_warning():
    found = [
        {"level": "warn", "code": "w", "start": 0, "end": 4},
        {"level": "block", "code": "b", "start": 2, "end": 6},
    ]
    assert marked_html("abcdef\ng", found, {"w": "W", "b": '"B"'}) == (
        f'<mark title="W" style="{WARN}">ab</mark>'
        f'<mark title="&quot;B&quot;" style="{BLOCK}">cdef</mark><br>g'
    )
