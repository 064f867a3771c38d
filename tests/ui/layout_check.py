"""Checks on laid-out widgets: nothing squeezed below its minimum, overlapping or cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QScrollArea, QWidget


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_layout_widgets(item.layout()))
    return found


def _smallest(widget: QWidget) -> tuple[int, int]:
    """The size a layout will not go below (Qt's rule: an explicit minimum wins)."""
    hint, explicit = widget.minimumSizeHint(), widget.minimumSize()
    width = explicit.width() or max(hint.width(), 0)
    height = explicit.height() or max(hint.height(), 0)
    return width, height


def layout_problems(root: QWidget) -> list[str]:
    """Every laid-out visible widget under *root* that is squeezed, overlapping or cut off."""
    problems: list[str] = []
    scrolled = {area.widget() for area in root.findChildren(QScrollArea)}
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisibleTo(root) or parent.layout() is None:
            continue
        kids = [k for k in _layout_widgets(parent.layout()) if k.isVisibleTo(root)]
        for kid in kids:
            name = f"{type(kid).__name__}:{kid.objectName()} in {parent.objectName()}"
            width, height = _smallest(kid)
            geometry = kid.geometry()
            if geometry.width() < width - 1 or geometry.height() < height - 1:
                problems.append(f"{name} squeezed to {geometry.size().toTuple()}")
            if parent not in scrolled and not parent.rect().contains(geometry):
                problems.append(f"{name} cut off at {geometry.getRect()}")
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if a.geometry().intersects(b.geometry()):
                    problems.append(f"{a.objectName()} overlaps {b.objectName()}")
    return problems
