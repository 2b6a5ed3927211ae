"""Fingerprints of one normalised text in pure Python: the definition the compiled path
(`native.py`) is tested against, and what runs where it is not built.

- keyed hash: BLAKE2b keyed with a key derived from the pepper, 8 bytes, as a signed 64-bit
  integer (see `keyed_hash`);
- shingles: every run of `SHINGLE` consecutive code points of the normalised text, hashed with
  a seed derived from the pepper (a signature of a short text made with a public hash could be
  tested against guessed texts just like a plain hash);
- MinHash by one permutation (Li, Owen, Zhang 2012) with optimal densification (Shrivastava
  2017): one hash per shingle picks one of `BINS` bins by its top bits and keeps the least low
  32 bits per bin; an empty bin copies the bin a fixed probe sequence finds first, so a bin of
  two texts agrees with probability equal to their Jaccard similarity while each shingle costs
  one hash instead of one per bin;
- the signature: the bins' low 16 bits, four to a 64-bit word, each word an LSH band;
- numbers: two bits of a 64-bit mask per run of digits, so that the same template with
  another date or count is told apart from a copy with a typo;
- SimHash (Charikar 2002; Manku et al. 2007), 64 bits over the same shingles, kept for the
  comparison in the bench and the notes, not used for matching.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sampark.fingerprints.chars import KEEP, char_kind, folded
from sampark.fingerprints.normalise import cluster_text, has_fingerprint, without_markers

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
DENSIFY_SALT = 0x5A17E5D1C0FFEE11

SHINGLE = 5
"""Code points per shingle."""
BIN_BITS = 6
BINS = 1 << BIN_BITS
LANES_PER_WORD = 4
WORDS = BINS // LANES_PER_WORD
"""The signature: 64 bins of 16 bits, four to a 64-bit word; each word is one LSH band, so two
texts share a band with probability J⁴ and some band with 1 - (1 - J⁴)¹⁶."""
NUMBER_SALT = 0x6E756D6265727321


def fmix64(h: int) -> int:
    """MurmurHash3's 64-bit finaliser: every input bit flips each output bit with p ≈ 1/2."""
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK
    h ^= h >> 33
    return h


def _absorb(h: int, value: int) -> int:
    h = ((h ^ value) * GOLDEN) & MASK
    return h ^ (h >> 32)


def keys_from_pepper(pepper: bytes) -> tuple[bytes, int]:
    """The 32-byte key of the keyed hash and the 64-bit seed of the shingle hash, each derived
    from the pepper with its own BLAKE2b personalisation (so neither gives the other)."""
    key = hashlib.blake2b(pepper, digest_size=32, person=b"sampark-fp-hash").digest()
    seed = hashlib.blake2b(pepper, digest_size=8, person=b"sampark-fp-seed").digest()
    return key, int.from_bytes(seed, "little")


def signed(value: int) -> int:
    """An unsigned 64-bit value as the signed integer a BIGINT column holds."""
    return value - (1 << 64) if value >= 1 << 63 else value


def keyed_hash(normalised: str, key: bytes) -> int:
    """BLAKE2b of the normalised text's UTF-8 keyed with `key`, 8 bytes read little-endian, as
    a signed 64-bit integer.

    BLAKE2b's keyed mode is a MAC by design (RFC 7693), so it needs no HMAC wrapping, and in
    portable C it costs one compression per 128 bytes where HMAC-SHA256 costs one per 64 plus
    an outer one. 64 bits: one BIGINT column, and the chance that two different texts share a
    hash is about n²/2⁶⁵ — 3·10⁻⁶ for a state's 10M messages, 10⁻³ for a national 200M; the
    pepper, not the length, is what stops a dictionary attack.
    """
    digest = hashlib.blake2b(normalised.encode("utf-8"), digest_size=8, key=key).digest()
    return signed(int.from_bytes(digest, "little"))


def _rotl(value: int, bits: int) -> int:
    return ((value << bits) | (value >> (64 - bits))) & MASK


