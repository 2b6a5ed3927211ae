"""Export shapes seen in further public exports on GitHub, and in export lines quoted in public
issue threads (listed with their source in the phrase tables' `seen`): an iPhone set to French
(its placeholders, call lines and notes, a date without a comma), and the Turkish iPhone's
group lines with a day of one digit. Each as lines written for this project (invented names
and texts), read by both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NBSP, NNBSP, events, parsed, rows


def french(author: str, text: str, minute: int, *, media: bool = False, marked: bool = True) -> str:
    # A French iPhone writes the date without a comma before the time; it marks the text of
    # its own lines, and the whole line of a media entry.
    lead = LRM if media else ""
    mark = LRM if marked else ""
    return f"{lead}[14/02/2023 14:{minute:02d}:07] {author}: {mark}{text}\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_french_iphone_s_placeholders_calls_and_notes(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        french(
            "Luc Martin",
            "Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même "
            "WhatsApp, ne peut les lire ou les écouter.",
            0,
        )
        + french("Anil", "image absente", 1, media=True)
        + french("Anil", "vidéo absente", 2, media=True)
        + french("Anil", "audio omis", 3, media=True)
        + french("Luc Martin", f"devis.pdf • {LRM}3 pages {LRM}document manquant", 4, media=True)
        + french(
            "Luc Martin",
            "En attente de ce message. Ceci pourrait prendre un moment.",
            5,
            media=True,
        )
        + french("Anil", "Vous avez supprimé ce message.", 6)
        + french("Luc Martin", "Ce message a été supprimé.", 7)
        + french("Luc Martin", "Appel vocal manqué", 8)
        + french("Luc Martin", f"Appel vocal manqué{NNBSP} {LRM}Appuyez pour rappeler", 9)
        + french("Anil", f"Appel vocal{NNBSP} {LRM}12{NBSP}min", 10)
        + french("Anil", f"Appel vidéo{NNBSP} {LRM}40{NBSP}s", 11)
        + french("Anil", f"Appel vidéo{NNBSP} {LRM}Sans réponse", 12)
        + french("Anil", f"Appel vocal{NNBSP} {LRM}Terminés", 13)
        + french("Anil", f"Échec de l’appel{NNBSP} {LRM}Réessayer", 14)
        + french("Luc Martin", "Votre code de sécurité avec Luc Martin a changé.", 15)
        + french("Anil", "Bonjour, appel vocal demain ?", 16, marked=False),
        engine,
    )
    people = [row for row in rows(result) if row[0] is not None]
    assert people == [
        ("Anil", "media"),
        ("Anil", "media"),
        ("Anil", "media"),
        ("Luc Martin", "media"),
        ("Luc Martin", "media"),
        ("Anil", "deleted"),
        ("Luc Martin", "deleted"),
        ("Anil", "text"),
    ]
    assert [e for e, _, _ in events(result)] == [
        "encryption_notice",
        *["call"] * 7,
        "security_code_changed",
    ]
    assert result.unknown_system_lines == 0
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_turkish_iphone_s_group_lines_are_events(tmp_path: Path, engine: str) -> None:
    # Day of one digit and no comma; the group's own lines name no group.
    result = parsed(
        tmp_path,
        f"[3.09.2016 17:00:28] Kemal Ay: {LRM}Kemal Ay bu grubu oluşturdu\n"
        f"[5.05.2017 18:01:12] Sınıf B: {LRM}Kemal Ay sizi ekledi\n"
        "[5.05.2017 18:01:54] Deniz Kaya: Merhaba\n"
        f"[5.05.2017 18:04:20] Kemal Ay: {LRM}Kemal Ay bu grubun simgesini değiştirdi\n"
        f"[5.05.2017 18:04:28] Kemal Ay: {LRM}Kemal Ay grup adını “10/B” olarak değiştirdi\n"
        f"{LRM}[5.05.2017 18:09:21] Deniz Kaya: {LRM}görüntü dahil edilmedi\n"
        "[15.05.2017 08:10:04] Kemal Ay: tamam\n",
        engine,
    )
    assert [row for row in rows(result) if row[0] is not None] == [
        ("Deniz Kaya", "text"),
        ("Deniz Kaya", "media"),
        ("Kemal Ay", "text"),
    ]
    assert events(result) == [
        ("created", "Kemal Ay", None),
        ("added", "Kemal Ay", None),
        ("icon_changed", "Kemal Ay", None),
        ("subject_changed", "Kemal Ay", "10/B"),
    ]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_brazilian_iphone_s_waiting_placeholder_is_the_author_s_media(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        "[04/06/2024, 10:47:32] Ana Souza: Oi, tudo bem?\n"
        f"[04/06/2024, 10:48:02] Ravi: {LRM}Aguardando mensagem. Essa ação pode levar "
        "alguns instantes.\n"
        "[04/06/2024, 10:49:12] Ana Souza: ok\n",
        engine,
    )
    assert rows(result) == [("Ana Souza", "text"), ("Ravi", "media"), ("Ana Souza", "text")]
    assert events(result) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_older_dutch_iphone_s_attached_file_is_media(tmp_path: Path, engine: str) -> None:
    # No brackets, the date with dashes, a colon after the time; the file's name, then the mark.
    result = parsed(
        tmp_path,
        "28-09-16 11:20:19: Tara: Goedemorgen allemaal\r\n"
        f"28-09-16 11:20:40: Joost: IMG-0001.jpg <{LRM}bijgevoegd>\r\n"
        "28-09-16 11:21:02: Tara: Mooi!\r\n",
        engine,
    )
    assert rows(result) == [("Tara", "text"), ("Joost", "media"), ("Tara", "text")]
    assert result.rejects.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_turkish_android_group_call_line_is_a_call_event(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        "9.02.2023 20:10 - Deniz Kaya: akşam konuşalım\n"
        f"9.02.2023 20:11 - {LRM}Deniz Kaya görüntülü arama başlattı\n"
        f"9.02.2023 20:30 - {LRM}+90 555 000 11 22 görüntülü arama başlattı\n"
        "10.02.2023 10:51 - Kemal Ay: <Medya dahil edilmedi>\n",
        engine,
    )
    assert [row for row in rows(result) if row[0] is not None] == [
        ("Deniz Kaya", "text"),
        ("Kemal Ay", "media"),
    ]
    assert events(result) == [
        ("call", "Deniz Kaya", None),
        ("call", "+90 555 000 11 22", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_french_sentence_ending_like_the_document_placeholder_stays_text(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(
        tmp_path,
        french("Anil", f"plan.pdf • {LRM}1 page {LRM}document manquant", 1, media=True)
        + french("Luc Martin", "Il manque le document manquant", 2, marked=False),
        engine,
    )
    assert rows(result) == [("Anil", "media"), ("Luc Martin", "text")]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_marked_line_opening_with_its_author_s_name_is_a_system_line(
    tmp_path: Path, engine: str
) -> None:
    # iPhones in Italian, Turkish, French... write what a person did to the group under that
    # person's name, the name first. A wording no table knows yet is still no message of theirs,
    # even though the same person writes messages too.
    result = parsed(
        tmp_path,
        f"[12/03/24, 10:00:01] Giulia Neri: ciao a tutti\n"
        f"[12/03/24, 10:00:02] Giulia Neri: {LRM}Giulia Neri ha fatto una modifica al gruppo\n"
        f"[12/03/24, 10:00:03] ~ Deniz: {LRM}~ Deniz gruba yeni bir şey yaptı\n"
        "[12/03/24, 10:00:04] ~ Deniz: tamam\n"
        f"[12/03/24, 10:00:05] Giulia Neri: {LRM}POLL:\nOPTION: sì (1 vote)\n"
        f"[12/03/24, 10:00:06] Giulia Neri: {LRM}Open this link to join my WhatsApp Group: "
        "https://chat.whatsapp.com/AbCdEf\n"
        f"[12/03/24, 10:00:07] Giulia Neri: {LRM}Giulia\n",
        engine,
    )
    assert rows(result) == [
        ("Giulia Neri", "text"),
        (None, "system"),
        (None, "system"),
        ("~ Deniz", "text"),
        ("Giulia Neri", "text"),
        ("Giulia Neri", "text"),
        ("Giulia Neri", "text"),
    ]
    assert events(result) == [("unknown", None, None), ("unknown", None, None)]
