"""The photos the demo's stories name exist: drawn cards (no person) in the media folder the
Social page reads, so a story's photos show instead of "Media file … not found"."""

from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import create_engine

from etl.demo.write.photos import photo_card, story_photo_names, write_story_photos
from sampark.content.media import story_media
from tests.coverage_demo import demo_db


def test_a_photo_card_is_a_small_image_whose_colour_follows_its_name():
    first, again = photo_card("IMG_20261205_T004_1.jpg"), photo_card("IMG_20261205_T004_1.jpg")
    assert first.size == (640, 480)
    assert first.getpixel((5, 5)) == again.getpixel((5, 5))
    colours = {photo_card(f"IMG_2026120{k}_T001_1.jpg").getpixel((5, 5)) for k in range(1, 8)}
    assert len(colours) > 1


def test_every_photo_the_demo_stories_name_is_written_and_reads_back(tmp_path_factory, tmp_path):
    engine = create_engine(demo_db(tmp_path_factory))
    names = story_photo_names(engine)
    assert len(names) > 20 and all(n.startswith("IMG_") and "/" not in n for n in names)
    media = tmp_path / "media"
    assert write_story_photos(engine, media) == len(names)
    shown, problems = story_media(media, names[:5])
    assert problems == [] and len(shown) == 5
    assert Image.open(io.BytesIO(shown[0].data)).format == "JPEG"


def test_an_offices_own_photo_of_the_same_name_is_never_overwritten(tmp_path_factory, tmp_path):
    engine = create_engine(demo_db(tmp_path_factory))
    name = story_photo_names(engine)[0]
    media = tmp_path / "media"
    media.mkdir()
    (media / name).write_bytes(b"the office's own bytes")
    written = write_story_photos(engine, media)
    assert (media / name).read_bytes() == b"the office's own bytes"
    assert written == len(story_photo_names(engine)) - 1
    assert write_story_photos(engine, media) == 0  # a second build writes nothing again
