"""The weekly brief's charts: every word is HTML that Pango shapes (none in SVG text), ticks
are round and month labels never crowd; the laid-out PDF text reads whole Hindi words."""

from datetime import date

import polars as pl

from sampark.metrics.coverage.history import Projection
from sampark.metrics.coverage.overview import coverage_overview
from sampark.reports.brief import BriefParts, brief_html, response_bars
from sampark.reports.brief_charts import MONTH_LABEL_PX, month_ticks, nice_ticks, progress_chart
from sampark.reports.pdf import pdf_unavailable
from tests.metrics.test_coverage_history import HISTORY, NET
from tests.reports.test_brief import TARGET, _text

SERIES = pl.DataFrame(
    {
        "week_end": [date(2026, 10, 18), date(2026, 10, 25), date(2026, 11, 1)],
        "members": [100, 140, 190],
    }
)
PACE = Projection(190, 1000, date(2027, 3, 31), 40.0, None, date(2026, 11, 1))


def test_ticks_are_round_steps_from_zero():
    assert nice_ticks(1100) == [0, 500, 1000]
    assert nice_ticks(220000) == [0, 50000, 100000, 150000, 200000]


def test_month_labels_are_thinned_until_each_has_room():
    every = month_ticks(date(2026, 1, 1), date(2027, 12, 31), 12 * MONTH_LABEL_PX)
    assert len(every) == 12 and every[1] == date(2026, 3, 1)
    assert month_ticks(date(2026, 5, 2), date(2026, 7, 1), 600) == [
        date(2026, 6, 1),
        date(2026, 7, 1),
    ]


def test_the_chart_draws_no_svg_text_and_labels_the_target_and_axes_in_hindi():
    html = progress_chart(SERIES, 1000, date(2027, 3, 31), PACE, "hi")
    assert "<text" not in html
    for words in ("लक्ष्य: 1,000", "सप्ताह समाप्ति", "सदस्य (व्यक्ति)", "नवंबर 2026", "मार्च 2027"):
        assert words in html, words
    assert 'stroke-dasharray="6,4"' in html  # the pace carried forward


def test_a_stage_past_its_limit_is_drawn_red_with_the_limit_marked():
    rows = pl.DataFrame(
        {
            "stage": ["cognizance", "fir"],
            "cases": [30, 20],
            "median_h": [30.0, 5.0],
            "p90_h": [60.0, 20.0],
            "within_sla": [0.3, 0.9],
            "sla_h": [24.0, 24.0],
        }
    )
    late, on_time = response_bars(rows, "en")
    assert late.over and not on_time.over
    assert late.limit == 24.0 / (60.0 * 1.05)
    assert (
        late.text
        == "median 30 h · 90% within 60 h · limit 24 h · 30.0% within the limit (30 entries)"
    )


def test_the_laid_out_hindi_brief_has_the_words_whole():
    ov = coverage_overview(NET, HISTORY, TARGET, None, as_of=date(2026, 11, 1))
    html = brief_html(
        ov,
        scope_name="पटना",
        profile_name="बिहार",
        behind=pl.DataFrame(),
        actions=pl.DataFrame(),
        lang="hi",
        parts=BriefParts(
            stories={
                "submitted": 2,
                "vetted": 0,
                "approved": 1,
                "posted": 3,
                "rejected": 0,
                "blocked": 0,
                "total": 6,
            }
        ),
    )
    text = _text(html)
    for word in ("लक्ष्य", "नवंबर", "सप्ताह समाप्ति", "पोस्ट की गई", "2,00,000"):
        assert word in text, word


def test_a_machine_without_the_noto_fonts_is_told_what_to_install(tmp_path):
    said = pdf_unavailable([tmp_path / "NotoSansDevanagari-Regular.ttf"])
    assert said == (
        "the fonts NotoSansDevanagari-Regular.ttf are missing; on Debian install fonts-noto-core."
    )
    assert pdf_unavailable() is None  # this machine has them
