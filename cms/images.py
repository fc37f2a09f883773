"""Illustrations the demo draws for itself with Pillow, so that a fresh install shows pictures without any
image file in the repository or a download: a two-colour gradient, a simple motif for each Birgemiz project
and the project's name. The same key always draws the same picture."""

import functools
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # drawn at twice the size and scaled down: smooth edges without a drawing library
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
INK = (255, 255, 255)

Motif = Callable[[ImageDraw.ImageDraw, float, float, float], None]


@dataclass(frozen=True)
class Illustration:
    key: str
    name: str  # drawn in the Latin script, which both DejaVu and Pillow's own font can write
    top: tuple[int, int, int]
    bottom: tuple[int, int, int]
    motif: Motif

    @property
    def title(self) -> str:
        """The Wagtail image's title, by which a second run finds the image again."""
        return f"Birgemiz demo: {self.name}"


def _fill(alpha: int = 235) -> tuple[int, int, int, int]:
    return (*INK, alpha)


def _book(draw, cx, cy, r):
    # An open book with lines of text, and the pixels of a screen rising from it (digital literacy).
    left = [
        (cx - r, cy - 0.35 * r),
        (cx - 0.04 * r, cy - 0.2 * r),
        (cx - 0.04 * r, cy + 0.6 * r),
        (cx - r, cy + 0.45 * r),
    ]
    right = [
        (cx + r, cy - 0.35 * r),
        (cx + 0.04 * r, cy - 0.2 * r),
        (cx + 0.04 * r, cy + 0.6 * r),
        (cx + r, cy + 0.45 * r),
    ]
    draw.polygon(left, fill=_fill())
    draw.polygon(right, fill=_fill())
    for i in range(4):
        y = cy - 0.12 * r + i * 0.16 * r
        draw.line([(cx - 0.85 * r, y - 0.1 * r), (cx - 0.2 * r, y)], fill=_fill(90), width=int(0.04 * r))
        draw.line([(cx + 0.2 * r, y), (cx + 0.85 * r, y - 0.1 * r)], fill=_fill(90), width=int(0.04 * r))
    side = 0.14 * r
    for row in range(3):
        for col in range(3 - row):
            x = cx - 0.3 * r + col * 0.24 * r + row * 0.12 * r
            y = cy - 0.62 * r - row * 0.24 * r
            draw.rectangle([x, y, x + side, y + side], fill=_fill(200 - 50 * row))


def _heart(draw, cx, cy, r):
    # A heart with a cross cut out of it (health care).
    lobe = 0.52 * r
    draw.ellipse([cx - 2 * lobe, cy - 1.4 * lobe, cx, cy + 0.6 * lobe], fill=_fill())
    draw.ellipse([cx, cy - 1.4 * lobe, cx + 2 * lobe, cy + 0.6 * lobe], fill=_fill())
    draw.polygon(
        [(cx - 1.93 * lobe, cy - 0.05 * lobe), (cx + 1.93 * lobe, cy - 0.05 * lobe), (cx, cy + 1.75 * lobe)],
        fill=_fill(),
    )
    arm, length = 0.13 * r, 0.42 * r
    hole = (0, 0, 0, 0)
    draw.rectangle([cx - arm, cy - length, cx + arm, cy + length - 0.1 * r], fill=hole)
    draw.rectangle(
        [cx - length + 0.05 * r, cy - arm - 0.05 * r, cx + length - 0.05 * r, cy + arm - 0.05 * r], fill=hole
    )


def _person(draw, x, y, height, alpha=235):
    head = 0.17 * height
    draw.ellipse([x - head, y - height, x + head, y - height + 2 * head], fill=_fill(alpha))
    body_top = y - height + 2.3 * head
    draw.rounded_rectangle(
        [x - 0.3 * height, body_top, x + 0.3 * height, y], radius=0.15 * height, fill=_fill(alpha)
    )


def _mentor(draw, cx, cy, r):
    # A grown-up and a child side by side, a star above them (mentoring).
    _person(draw, cx - 0.35 * r, cy + 0.8 * r, 1.45 * r)
    _person(draw, cx + 0.5 * r, cy + 0.8 * r, 0.95 * r, alpha=200)
    _star(draw, cx + 0.55 * r, cy - 0.65 * r, 0.22 * r, points=5, alpha=235)


def _star(draw, cx, cy, r, *, points=5, inner=0.45, alpha=235):
    vertices = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * inner
        angle = -math.pi / 2 + i * math.pi / points
        vertices.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(vertices, fill=_fill(alpha))