def shingle_hashes(normalised: str, seed: int) -> list[int]:
    """The seeded hash of every run of `SHINGLE` (5) code points of a fingerprinted text.

    Each code point's value is `(code ^ seed) * GOLDEN`; a shingle's hash is the MurmurHash3
    finaliser of its five values rotated by 0, 13, 26, 39 and 52 bits and XORed: independent
    steps the CPU overlaps, where a chain of multiplications would wait on each one.
    """
    values = [((ord(ch) ^ seed) * GOLDEN) & MASK for ch in normalised]
    return [
        fmix64(
            values[i]
            ^ _rotl(values[i + 1], 13)
            ^ _rotl(values[i + 2], 26)
            ^ _rotl(values[i + 3], 39)
            ^ _rotl(values[i + 4], 52)
        )
        for i in range(len(values) - SHINGLE + 1)
    ]


def probe(bin_index: int, attempt: int, bin_bits: int) -> int:
    """The bin an empty bin looks at on its `attempt`-th try (the same for every text)."""
    return fmix64(((bin_index << 32) | attempt) ^ DENSIFY_SALT) >> (64 - bin_bits)


def minhash(hashes: Iterable[int], bin_bits: int = BIN_BITS) -> list[int]:
    """One-permutation MinHash with optimal densification: `2**bin_bits` 32-bit values."""
    bins = 1 << bin_bits
    least = [-1] * bins
    for h in hashes:
        index, value = h >> (64 - bin_bits), h & 0xFFFFFFFF
        if least[index] < 0 or value < least[index]:
            least[index] = value
    filled = [value >= 0 for value in least]
    out = list(least)
    for index in range(bins):
        if filled[index]:
            continue
        for attempt in range(1, 65):
            other = probe(index, attempt, bin_bits)
            if filled[other]:
                out[index] = least[other]
                break
        else:  # 64 misses in a row: take the next filled bin, so every text ends the same way
            other = next(b for b in range(index + 1, index + bins + 1) if filled[b % bins])
            out[index] = least[other % bins]
    return out


def signature(values: Sequence[int]) -> tuple[int, ...]:
    """The bins' low 16 bits, four to a signed 64-bit word (bin 4w in the low bits of word w).

    16 bits a bin: two texts whose bins differ still show equal lanes with probability 2⁻¹⁶,
    too rare to move an estimate of similarity; a word of four lanes is an LSH band key.
    """
    words = []
    for word in range(len(values) // LANES_PER_WORD):
        packed = 0
        for lane in range(LANES_PER_WORD):
            packed |= (values[word * LANES_PER_WORD + lane] & 0xFFFF) << (16 * lane)
        words.append(signed(packed))
    return tuple(words)


def number_mask(text: str, seed: int) -> int:
    """Two bits of a 64-bit mask for each run of digits in `text` (in NFC; digits of any
    script count as their ASCII digit; any other character ends a run), as a signed integer.

    A copy with a line added or cut has the numbers of the other or a part of them; a
    directive of the same template for another date, time or count has other numbers.
    """
    mask = 0
    number = None
    for ch in text + "\n":
        digit = char_kind(ch) == KEEP and "0" <= folded(ch) <= "9"
        if digit:
            number = _absorb(seed ^ NUMBER_SALT if number is None else number, ord(folded(ch)))
        elif number is not None:
            h = fmix64(number)
            mask |= 1 << (h & 63) | 1 << (h >> 6 & 63)
            number = None
    return signed(mask)


@dataclass(frozen=True)
class Fingerprint:
    """What the matching needs of one message; its text is not kept."""

    keyed_hash: int
    signature: tuple[int, ...]
    shingles: int
    """How many shingles the normalised text has (its length - SHINGLE + 1)."""
    numbers: int


def fingerprint(text: str, key: bytes, seed: int) -> Fingerprint | None:
    """The fingerprint of one message, or None when its normalised text is too short."""
    nfc = unicodedata.normalize("NFC", text)
    normalised = without_markers(cluster_text(nfc))
    if not has_fingerprint(normalised):
        return None
    hashes = shingle_hashes(normalised, seed)
    return Fingerprint(
        keyed_hash=keyed_hash(normalised, key),
        signature=signature(minhash(hashes)),
        shingles=len(hashes),
        numbers=number_mask(nfc, seed),
    )


def simhash(hashes: Iterable[int]) -> int:
    """64-bit SimHash over distinct shingle hashes, unsigned."""
    counts = [0] * 64
    for h in set(hashes):
        for bit in range(64):
            counts[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)
