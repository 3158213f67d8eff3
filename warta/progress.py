"""Progress lines for long work: items done, rate, ETA; and a closing summary."""
from __future__ import annotations

import sys
import time


class Progress:
    """Prints `label: done/total (rate/s, ETA)` to stderr at most every `every` seconds."""

    def __init__(self, label: str, total: int | None = None, every: float = 2.0, stream=None, enabled=True):
        self.label, self.total, self.every = label, total, every
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.done = 0
        self.start = self._last = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self._print(now)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start

    @property
    def rate(self) -> float:
        return self.done / max(self.elapsed, 1e-9)

    def _print(self, now: float) -> None:
        line = f"{self.label}: {self.done}"
        if self.total:
            eta = (self.total - self.done) / max(self.rate, 1e-9)
            line += f"/{self.total} ({self.rate:.1f}/s, ETA {eta:.0f}s)"
        else:
            line += f" ({self.rate:.1f}/s)"
        print(line, file=self.stream, flush=True)

    def finish(self, extra: str = "") -> str:
        summary = f"{self.label}: {self.done} done in {self.elapsed:.1f}s ({self.rate:.1f}/s){extra}"
        if self.enabled:
            print(summary, file=self.stream, flush=True)
        return summary
