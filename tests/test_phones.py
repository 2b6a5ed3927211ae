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
