"""Checks on a file uploaded through the Data page, before anything is written (pure).

A file is kept only when its name is clean, its size within the limit, its extension one the
ETL reads, and its bytes what the extension claims: a zip or workbook starts with the zip
signature and passes `sampark.safety.archives.zip_problem`; a CSV or chat text decodes as UTF-8 or
as UTF-16 with a byte-order mark. A refusal carries a `code` the page words in both languages.

>>> safe_name("../../etc/cron.d/x.csv"), safe_name("C:\\\\Users\\\\a\\\\..\\\\units.CSV")
('x.csv', 'units.csv')
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from sampark.safety.archives import ZipLimits, zip_problem
from sampark.safety.sheet_limits import SheetLimits, csv_problem
from sampark.safety.workbook_limits import workbook_problem

SUFFIXES = (".csv", ".xlsx", ".txt", ".zip")
ZIP_MAGIC = b"PK\x03\x04"
# Room for a long Hindi group name (3 bytes a letter) well inside the 255-byte file-name limit.
MAX_NAME_BYTES = 150
# Joiners shape Devanagari conjuncts and emoji; every other format character (the bidi
# overrides that make "gpj.exe" read as "exe.jpg") and every control character goes.
_KEEP_FORMAT = {"\u200c", "\u200d"}


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 50 * 1024 * 1024
    zip: ZipLimits = field(default_factory=ZipLimits)
    sheet: SheetLimits = field(default_factory=SheetLimits)


@dataclass(frozen=True)
class Refusal:
    """Why an upload is refused: `code` keys the bilingual message, `detail` fills it in."""

    # empty | too_big | type | not_zip | not_xlsx | not_text | zip_<ZipProblem.code> | sheet_size
    code: str
    detail: str = ""


@dataclass(frozen=True)
class Checked:
    """An uploaded file after the checks: the name it will be saved under, its bytes, and the
    refusal when it is not kept."""

    original: str
    name: str
    data: bytes
    refusal: Refusal | None

    @property
    def accepted(self) -> bool:
        return self.refusal is None


def _visible(ch: str) -> bool:
    return unicodedata.category(ch)[0] != "C" or ch in _KEEP_FORMAT


def safe_name(name: str) -> str:
    """The last path component of `name`, NFC, without control or direction-changing
    characters, leading dots or '..', the extension in lower case, at most `MAX_NAME_BYTES`
    bytes of UTF-8; "upload" when nothing is left of the stem.

    >>> safe_name(".hidden.csv"), safe_name("a\\u202egpj.txt"), safe_name("x..y.TXT")
    ('hidden.csv', 'agpj.txt', 'x.y.txt')
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    base = "".join(ch for ch in base if _visible(ch))
    base = re.sub(r"\.{2,}", ".", base).strip(" .")
    path = PurePosixPath(base or "upload")
    suffix = path.suffix.lower() if path.suffix != base else ""
    stem = (path.stem if suffix else base).strip(" .") or "upload"
    room = MAX_NAME_BYTES - len(suffix.encode())
    stem = stem.encode()[:room].decode("utf-8", errors="ignore").rstrip(" .") or "upload"
    return stem + suffix


def _is_text(data: bytes) -> bool:
    """UTF-8 (with or without its BOM) without NUL bytes, or UTF-16 that says so with a BOM."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return False
            return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # NUL is valid UTF-8 but no sheet or chat holds one: UTF-16 without its mark, or binary.
    return b"\x00" not in data


def _zip_refusal(data: bytes, limits: ZipLimits, *, workbook: bool) -> Refusal | None:
    if not data.startswith(ZIP_MAGIC):
        return Refusal("not_xlsx" if workbook else "not_zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = zip_problem(archive, limits)
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        return Refusal("not_xlsx" if workbook else "not_zip", str(err))
    if problem is not None:
        return Refusal(f"zip_{problem.code}", problem.detail)
    if workbook and not (
        "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)
    ):
        return Refusal("not_xlsx", "no workbook inside")
    return None


def upload_refusal(name: str, data: bytes, limits: UploadLimits) -> Refusal | None:
    """Why the file `name` (already cleaned by `safe_name`) with `data` is refused, or None."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUFFIXES:
        return Refusal("type", suffix or "—")
    if not data:
        return Refusal("empty")
    if len(data) > limits.max_bytes:
        return Refusal("too_big", f"{len(data)} > {limits.max_bytes}")
    if suffix in (".zip", ".xlsx"):
        refusal = _zip_refusal(data, limits.zip, workbook=suffix == ".xlsx")
        if refusal is None and suffix == ".xlsx":
            return _sheet_refusal(workbook_problem(io.BytesIO(data), limits.sheet))
        return refusal
    if not _is_text(data):
        return Refusal("not_text")
    return _sheet_refusal(csv_problem(_as_utf8(data), limits.sheet)) if suffix == ".csv" else None


def _as_utf8(data: bytes) -> bytes:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8")
    return data


def _sheet_refusal(problem: str | None) -> Refusal | None:
    """A sheet the ETL would refuse for its size is refused here already: never saved into the
    day's folder, where every later run would meet it again."""
    return None if problem is None else Refusal("sheet_size", problem)


def checked_upload(name: str, data: bytes, limits: UploadLimits) -> Checked:
    """The upload with its clean name and, when it may not be kept, the reason."""
    clean = safe_name(name)
    return Checked(name, clean, data, upload_refusal(clean, data, limits))