def _nature(draw, cx, cy, r):
    # The sun, three trees and a river (environment).
    draw.ellipse([cx + 0.35 * r, cy - 0.95 * r, cx + 0.85 * r, cy - 0.45 * r], fill=_fill(200))
    for dx, size in ((-0.6, 0.75), (0.0, 1.0), (0.55, 0.65)):
        x, base = cx + dx * r, cy + 0.45 * r
        draw.polygon(
            [(x, base - 1.1 * size * r), (x - 0.32 * size * r, base), (x + 0.32 * size * r, base)],
            fill=_fill(),
        )
        draw.rectangle([x - 0.04 * r, base, x + 0.04 * r, base + 0.15 * r], fill=_fill())
    for row in range(2):
        wave = [
            (cx - r + step * r / 20, cy + (0.78 + 0.17 * row) * r + 0.05 * r * math.sin(step * math.pi / 5))
            for step in range(41)
        ]
        draw.line(wave, fill=_fill(170 - 50 * row), width=int(0.06 * r), joint="curve")


def _yurt(draw, cx, cy, r):
    # A yurt: the lattice walls (kerege), the dome and its crown (shanyraq), the door (heritage).
    wall_top, ground = cy + 0.1 * r, cy + 0.85 * r
    draw.chord([cx - r, cy - 0.75 * r, cx + r, cy + 0.95 * r], 180, 360, fill=_fill())
    draw.rectangle([cx - r, wall_top, cx + r, ground], fill=_fill(200))
    width = int(0.035 * r)
    step = 0.25 * r
    side = ground - wall_top
    start = cx - r - side
    while start < cx + r:
        # The lattice's diagonals, cut at the wall's sides.
        low, high = max(0.0, cx - r - start), min(side, cx + r - start)
        if low < high:
            draw.line(
                [(start + low, ground - low), (start + high, ground - high)], fill=_fill(110), width=width
            )
            draw.line(
                [(start + low, wall_top + low), (start + high, wall_top + high)], fill=_fill(110), width=width
            )
        start += step
    draw.rectangle([cx - 0.18 * r, cy + 0.3 * r, cx + 0.18 * r, ground], fill=(0, 0, 0, 0))
    ring, top = 0.22 * r, cy - 0.75 * r
    draw.ellipse([cx - ring, top - 0.6 * ring, cx + ring, top + 0.6 * ring], fill=(0, 0, 0, 0))
    draw.ellipse([cx - ring, top - 0.6 * ring, cx + ring, top + 0.6 * ring], outline=_fill(), width=width)
    for dx in (-0.35, 0.35):
        draw.line(
            [(cx + dx * ring, top - 0.55 * ring), (cx + dx * ring, top + 0.55 * ring)],
            fill=_fill(),
            width=width,
        )
    for dy in (-0.2, 0.2):
        draw.line(
            [(cx - 0.95 * ring, top + dy * ring), (cx + 0.95 * ring, top + dy * ring)],
            fill=_fill(),
            width=width,
        )


def _home(draw, cx, cy, r):
    # A house with a heart at its door (care of older people).
    draw.polygon(
        [(cx - 0.95 * r, cy - 0.05 * r), (cx, cy - 0.9 * r), (cx + 0.95 * r, cy - 0.05 * r)], fill=_fill()
    )
    draw.rectangle([cx - 0.7 * r, cy - 0.1 * r, cx + 0.7 * r, cy + 0.85 * r], fill=_fill(200))
    lobe = 0.17 * r
    x, y = cx, cy + 0.25 * r
    draw.ellipse([x - 2 * lobe, y - lobe, x, y + lobe], fill=(0, 0, 0, 0))
    draw.ellipse([x, y - lobe, x + 2 * lobe, y + lobe], fill=(0, 0, 0, 0))
    draw.polygon(
        [(x - 1.95 * lobe, y + 0.3 * lobe), (x + 1.95 * lobe, y + 0.3 * lobe), (x, y + 2.3 * lobe)],
        fill=(0, 0, 0, 0),
    )


def _compass(draw, cx, cy, r):
    # Search circles around a compass star (search for missing people).
    for i, alpha in ((3, 60), (2, 100), (1, 150)):
        radius = 0.33 * r * i
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], outline=_fill(alpha), width=int(0.04 * r)
        )
    _star(draw, cx, cy, 0.85 * r, points=4, inner=0.22)
    _star(draw, cx, cy, 0.5 * r, points=8, inner=0.4, alpha=170)


