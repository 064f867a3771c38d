"""The webcam as a frame source: QCamera into a QVideoSink, with plain-language errors.

Frames go to the sink and from there to the analyser and the live view only; nothing
records or sends them anywhere.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

NO_CAMERA = "No camera was found. Use the manual test, or connect a camera and try again."
DENIED = (
    "GluteMed is not allowed to use the camera. Allow it in your system's privacy "
    "settings, or use the manual test."
)


def busy_message(detail: str) -> str:
    extra = f" ({detail})" if detail else ""
    return (
        "The camera could not be started; another program may be using it"
        f"{extra}. Close that program, or use the manual test."
    )


def camera_present() -> bool:
    return bool(QMediaDevices.videoInputs())


class CameraSource(QObject):
    """Starts the default (or given) camera; `failed(message)` if it cannot."""

    failed = Signal(str)
    finished = Signal()  # a camera never runs out; here for the frame-source interface
    started = Signal()

    drop_late_frames = True  # live: analyse the newest frame, never a queue of old ones

    def __init__(self, device: QCameraDevice | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self._device = device
        self._session = QMediaCaptureSession(self)
        self._session.setVideoSink(self.sink)
        self._camera: QCamera | None = None
        self._t0 = time.monotonic()

    def frame_time(self, _frame: QVideoFrame) -> float:
        """Seconds since the camera started, read when the frame arrives."""
        return time.monotonic() - self._t0

    @property
    def active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self) -> None:
        device = self._device or QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.failed.emit(NO_CAMERA)
            return
        status = self._permission_status()
        if status == Qt.PermissionStatus.Denied:
            self.failed.emit(DENIED)
            return
        if status == Qt.PermissionStatus.Undetermined:
            self._ask_permission(device)
            return
        self._open(device)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)  # type: ignore[arg-type]
            self._camera.deleteLater()
            self._camera = None

    def _open(self, device: QCameraDevice) -> None:
        camera = QCamera(device, self)
        camera.errorOccurred.connect(self._camera_error)
        camera.activeChanged.connect(self._active_changed)
        self._camera = camera
        self._session.setCamera(camera)
        self._t0 = time.monotonic()
        camera.start()

    def _active_changed(self, active: bool) -> None:
        if active:
            self.started.emit()

    def _camera_error(self, _error: QCamera.Error, detail: str) -> None:
        self.stop()
        self.failed.emit(busy_message(detail))

    def _permission_status(self) -> Qt.PermissionStatus:
        from PySide6.QtCore import QCameraPermission

        app = QCoreApplication.instance()
        if app is None:
            return Qt.PermissionStatus.Granted
        return app.checkPermission(QCameraPermission())

    def _ask_permission(self, device: QCameraDevice) -> None:
        from PySide6.QtCore import QCameraPermission

        app = QCoreApplication.instance()

        def answered(permission: QCameraPermission) -> None:
            if app is not None and app.checkPermission(permission) == Qt.PermissionStatus.Granted:
                self._open(device)
            else:
                self.failed.emit(DENIED)

        app.requestPermission(QCameraPermission(), self, answered)  # type: ignore[union-attr]
