"""The icon master: the Pillow drawing and its SVG twin match; generated files are present."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops, ImageStat

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ICONS / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _svg_as_pillow(size: int) -> Image.Image:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "glutemed.svg"))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = bytes(image.constBits())
    return Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA", image.bytesPerLine(), 1)


def test_svg_twin_matches_pillow_master(qapp: object) -> None:
    size = 128
    grey = Image.new("RGBA", (size, size), "#808080")  # compare what a user sees, not raw RGBA
    drawn = Image.alpha_composite(grey, _make_icons().render(size).convert("RGBA"))
    vector = Image.alpha_composite(grey, _svg_as_pillow(size))
    diff = ImageChops.difference(drawn.convert("RGB"), vector.convert("RGB")).convert("L")
    mean = ImageStat.Stat(diff).mean[0]
    # Only edge antialiasing may differ; a moved or missing shape costs far more than this.
    assert mean < 1.5, f"SVG and Pillow master differ (mean difference {mean:.2f})"
    assert diff.histogram()[96:] == [0] * 160, "some pixels differ strongly"


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_every_hicolor_png_is_generated(size: int) -> None:
    with Image.open(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "glutemed.png") as image:
        assert image.size == (size, size)
        assert image.mode == "RGBA"


def test_ico_and_icns_hold_the_platform_sizes() -> None:
    with Image.open(ICONS / "glutemed.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "glutemed.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]
