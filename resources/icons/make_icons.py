"""Render every GluteMed icon (hicolor PNGs, .ico, .icns) from one master drawing.

Pillow cannot read SVG, so the master is drawn here with Pillow primitives on a
512-unit canvas scaled up 8x and shrunk with a Lanczos filter for smooth edges.
glutemed.svg beside this file is the vector twin (same shapes, same units) used for
the hicolor "scalable" icon; tests/ui/test_icons.py checks that the two match.

Run: python resources/icons/make_icons.py   (writes into resources/icons/)
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
UNITS = 512
SUPERSAMPLE = 8
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

TEAL = "#17756a"
AMBER = "#f5a524"  # the working hip: gluteus medius
WHITE = "#ffffff"
STROKE = 46

# Geometry in 512 units; keep identical to glutemed.svg.
BADGE = (16, 16, 496, 496)
BADGE_RADIUS = 108
HIP_SPOT = ((300, 292), 52)
HEAD = ((250, 114), 46)
LIMBS = (
    ((142, 202), (250, 222), (358, 202)),  # arms out for balance
    ((250, 176), (250, 292)),  # trunk
    ((250, 292), (238, 372), (232, 436)),  # standing leg
    ((256, 292), (384, 390)),  # leg lifted out to the side
)


def _disc(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float, fill: str) -> None:
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)


def draw_master(px: int = UNITS * SUPERSAMPLE) -> Image.Image:
    """The mark as an RGBA image *px* pixels square (antialiased only after resizing)."""
    s = px / UNITS
    image = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([c * s for c in BADGE], radius=BADGE_RADIUS * s, fill=TEAL)
    (hx, hy), hr = HIP_SPOT
    _disc(draw, (hx * s, hy * s), hr * s, AMBER)
    width = STROKE * s
    for polyline in LIMBS:
        points = [(x * s, y * s) for x, y in polyline]
        draw.line(points, fill=WHITE, width=round(width), joint="curve")
        for point in points:  # round caps and joins, as stroke-linecap="round" in the SVG
            _disc(draw, point, width / 2, WHITE)
    (cx, cy), r = HEAD
    _disc(draw, (cx * s, cy * s), r * s, WHITE)
    return image


def render(size: int, master: Image.Image | None = None) -> Image.Image:
    master = master if master is not None else draw_master()
    return master.resize((size, size), Image.Resampling.LANCZOS)


def main(out_dir: Path = HERE) -> list[Path]:
    master = draw_master()
    written: list[Path] = []
    images = {size: render(size, master) for size in (*PNG_SIZES, 1024)}
    for size in PNG_SIZES:  # a hicolor theme tree, as installed under share/icons/
        path = out_dir / "hicolor" / f"{size}x{size}" / "apps" / "glutemed.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(path, optimize=True)
        written.append(path)
    ico = out_dir / "glutemed.ico"
    images[256].save(
        ico,
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=[images[n] for n in ICO_SIZES if n != 256],
    )
    written.append(ico)
    icns = out_dir / "glutemed.icns"
    # Pillow picks the exact-size frames from append_images for each icns slot.
    images[1024].save(icns, append_images=[images[n] for n in (16, 32, 64, 128, 256, 512)])
    written.append(icns)
    return written


if __name__ == "__main__":
    for written_path in main():
        print(written_path)