def _paw(draw, cx, cy, r):
    # A paw print (animals).
    draw.ellipse([cx - 0.55 * r, cy - 0.05 * r, cx + 0.55 * r, cy + 0.8 * r], fill=_fill())
    for dx, dy in ((-0.72, -0.3), (-0.28, -0.7), (0.28, -0.7), (0.72, -0.3)):
        x, y = cx + dx * r, cy + dy * r
        draw.ellipse([x - 0.22 * r, y - 0.28 * r, x + 0.22 * r, y + 0.28 * r], fill=_fill())


def _people(draw, cx, cy, r):
    # Eight people holding hands around one centre (the platform: the eight projects together).
    for i in range(8):
        a = -math.pi / 2 + i * math.pi / 4
        x, y = cx + 0.8 * r * math.cos(a), cy + 0.8 * r * math.sin(a)
        draw.line([(cx, cy), (x, y)], fill=_fill(90), width=int(0.03 * r))
        draw.ellipse([x - 0.16 * r, y - 0.16 * r, x + 0.16 * r, y + 0.16 * r], fill=_fill())
    draw.ellipse([cx - 0.3 * r, cy - 0.3 * r, cx + 0.3 * r, cy + 0.3 * r], fill=_fill())


ILLUSTRATIONS = {
    item.key: item
    for item in [
        Illustration("bilim", "Bilim", (23, 63, 122), (58, 134, 200), _book),
        Illustration("saulyq", "Saýlyq", (128, 22, 48), (224, 87, 91), _heart),
        Illustration("sabaqtastyq", "Sabaqtastyq", (150, 84, 0), (247, 183, 51), _mentor),
        Illustration("taza-alem", "Taza Álem", (20, 84, 40), (104, 178, 84), _nature),
        Illustration("asyl-mura", "Asyl mura", (0, 80, 86), (196, 160, 48), _yurt),
        Illustration("qamqor", "Qamqor", (70, 42, 108), (158, 116, 200), _home),
        Illustration("umit", "Úmit", (16, 42, 67), (217, 72, 15), _compass),
        Illustration("ayala", "Ayala", (86, 58, 46), (196, 136, 84), _paw),
        Illustration("platform", "Birgemiz", (0, 95, 115), (0, 175, 202), _people),
    ]
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


@functools.cache
def illustration_draw(key: str) -> bytes:
    """The JPEG of one illustration, WIDTH × HEIGHT (the same bytes for the same key, so kept once drawn)."""
    item = ILLUSTRATIONS[key]
    width, height = WIDTH * SCALE, HEIGHT * SCALE
    # A diagonal gradient: across more than down.
    across = Image.linear_gradient("L").rotate(90).resize((width, height))
    mask = Image.blend(across, Image.linear_gradient("L").resize((width, height)), 0.4)
    canvas = Image.composite(
        Image.new("RGB", (width, height), item.bottom), Image.new("RGB", (width, height), item.top), mask
    ).convert("RGBA")

    decor = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(decor)
    for x, y, radius, alpha in ((0.08, 0.9, 0.22, 22), (0.55, -0.05, 0.3, 18), (0.98, 0.75, 0.35, 26)):
        cx, cy, rr = x * width, y * height, radius * width
        draw.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(*INK, alpha))
    canvas.alpha_composite(decor)

    motif = Image.new("RGBA", (width, height))
    item.motif(ImageDraw.Draw(motif), 0.75 * width, 0.5 * height, 0.3 * height)
    canvas.alpha_composite(motif)

    draw = ImageDraw.Draw(canvas)
    margin = 0.07 * width
    draw.text((margin, 0.36 * height), "BIRGEMIZ", font=_font(int(0.05 * height)), fill=(*INK, 215))
    size = int(0.12 * height)
    while size > 20 and draw.textlength(item.name, font=_font(size)) > 0.5 * width - margin:
        size -= 4  # the longest names shrink so as not to run into the motif
    draw.text((margin, 0.44 * height), item.name, font=_font(size), fill=(*INK, 255))
    draw.rectangle(
        [margin, 0.64 * height, margin + 0.12 * width, 0.64 * height + 0.012 * height],
        fill=(254, 197, 12, 255),
    )

    output = io.BytesIO()
    canvas.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(
        output, "JPEG", quality=86, optimize=True, progressive=True
    )
    return output.getvalue()


def illustration_image_ensure(key: str):
    """The Wagtail image of one illustration, drawn and saved the first time; (image, created)."""
    item = ILLUSTRATIONS[key]
    model = get_image_model()
    image = model.objects.filter(title=item.title).order_by("pk").first()
    if image is not None:
        return image, False
    upload = ImageFile(io.BytesIO(illustration_draw(key)), name=f"birgemiz-{key}.jpg")
    return model.objects.create(title=item.title, file=upload), True
