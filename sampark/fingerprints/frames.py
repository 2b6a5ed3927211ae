"""Fingerprints of a column of message texts, as a polars frame."""

from __future__ import annotations

import numpy as np
import polars as pl

from sampark.fingerprints import native
from sampark.fingerprints.reference import WORDS, fingerprint, keys_from_pepper

FINGERPRINT_SCHEMA = pl.Schema(
    [
        ("keyed_hash", pl.Int64()),
        ("signature", pl.Array(pl.Int64(), WORDS)),
        ("shingles", pl.Int32()),
        ("numbers", pl.Int64()),
    ]
)
"""One row per text; all null where the normalised text is under 25 characters (or null)."""


class PepperMissing(ValueError):
    """Fingerprints need the secret pepper (SAMPARK_FINGERPRINT_PEPPER); none was given."""


def fingerprint_frame(
    texts: pl.Series, pepper: bytes | None, *, threads: int = 2, engine: str = "auto"
) -> pl.DataFrame:
    """The fingerprint of each text, row for row (`FINGERPRINT_SCHEMA`).

    `engine`: "native" (the compiled path; fails when it is not built), "python" (the
    reference, one text at a time: slow, for tests and machines without a C compiler), or
    "auto" (native when built). Both give the same frame.
    """
    if not pepper:
        raise PepperMissing(
            "set SAMPARK_FINGERPRINT_PEPPER (see the README's Settings) to fingerprint messages"
        )
    key, seed = keys_from_pepper(pepper)
    texts = texts.cast(pl.String)
    use_native = engine == "native" or (engine == "auto" and native.available())
    if use_native:
        if not native.available():
            raise native.NativeFailed("the compiled fingerprints library is not built")
        arrays = native.fingerprint_arrays(texts, key, seed, threads=threads)
        has = (arrays.flags & native.ROW_FINGERPRINT).astype(bool)
        frame = pl.DataFrame(
            {
                "keyed_hash": arrays.keyed,
                "signature": arrays.signature,
                "shingles": arrays.shingles,
                "numbers": arrays.numbers,
                "has": has,
            }
        )
    else:
        prints = [None if text is None else fingerprint(text, key, seed) for text in texts]
        frame = pl.DataFrame(
            {
                "keyed_hash": [p.keyed_hash if p else 0 for p in prints],
                "signature": np.array(
                    [p.signature if p else (0,) * WORDS for p in prints], dtype=np.int64
                ).reshape(len(prints), WORDS),
                "shingles": [p.shingles if p else 0 for p in prints],
                "numbers": [p.numbers if p else 0 for p in prints],
                "has": [p is not None for p in prints],
            },
            schema_overrides={"keyed_hash": pl.Int64, "shingles": pl.Int32, "numbers": pl.Int64},
        )
    return frame.select(
        pl.when("has").then(pl.col(name)).alias(name) for name in FINGERPRINT_SCHEMA
    ).cast(FINGERPRINT_SCHEMA)
