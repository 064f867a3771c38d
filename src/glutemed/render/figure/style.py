"""Colours of the figure (light and dark window) and how a demo is fitted to the view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from glutemed.motion.framing import FIT_MARGIN, FLOOR_MARGIN_M, Fit, fit_for

if TYPE_CHECKING:
    from glutemed.catalog import Catalog

__all__ = [
    "DARK_STYLE",
    "FIT_MARGIN",
    "FLOOR_MARGIN_M",
    "LIGHT_STYLE",
    "FigureStyle",
    "Fit",
    "band_colours",
    "fit_for",
    "style_for",
]


@dataclass(frozen=True)
class FigureStyle:
    background: str = "#f6f4ef"
    floor: str = "#e4dfd3"
    floor_line: str = "#b9b09c"
    shadow: str = "#30000000"  # Qt reads #AARRGGBB: black at a fifth of full strength
    ink: str = "#2f3544"
    accent: str = "#e0671b"  # the working leg
    glow: str = "#ff7a2f"
    mat: str = "#8fb9a8"
    wall: str = "#d9d4c7"
    wall_edge: str = "#a59d8a"
    pole: str = "#7a7f87"
    towel: str = "#6fa8dc"
    pillow: str = "#f1e3c6"
    pillow_edge: str = "#c9b58c"


LIGHT_STYLE = FigureStyle()
# Dark window: light ink on a deep background, props muted so the figure leads.
DARK_STYLE = FigureStyle(
    background="#1f2329",
    floor="#2c313a",
    floor_line="#474e5a",
    shadow="#70000000",
    ink="#e6e9ef",
    accent="#ff8a3d",
    glow="#ff8a3d",
    mat="#3f6b5c",
    wall="#3a3f48",
    wall_edge="#6b7280",
    pole="#9aa1ab",
    towel="#5b9bd5",
    pillow="#8c7d62",
    pillow_edge="#b3a27f",
)


def style_for(dark: bool) -> FigureStyle:
    return DARK_STYLE if dark else LIGHT_STYLE


def band_colours(catalog: Catalog | None = None) -> dict[str, str]:
    """Band level -> colour, light to heavy, from the catalogue (the one source)."""
    if catalog is None:
        from glutemed.catalog import load_catalog  # ~1 ms; each painter reads it once

        catalog = load_catalog()
    return {level.id: level.colour for level in catalog.band_levels}
