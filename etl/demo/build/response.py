"""Demo registers and self-harm alerts: two years to the demo date, written as inbox sheets.

Registers are generated column-wise (numpy, then polars) so the state scale's ~2M entries take
seconds: each thana has its own pace (some slow), each category its own chance of an FIR, and
stages not yet reached by the demo date are blank. Alerts come at ~1.5 a day statewide, traced in
30–90 minutes, with 60–85% of people reached. Stories are written by `etl.demo.build.stories`.
Every file carries a few realistic bad rows; `ResponseDemo` counts good and bad rows apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl
import xlsxwriter

from etl.demo.build.alerts import alert_rows
from etl.demo.build.stories import story_rows
from etl.demo.calendar import REFERENCE, DemoCalendar
from etl.demo.model import Thana
from etl.demo.write.sheets import file_slug
from etl.sources.sheets.columns import SHEETS

# The demo's "now" on its reference day: the last moment anything in the registers can have
# happened. A build passes its own (`DemoCalendar.now`, the start of the build day in IST).
DEMO_NOW = DemoCalendar(REFERENCE).now
DAYS = 730
SMALL_ENTRIES = 20_000
STATE_ENTRIES = 2_000_000
ALERTS_PER_DAY = 1.5

# (category, weight, chance of an FIR) — FIRs mostly for assault, theft, liquor, harassment.
_CATEGORIES = (
    ("assault", 14, 0.6),
    ("theft", 18, 0.5),
    ("traffic", 12, 0.08),
    ("rumour", 9, 0.04),
    ("missing_person", 7, 0.3),
    ("cyber_fraud", 10, 0.4),
    ("land_dispute", 11, 0.15),
    ("liquor", 8, 0.55),
    ("harassment", 6, 0.45),
    ("other", 5, 0.05),
)
_SUMMARIES = {
    "assault": ("Video of a fight posted on the group", "समूह पर मारपीट का वीडियो"),
    "theft": ("Motorcycle stolen near the market", "बाज़ार के पास मोटरसाइकिल चोरी"),
    "traffic": ("Jam at the crossing, school buses stuck", "चौराहे पर जाम, स्कूल बसें फँसीं"),
    "rumour": ("Forwarded message about child lifters", "बच्चा चोरी की अफवाह वाला संदेश"),
    "missing_person": ("Boy missing since evening", "शाम से लड़का लापता"),
    "cyber_fraud": ("Money taken through a fake KYC call", "फर्जी केवाईसी कॉल से पैसे कटे"),
    "land_dispute": ("Boundary wall dispute, tension", "चारदीवारी को लेकर विवाद, तनाव"),
    "liquor": ("Liquor being sold near the canal", "नहर के पास शराब बिक्री"),
    "harassment": ("Girls harassed near the coaching centre", "कोचिंग के पास छात्राओं से छेड़खानी"),
    "other": ("Loudspeaker late at night", "देर रात लाउडस्पीकर"),
}
_REPORTERS = ("citizen", "trader", "clg", "police_mitra", "digital_volunteer", "pradhan")


@dataclass(frozen=True)
class ResponseDemo:
    """What the registers, alerts and stories files hold: good rows, and bad rows apart."""

    files: int
    registers: int
    alerts: int
    stories: int
    bad_rows: int


def _stamp_text(column: pl.Expr, lang: str) -> pl.Expr:
    fmt = "%d-%m-%Y %H:%M" if lang == "hi" else "%Y-%m-%d %H:%M"
    return column.dt.strftime(fmt)


def _headers(kind: str, lang: str) -> list[str]:
    cols = SHEETS[kind].columns
    return [c.hindi if lang == "hi" else c.bilingual if lang == "bi" else c.english for c in cols]


def _write(
    out: Path, relpath: str, kind: str, frame: pl.DataFrame, lang: str, made: datetime
) -> None:
    """A sheet of `kind` with the columns in declared order, headers in `lang`; a workbook
    says it was made at `made` (the build day, never the clock)."""
    path = out / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = [c.key for c in SHEETS[kind].columns]
    frame = frame.select(keys).rename(dict(zip(keys, _headers(kind, lang), strict=True)))
    if path.suffix == ".csv":
        frame.write_csv(path)
        return
    # Excel: times as serial numbers, the way a sheet with General-formatted cells saves them.
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    book.set_properties({"created": made})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, frame.columns)
    for i, row in enumerate(frame.iter_rows(), start=1):
        for j, value in enumerate(row):
            if isinstance(value, float):
                sheet.write_number(i, j, value)
            elif value is not None:
                sheet.write_string(i, j, str(value))
    book.close()


def _serial(column: pl.Expr) -> pl.Expr:
    """Excel's serial day number of a datetime (days since 1899-12-30, time as a fraction)."""
    epoch = pl.lit(datetime(1899, 12, 30), dtype=pl.Datetime("us"))
    return ((column - epoch).dt.total_seconds() / 86400).round(6)


