"""Frozen-app tests: build (or reuse a fresh) bundle, .deb and tarball via packaging/build-linux.

Not part of the normal suite (pyproject's norecursedirs); run as its own step:
    python -m pytest tests/packaging -p no:cacheprovider
Set GLUTEMED_REUSE_BUILD=1 to use whatever is in dist/ without checking it is fresh.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("src", "resources", "animations", "packaging", "pyproject.toml")


@dataclass(frozen=True)
class Build:
    version: str
    deb: Path
    tarball: Path


def _version() -> str:
    """The version pyproject declares (static, or the glutemed.__version__ it points at)."""
    spec = importlib.util.spec_from_file_location("version", ROOT / "packaging" / "version.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.project_version(ROOT))


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        top = ROOT / name
        paths = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="session")
def build() -> Build:
    version = _version()
    built = Build(
        version,
        ROOT / "dist" / f"glutemed_{version}_amd64.deb",
        ROOT / "dist" / f"glutemed-{version}-linux-x86_64.tar.gz",
    )
    fresh = all(
        p.exists() and p.stat().st_mtime > _newest_source() for p in (built.deb, built.tarball)
    )
    if not (fresh or (os.environ.get("GLUTEMED_REUSE_BUILD") == "1" and built.deb.exists())):
        subprocess.run([str(ROOT / "packaging" / "build-linux")], check=True, cwd=ROOT)
    return built


@pytest.fixture(scope="session")
def unpacked(build: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(build.deb), str(root)], check=True)
    return root


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's shell would give the app: no venv, no test settings."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV"))
    }
    env.pop("GLUTEMED_BUNDLE_DIR", None)
    env.update(extra)
    return env
