"""More shapes seen in public exports (cited in the phrase tables): a Spanish Android export
with its media, whose files are named and marked attached; a Spanish iPhone's catalogue
picture; an older French iPhone's security-code line that names the contact. The attached
marks of Portuguese, Italian and French phones are guesses, typed and reported. Lines written
for this project, read by both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NBSP, events, ios, parsed, rows


@pytest.mark.parametrize("engine", ENGINES)
def test_a_spanish_android_export_s_attached_files_are_media(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        "19/9/19 10:25 a. m. - Rosa Díaz: Hola a todas\n"
        f"19/9/19 10:26 a. m. - Rosa Díaz: {LRM}Marta.vcf (archivo adjunto)\n"
        "19/9/19 10:27 a. m. - Lupe M: IMG-20190919-WA0003.jpg (archivo adjunto)\n"
        "19/9/19 10:28 a. m. - Lupe M: el archivo adjunto no abre\n",
        engine,
    )
    assert rows(result) == [
        ("Rosa Díaz", "text"),
        ("Rosa Díaz", "media"),
        ("Lupe M", "media"),
        ("Lupe M", "text"),
    ]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_spanish_iphone_s_catalogue_picture_is_media(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Carmen Ruiz", "imagen del producto omitida", 1)
        + ios("Carmen Ruiz", "¿Les gusta la imagen del producto?", 2, marked=False),
        engine,
    )
    assert rows(result) == [("Carmen Ruiz", "media"), ("Carmen Ruiz", "text")]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_older_french_iphone_s_security_code_line_is_an_event(
    tmp_path: Path, engine: str
) -> None:
    number = f"\u202a+91{NBSP}98765{NBSP}00012\u202c"
    result = parsed(
        tmp_path,
        f"[05/10/2020 11:41:57] {number}: {LRM}Le code de sécurité de {number} a changé.\n"
        f"[05/10/2020 11:42:03] {number}: Le code de la porte a changé.\n",
        engine,
    )
    assert rows(result) == [(None, "system"), (number, "text")]
    assert events(result) == [("security_code_changed", None, number)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "header, text",
    [
        ("12/03/2024 10:02 - Ana", "IMG-20240312-WA0007.jpg (arquivo anexado)"),
        ("12/03/24, 10:02 - Mario", "IMG-20240312-WA0007.jpg (file allegato)"),
        ("12/03/2024 10:02 - Lucie", "IMG-20240312-WA0007.jpg (fichier joint)"),
    ],
)
def test_other_phones_attached_marks_are_media_reported_as_guesses(
    tmp_path: Path, engine: str, header: str, text: str
) -> None:
    result = parsed(tmp_path, f"{header}: {text}\n{header}: ok\n", engine)
    assert result.messages.get_column("kind").to_list() == ["media", "text"]
    assert result.unverified.height == 1
