"""Each variation shows only the cues and mistakes that are true for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutemed.catalog import load_catalog
from glutemed.catalog.model import CatalogError


def test_reverse_clam_does_not_get_the_heels_together_texts() -> None:
    clam = load_catalog().exercise("clamshell")
    for variation in ("reverse", "reverse_band"):
        texts = " ".join(clam.cues_for(variation) + clam.mistakes_for(variation)).lower()
        assert "heels touching" not in texts and "heels come apart" not in texts
        assert "only the foot travels" in " ".join(clam.cues_for("reverse")).lower()
    for variation in ("standard", "band"):
        assert any("heels touching" in c for c in clam.cues_for(variation))
        assert any("heels come apart" in m for m in clam.mistakes_for(variation))


def test_not_for_must_name_a_variation_of_the_exercise(tmp_path: Path) -> None:
    source = Path(__file__).parents[2] / "resources" / "exercises.toml"
    text = source.read_text(encoding="utf-8").replace(
        'not_for = ["reverse", "reverse_band"] },', 'not_for = ["reversed"] },', 1
    )
    bad = tmp_path / "exercises.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match="not_for names no variation"):
        load_catalog(bad)
