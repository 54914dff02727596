"""How fast the CLI starts: `axiswatch --help` and `axiswatch --version` against bare Python.

usage: python benchmarks/cli_startup.py [--runs 7]

Each command runs --runs times in a fresh process; the median wall time is printed, with the
interpreter's own start (`python -c pass`) as the floor in the same run. Reported, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

AXISWATCH = Path(sys.executable).with_name("axiswatch")


def median_seconds(cmd: list[str], runs: int) -> float:
    """Median wall time of ``cmd`` over ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    floor = median_seconds([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass        {floor:.3f} s (floor)")
    for extra in (["--help"], ["--version"], ["import", "--help"]):
        seconds = median_seconds([str(AXISWATCH), *extra], args.runs)
        print(f"axiswatch {' '.join(extra):<12} {seconds:.3f} s ({seconds / floor:.1f}x the floor)")


if __name__ == "__main__":
    main()