# Entries left open: never taken up, or taken up and never closed. A register an office keeps
# closes nearly everything in three weeks; these shares leave about one entry in 150 open
# beyond the 21-day closure limit, the planted share a reader can believe.
NEVER_TAKEN_UP = 0.002
NEVER_CLOSED = 0.005


@dataclass(frozen=True)
class _Drawn:
    """The entries drawn before their stages: thana index, category index, receipt time."""

    who: np.ndarray
    cat_idx: np.ndarray
    received: np.ndarray
    slow: np.ndarray  # the thana's pace: a multiplier on every stage's delay


def _drawn(rng: np.random.Generator, thanas: int, n: int, now: datetime) -> _Drawn:
    """Who received each entry, of which category, when (over the DAYS up to `now`)."""
    pace = rng.lognormal(0.0, 0.45, thanas)  # some thanas are slow at every stage
    weight = rng.gamma(2.0, 1.0, thanas)
    who = rng.choice(thanas, n, p=weight / weight.sum())
    cat_idx = rng.choice(len(_CATEGORIES), n, p=_probs([c[1] for c in _CATEGORIES]))
    minutes = rng.integers(0, DAYS * 24 * 60, n)
    start = np.datetime64(now, "m") - np.timedelta64(DAYS * 24 * 60, "m")
    return _Drawn(who, cat_idx, start + minutes.astype("timedelta64[m]"), pace[who])


def _stage_times(rng: np.random.Generator, d: _Drawn) -> dict[str, np.ndarray]:
    """Each stage after the one before, by a lognormal delay scaled by the thana's pace; an
    entry never taken up has no later stage."""
    n = len(d.received)
    nat = np.datetime64("NaT")

    def later(base: np.ndarray, median_h: float, sigma: float, share: float) -> np.ndarray:
        delay = rng.lognormal(np.log(median_h), sigma, n) * d.slow * 60
        stamp = base + delay.astype("int64").astype("timedelta64[m]")
        return np.where(rng.random(n) < share, stamp, nat)

    fir_chance = np.array([c[2] for c in _CATEGORIES])[d.cat_idx]
    cognizance = later(d.received, 0.8, 1.0, 1 - NEVER_TAKEN_UP)
    taken_up = ~np.isnat(cognizance)
    after_cog = np.where(taken_up, cognizance, d.received)
    fir = np.where(rng.random(n) < fir_chance, later(after_cog, 5.0, 1.1, 1.0), nat)
    fir = np.where(taken_up, fir, nat)
    after_fir = np.where(np.isnat(fir), after_cog, fir)
    action = np.where(taken_up, later(after_fir, 20.0, 1.0, 0.88), nat)
    after_action = np.where(np.isnat(action), after_fir, action)
    # Entries needing no action are closed all the same; one never taken up stays open.
    closed = np.where(taken_up, later(after_action, 150.0, 0.8, 1 - NEVER_CLOSED), nat)
    return {"cognizance_at": cognizance, "fir_at": fir, "action_at": action, "closed_at": closed}


def _not_after(stages: dict[str, np.ndarray], now: datetime) -> dict[str, np.ndarray]:
    """Stages not yet reached by `now` left blank; each stage follows the one before, so a
    blank stage blanks every later one too."""
    until = np.datetime64(now, "m")
    return {k: np.where(v > until, np.datetime64("NaT"), v) for k, v in stages.items()}


