"""What the machine is doing: CPU use from /proc, waiting for a quiet moment, process memory.

The benchmark shares its cores with whatever else runs. Before each timed run it waits until
the CPUs are nearly idle, and during a run it measures how much CPU went to processes that are
not part of the measurement ("other"); a run with too much of it is repeated.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies over all CPUs since boot."""
    with open("/proc/stat") as handle:
        fields = [int(v) for v in handle.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return total - idle, total


def busy_share(seconds: float = 1.0) -> float:
    """Fraction of all CPUs busy over the next `seconds`."""
    busy0, total0 = cpu_jiffies()
    time.sleep(seconds)
    busy1, total1 = cpu_jiffies()
    return (busy1 - busy0) / max(1, total1 - total0)


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def wait_for_quiet(limit: float = 0.15, max_wait: float = 120.0) -> dict:
    """Wait until the CPUs are under `limit` busy (or max_wait seconds have passed)."""
    started = time.monotonic()
    share = busy_share()
    while share >= limit and time.monotonic() - started < max_wait:
        share = busy_share()
    return {"waited_s": round(time.monotonic() - started, 1), "busy_before": round(share, 3),
            "quiet": share < limit, "load_average": [round(v, 2) for v in load_average()]}


def process_jiffies(pid: int) -> int:
    """utime + stime of one process (0 if it has gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            text = handle.read()
    except OSError:
        return 0
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


@dataclass
class Memory:
    rss_mb: float
    pss_mb: float  # proportional: pages shared with the master or other workers counted once


def memory_of(pid: int) -> Memory:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return Memory(round(rss / 1024, 1), round(pss / 1024, 1))


class CpuWatch:
    """CPU used by the measured processes and by everything else, over one run."""

    def __init__(self, pids: list[int]):
        self.pids = pids
        self.busy0, self.total0 = cpu_jiffies()
        self.own0 = {pid: process_jiffies(pid) for pid in pids}

    def shares(self, extra_seconds: float = 0.0) -> dict:
        """extra_seconds: CPU time of measured processes that have already exited (wrk)."""
        busy1, total1 = cpu_jiffies()
        elapsed = max(1, total1 - self.total0)  # all CPUs' jiffies in the window
        own = sum(max(0, process_jiffies(pid) - start) for pid, start in self.own0.items())
        own += extra_seconds * CLOCK_TICKS
        other = max(0, (busy1 - self.busy0) - own)
        return {"measured": round(own / elapsed, 3), "other": round(other / elapsed, 3)}
