"""The spread figures after a run: worked out from every print and the register, and stored
(the broadcast texts kept, the rumours, the directives' snapshot). Opens its own
transactions, like `sampark.store.derived`."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.queries import registry as registry_reads
from sampark.queries.derived import stored_part_names
from sampark.queries.prints import kept_broadcast_hashes, prints_frame
from sampark.queries.spread import (
    RUMOUR_SPREAD_KIND,
    RUMOUR_SPREAD_PARTS,
    SPREAD_KIND,
    SPREAD_PARTS,
    register_frame,
    spread_groups,
    spread_units,
)
from sampark.spread.figures import SpreadFigures, register_prints, spread_figures
from sampark.spread.rebuttals import police_answer_arrivals, rumour_arrivals
from sampark.store.derived import store_derived
from sampark.store.prints import keep_broadcast_texts
from sampark.store.rumours import store_rumours
from sampark.targets import Profile

SPREAD_FORMAT = 1


def _bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_ipc(buffer, compression="zstd")
    return buffer.getvalue()


def spread_key(profile: Profile) -> str:
    """What the figures depend on besides the data: the state and its spread rules."""
    return f"v{SPREAD_FORMAT}|{profile.state}|{json.dumps(asdict(profile.spread))}"


def spread_parts(figures: SpreadFigures) -> dict[str, bytes]:
    """The directives' snapshot as Arrow IPC bytes by part (`queries.spread.SPREAD_PARTS`)."""
    s = figures.spread
    return {
        "directives": _bytes(s.directives),
        "reach": _bytes(s.reach),
        "delivered": _bytes(s.delivered),
        "never": _bytes(s.never),
        "stalls": _bytes(s.stalls),
        "hops": _bytes(s.hops),
    }


def rumour_spread_parts(figures: SpreadFigures, prints: pl.DataFrame) -> dict[str, bytes]:
    """The rumours' arrivals in every group and the police clusters that could answer them, as
    Arrow IPC bytes by part (`queries.spread.RUMOUR_SPREAD_PARTS`): what the page works out
    each rumour's spread and rebuttal coverage from without clustering again."""
    return {
        "arrivals": _bytes(rumour_arrivals(figures.clusters, prints, figures.rumours)),
        "answers": _bytes(police_answer_arrivals(figures.clusters, prints, figures.rumours)),
    }


def refresh_spread(
    engine: sa.Engine,
    profile: Profile,
    pepper: bytes,
    *,
    texts: dict[int, str],
    at: datetime,
) -> SpreadFigures | None:
    """Work out the spread figures of the current data and store them: new broadcast texts
    (from `texts`, the texts this run holds), the rumours (their verdicts kept) and the
    directives' snapshot. None, and nothing done, when the figures of this data version and
    these rules are stored already (a run that loaded nothing)."""
    with engine.connect() as conn:
        version = registry_reads.data_version(conn)
        key = spread_key(profile)
        stored = stored_part_names(conn, SPREAD_KIND, version, key)
        rumour_parts = stored_part_names(conn, RUMOUR_SPREAD_KIND, version, key)
        if stored == frozenset(SPREAD_PARTS) and rumour_parts == frozenset(RUMOUR_SPREAD_PARTS):
            return None
        prints = prints_frame(conn)
        figures = spread_figures(
            prints,
            register_prints(register_frame(conn), pepper),
            spread_groups(conn),
            spread_units(conn),
            profile.spread,
            texts=texts,
            kept_hashes=kept_broadcast_hashes(conn),
        )
    with engine.begin() as conn:
        keep_broadcast_texts(conn, figures.broadcasts.drop_nulls("text"))
        store_rumours(conn, figures.rumours)
        store_derived(
            conn,
            SPREAD_KIND,
            spread_parts(figures),
            data_version=version,
            inputs_key=key,
            at=at,
        )
        store_derived(
            conn,
            RUMOUR_SPREAD_KIND,
            rumour_spread_parts(figures, prints),
            data_version=version,
            inputs_key=key,
            at=at,
        )
    return figures