def _numbered(frame: pl.DataFrame, thanas: Sequence[Thana]) -> pl.DataFrame:
    """The entries with their units and groups, one per thana, time and category, sorted, with
    FIR numbers counted per thana and year."""
    units = pl.DataFrame(
        {
            "thana": range(len(thanas)),
            "unit_id": [t.unit_id for t in thanas],
            "district_id": [t.district_id for t in thanas],
            "group_id": [t.group_id for t in thanas],
        },
        schema_overrides={"thana": pl.Int64},
    )
    frame = (
        frame.with_columns(pl.col("thana").cast(pl.Int64))
        .join(units, on="thana")
        .drop("thana")
        .unique(["unit_id", "received_at", "category"], keep="first", maintain_order=True)
        .sort("received_at", "unit_id")
    )
    year = pl.col("fir_at").dt.year()
    seq = pl.col("fir_at").rank("ordinal").over("unit_id", year)
    return frame.with_columns(
        pl.when(pl.col("fir_at").is_not_null()).then(pl.format("{}/{}", seq, year)).alias("fir_no"),
        pl.when(pl.col("fir_at").is_not_null()).then(pl.col("arrests")).alias("arrests"),
    )


def register_frame(
    thanas: Sequence[Thana], n: int, seed: int, now: datetime = DEMO_NOW
) -> pl.DataFrame:
    """`n` typed register entries (before bad rows), spread over the thanas and the two years
    up to `now`."""
    rng = np.random.default_rng(seed)
    drawn = _drawn(rng, len(thanas), n, now)
    stages = _not_after(_stage_times(rng, drawn), now)
    arrests = np.where(~np.isnat(stages["fir_at"]), rng.poisson(1.3, n), 0)
    codes = [c[0] for c in _CATEGORIES]
    frame = pl.DataFrame(
        {
            "thana": drawn.who,
            "received_at": drawn.received.astype("datetime64[us]"),
            **{k: v.astype("datetime64[us]") for k, v in stages.items()},
            "category": np.array(codes)[drawn.cat_idx],
            "reporter_category": np.array(_REPORTERS)[rng.integers(0, len(_REPORTERS), n)],
            "arrests": arrests,
        }
    )
    return _numbered(frame, thanas)


def _probs(weights: Sequence[float]) -> np.ndarray:
    w = np.array(weights, dtype=float)
    return np.asarray(w / w.sum())


