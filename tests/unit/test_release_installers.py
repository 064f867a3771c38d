"""The Windows (Inno Setup) and macOS (dmgbuild) installers are built only on GitHub's
runners; here they are rendered with the values the Linux build uses, so the version,
names, icons and bundle folder cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "glutemed.iss"
SPEC = (ROOT / "packaging" / "glutemed.spec").read_text(encoding="utf-8")
VERSION_EXPR = "${{ needs.version.outputs.version }}"
RELEASE = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")


def _version() -> str:
    import importlib.util

    spec = importlib.util.spec_from_file_location("version", ROOT / "packaging" / "version.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.project_version(ROOT))


def _spec_name() -> str:
    match = re.search(r'^NAME = "(\w+)"', SPEC, re.MULTILINE)
    assert match is not None
    return match.group(1)


def _release_defines() -> dict[str, str]:
    """The /DName=value options release.yml passes to ISCC, with the version filled in."""
    return dict(re.findall(r"/D(\w+)=(\S+)", RELEASE.replace(VERSION_EXPR, _version())))


def render_iss(defines: dict[str, str]) -> dict[str, list[str]]:
    """Inno Setup's preprocessor for what the script uses (#ifndef/#define defaults and
    {#Name}), then its sections as lists of lines."""
    values: dict[str, str] = {}
    lines = ISS.read_text(encoding="utf-8").splitlines()
    for line in lines:
        match = re.match(r'\s*#define (\w+) "(.*)"', line)
        if match:
            values.setdefault(match.group(1), match.group(2))
    values.update(defines)
    sections: dict[str, list[str]] = {}
    current = ""
    for line in lines:
        if not line.strip() or line.lstrip().startswith((";", "#")):
            continue
        text = re.sub(r"\{#(\w+)\}", lambda m: values[m.group(1)], line)
        header = re.fullmatch(r"\[(\w+)\]", text.strip())
        if header:
            current = header.group(1)
            sections[current] = []
        else:
            sections[current].append(text)
    return sections


def _setup(sections: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections["Setup"])


def test_inno_setup_script_renders_with_the_release_values() -> None:
    version = _version()
    sections = render_iss(_release_defines())
    setup = _setup(sections)
    assert setup["AppVersion"] == version
    # The README's Windows section names this file.
    assert f"{setup['OutputBaseFilename']}.exe" == f"GluteMed-{version}-windows-x64-setup.exe"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "GluteMed-<version>-windows-x64-setup.exe" in readme
    here = ISS.parent
    icon = (here / PureWindowsPath(setup["SetupIconFile"]).as_posix()).resolve()
    assert icon == ROOT / "resources" / "icons" / "glutemed.ico" and icon.is_file()
    assert "glutemed.ico" in SPEC  # the same icon the frozen .exe carries


def test_inno_setup_takes_the_folder_and_programs_pyinstaller_makes() -> None:
    name = _spec_name()
    sections = render_iss(_release_defines())
    bundle = PureWindowsPath(_release_defines()["BundleDir"])
    # release.yml freezes with --distpath dist: the spec's COLLECT name is the folder.
    assert bundle.name == name and bundle.parent.name == "dist"
    assert "--distpath dist packaging/glutemed.spec" in RELEASE
    assert any(f'Source: "{bundle}\\*"' in line for line in sections["Files"])
    programs = set(
        re.findall(
            r"\{app\}\\([\w-]+\.exe)",
            "\n".join(line for lines in sections.values() for line in lines),
        )
    )
    assert programs == {f"{name}.exe"}
    assert 'name="glutemed-cli"' in SPEC  # the console twin the README mentions
    # Linux and Windows name the same homepage.
    from_stage = re.search(
        r'^HOMEPAGE = "(.+)"', (ROOT / "packaging/linux/stage.py").read_text(), re.MULTILINE
    )
    assert from_stage is not None and _setup(sections)["AppPublisherURL"] == from_stage.group(1)


def test_dmg_settings_render_for_the_app_the_spec_builds() -> None:
    app = "dist/GluteMed.app"
    match = re.search(r"-D app=(\S+)", RELEASE)
    assert match is not None and match.group(1) == app
    assert 'name="GluteMed.app"' in SPEC
    settings: dict[str, object] = {"defines": {"app": app}}
    source = (ROOT / "packaging" / "macos" / "dmg_settings.py").read_text(encoding="utf-8")
    exec(compile(source, "dmg_settings.py", "exec"), settings)  # how dmgbuild reads it
    assert settings["files"] == [app]
    assert settings["symlinks"] == {"Applications": "/Applications"}
    # PyInstaller's BUNDLE copies the spec's .icns into Contents/Resources.
    assert settings["icon"] == f"{app}/Contents/Resources/glutemed.icns"
    assert (ROOT / "resources" / "icons" / "glutemed.icns").is_file()
    assert set(settings["icon_locations"]) == {"GluteMed.app", "Applications"}  # type: ignore[arg-type]
    dmg = re.search(r"dist/(GluteMed-\S+\.dmg)", RELEASE.replace(VERSION_EXPR, "<version>"))
    assert dmg is not None
    name = dmg.group(1)
    assert name in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_installer_takes_its_version_from_the_one_source() -> None:
    assert "python3 packaging/version.py" in RELEASE
    assert "version = project_version(ROOT)" in SPEC  # the macOS .app's Info.plist
    assert _release_defines()["AppVersion"] == _version()
