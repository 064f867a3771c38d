"""QVideoFrame -> RgbFrame, scaled down so inference cost does not grow with the camera."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame

from glutemed.pose.estimator import RgbFrame

# The models look at 224- and 256-pixel crops: a 640-pixel frame loses nothing and keeps
# the conversion cheap for 1080p webcams.
MAX_SIDE = 640


def frame_image(frame: QVideoFrame) -> QImage | None:
    """The frame as an RGB888 image at most MAX_SIDE pixels on its long side."""
    if not frame.isValid():
        return None
    image = frame.toImage()
    if image.isNull():
        return None
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
    return image.convertToFormat(QImage.Format.Format_RGB888)


def rgb_frame(image: QImage) -> RgbFrame:
    """Pixels of an RGB888 image for the estimator (copied: the image may be reused)."""
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return RgbFrame(image.width(), image.height(), data, image.bytesPerLine())
