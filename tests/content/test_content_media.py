"""A story's media names resolve only inside the media folder and only to JPEG or PNG bytes."""

import io
from pathlib import Path

import pytest
from PIL import Image

from sampark.content.media import MediaProblem, image_kind, story_media


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "media"
    folder.mkdir(parents=True)
    (folder / "camp.png").write_bytes(image_bytes("PNG"))
    (folder / "arrest.jpg").write_bytes(image_bytes("JPEG"))
    (folder / "logo.svg").write_bytes(SVG)
    (folder / "logo.png").write_bytes(SVG)
    (folder / "notes.jpg").write_bytes(b"plain text, not a photo")
    (tmp_path / "data" / "secret.png").write_bytes(image_bytes("PNG"))
    return folder


def test_png_and_jpeg_in_the_media_folder_are_shown(media):
    shown, problems = story_media(media, ["camp.png", "arrest.jpg"])
    assert [(m.name, m.kind) for m in shown] == [("camp.png", "PNG"), ("arrest.jpg", "JPEG")]
    assert shown[0].data == (media / "camp.png").read_bytes()
    assert problems == []


def test_a_photo_is_known_by_its_bytes_not_its_name(media):
    (media / "really_a_png.jpg").write_bytes(image_bytes("PNG"))
    shown, problems = story_media(media, ["really_a_png.jpg", "logo.png", "notes.jpg"])
    assert [(m.name, m.kind) for m in shown] == [("really_a_png.jpg", "PNG")]
    assert problems == [
        MediaProblem("logo.png", "not_image"),
        MediaProblem("notes.jpg", "not_image"),
    ]


def test_an_svg_is_refused_whatever_its_name(media):
    assert story_media(media, ["logo.svg"]) == ([], [MediaProblem("logo.svg", "not_image")])
    assert image_kind(SVG) is None


@pytest.mark.parametrize(
    "name",
    [
        "/etc/passwd",
        "../secret.png",
        "sub/../../secret.png",
        "..\\secret.png",
        "C:\\Windows\\win.ini",
        "\\\\server\\share\\a.png",
        "",
        "a\x00.png",
    ],
)
def test_a_name_leaving_the_media_folder_is_refused(media, name):
    assert story_media(media, [name]) == ([], [MediaProblem(name, "outside")])


def test_a_symlink_out_of_the_media_folder_is_refused(media):
    (media / "passwd.png").symlink_to("/etc/passwd")
    (media / "secret_link.png").symlink_to(media.parent / "secret.png")
    shown, problems = story_media(media, ["passwd.png", "secret_link.png"])
    assert shown == []
    assert problems == [
        MediaProblem("passwd.png", "outside"),
        MediaProblem("secret_link.png", "outside"),
    ]


def test_a_symlink_inside_the_media_folder_is_followed(media):
    (media / "alias.png").symlink_to(media / "camp.png")
    shown, _ = story_media(media, ["alias.png"])
    assert [m.kind for m in shown] == ["PNG"]


def test_a_missing_file_or_a_folder_is_not_found(media):
    (media / "album").mkdir()
    assert story_media(media, ["gone.jpg", "album"])[1] == [
        MediaProblem("gone.jpg", "not_found"),
        MediaProblem("album", "not_found"),
    ]


def test_a_photo_over_5_mb_is_refused(media):
    big = image_bytes("PNG") + b"\0" * (5 * 1024 * 1024)
    (media / "big.png").write_bytes(big)
    assert story_media(media, ["big.png"])[1] == [MediaProblem("big.png", "too_big")]


def test_a_story_without_media_has_nothing_to_show(media):
    assert story_media(media, None) == ([], [])
    assert story_media(media / "missing_folder", ["camp.png"])[1] == [
        MediaProblem("camp.png", "not_found")
    ]
