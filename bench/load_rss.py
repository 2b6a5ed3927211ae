"""The peak RSS of the server processes: those listening on the given ports, and their
children, read from /proc."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def server_pids(ports: Iterable[int]) -> set[int]:
    """The processes listening on `ports`, and their children (an ETL run a page started)."""
    inodes: set[str] = set()
    for port in ports:
        inodes |= _listening_inodes(port)
    pids: set[int] = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    pids.add(int(proc.name))
                    break
        except OSError:
            continue
    return pids | _children(pids)


def _children(pids: set[int]) -> set[int]:
    parent_of: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
                parent_of[int(proc.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found: set[int] = set()
    frontier = set(pids)
    while frontier:
        frontier = {p for p, parent in parent_of.items() if parent in frontier} - found - pids
        found |= frontier
    return found


def rss_mb(pids: Iterable[int]) -> float:
    total_kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb / 1024


class RssSampler:
    """The peak of the summed RSS of the server processes, sampled twice a second."""

    def __init__(self, ports: Sequence[int]) -> None:
        self.ports = ports
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        pids: set[int] = set()
        refreshed = 0.0
        while not self._stop.is_set():
            if time.monotonic() - refreshed > 5:
                pids, refreshed = server_pids(self.ports), time.monotonic()
            self.peak_mb = max(self.peak_mb, rss_mb(pids))
            self._stop.wait(0.5)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
