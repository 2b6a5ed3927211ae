"""Newer export shapes seen in public exports on GitHub (listed with repository and path in the
phrase tables' `seen`): calls, notices, pinned messages, group settings and join lines of
English, Portuguese, Spanish, German, Dutch and Turkish phones, and an iPhone group name that holds
": ". Each as lines written for this project (invented names and texts), read by both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, NBSP, NNBSP, events, ios, parsed, rows


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_call_line_with_a_no_break_space_before_its_detail_is_a_call(
    tmp_path: Path, engine: str
) -> None:
    # newer iPhones write U+00A0 and a space between a call and its duration or outcome
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", 0, marked=False)
        + ios("Ravi", f"Voice call{NBSP} {LRM}17 sec", 1)
        + ios("Ravi", f"Missed voice call{NBSP} {LRM}Tap to call back", 2)
        + ios("Suman", f"Video call{NBSP} {LRM}No answer", 3)
        + ios("Suman", f"Group call. {LRM}2 invited", 4)
        + ios("Suman", "Voice call tomorrow at 5", 5, marked=False),
        engine,
    )
    assert rows(result) == [("Ravi", "text"), *[(None, "system")] * 4, ("Suman", "text")]
    assert [e for e, _, _ in events(result)] == ["call"] * 4


@pytest.mark.parametrize("engine", ENGINES)
def test_blocked_contact_and_meta_ai_notes_are_notices(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", 0, marked=False)
        + ios("Ravi", "You blocked this contact", 1)
        + ios("Ravi", "You unblocked this contact", 2)
        + ios(
            "Ravi",
            "Only messages that mention @Meta AI are sent to Meta. Meta can\u2019t read any "
            "other messages in this chat. Some responses may be inaccurate or inappropriate.",
            3,
        )
        + ios("Ravi", "Du hast diesen Kontakt blockiert.", 4)
        + ios("Ravi", "Esperando el mensaje. Esto puede tomar tiempo.", 5),
        engine,
    )
    # the last line, a message that could not be decrypted, stays its author's (as media)
    assert rows(result) == [("Ravi", "text"), *[(None, "system")] * 4, ("Ravi", "media")]
    assert [e for e, _, _ in events(result)] == ["notice"] * 4
    assert result.unverified.height == 0
    android = parsed(
        tmp_path,
        "25/08/20, 12:33 pm - Ravi: hello\n"
        "25/08/20, 12:34 pm - You blocked this contact. Tap to unblock.\n"
        "25/08/20, 12:35 pm - You unblocked this contact.\n",
        engine,
    )
    assert [e for e, _, _ in events(android)] == ["notice"] * 2


@pytest.mark.parametrize("engine", ENGINES)
def test_video_note_and_attached_file_are_the_person_s_media(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", 0, marked=False)
        + ios("Ravi", "video note omitted", 1)
        + ios("Suman", "Pacote de figurinhas omitido", 2)
        + ios("Suman", "vídeo omitido", 3)
        + ios("Suman", "Mensagem apagada por um admin (Anil Kumar)", 4)
        + f"[12/03/24, 10:02:05] Ravi: {LRM}PTT-20240312-WA0001.opus (bestand bijgevoegd)\n",
        engine,
    )
    assert result.messages.select("author", "kind").rows() == [
        ("Ravi", "text"),
        ("Ravi", "media"),
        ("Suman", "media"),
        ("Suman", "media"),
        ("Suman", "deleted"),
        ("Ravi", "media"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_group_name_holding_a_colon_is_not_an_author(tmp_path: Path, engine: str) -> None:
    # iOS attributes system lines to the group; its name may hold ": " itself
    result = parsed(
        tmp_path,
        ios(
            "Beat 4: Kotwali",
            "Messages and calls are end-to-end encrypted. Only people in "
            "this chat can read, listen to, or share them.",
            0,
        )
        + ios("Anil", "You created the group: Beat 4: Kotwali", 1)
        + ios("Beat 4: Kotwali", "You're now an admin", 2)
        + ios(
            "Ravi", f"Site photo: {LRM}<attached: 00000012-PHOTO-2024-03-12.jpg>", 3, marked=False
        )
        + ios("Ravi", f"Time: {LRM}tomorrow at 5", 4, marked=False),
        engine,
    )
    assert result.messages.select("author", "kind").rows() == [
        (None, "system"),
        (None, "system"),
        (None, "system"),
        ("Ravi", "text"),
        ("Ravi", "text"),
    ]
    assert events(result) == [
        ("encryption_notice", None, None),
        ("created", "You", "Beat 4: Kotwali"),
        ("admin_made", None, "You"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_newer_english_join_and_settings_lines_are_events(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", 0, marked=False)
        + ios(f"~{NNBSP}Kavi", f"~{NNBSP}Kavi joined using a group link.", 1)
        + ios(
            "Anil",
            "Anil changed this group\u2019s settings to allow all members to invite people to "
            "this group using a group link.",
            2,
        )
        + ios(
            "Ravi",
            "This business account has now registered as a standard account. Tap for more info.",
            3,
        ),
        engine,
    )
    assert rows(result) == [("Ravi", "text"), *[(None, "system")] * 3]
    assert events(result) == [
        ("joined_link", f"~{NNBSP}Kavi", None),
        ("settings_changed", "Anil", None),
        ("notice", None, None),
    ]
    android = parsed(
        tmp_path,
        "25/08/20, 12:33 pm - Ravi: hello\n25/08/20, 12:34 pm - Suman joined using your invite\n",
        engine,
    )
    assert events(android) == [("joined_link", "Suman", None)]


@pytest.mark.parametrize("engine", ENGINES)
def test_portuguese_iphone_system_lines_are_events(tmp_path: Path, engine: str) -> None:
    group = "Plantão Norte"
    lines = [
        (group, "Anil Kumar criou este grupo"),
        (group, "Anil Kumar fixou uma mensagem"),
        (
            group,
            "Anil Kumar mudou as configurações deste grupo para permitir que somente "
            "admins enviem mensagens ao grupo",
        ),
        (
            group,
            "Anil Kumar mudou as configurações do grupo para permitir que todos os membros "
            "enviem mensagens",
        ),
        (
            group,
            "Anil Kumar mudou as configurações para permitir que somente admins editem as "
            "configurações do grupo",
        ),
        (group, "Anil Kumar ativou a autorização de admins para entrar neste grupo"),
        (
            group,
            f"{LRM}Suman mudou de número de telefone. {LRM}Toque para enviar mensagem ou "
            "para adicionar o novo número.",
        ),
        (group, "Suman entrou usando o link do grupo"),
        ("Suman", f"Conversa por voz. {LRM}{LRM}12 minutos • {LRM}3 participantes"),
        ("Suman", f"Conversa por voz. {LRM}Ninguém entrou"),
    ]
    text = ios("Ravi", "bom dia", 0, marked=False) + "".join(
        ios(author, body, i + 1) for i, (author, body) in enumerate(lines)
    )
    result = parsed(tmp_path, text, engine)
    assert rows(result) == [("Ravi", "text"), *[(None, "system")] * len(lines)]
    assert [(e, a) for e, a, _ in events(result)] == [
        ("created", "Anil Kumar"),
        ("message_pinned", "Anil Kumar"),
        *[("settings_changed", "Anil Kumar")] * 4,
        ("number_changed", "Suman"),
        ("joined_link", "Suman"),
        ("call", None),
        ("call", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_spanish_and_german_notices_pins_and_calls_are_events(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Ana", "hola", 0, marked=False)
        + ios("Ana", "Ana es un contacto.", 1)
        + ios("Ana", "Ana fijó un mensaje.", 2)
        + ios("Ana", "Llamada grupal perdida", 3)
        + ios(
            "Ana",
            f"Meta solo podrá leer los mensajes que mencionen @Meta{NBSP}AI o los que se "
            f"compartan con @Meta{NBSP}AI. Meta no puede leer ningún otro mensaje de este chat, "
            "ya que tus mensajes personales permanecen cifrados de extremo a extremo.",
            4,
        )
        + ios("Jonas", f"Anruf fehlgeschlagen. {LRM}Erneut versuchen", 5)
        + ios("Jonas", "Du hast diesen Kontakt freigegeben.", 6)
        + ios("Ana", "Llamada grupal mañana", 7, marked=False),
        engine,
    )
    assert rows(result) == [("Ana", "text"), *[(None, "system")] * 6, ("Ana", "text")]
    assert [(e, a) for e, a, _ in events(result)] == [
        ("notice", "Ana"),
        ("message_pinned", "Ana"),
        ("call", None),
        ("notice", None),
        ("call", None),
        ("notice", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_several_people_leaving_in_one_line_are_one_event_each(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        "6/23/20, 2:27 PM - Ravi: ok\n"
        "6/23/20, 2:28 PM - Suman, +91 98765 43210, and Anil Kumar left\n"
        "6/23/20, 2:29 PM - Geeta and Mohan left\n"
        "6/23/20, 2:30 PM - Ravi left\n",
        engine,
    )
    assert events(result) == [
        ("left", "Suman", None),
        ("left", "+91 98765 43210", None),
        ("left", "Anil Kumar", None),
        ("left", "Geeta", None),
        ("left", "Mohan", None),
        ("left", "Ravi", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_view_once_photo_and_video_are_the_person_s_media(tmp_path: Path, engine: str) -> None:
    # "For added privacy" once made fake "added" events
    note = ". For added privacy, you can only open it on your phone."
    result = parsed(
        tmp_path,
        ios("Ravi", "hello", 0, marked=False)
        + ios("Ravi", "You received a view once photo" + note, 1)
        + ios("Suman", "You received a view once video" + note, 2)
        + ios("Suman", "You sent a view once message" + note, 3),
        engine,
    )
    assert rows(result) == [("Ravi", "text"), ("Ravi", "media"), *[("Suman", "media")] * 2]
    assert result.events.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_turkish_join_create_and_notice_lines_are_events(tmp_path: Path, engine: str) -> None:
    android = parsed(
        tmp_path,
        "14.02.2025 00:08 - Bu grubu siz oluşturdunuz\n"
        f"14.02.2025 00:09 - {LRM}Emre Kaya bu grubun davet bağlantısıyla katıldı\n"
        "14.02.2025 00:10 - Emre Kaya: merhaba\n"
        f"14.02.2025 00:11 - {LRM}Emre Kaya ayrıldı\n",
        engine,
    )
    assert events(android) == [
        ("created", None, None),
        ("joined_link", "Emre Kaya", None),
        ("left", "Emre Kaya", None),
    ]
    iphone = parsed(
        tmp_path,
        "[6.03.2020 17:21:34] Ayşe: selam\n"
        f"[6.03.2020 17:21:35] Nöbet: {LRM}Bu gruba gönderdiğiniz mesajlar artık uçtan uca "
        "şifreleme ile korunmaktadır.\n"
        f"[6.03.2020 17:21:36] Ayşe: {LRM}Mesaj bekleniyor. Bu biraz zaman alabilir.\n",
        engine,
    )
    assert [e for e, _, _ in events(iphone)] == ["encryption_notice"]
    # a message that could not be decrypted stays its author's (as media)
    assert rows(iphone)[-1] == ("Ayşe", "media")


@pytest.mark.parametrize("engine", ENGINES)
def test_android_null_is_a_view_once_media_and_newer_lines_are_events(
    tmp_path: Path, engine: str
) -> None:
    # Android writes "null" where a view-once photo or video was sent
    result = parsed(
        tmp_path,
        "23/04/24, 7:40 am - Ravi: hello\n"
        "23/04/24, 7:41 am - Ravi: null\n"
        "23/04/24, 7:42 am - Only messages that mention or people share with @AI can be read "
        "by Meta. Meta can\u2019t read any other messages in this chat, as your personal "
        "messages remain end-to-end encrypted.\n",
        engine,
    )
    assert rows(result) == [("Ravi", "text"), ("Ravi", "media"), (None, "system")]
    assert [e for e, _, _ in events(result)] == ["notice"]
    turkish = parsed(
        tmp_path,
        "14.02.2025 00:07 - Emre: merhaba\n"
        '14.02.2025 00:08 - Emre Kaya "Nöbet Grubu" grubunu oluşturdu\n'
        "14.02.2025 00:09 - Emre Kaya bir sesli sohbet açtı\n",
        engine,
    )
    assert events(turkish) == [
        ("created", "Emre Kaya", "Nöbet Grubu"),
        ("call", "Emre Kaya", None),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_older_iphone_group_lines_and_contact_card_are_read(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        ios("Jonas", "hallo", 0, marked=False)
        + ios(
            "Wache Nord",
            "Nachrichten an diese Gruppe sind jetzt mit Ende-zu-Ende-Verschlüsselung geschützt.",
            1,
        )
        + ios("Wache Nord", "Jonas hat den Betreff zu \u201cWache Nord\u201d geändert.", 2)
        + ios("Jonas", "Contact card attached: Mia Weber.vcf", 3),
        engine,
    )
    assert rows(result) == [
        ("Jonas", "text"),
        (None, "system"),
        (None, "system"),
        ("Jonas", "media"),
    ]
    assert events(result) == [
        ("encryption_notice", None, None),
        ("subject_changed", "Jonas", "Wache Nord"),
    ]
