"""Faces in a story's photo, found offline and blurred before the photo goes on a card.

A photo in a story about a sexual offence or a child may show the victim or the child (BNS
s.72, POCSO s.23 and JJ Act s.74 forbid any picture that identifies them). The detector is
OpenCV's Haar cascades, which ship inside the `opencv-python-headless` wheel: nothing is
downloaded at run time. A detector is any function from a Pillow image to face boxes, so tests
and another model can stand in for it.

Haar cascades find frontal and profile faces of a fair size; a face turned away, very small
or half hidden can be missed, so a card says how many faces it blurred and a person still
looks at the photo.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageFilter, ImageOps

Box = tuple[int, int, int, int]  # left, top, width, height, in the image's pixels
FaceDetector = Callable[[Image.Image], list[Box]]
# Faces are looked for on a copy at most this wide or high (Haar is slow on large photos).
_DETECT_SIDE = 1280
# A blurred box reaches this much beyond the face on each side (hair, ears, chin).
_MARGIN = 0.3
_CASCADES = (
    "haarcascade_frontalface_default.xml",
    "haarcascade_frontalface_alt2.xml",
    "haarcascade_profileface.xml",
)


def _cascades() -> list[Any] | None:
    try:
        import cv2
        from cv2.data import haarcascades
    except ImportError:
        return None
    folder = Path(haarcascades)
    loaded = [cv2.CascadeClassifier(str(folder / name)) for name in _CASCADES]
    return None if any(c.empty() for c in loaded) else loaded


@lru_cache(maxsize=1)
def haar_detector() -> FaceDetector | None:
    """OpenCV's Haar face detector, or None where OpenCV or its cascades are missing."""
    cascades = _cascades()
    if cascades is None:
        return None

    def detect(image: Image.Image) -> list[Box]:
        import cv2
        import numpy as np

        scale = min(1.0, _DETECT_SIDE / max(image.size))
        small = image.convert("L")
        if scale < 1.0:
            small = small.resize((round(image.width * scale), round(image.height * scale)))
        gray = cv2.equalizeHist(np.asarray(small))
        found: list[Box] = []
        for index, cascade in enumerate(cascades):
            # The profile cascade (the last) sees faces turned one way: look at the mirror too.
            for flipped in (False, True) if index == len(cascades) - 1 else (False,):
                pixels = cv2.flip(gray, 1) if flipped else gray
                for x, y, w, h in cascade.detectMultiScale(pixels, 1.1, 5, minSize=(24, 24)):
                    left = gray.shape[1] - x - w if flipped else x
                    found.append(
                        (round(left / scale), round(y / scale), round(w / scale), round(h / scale))
                    )
        return distinct_faces(found)

    return detect


def distinct_faces(boxes: list[Box]) -> list[Box]:
    """One box per face: a box whose centre lies inside one kept before is the same face (the
    cascades find one face several times).

    >>> distinct_faces([(10, 10, 50, 50), (14, 12, 46, 48), (200, 10, 40, 40)])
    [(10, 10, 50, 50), (200, 10, 40, 40)]
    """
    kept: list[Box] = []
    for x, y, w, h in sorted(boxes, key=lambda b: -b[2] * b[3]):
        cx, cy = x + w / 2, y + h / 2
        if not any(kx <= cx <= kx + kw and ky <= cy <= ky + kh for kx, ky, kw, kh in kept):
            kept.append((x, y, w, h))
    return sorted(kept)


def _grown(box: Box, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x, y, w, h = box
    dx, dy = int(w * _MARGIN), int(h * _MARGIN)
    return max(0, x - dx), max(0, y - dy), min(size[0], x + w + dx), min(size[1], y + h + dy)


def blurred_faces(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """`image` with every box (grown by a margin) pixelated to 6 blocks across and blurred:
    nothing of the face is left to recognise."""
    out = image.copy()
    for box in boxes:
        area = _grown(box, out.size)
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        patch = out.crop(area)
        blocks = patch.resize(
            (6, max(1, round(6 * patch.height / patch.width))), Image.Resampling.BILINEAR
        )
        coarse = blocks.resize(patch.size, Image.Resampling.NEAREST)
        radius = max(4, patch.width // 8)
        out.paste(coarse.filter(ImageFilter.GaussianBlur(radius)), area[:2])
    return out


def upright(image: Image.Image) -> Image.Image:
    """The photo as a person sees it (EXIF rotation applied), in RGB."""
    return ImageOps.exif_transpose(image).convert("RGB")
