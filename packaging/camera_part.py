"""What the bundle needs of the camera part (the `camera` extra), used by glutemed.spec.

The pose estimator imports LiteRT's interpreter only when a camera test or `stance
analyse` starts (glutemed.pose.estimator); the spec names what that needs. The CPU
interpreter is its Python extension and the common runtime it links to. Left out: the
rest of the wheel (ahead-of-time compiler, NPU vendor plugins, the 19 MB WebGPU
accelerator, model tools) and ``libLiteRt.so`` (8 MB), which ``ai_edge_litert/__init__``
preloads with ctypes only when it is there: the interpreter does not link it, and the
frozen `stance analyse` gives the same result without it (tests/packaging/test_camera.py).
numpy comes with the interpreter's import.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

PACKAGE = "ai_edge_litert"
# Shared libraries the CPU interpreter loads (the extension's RUNPATH is $ORIGIN), as file
# stems (.so on Linux and macOS, .pyd and .dll on Windows).
LIBRARY_STEMS = (
    "_pywrap_litert_interpreter_wrapper",
    "libpywrap_litert_common",
    "pywrap_litert_common",
)
# The interpreter imports these (metrics_portable -> metrics_interface) at its top.
HIDDEN_IMPORTS = (
    "ai_edge_litert.interpreter",
    "ai_edge_litert.metrics_portable",
    "ai_edge_litert.metrics_interface",
)
# Parts of the wheel nothing on the interpreter's path imports; excluded so a change in
# PyInstaller's scan never drags them (and protobuf, tqdm) in.
EXCLUDES = (
    "ai_edge_litert.aot",
    "ai_edge_litert.tools",
    "ai_edge_litert.vendors",
    "ai_edge_litert.compiled_model",
    "ai_edge_litert.tensor_buffer",
    "ai_edge_litert.environment",
    "ai_edge_litert.schema_py_generated",
    "tensorflow",
    "tflite",
)
MODELS = Path("glutemed") / "pose" / "models"


def package_dir() -> Path | None:
    """Where ai_edge_litert is installed in the build venv, or None without the extra."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _stem(name: str) -> str:
    return name.split(".", 1)[0]


def binaries(folder: Path) -> list[tuple[str, str]]:
    """(source, bundle folder) of the libraries, in the package's folder as in the wheel."""
    found = sorted(p for p in folder.iterdir() if p.is_file() and _stem(p.name) in LIBRARY_STEMS)
    if not any(_stem(p.name) == LIBRARY_STEMS[0] for p in found):
        raise SystemExit(f"camera part: no {LIBRARY_STEMS[0]} in {folder}")
    return [(str(p), PACKAGE) for p in found]


def datas(src_dir: Path) -> list[tuple[str, str]]:
    """The two BlazePose models and their NOTICE, where the estimator looks for them."""
    models = src_dir / MODELS
    files = [*sorted(models.glob("*.tflite")), models / "NOTICE"]
    missing = [str(p) for p in files if not p.is_file()]
    if missing or len(files) < 3:
        raise SystemExit(f"camera part: pose models missing in {models}: {missing}")
    return [(str(p), MODELS.as_posix()) for p in files]


def drop_unused(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Analysis.binaries without any LiteRT library but LIBRARY_STEMS (a newer PyInstaller
    or LiteRT hook collecting the whole wheel would otherwise add 50 MB)."""
    prefix = PACKAGE + "/"
    return [
        e
        for e in binaries
        if not e[0].replace("\\", "/").startswith(prefix) or _stem(Path(e[0]).name) in LIBRARY_STEMS
    ]
