"""Demo self-harm alerts: ~1.5 a day statewide, traced in 30–90 minutes, 60–85% reached.

The identifying cells are synthetic: made-up names, mobiles from the demo range and IP
addresses from the documentation blocks (RFC 5737), never real ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from etl.demo.data import names

if TYPE_CHECKING:
    from etl.demo.model import Thana

_PLATFORMS = ("Instagram", "Facebook", "X", "YouTube")
_PLATFORM_P = (0.45, 0.4, 0.1, 0.05)
_POST = (
    "Post showing intent of self-harm (synthetic demo text)",
    "आत्मघात के इरादे वाली पोस्ट (कृत्रिम डेमो पाठ)",
)
_STAMPS = ("received_at", "traced_at", "forwarded_at", "contacted_at")


@dataclass(frozen=True)
class _Times:
    """Each alert's stage times (minutes, numpy) and which stages it reached."""

    received: np.ndarray
    traced: np.ndarray
    forwarded: np.ndarray
    contacted: np.ndarray
    traced_ok: np.ndarray
    other_state: np.ndarray
    reached: np.ndarray


def _alert_times(rng: np.random.Generator, n: int, now: datetime, days: int) -> _Times:
    """Receipt over the `days` up to `now` (more late in the evening and at night, when such
    posts are made), tracing in 30–90 minutes, forwarding and contact soon after."""
    start = np.datetime64(now - timedelta(days=days), "m")
    hour_p = np.array([5, 4, 3, 2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 5, 6, 7, 8, 8, 7.0])
    day = rng.integers(0, days, n)
    minute = rng.choice(24, n, p=hour_p / hour_p.sum()) * 60 + rng.integers(0, 60, n)
    received = start + (day * 1440 + minute).astype("timedelta64[m]")
    traced_ok = rng.random(n) < 0.9
    traced = received + rng.triangular(30, 50, 90, n).astype("int64").astype("timedelta64[m]")
    other_state = traced_ok & (rng.random(n) < 0.06)
    forwarded = traced + rng.integers(3, 15, n).astype("timedelta64[m]")
    reached = traced_ok & ~other_state & (rng.random(n) < 0.86)
    contacted = forwarded + rng.gamma(2.0, 9.0, n).astype("int64").astype("timedelta64[m]")
    return _Times(received, traced, forwarded, contacted, traced_ok, other_state, reached)


def _outcomes(rng: np.random.Generator, t: _Times) -> np.ndarray:
    """Not traceable, in another state, phone off, or reached (most counselled)."""
    roll = rng.random(len(t.received))
    reached = np.where(
        roll < 0.06, "hospitalised", np.where(roll < 0.1, "false_alarm", "reached_counselled")
    )
    unreached = np.where(roll < 0.7, "phone_off", "not_traceable")
    return np.where(
        ~t.traced_ok,
        "not_traceable",
        np.where(t.other_state, "other_state", np.where(~t.reached, unreached, reached)),
    )


def _subjects(rng: np.random.Generator, n: int) -> dict[str, Any]:
    """The identifying cells, all synthetic: names, demo-range mobiles, RFC 5737 addresses."""
    first = rng.integers(0, len(names.MALE_FIRST), n)
    sur = rng.integers(0, len(names.SURNAMES) - 2, n)
    return {
        "subject_name": [
            f"{names.MALE_FIRST[f][0]} {names.SURNAMES[s][0]}"
            for f, s in zip(first, sur, strict=True)
        ],
        "subject_phone": (rng.integers(6_000_000_000, 10_000_000_000, n)).astype(str),
        "subject_ip": [f"203.0.113.{i}" for i in rng.integers(1, 255, n)],
        "post_text": np.array(_POST)[rng.integers(0, 2, n)],
    }


def alert_frame(
    thanas: Sequence[Thana], now: datetime, days: int, per_day: float, seed: int
) -> pl.DataFrame:
    """Typed alerts with stage times (naive IST) and outcomes, oldest first."""
    rng = np.random.default_rng(seed)
    n = int(rng.poisson(per_day * days))
    t = _alert_times(rng, n, now, days)
    outcome = _outcomes(rng, t)
    who = rng.integers(0, len(thanas), n)
    nat = np.datetime64("NaT")
    frame = pl.DataFrame(
        {
            "platform": np.array(_PLATFORMS)[rng.choice(4, n, p=_PLATFORM_P)],
            "received_at": t.received.astype("datetime64[us]"),
            "traced_at": np.where(t.traced_ok, t.traced, nat).astype("datetime64[us]"),
            "forwarded_at": np.where(t.traced_ok & ~t.other_state, t.forwarded, nat).astype(
                "datetime64[us]"
            ),
            "contacted_at": np.where(t.reached, t.contacted, nat).astype("datetime64[us]"),
            "outcome": outcome,
            "unit_id": np.array([th.unit_id for th in thanas])[who],
            **_subjects(rng, n),
        }
    )
    # The thana is known only once the person is traced to this state.
    return frame.with_columns(
        pl.when(pl.col("forwarded_at").is_not_null()).then(pl.col("unit_id")).alias("unit_id")
    ).sort("received_at")


def _text(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    fmt = "%d-%m-%Y %H:%M" if lang == "hi" else "%Y-%m-%dT%H:%M:%S+05:30"
    return frame.with_columns(pl.col(c).dt.strftime(fmt) for c in _STAMPS)


def _bad_rows(text: pl.DataFrame) -> pl.DataFrame:
    """Traced before received, an outcome nobody defined, a future time, an unknown thana,
    and one alert entered twice."""
    traced = text.filter(pl.col("traced_at").is_not_null()).head(4)
    rows = [dict(r) for r in traced.iter_rows(named=True)]
    rows[0]["traced_at"], rows[0]["received_at"] = rows[0]["received_at"], rows[0]["traced_at"]
    rows[1]["outcome"] = "resolved"
    received = rows[2]["received_at"]
    rows[2]["contacted_at"] = f"{int(received[:4]) + 2}{received[4:]}"  # ISO: years ahead
    rows[3]["unit_id"] = "BR-XYZ-T001"
    rows[3]["contacted_at"] = None
    return pl.concat([pl.DataFrame(rows[:4], schema=text.schema), text.head(1)])


def alert_rows(
    thanas: Sequence[Thana], now: datetime, days: int, per_day: float, seed: int
) -> tuple[int, int, dict[str, tuple[pl.DataFrame, str]]]:
    """(good alerts, bad rows, {file name: (text frame, header language)}): the older year
    as an Excel sheet with Hindi headers, the recent year as CSV with ISO times."""
    frame = alert_frame(thanas, now, days, per_day, seed)
    cut = now - timedelta(days=365)
    old = frame.filter(pl.col("received_at") < cut)
    new = frame.filter(pl.col("received_at") >= cut)
    outcome_hi = {
        "not_traceable": "पता नहीं चला",
        "phone_off": "फ़ोन बंद",
        "other_state": "दूसरे राज्य में",
    }
    old_text = _text(old, "hi").with_columns(
        pl.col("outcome").replace(outcome_hi), pl.col("platform").replace({"Facebook": "फेसबुक"})
    )
    new_text = _text(new, "en")
    bad = _bad_rows(new_text)
    half = new_text.height // 2
    sheets = {
        f"alerts_scrb_{now.year - 1}.xlsx": (old_text, "hi"),
        f"alerts_scrb_{now.year}.csv": (
            pl.concat([new_text.slice(0, half), bad, new_text.slice(half)]),
            "en",
        ),
    }
    return frame.height, bad.height, sheets
