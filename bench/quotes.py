#!/usr/bin/env python
"""Benchmark the quote engine on a story the size of the seed story (about 1,000 words).

The story is read once (``wire.formats``, not timed); then, round after round, the
engine extracts its quotations (``wire.quotes.extract_quotes``: quotation marks,
sentences, every name and role, every attribution) and, in turns with it, a baseline
scans the same text with one regular expression for quoted spans (what the cheapest
possible "quote finder" costs, with no speakers at all). Both are timed per call in CPU
time of this process (so other work on the machine does not count) and in wall time,
on one core (the process is pinned to it where the system allows). Printed: median and
p95 of each, and the engine's median as a multiple of the baseline's.

    python bench/quotes.py                 # the seed story, 500 rounds
    python bench/quotes.py --rounds 2000 --text path/to/story.txt

The target is a median under 5 ms of CPU time for the seed story.
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_PLACES = (
    ROOT / ".." / "shared" / "seed" / "seed-article.txt",
    ROOT / "articles" / "fixtures" / "seed-article.txt",
)
QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»“]")
TARGET_MS = 5.0


def story_arguments(path):
    from wire.formats import read_wire_file

    story = read_wire_file(path)
    arguments = {
        "headline": story.headline,
        "dek": story.dek,
        "paragraphs": story.paragraphs,
        "language": story.language,
        "captions": [photo.caption for photo in story.photos],
    }
    text = "\n\n".join([story.headline, story.dek, *story.paragraphs])
    return arguments, text


def measure(rounds, arguments, text):
    from wire.quotes import extract_quotes

    def engine():
        return extract_quotes(**arguments)

    def baseline():
        return QUOTED.findall(text)

    for _ in range(30):  # warm up: imports, regex caches, the interpreter's own
        engine()
        baseline()
    timings = {"engine": ([], []), "baseline": ([], [])}
    for _ in range(rounds):
        for name, function in (("engine", engine), ("baseline", baseline)):
            cpu, wall = time.process_time_ns(), time.perf_counter_ns()
            function()
            timings[name][0].append((time.process_time_ns() - cpu) / 1e6)
            timings[name][1].append((time.perf_counter_ns() - wall) / 1e6)
    return timings, len(engine())


def reference_loop_ms():
    """Return the CPU time of a fixed pure-Python loop: how fast this machine runs Python
    right now (other work on a shared machine slows every figure alike)."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time_ns()
        sum(number * number for number in range(1_000_000))
        best = min(best, (time.process_time_ns() - start) / 1e6)
    return best


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def pin_to_one_core():
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity here)"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--text", type=Path, help="a story file (default: the seed story)")
    options = parser.parse_args()
    path = options.text or next((p for p in SEED_PLACES if p.is_file()), None)
    if path is None:
        parser.error("No seed story found; pass --text.")
    pinning = pin_to_one_core()
    arguments, text = story_arguments(path)
    words = len(text.split()) + sum(len(c.split()) for c in arguments["captions"])
    before = reference_loop_ms()
    timings, found = measure(options.rounds, arguments, text)
    after = reference_loop_ms()
    print(
        f"{path.resolve()}: {words} words, {found} quotations; {options.rounds} rounds, {pinning}"
    )
    print(f"{'':10} {'CPU median':>11} {'CPU p95':>9} {'wall median':>12} {'wall p95':>9}")
    for name, (cpu, wall) in timings.items():
        print(
            f"{name:10} {statistics.median(cpu):>8.3f} ms {percentile(cpu, 0.95):>6.3f} ms "
            f"{statistics.median(wall):>9.3f} ms {percentile(wall, 0.95):>6.3f} ms"
        )
    engine_cpu = statistics.median(timings["engine"][0])
    ratio = engine_cpu / statistics.median(timings["baseline"][0])
    verdict = "under" if engine_cpu < TARGET_MS else "OVER"
    print(f"engine / baseline (CPU medians): {ratio:.0f}x")
    print(f"engine median {engine_cpu:.2f} ms: {verdict} the {TARGET_MS} ms target")
    print(
        f"machine: a loop of a million squares took {before:.0f} ms before and "
        f"{after:.0f} ms after (best of 5), for comparing runs on other machines"
    )


if __name__ == "__main__":
    main()
