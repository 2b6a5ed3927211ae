"""Export shapes of phones set to Czech, German, Italian and Turkish, seen in public exports on
GitHub, in WhatsApp's own strings and in other public parsers (listed with their source in
phrases_cs.yaml, phrases_de.yaml, phrases_it.yaml and phrases_tr.yaml): a Czech Android
group's lines and placeholders, a Czech iPhone's placeholders and notices, a German iPhone's
attachment of 2018, and the newer Italian and Turkish iPhone wordings no export has shown yet
(read, and reported as guesses). Each as lines written for this project (invented names and
texts), read by both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, events, ios, parsed, rows


def android(minute: int, text: str) -> str:
    return f"17.02.24 19:{minute:02d} - {text}\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_czech_android_group_s_lines_are_events(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        android(
            0,
            "Zprávy a hovory jsou zabezpečeny koncovým šifrováním. Nikdo, kdo není přímým "
            "účastníkem této konverzace, ji nemůže sledovat ani poslouchat. Dokonce ani "
            "WhatsApp. Další informace zobrazíte klepnutím.",
        )
        + android(1, f"{LRM}Jana Nová vytvořil/a skupinu „Chata“.")
        + android(2, f"{LRM}Jana Nová přidal/a uživatele Petr a Eva.")
        + android(3, f"{LRM}Ota se připojil/a k této skupině pomocí zvacího odkazu.")
        + android(4, "Petr: Ahoj všichni")
        + android(5, "Petr: <Média vynechány>")
        + android(6, f"Petr: {LRM}mapa.vcf (soubor byl přiložen)")
        + android(7, "Eva: Tato zpráva byla odstraněna.")
        + android(8, "Eva: Tuto zprávu jste odstranil/a.")
        + android(9, f"{LRM}Jana Nová změnil/a téma skupiny na „Chata 2“.")
        + android(10, f"{LRM}Jana Nová změnil/a ikonu této skupiny.")
        + android(11, f"{LRM}Petr je nyní správcem.")
        + android(12, f"{LRM}Jana Nová odebral/a uživatele Ota.")
        + android(13, f"{LRM}Eva opustil/a skupinu.")
        + android(14, "Petr: Zmeškaný hovor"),
        engine,
    )
    assert [row for row in rows(result) if row[0] is not None] == [
        ("Petr", "text"),
        ("Petr", "media"),
        ("Petr", "media"),
        ("Eva", "deleted"),
        ("Eva", "deleted"),
    ]
    assert events(result) == [
        ("encryption_notice", None, None),
        ("created", "Jana Nová", "Chata"),
        ("added", "Jana Nová", "Petr"),
        ("added", "Jana Nová", "Eva"),
        ("joined_link", "Ota", None),
        ("subject_changed", "Jana Nová", "Chata 2"),
        ("icon_changed", "Jana Nová", None),
        ("admin_made", None, "Petr"),
        ("removed", "Jana Nová", "Ota"),
        ("left", "Eva", None),
        ("call", None, None),
    ]
    assert result.unverified.height == 0
    assert result.unknown_system_lines == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_czech_iphone_s_placeholders_and_notices(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios(
            "Jana Nová",
            "Zprávy a hovory jsou opatřeny koncovým šifrováním. Nikdo, kdo není přímým "
            "účastníkem této konverzace, ji nemůže sledovat ani poslouchat. Dokonce ani WhatsApp.",
            0,
        )
        + ios("Petr", "obrázek vynechán", 1)
        + ios("Petr", "video vynecháno", 2)
        + ios("Petr", "zvukový soubor vynechán", 3)
        + ios("Petr", "nálepka vynechána", 4)
        + ios("Petr", "Vizitka vynechána", 5)
        + ios("Petr", f"plán.pdf • {LRM}2 stránky {LRM}dokument vynechán", 6)
        + ios("Petr", "Tuto zprávu jste smazal/a.", 7)
        + ios("Jana Nová", "Tato zpráva byla smazána.", 8)
        + ios(
            "Jana Nová",
            f"{LRM}Bezpečnostní kód mezi vámi a\u00a0uživatelem Petr byl změněn. "
            f"{LRM}Další informace zobrazíte klepnutím.",
            9,
        )
        + ios("Jana Nová", "Zmeškaný videohovor", 10)
        + ios("Petr", "video vynecháno? Pošli ho znovu", 11, marked=False),
        engine,
    )
    assert [row for row in rows(result) if row[0] is not None] == [
        *[("Petr", "media")] * 6,
        ("Petr", "deleted"),
        ("Jana Nová", "deleted"),
        ("Petr", "text"),
    ]
    assert events(result) == [
        ("encryption_notice", None, None),
        ("security_code_changed", None, "Petr"),
        ("call", None, None),
    ]
    assert result.unknown_system_lines == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_german_iphone_s_attachment_of_2018_is_media(tmp_path: Path, engine: str) -> None:
    # iPhones of 2018 wrote "angehängt" where later ones write "Anhang".
    result = parsed(
        tmp_path,
        ios("Lena", "<angehängt: 00000004-AUDIO-2018-01-29-23-46-03.opus>", 0)
        + ios("Lena", "Hast du es <angehängt> gesehen?", 1, marked=False),
        engine,
    )
    assert rows(result) == [("Lena", "media"), ("Lena", "text")]


@pytest.mark.parametrize("engine", ENGINES)
def test_newer_italian_iphone_group_lines_are_events_reported_as_guesses(
    tmp_path: Path, engine: str
) -> None:
    # iPhone group lines carry the group's name as author; these wordings follow the newer
    # English and Turkish ones and no Italian export has shown them yet.
    lines = [
        "Mario Rossi ha creato questo gruppo",
        "Luca è entrato usando il link di invito di questo gruppo",
        "Mario Rossi ha cambiato il nome del gruppo in “Gita 2”",
        "Mario Rossi ha cambiato l'immagine di questo gruppo",
        "Luca è ora un amministratore",
    ]
    result = parsed(
        tmp_path,
        "".join(ios("Gita", text, i) for i, text in enumerate(lines))
        + ios("Luca", "Ha cambiato il nome del gruppo in Gita 2?", 9, marked=False),
        engine,
    )
    assert rows(result) == [*[(None, "system")] * len(lines), ("Luca", "text")]
    assert events(result) == [
        ("created", "Mario Rossi", None),
        ("joined_link", "Luca", None),
        ("subject_changed", "Mario Rossi", "Gita 2"),
        ("icon_changed", "Mario Rossi", None),
        ("admin_made", None, "Luca"),
    ]
    assert result.unverified.height == len(lines)


@pytest.mark.parametrize("engine", ENGINES)
def test_turkish_iphone_pins_calls_and_own_changes_are_events_reported_as_guesses(
    tmp_path: Path, engine: str
) -> None:
    lines = [
        ("Sınıf", "Ayşe Kaya bir mesajı sabitledi."),
        ("Sınıf", "Mehmet artık yönetici"),
        ("Sınıf", 'Grup adını "Sınıf 9" olarak değiştirdiniz'),
        ("Sınıf", "Bu grubun simgesini değiştirdiniz"),
        ("Mehmet", "Sesli arama"),
        ("Mehmet", "Görüntülü arama. 12 dk."),
    ]
    result = parsed(
        tmp_path,
        "".join(ios(author, text, i) for i, (author, text) in enumerate(lines))
        + ios("Mehmet", "Cevapsız sesli arama", 7)
        + ios("Mehmet", "Sesli arama yapalım mı?", 8, marked=False),
        engine,
    )
    assert [row for row in rows(result) if row[0] is not None] == [("Mehmet", "text")]
    assert [e for e, _, _ in events(result)] == [
        "message_pinned",
        "admin_made",
        "subject_changed",
        "icon_changed",
        "call",
        "call",
        "call",
    ]
    assert result.unverified.height == len(lines)
