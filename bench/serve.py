"""``python -m bench.serve SCRIPT --log RUNS.jsonl [streamlit options]``: ``streamlit run SCRIPT``
with every script run timed inside the server.

This is Streamlit's own command line (``streamlit.web.cli``), started in-process after one
hook is installed: ``ScriptRunner._run_script`` is wrapped, so a run's time covers everything
the script thread does for it, *including* Streamlit's post-run clean-up (session-state
clean-up, orphaned media files and its ``gc.collect(2)``), which a timer inside the script misses.
The ``gc.collect`` call in ``script_runner`` is timed on its own as well. The app's script is
unchanged and is the main script (so ``./static`` beside it is served as usual).

Each run appends one JSON line: ``start`` (epoch ms), ``ms`` (whole run), ``gc_ms``,
``fragment`` (a fragment rerun, e.g. a map click) and ``auto`` (a timed rerun of a ``run_every``
fragment, such as the app's freshness poll: not caused by the click or key being measured).
"""

from __future__ import annotations

import json
import sys
import threading
import time


class _TimedGC:
    """Stands in for the ``gc`` module inside ``script_runner``: times ``collect``."""

    def __init__(self, real):
        self._real = real
        self.local = threading.local()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def collect(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self._real.collect(*args, **kwargs)
        finally:
            self.local.ms = getattr(self.local, "ms", 0.0) + (time.perf_counter() - started) * 1000


def install(log_path: str) -> None:
    import gc

    from streamlit.runtime.scriptrunner import script_runner

    timed_gc = _TimedGC(gc)
    script_runner.gc = timed_gc
    original = script_runner.ScriptRunner._run_script
    lock = threading.Lock()

    def _run_script(self, rerun_data):
        timed_gc.local.ms = 0.0
        start = time.time() * 1000
        started = time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            line = {
                "start": round(start, 3),
                "ms": round(elapsed, 3),
                "gc_ms": round(timed_gc.local.ms, 3),
                "fragment": bool(rerun_data.fragment_id_queue),
                # A run_every fragment's own rerun (the freshness poll), not caused by the user.
                "auto": bool(getattr(rerun_data, "is_auto_rerun", False)),
            }
            with lock, open(log_path, "a") as handle:
                handle.write(json.dumps(line) + "\n")

    script_runner.ScriptRunner._run_script = _run_script


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[1] != "--log":
        raise SystemExit(__doc__)
    script, log_path, options = argv[0], argv[2], argv[3:]
    install(log_path)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", script, *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
