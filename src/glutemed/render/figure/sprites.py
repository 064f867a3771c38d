"""Small drawing helpers for the figure painter: colour blends, soft discs, curves."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QRadialGradient


def blend(colour: QColor, towards: QColor, amount: float) -> QColor:
    k = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        colour.redF() + (towards.redF() - colour.redF()) * k,
        colour.greenF() + (towards.greenF() - colour.greenF()) * k,
        colour.blueF() + (towards.blueF() - colour.blueF()) * k,
        colour.alphaF(),
    )


def soft_disc(
    radius: float, dpr: float, colour: QColor, alpha: float, squash: float = 1.0
) -> QImage:
    """A radial fade from *colour* at the centre to transparent at *radius*; *squash* < 1
    flattens it into an ellipse (a disc on the floor seen from a low camera)."""
    side = max(2, round(2 * radius * dpr))
    image = QImage(side, max(2, round(side * squash)), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(1.0, squash)
    grad = QRadialGradient(QPointF(radius, radius), radius)
    inner, outer = QColor(colour), QColor(colour)
    inner.setAlphaF(colour.alphaF() * alpha)
    outer.setAlphaF(0.0)
    grad.setColorAt(0.0, inner)
    grad.setColorAt(1.0, outer)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawEllipse(QPointF(radius, radius), radius, radius)
    p.end()
    return image


def solid_disc(colour: QColor, r: float, dpr: float) -> tuple[QImage, float]:
    """A filled antialiased circle of radius *r* and half its sprite's side, in pixels."""
    side = max(2, math.ceil(2 * r * dpr) + 2)
    sprite = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    sprite.fill(Qt.GlobalColor.transparent)
    p = QPainter(sprite)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(side / 2, side / 2), r * dpr, r * dpr)
    p.end()
    sprite.setDevicePixelRatio(dpr)
    return sprite, side / (2 * dpr)


def on_quad(a: QPointF, c: QPointF, b: QPointF, t: float) -> QPointF:
    """Point at *t* on the quadratic Bezier from a to b with control point c."""
    u = 1.0 - t
    return QPointF(
        u * u * a.x() + 2 * u * t * c.x() + t * t * b.x(),
        u * u * a.y() + 2 * u * t * c.y() + t * t * b.y(),
    )
