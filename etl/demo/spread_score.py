"""How well the stored spread figures match the demo's truth (`etl.demo.spread_truth`): the
figures the bench prints and the tests hold to their bars.

Directives are matched by the register's id, or (found without it) by the minute of the
first post; a truth directive the detection did not find loses all its arrivals, and a found
one the truth does not hold is false throughout. Rumours are matched by the group and minute
of their first sighting."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

import polars as pl

_MINUTE = "%Y-%m-%d %H:%M"


@dataclass
class SpreadScore:
    directives: int = 0  # truth directives (registered, or found by the rule)
    directives_found: int = 0
    false_directives: int = 0
    arrivals: int = 0  # truth arrivals in target groups
    arrivals_found: int = 0
    arrivals_stored: int = 0  # arrivals the figures hold (matched directives and false ones)
    false_received: int = 0
    times_exact: int = 0  # found arrivals at the truth's minute
    quantiles_exact: int = 0  # matched directives with T50, T90 and T100 all exact
    stalls_exact: int = 0  # matched directives with exactly the truth's stalled units
    rumours: int = 0
    rumours_found: int = 0
    rumours_stored: int = 0
    rumours_exact: int = 0  # found with the truth's groups and districts

    def ratios(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "arrival_recall": share(self.arrivals_found, self.arrivals),
            "arrival_precision": share(
                self.arrivals_stored - self.false_received, self.arrivals_stored
            ),
            "times_exact": share(self.times_exact, self.arrivals_found),
            "quantiles_exact": share(self.quantiles_exact, self.directives_found),
            "stalls_exact": share(self.stalls_exact, self.directives_found),
            "rumour_recall": share(self.rumours_found, self.rumours),
            "rumour_precision": share(self.rumours_found, self.rumours_stored),
            "rumours_exact": share(self.rumours_exact, self.rumours_found),
        }

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), **self.ratios()}

    def add(self, other: SpreadScore) -> None:
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)


def _minutes(delay: timedelta | None) -> int | None:
    return None if delay is None else int(delay.total_seconds() // 60)


def _at(ts: datetime | None) -> str | None:
    return None if ts is None else f"{ts:{_MINUTE}}"


def _match(truth: list[dict[str, Any]], stored: pl.DataFrame) -> dict[str, str]:
    """Truth tag → stored key."""
    out: dict[str, str] = {}
    keys = {str(k).casefold(): str(k) for k in stored.filter(pl.col("registered"))["key"]}
    found = {
        _at(r["issued_at"]): r["key"]
        for r in stored.filter(~pl.col("registered")).iter_rows(named=True)
    }
    for d in truth:
        hit = keys.get(str(d["key"]).casefold()) if d["registered"] else found.get(d["issued_at"])
        if hit is not None:
            out[d["tag"]] = hit
    return out


def score_directives(
    score: SpreadScore, truth: list[dict[str, Any]], parts: dict[str, pl.DataFrame]
) -> None:
    wanted = [d for d in truth if d["found_rule"]]
    matched = _match(wanted, parts["directives"])
    delivered = parts["delivered"].filter(pl.col("first_ts").is_not_null())
    reach = {r["key"]: r for r in parts["reach"].iter_rows(named=True)}
    stalls = parts["stalls"].group_by("key").agg(pl.col("unit_id").sort())
    stalled = dict(zip(stalls["key"], stalls["unit_id"].to_list(), strict=True))
    score.directives += len(wanted)
    score.directives_found += len(matched)
    known = set(matched.values())
    score.false_directives += sum(1 for k in parts["directives"]["key"] if k not in known)
    for d in wanted:
        score.arrivals += len(d["arrivals"])
        key = matched.get(d["tag"])
        if key is None:
            continue
        got = {
            r["group_id"]: _at(r["first_ts"])
            for r in delivered.filter(pl.col("key") == key).iter_rows(named=True)
        }
        score.arrivals_found += sum(1 for g in d["arrivals"] if g in got)
        score.times_exact += sum(1 for g, t in d["arrivals"].items() if got.get(g) == t)
        r = reach.get(key, {})
        times = tuple(_minutes(r.get(q)) for q in ("t50", "t90", "t100"))
        score.quantiles_exact += times == (d["t50_min"], d["t90_min"], d["t100_min"])
        score.stalls_exact += sorted(stalled.get(key, [])) == d["stalled_units"]
    truth_of = {matched[d["tag"]]: d for d in wanted if d["tag"] in matched}
    for key, group in delivered.select("key", "group_id").iter_rows():
        score.arrivals_stored += 1
        hit = truth_of.get(key)
        score.false_received += hit is None or group not in hit["arrivals"]


def score_rumours(score: SpreadScore, truth: list[dict[str, Any]], rumours: pl.DataFrame) -> None:
    wanted = {(r["first_group"], r["first_seen"]): r for r in truth if r["is_rumour"]}
    score.rumours += len(wanted)
    score.rumours_stored += rumours.height
    for row in rumours.iter_rows(named=True):
        r = wanted.get((row["first_group_id"], _at(row["first_ts"])))
        if r is None:
            continue
        score.rumours_found += 1
        score.rumours_exact += (row["groups"], row["districts"]) == (
            len(r["groups"]),
            len(r["districts"]),
        )


def spread_score(
    truth: dict[str, Any], parts: dict[str, pl.DataFrame], rumours: pl.DataFrame
) -> SpreadScore:
    """The score of the stored figures (`queries.spread.stored_spread`, `rumours_frame`)."""
    score = SpreadScore()
    score_directives(score, truth["directives"], parts)
    score_rumours(score, truth["rumours"], rumours)
    return score
