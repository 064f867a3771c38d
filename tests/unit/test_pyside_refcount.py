"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call, which
crashes a long painting loop; the pin in pyproject keeps it out. This proves the pin holds."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPointF


def test_void_qt_calls_keep_none_refcount() -> None:
    obj = QObject()
    point = QPointF()
    before = sys.getrefcount(None)
    for i in range(100_000):
        obj.setObjectName("x")  # returns nothing
        point.setX(float(i))  # returns nothing
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references"
