"""Export shapes seen in further public exports on GitHub and in WhatsApp's own strings (listed
with their source in the phrase tables' `seen`): the placeholder of a message that could not be
decrypted, on both phones and in several phone languages; newer Italian and Brazilian
Portuguese Android group lines; Spanish iPhone lines without an author; iPhone deleted and
missed-call wordings. Each as lines written for this project (invented names and texts), read
by both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.etl.whatsapp.public_shapes import ENGINES, LRM, events, ios, parsed, rows


def android(author: str, text: str, minute: int) -> str:
    return f"12/03/24, 10:{minute:02d} - {author}: {text}\n"


# The placeholder WhatsApp writes where a person's message could not be decrypted: the person
# sent something whose content is not in the file, like an image left out of the export. Both
# phones give the author's media entry, never a system line.
WAITING = [
    "Waiting for this message. This may take a while.",
    "Waiting for this message",
    "Wachten op dit bericht",
    "Wachten op dit bericht. Dit kan even duren.",
    "Warte auf diese Nachricht. Das kann einen Moment dauern.",
    "Esperando mensaje. Esto puede tomar tiempo.",
    "Esperando el mensaje. Esto puede tomar tiempo.",
    "Aguardando essa mensagem. Isso pode demorar um pouco.",
    "A aguardar pela mensagem. Pode demorar alguns minutos.",
    "In attesa del messaggio. Potrebbe volerci un po' di tempo.",
    "Mesaj bekleniyor. Bu biraz zaman alabilir.",
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("waiting", WAITING)
def test_waiting_for_a_message_is_the_author_s_media_on_both_phones(
    tmp_path: Path, engine: str, waiting: str
) -> None:
    on_iphone = parsed(
        tmp_path,
        ios("Ravi", "namaste", 0, marked=False)
        + ios("Ravi", waiting, 1)
        + ios("Suman", "ok", 2, marked=False),
        engine,
    )
    on_android = parsed(
        tmp_path,
        android("Ravi", "namaste", 0) + android("Ravi", waiting, 1) + android("Suman", "ok", 2),
        engine,
    )
    expected = [("Ravi", "text"), ("Ravi", "media"), ("Suman", "text")]
    assert rows(on_iphone) == expected
    assert rows(on_android) == expected
    assert events(on_iphone) == events(on_android) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_italian_android_lines_with_a_full_stop_are_events(tmp_path: Path, engine: str) -> None:
    # Newer Italian Android exports mark the lines and end most with a full stop, which is not
    # part of the names they hold.
    result = parsed(
        tmp_path,
        f"03/04/22, 12:39 - {LRM}Anil Kumar ha aggiunto Ravi.\n"
        f"03/04/22, 12:40 - {LRM}Anil Kumar ha aggiunto +91 98765 43210.\n"
        f"03/04/22, 12:41 - {LRM}Anil Kumar ti ha aggiunto.\n"
        "03/04/22, 12:42 - Ravi: buongiorno\n"
        f"03/04/22, 12:43 - {LRM}Ravi ha cambiato l'immagine del gruppo.\n"
        f"03/04/22, 12:44 - {LRM}Ravi ha avviato una videochiamata\n"
        f"03/04/22, 12:45 - {LRM}Ravi ha aggiornato il timer per i messaggi. I nuovi messaggi "
        f"non saranno più visibili nella chat dopo {LRM}7 giorni dall'invio, ad eccezione di "
        "quelli conservati.\n"
        f"03/04/22, 12:46 - {LRM}Ravi ha disattivato i messaggi effimeri.\n"
        f"03/04/22, 12:47 - {LRM}~ Suman ha abbandonato.\n"
        f"03/04/22, 12:48 - {LRM}Anil Kumar ha rimosso Ravi\n"
        f"03/04/22, 12:49 - {LRM}Anil Kumar ti ha rimosso.\n",
        engine,
    )
    assert result.messages.filter(result.messages["kind"] != "system").height == 1
    assert events(result) == [
        ("added", "Anil Kumar", "Ravi"),
        ("added", "Anil Kumar", "+91 98765 43210"),
        ("added", "Anil Kumar", None),
        ("icon_changed", "Ravi", None),
        ("call", "Ravi", None),
        ("disappearing_changed", "Ravi", None),
        ("disappearing_changed", "Ravi", None),
        ("left", "~ Suman", None),
        ("removed", "Anil Kumar", "Ravi"),
        ("removed", "Anil Kumar", None),
    ]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_portuguese_android_new_number_line_is_an_event(tmp_path: Path, engine: str) -> None:
    result = parsed(
        tmp_path,
        "12/03/2017 10:02 - Ravi: bom dia\n"
        f"12/03/2017 10:03 - \u202a+55 61 98765-4321\u202c mudou o número de telefone para um "
        f"novo número. {LRM}Toque para enviar mensagem ou para adicionar este novo número.\n",
        engine,
    )
    assert rows(result) == [("Ravi", "text"), (None, "system")]
    assert [e for e, _, _ in events(result)] == ["number_changed"]


@pytest.mark.parametrize("engine", ENGINES)
def test_spanish_iphone_created_and_joined_by_invite_are_events(
    tmp_path: Path, engine: str
) -> None:
    # An iPhone export whose system lines carry no author and no comma after the date.
    result = parsed(
        tmp_path,
        f"[30/08/21 11:06:08] {LRM}Anil Kumar creó este grupo.\r\n"
        f"[30/08/21 11:09:05] {LRM}Ravi IS  se unió mediante tu invitación\r\n"
        "[30/08/21 13:36:08] Ravi IS : hola\r\n",
        engine,
    )
    assert rows(result) == [(None, "system"), (None, "system"), ("Ravi IS ", "text")]
    assert [(e, a) for e, a, _ in events(result)] == [
        ("created", "Anil Kumar"),
        ("joined_link", "Ravi IS"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_iphone_deleted_and_missed_call_wordings(tmp_path: Path, engine: str) -> None:
    # WhatsApp for iPhone's own wordings: German deleted placeholders without a full stop, a
    # Portuguese one naming the sender, Dutch missed calls.
    result = parsed(
        tmp_path,
        ios("Ravi", "Diese Nachricht wurde gelöscht", 0)
        + ios("Ravi", "Du hast diese Nachricht gelöscht", 1)
        + ios("Ravi", "Esta mensagem foi apagada pelo remetente.", 2)
        + ios("Ravi", "Gemiste spraakoproep", 3)
        + ios("Ravi", "Gemiste video-oproep", 4),
        engine,
    )
    assert rows(result) == [("Ravi", "deleted")] * 3 + [(None, "system")] * 2
    assert [e for e, _, _ in events(result)] == ["call", "call"]


@pytest.mark.parametrize("engine", ENGINES)
def test_dutch_android_own_deleted_message_is_a_verified_placeholder(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(tmp_path, android("Ravi", "Je hebt dit bericht verwijderd", 1), engine)
    assert rows(result) == [("Ravi", "deleted")]
    assert result.unverified.height == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_portuguese_android_newer_group_lines_are_events(tmp_path: Path, engine: str) -> None:
    # Brazilian Portuguese Android lines of 2023-2024 phones (a zip with contact cards).
    result = parsed(
        tmp_path,
        f'04/11/2022 12:38 - {LRM}Anil Kumar criou o grupo "Plantão"\n'
        f"04/11/2022 12:39 - {LRM}Anil Kumar mudou a imagem deste grupo.\n"
        f'04/11/2022 12:40 - {LRM}Anil Kumar mudou o nome do grupo de "Plantão" para '
        '"Plantão Norte"\n'
        "04/11/2022 12:41 - Você não é mais admin\n"
        f"04/11/2022 12:42 - {LRM}Ravi mudou de número de telefone. Toque para enviar uma mensagem "
        "ou adicionar o novo número.\n"
        "04/11/2022 12:43 - Apenas as mensagens que mencionam @AI ou que as pessoas compartilham "
        "com a IA podem ser lidas pela Meta. A Meta não pode ler as demais mensagens desta "
        "conversa e suas mensagens pessoais continuam protegidas com a criptografia de ponta a "
        "ponta.\n"
        "04/11/2022 12:44 - Ravi: bom dia\n",
        engine,
    )
    assert rows(result) == [(None, "system")] * 6 + [("Ravi", "text")]
    assert events(result) == [
        ("created", "Anil Kumar", "Plantão"),
        ("icon_changed", "Anil Kumar", None),
        ("subject_changed", "Anil Kumar", "Plantão Norte"),
        ("admin_dismissed", None, None),
        ("number_changed", "Ravi", None),
        ("notice", None, None),
    ]
    assert result.unverified.height == 0
