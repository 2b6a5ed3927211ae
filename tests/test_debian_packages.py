"""The README's two commands install the Debian packages they need (scripts/debian_packages.sh),
checked with stand-ins for dpkg-query, apt-get and id on PATH so nothing is really installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def _run(tmp_path: Path, mode: str, uid: int, installed: str) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    _stub(
        bin_dir,
        "dpkg-query",
        f'for p in {installed}; do [ "$3" = "$p" ] && echo "install ok installed" && exit 0; done\n'
        "exit 1",
    )
    _stub(bin_dir, "apt-get", f'echo "$*" >> {log}')
    _stub(bin_dir, "id", f"echo {uid}")
    _stub(bin_dir, "sudo", "exit 1")
    script = (
        f"source {ROOT}/scripts/debian_packages.sh; "
        f'sampark_debian_packages {mode} "${{SAMPARK_DASHBOARD_PACKAGES[@]}}"; echo "rc=$?"; '
        f"cat {log} 2>/dev/null || true"
    )
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin"},
        check=True,
    )


def test_root_installs_only_the_missing_dashboard_packages(tmp_path: Path) -> None:
    out = _run(tmp_path, "wanted", 0, "libfribidi0 libpango-1.0-0")
    assert "rc=0" in out.stdout
    assert "install -y -qq --no-install-recommends fonts-noto-core libpangoft2-1.0-0" in out.stdout


def test_nothing_is_run_when_every_package_is_there(tmp_path: Path) -> None:
    out = _run(
        tmp_path, "required", 0, "fonts-noto-core libfribidi0 libpango-1.0-0 libpangoft2-1.0-0"
    )
    assert out.stdout.strip() == "rc=0"


def test_without_root_the_dashboard_names_what_is_missing_and_starts(tmp_path: Path) -> None:
    out = _run(tmp_path, "wanted", 1000, "libfribidi0 libpango-1.0-0 libpangoft2-1.0-0")
    assert "rc=0" in out.stdout
    assert "apt-get install -y fonts-noto-core" in out.stderr
    assert "install -y" not in out.stdout


def test_without_root_the_test_command_stops(tmp_path: Path) -> None:
    out = _run(tmp_path, "required", 1000, "")
    assert "rc=1" in out.stdout


def test_both_readme_commands_source_the_package_list() -> None:
    for name in ("dashboard.sh", "test.sh"):
        text = (ROOT / "scripts" / name).read_text()
        assert "source scripts/debian_packages.sh" in text
        assert '"${SAMPARK_DASHBOARD_PACKAGES[@]}"' in text
