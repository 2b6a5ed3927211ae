"""Export shapes seen in further public exports on GitHub (listed with repository and path in the
phrase tables' `seen`): an Italian iPhone group's pins, adds, notes and view-once messages, and a
Spanish caption before its placeholder. Each as lines written for this project (invented names
and texts), read by both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NNBSP, events, ios, parsed, rows


@pytest.mark.parametrize("engine", ENGINES)
def test_italian_iphone_pins_adds_and_description_are_events(tmp_path: Path, engine: str) -> None:
    group = "Thana Nord"
    result = parsed(
        tmp_path,
        ios(
            group,
            "I messaggi e le chiamate sono crittografati end-to-end. Solo le persone in "
            "questa chat possono leggerne, ascoltarne o condividerne il contenuto.",
            0,
        )
        + ios(group, "Anil Kumar ti ha aggiunto.", 1)
        + ios("Ravi", "buongiorno", 2, marked=False)
        + ios("Ravi", "Ravi ha fissato un messaggio.", 3)
        + ios("Anil Kumar", "Anil Kumar ha cambiato la descrizione del gruppo.", 4)
        + ios("Anil Kumar", "ok", 5, marked=False),
        engine,
    )
    assert rows(result) == [
        (None, "system"),
        (None, "system"),
        ("Ravi", "text"),
        (None, "system"),
        (None, "system"),
        ("Anil Kumar", "text"),
    ]
    assert events(result) == [
        ("encryption_notice", None, None),
        ("added", "Anil Kumar", None),
        ("message_pinned", "Ravi", None),
        ("description_changed", "Anil Kumar", None),
    ]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_italian_view_once_and_poll_are_the_person_s_messages(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "ciao", 0, marked=False)
        + ios(
            "Suman",
            "Hai ricevuto un messaggio visualizzabile una volta. Per garantire una maggiore "
            "privacy, potrai aprirlo soltanto sul telefono.",
            1,
        )
        + ios("Ravi", f"SONDAGGIO:\n{LRM}Turno\n{LRM}OPZIONE: sera (2 voti)", 2)
        + ios("Ravi", f"ok {LRM}<Questo messaggio è stato modificato>", 3, marked=False),
        engine,
    )
    assert rows(result) == [("Ravi", "text"), ("Suman", "media"), *[("Ravi", "text")] * 2]
    assert events(result) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_spanish_caption_before_an_image_placeholder_is_media(tmp_path: Path, engine: str) -> None:
    stamp = f"[19-08-26, 8:45:39{NNBSP}p. m.]"
    result = parsed(
        tmp_path,
        f"{stamp} Pepe: hola\n"
        f"{stamp} Pepe: Mira la foto {LRM}imagen omitida\n"
        f"{stamp} Pepe: {LRM}imagen omitida\n",
        engine,
    )
    assert rows(result) == [("Pepe", "text"), ("Pepe", "media"), ("Pepe", "media")]


@pytest.mark.parametrize("engine", ENGINES)
def test_dutch_android_add_call_and_pin_lines_are_events(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        f"12-05-2017 17:43 - {LRM}Anil Kumar heeft de groep Thana Noord gemaakt\n"
        "12-05-2017 17:43 - Je bent toegevoegd\n"
        "12-05-2017 17:44 - Ravi: goedemorgen\n"
        f"17-07-2023 20:46 - {LRM}Ravi heeft een video-oproep gestart\n"
        f"09-02-2025 10:51 - {LRM}Anil Kumar heeft een bericht vastgezet\n"
        "09-02-2025 10:52 - Ravi: Wachten op dit bericht\n",
        engine,
    )
    # the last line, a message that could not be decrypted, stays Ravi's (as media)
    assert rows(result) == [(None, "system")] * 2 + [("Ravi", "text")] + [(None, "system")] * 2 + [
        ("Ravi", "media")
    ]
    assert [e for e, _, _ in events(result)] == ["created", "added", "call", "message_pinned"]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_portuguese_iphone_own_group_photo_change_is_an_event(tmp_path: Path, engine: str) -> None:
    group = "Plantão Norte"
    result = parsed(
        tmp_path,
        ios(group, "Você criou o grupo “Plantão Norte”", 0)
        + ios(group, "Você mudou a imagem do grupo", 1)
        + ios("Ravi", "bom dia", 2, marked=False),
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Ravi", "text")]
    assert events(result) == [
        ("created", "Você", "Plantão Norte"),
        ("icon_changed", None, None),
    ]
