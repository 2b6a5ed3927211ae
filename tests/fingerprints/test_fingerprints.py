"""Fingerprints: stable for a pepper, secret without it, the same from C and from Python."""

import hashlib
import json
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sampark.fingerprints import native
from sampark.fingerprints import reference as ref
from sampark.fingerprints.frames import FINGERPRINT_SCHEMA, PepperMissing, fingerprint_frame
from sampark.fingerprints.normalise import normalised_text

PEPPER = b"test-pepper-0123456789abcdef-0123456789"
PAIRS = Path(__file__).with_name("pairs.jsonl")
needs_native = pytest.mark.skipif(
    not native.available(), reason="compiled fingerprints not built (bash scripts/setup.sh)"
)


def test_keyed_hash_is_stable_for_a_fixed_pepper():
    key, seed = ref.keys_from_pepper(PEPPER)
    made = ref.fingerprint("*Important* Duty at Gandhi Maidan on 12.03.2026, 8 AM 🙏", key, seed)
    assert made is not None
    assert made.keyed_hash == -6790143199685389511
    assert made.shingles == 27
    assert made.numbers == 1101816659968
    assert made.signature[:2] == (-6624800623743921468, 3108885545708289758)
    hindi = ref.fingerprint("सभी थानाध्यक्ष आज रात्रि गश्त सुनिश्चित करें।", key, seed)
    assert hindi is not None and hindi.keyed_hash == -6243951466155773684


def test_keyed_hash_is_blake2b_of_the_normalised_text_keyed_from_the_pepper():
    key, _ = ref.keys_from_pepper(PEPPER)
    text = normalised_text("Duty at Gandhi Maidan on 12.03.2026, 8 AM")
    digest = hashlib.blake2b(text.encode(), digest_size=8, key=key).digest()
    assert ref.keyed_hash(text, key) == ref.signed(int.from_bytes(digest, "little"))


def test_another_pepper_gives_other_fingerprints():
    text = pl.Series(["Duty at Gandhi Maidan on 12.03.2026, 8 AM"])
    one = fingerprint_frame(text, PEPPER)
    other = fingerprint_frame(text, PEPPER[::-1])
    assert one["keyed_hash"][0] != other["keyed_hash"][0]
    assert one["signature"][0].to_list() != other["signature"][0].to_list()


def test_no_pepper_no_fingerprints():
    with pytest.raises(PepperMissing, match="SAMPARK_FINGERPRINT_PEPPER"):
        fingerprint_frame(pl.Series(["Duty at Gandhi Maidan on 12.03.2026, 8 AM"]), None)


def test_short_and_missing_texts_get_null_rows():
    frame = fingerprint_frame(
        pl.Series(["ok sir 👍", None, "", "Duty at Gandhi Maidan on 12.03.2026, 8 AM"]), PEPPER
    )
    assert frame.schema == FINGERPRINT_SCHEMA
    assert frame["keyed_hash"].is_null().to_list() == [True, True, True, False]
    assert frame["signature"].is_null().to_list() == [True, True, True, False]


def test_edits_that_normalise_away_give_the_same_keyed_hash():
    frame = fingerprint_frame(
        pl.Series(
            [
                "Duty at Gandhi Maidan on 12.03.2026, 8 AM",
                "*Important*\nDuty at  Gandhi Maidan on 12.03.2026, 8 AM 🙏🙏",
                "Forwarded\n_Duty_ at Gandhi Maidan on 12/03/2026 , 8 am",
            ]
        ),
        PEPPER,
    )
    assert frame["keyed_hash"].n_unique() == 1


def _pair_texts() -> list[str]:
    rows = [json.loads(line) for line in PAIRS.open(encoding="utf-8")]
    return [text for row in rows for text in (row["a"], row["b"])]


@needs_native
def test_compiled_and_python_fingerprints_agree_on_the_pairs():
    texts = pl.Series([*_pair_texts(), None, "", "न\u093c" * 30, "\u0929" * 30])
    assert fingerprint_frame(texts, PEPPER, engine="native").equals(
        fingerprint_frame(texts, PEPPER, engine="python")
    )


@needs_native
def test_compiled_and_python_normalise_every_code_point_alike():
    # Each code point between letters; surrogates cannot be in a string polars holds.
    codes = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    texts = pl.Series([f"duty at gandhi maidan {chr(c)}x{chr(c)} 12" for c in codes])
    native_frame = fingerprint_frame(texts, PEPPER, engine="native")
    key, seed = ref.keys_from_pepper(PEPPER)
    step = 97  # the Python reference on every 97th code point, the hashes on all
    sample = [ref.fingerprint(text, key, seed) for text in texts.gather_every(step)]
    assert native_frame["keyed_hash"].gather_every(step).to_list() == [
        made.keyed_hash if made else None for made in sample
    ]
    assert native_frame["numbers"].gather_every(step).to_list() == [
        made.numbers if made else None for made in sample
    ]


devanagari = st.characters(min_codepoint=0x900, max_codepoint=0x97F)
mixed = st.text(
    st.one_of(
        devanagari,
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list(" \n*_~`🙏🏽\u200d\u200c\ufe0f\u093c\u094d0123456789AZ")),
    ),
    max_size=120,
)


@needs_native
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mixed, min_size=1, max_size=20))
def test_compiled_and_python_agree_on_generated_text(texts):
    series = pl.Series([f"Duty order for the thana {text}" for text in texts], dtype=pl.String)
    assert fingerprint_frame(series, PEPPER, engine="native", threads=1).equals(
        fingerprint_frame(series, PEPPER, engine="python")
    )


@needs_native
def test_compiled_fingerprints_are_the_same_on_one_or_two_threads():
    texts = pl.Series(_pair_texts() * 120)
    assert fingerprint_frame(texts, PEPPER, threads=1).equals(
        fingerprint_frame(texts, PEPPER, threads=2)
    )