def _register_text(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Typed entries as an office writes them: times in the language's format, labels."""
    stamp_cols = ["received_at", "cognizance_at", "fir_at", "action_at", "closed_at"]
    en = {k: v[0] for k, v in _SUMMARIES.items()}
    hi = {k: v[1] for k, v in _SUMMARIES.items()}
    status = (
        pl.when(pl.col("closed_at").is_not_null())
        .then(pl.lit("बंद" if lang == "hi" else "closed"))
        .when(pl.col("action_at").is_not_null())
        .then(pl.lit("कार्रवाई जारी" if lang == "hi" else "in_progress"))
        .otherwise(pl.lit("लंबित" if lang == "hi" else "open"))
    )
    return frame.select(
        "unit_id",
        "group_id",
        *(_stamp_text(pl.col(c), lang).alias(c) for c in stamp_cols),
        "reporter_category",
        pl.col("category").replace_strict(_CATEGORY_HI, default=None)
        if lang == "hi"
        else "category",
        pl.col("category").replace_strict(hi if lang == "hi" else en).alias("summary"),
        "fir_no",
        pl.when(pl.col("action_at").is_not_null())
        .then(pl.lit("कार्रवाई की गई" if lang == "hi" else "Action taken"))
        .alias("action"),
        pl.col("arrests").cast(pl.String),
        status.alias("status"),
    )


_CATEGORY_HI = {
    "assault": "मारपीट",
    "theft": "चोरी",
    "traffic": "यातायात",
    "rumour": "अफवाह",
    "missing_person": "गुमशुदगी",
    "cyber_fraud": "साइबर ठगी",
    "land_dispute": "भूमि विवाद",
    "liquor": "शराब",
    "harassment": "उत्पीड़न",
    "other": "अन्य",
}


def _bad_register_rows(good: pl.DataFrame) -> pl.DataFrame:
    """Six mistakes offices make, built from real rows: a stage before receipt (a typo in the
    year), a time in the future (2062 for 2026), a mistyped thana, an unknown category, an
    unreadable time, and the same entry written twice."""
    closed = good.filter(pl.col("closed_at").is_not_null()).head(1)
    picks = pl.concat([closed, good.head(5)])
    row = [dict(r) for r in picks.iter_rows(named=True)]
    # Whatever the build day's year: two years back for the stage, 36 ahead for the future.
    row[0]["closed_at"] = re.sub(
        r"20(\d\d)", lambda m: f"20{int(m[1]) - 2:02d}", row[0]["received_at"], count=1
    )
    row[1]["received_at"] = re.sub(
        r"20(\d\d)", lambda m: f"20{int(m[1]) + 36:02d}", row[1]["received_at"], count=1
    )
    row[2]["unit_id"] = row[2]["unit_id"].replace("T0", "TO")
    row[3]["category"] = "misc."
    row[4]["received_at"] = "kal shaam"
    return pl.concat([pl.DataFrame(row[:5], schema=good.schema), picks.slice(5, 1)])


def _write_registers(
    out: Path, thanas: Sequence[Thana], n: int, seed: int, now: datetime
) -> tuple[int, int, int]:
    """One CSV per district and year (language rotating), plus one Excel sheet of late
    entries with serial times that repeats a few rows already sent; (files, good, bad)."""
    typed = register_frame(thanas, n, seed, now)
    files = good_rows = bad_rows = 0
    langs = ("en", "hi", "bi")
    districts = sorted({t.district_id for t in thanas})
    names = {t.district_id: file_slug(t.district) for t in thanas}
    typed = typed.with_columns(pl.col("received_at").dt.year().alias("_year"))
    late_cut = typed.height - max(20, typed.height // 400)
    late = typed.slice(late_cut)
    typed = typed.slice(0, late_cut)
    for i, district in enumerate(districts):
        mine = typed.filter(pl.col("district_id") == district)
        for j, year in enumerate(sorted(mine.get_column("_year").unique().to_list())):
            lang = langs[(i + j) % 3]
            text = _register_text(mine.filter(pl.col("_year") == year), lang)
            bad = _bad_register_rows(text) if text.height > 10 else text.clear()
            # Bad rows go in among the good ones, where an office would have typed them.
            rows = pl.concat([text.slice(0, text.height // 2), bad, text.slice(text.height // 2)])
            _write(
                out,
                f"registers/{names[district]}_{year}.csv",
                "registers",
                rows,
                "hi" if lang == "hi" else lang,
                now,
            )
            files += 1
            good_rows += text.height
            bad_rows += bad.height
    # The late-entries workbook: serial times, Hindi headers, three rows sent twice.
    again = typed.tail(3)
    sheet = pl.concat([late, again]).with_columns(
        _serial(pl.col(c)).alias(c)
        for c in ("received_at", "cognizance_at", "fir_at", "action_at", "closed_at")
    )
    text = sheet.select(
        "unit_id",
        "group_id",
        "received_at",
        "cognizance_at",
        "fir_at",
        "action_at",
        "closed_at",
        "reporter_category",
        pl.col("category").replace_strict(_CATEGORY_HI),
        pl.lit(None, dtype=pl.String).alias("summary"),
        "fir_no",
        pl.lit(None, dtype=pl.String).alias("action"),
        pl.col("arrests").cast(pl.String),
        pl.lit(None, dtype=pl.String).alias("status"),
    )
    _write(out, "registers/late_entries.xlsx", "registers", text, "hi", now)
    return files + 1, good_rows + late.height, bad_rows + again.height


def write_response(
    out: Path, thanas: Sequence[Thana], *, scale: str, seed: int, now: datetime = DEMO_NOW
) -> ResponseDemo:
    """Registers, alerts and stories for `thanas` under `out`, nothing later than `now`; same
    seed and same `now`, same bytes."""
    rng = np.random.default_rng(seed)
    n = SMALL_ENTRIES if scale == "small" else STATE_ENTRIES
    reg_files, registers, reg_bad = _write_registers(out, thanas, n, int(rng.integers(2**62)), now)
    alerts_good, alerts_bad, alert_sheets = alert_rows(
        thanas, now, DAYS, ALERTS_PER_DAY, int(rng.integers(2**62))
    )
    for name, (frame, lang) in alert_sheets.items():
        _write(out, f"alerts/{name}", "alerts", frame, lang, now)
    stories_good, stories_bad, story_sheets = story_rows(thanas, now, int(rng.integers(2**62)))
    for name, (frame, lang) in story_sheets.items():
        _write(out, f"stories/{name}", "stories", frame, lang, now)
    return ResponseDemo(
        files=reg_files + len(alert_sheets) + len(story_sheets),
        registers=registers,
        alerts=alerts_good,
        stories=stories_good,
        bad_rows=reg_bad + alerts_bad + stories_bad,
    )
