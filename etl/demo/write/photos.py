"""The photos the demo's stories name, drawn: a coloured card with a caption, no person, so the
social media cell's story view shows photos as a real station's story would.

They are written into the dashboard's media folder (`SAMPARK_DATA_DIR/media`, where the
Social page looks), never into the demo's inbox: the inbox holds only the sheets the ETL
loads and the demo's manifest counts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import sqlalchemy as sa
from PIL import Image, ImageDraw, ImageFont

from sampark.access import STATE
from sampark.queries.stories import all_stories

SIZE = (640, 480)
# Calm colours a police handout might use; each photo gets one from its name.
COLOURS = ("#1f6fb2", "#2e7d32", "#6a1b9a", "#c62828", "#ef6c00", "#00838f", "#455a64")


def _plain(name: str) -> bool:
    """A bare file name of a photo (no folder part): the only kind the demo writes."""
    return name == Path(name).name and name.lower().endswith((".jpg", ".jpeg", ".png"))


def photo_card(name: str) -> Image.Image:
    """A synthetic photo for `name`: a card in a colour chosen by the name, its caption the
    words "Demo photo" and the name."""
    colour = COLOURS[hashlib.sha256(name.encode()).digest()[0] % len(COLOURS)]
    image = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, SIZE[0] - 24, SIZE[1] - 24), outline="white", width=4)
    draw.ellipse((250, 120, 390, 260), outline="white", width=6)  # a badge, not a face
    font = ImageFont.load_default(size=28)
    small = ImageFont.load_default(size=20)
    draw.text((SIZE[0] // 2, 320), "Demo photo", fill="white", font=font, anchor="mm")
    draw.text((SIZE[0] // 2, 370), name, fill="white", font=small, anchor="mm")
    draw.text(
        (SIZE[0] // 2, 410), "synthetic, no real person", fill="white", font=small, anchor="mm"
    )
    return image


def story_photo_names(engine: sa.Engine) -> list[str]:
    """Every photo name the loaded stories carry, each once, in order."""
    with engine.connect() as conn:
        stories = all_stories(conn, STATE)
    if stories.is_empty():
        return []
    names = stories.get_column("media").explode().drop_nulls().unique(maintain_order=True)
    return [n for n in names.to_list() if _plain(n)]


def write_story_photos(engine: sa.Engine, media_dir: Path) -> int:
    """Draw each photo the stories name into `media_dir` unless a file of that name is there
    already (an office's own photo is never overwritten); the number written."""
    media_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for name in story_photo_names(engine):
        path = media_dir / name
        if path.exists():
            continue
        photo_card(name).save(path, format="PNG" if name.lower().endswith(".png") else "JPEG")
        written += 1
    return written
