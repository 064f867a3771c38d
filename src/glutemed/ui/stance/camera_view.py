"""The live camera picture, mirrored like a mirror, with the skeleton and a framing guide."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from glutemed.pose.landmarks import SKELETON_LINES, PoseLandmarks

GOOD = QColor("#2e9d5b")
NOT_YET = QColor("#e0a126")
BONES = QColor(255, 255, 255, 230)
JOINTS = QColor("#3b82f6")
# The guide: where the whole body should fit (fractions of the picture).
GUIDE = QRectF(0.25, 0.04, 0.5, 0.92)


class CameraView(QWidget):
    """Shows the newest frame; `framed` colours the guide green (the body fits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Live camera picture")
        self._image: QImage | None = None
        self._pose: PoseLandmarks | None = None
        self.framed = False
        self.frames_shown = 0

    def show_frame(self, image: QImage, pose: PoseLandmarks | None, framed: bool) -> None:
        self._image, self._pose, self.framed = image, pose, framed
        self.frames_shown += 1
        self.update()

    def clear(self) -> None:
        self._image, self._pose, self.framed = None, None, False
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, aspect kept."""
        if self._image is None or self._image.isNull():
            return QRectF(self.rect())
        w, h = self._image.width(), self._image.height()
        scale = min(self.width() / w, self.height() / h)
        return QRectF((self.width() - w * scale) / 2, (self.height() - h * scale) / 2,
                      w * scale, h * scale)  # fmt: skip

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111"))
        area = self.picture_rect()
        if self._image is not None:
            painter.save()
            # Mirror the picture (people expect a mirror); landmarks are mirrored alike.
            painter.translate(area.right(), area.top())
            painter.scale(-area.width() / self._image.width(), area.height() / self._image.height())
            painter.drawImage(0, 0, self._image)
            painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        guide = QRectF(
            area.left() + GUIDE.left() * area.width(),
            area.top() + GUIDE.top() * area.height(),
            GUIDE.width() * area.width(),
            GUIDE.height() * area.height(),
        )
        pen = QPen(GOOD if self.framed else NOT_YET, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(guide, 12, 12)
        if self._pose is not None and self._image is not None:
            self._draw_skeleton(painter, area, self._pose)
        painter.end()

    def _draw_skeleton(self, painter: QPainter, area: QRectF, pose: PoseLandmarks) -> None:
        sx, sy = area.width() / pose.width, area.height() / pose.height

        def spot(index: int) -> QPointF:
            point = pose.points[index]
            return QPointF(area.right() - point.x * sx, area.top() + point.y * sy)

        painter.setPen(QPen(BONES, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for a, b in SKELETON_LINES:
            if min(pose.points[a].visibility, pose.points[b].visibility) >= 0.5:
                painter.drawLine(spot(a), spot(b))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(JOINTS)
        for a, b in SKELETON_LINES:
            for index in (a, b):
                if pose.points[index].visibility >= 0.5:
                    painter.drawEllipse(spot(index), 4.5, 4.5)
