import polars as pl

from sampark.phones import mask_phone, normalise_phone, normalise_phones


def test_normalise_phone_accepts_usual_indian_shapes():
    shapes = ["9876543210", "+91 98765 43210", "098765-43210", "919876543210", "9876543210.0"]
    assert {normalise_phone(s) for s in shapes} == {"+919876543210"}


def test_normalise_phone_refuses_short_foreign_and_blank():
    assert [normalise_phone(s) for s in ["12345", "+1 650 253 0000", "", None]] == [None] * 4


def test_normalise_phones_matches_the_scalar_version():
    raw = ["9876543210", "12345", None, "022 2266 0000", "+91-98765-43210"]
    assert normalise_phones(pl.Series("p", raw)).to_list() == [normalise_phone(r) for r in raw]


def test_mask_phone_keeps_prefix_and_last_three_digits():
    assert mask_phone("+919876543210") == "+91 98•••••210"


def test_mask_phones_in_text_masks_numbers_as_typed_and_keeps_dates_and_ids():
    from sampark.phones import mask_phones_in_text

    cases = {
        "G9 | Ram | 9876500001 | trader": "G9 | Ram | +91 98•••••001 | trader",
        "mobile '98765 4321' is not a valid Indian number": (
            "mobile '••••••321' is not a valid Indian number"
        ),
        "+91-98765-00002 and 098765 00003": "+91 98•••••002 and +91 98•••••003",
        "received at '08-01-2026 25:61' is not a time (use dd-mm-yyyy hh:mm)": (
            "received at '08-01-2026 25:61' is not a time (use dd-mm-yyyy hh:mm)"
        ),
        "2026-11-01 10:15 | BR-PAT-T001 | BRP-004512 | 12/2026 | 46034.4375": (
            "2026-11-01 10:15 | BR-PAT-T001 | BRP-004512 | 12/2026 | 46034.4375"
        ),
        "duplicate member of G1 (first on line 2)": "duplicate member of G1 (first on line 2)",
    }
    assert {text: mask_phones_in_text(text) for text in cases} == cases


def test_mask_phones_in_texts_matches_the_scalar_version():
    from sampark.phones import mask_phones_in_text, mask_phones_in_texts

    raw = ["G9 | 9876500001", None, "line 2", "98765 4321", "G9 | 9876500001"]
    assert mask_phones_in_texts(pl.Series("r", raw)).to_list() == [
        None if r is None else mask_phones_in_text(r) for r in raw
    ]
