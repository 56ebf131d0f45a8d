"""Server-side profiles with py-spy: where a server's CPU goes while it serves clicks and reruns.

``py-spy record --gil --format raw`` samples the thread holding the GIL (so: Python work, on
any thread) into collapsed stacks, without pausing the server (``--nonblocking``). It runs
during extra, untimed clicks and reruns (``bench.run``): its own CPU would slow the timed ones.
:func:`summarise` turns them into shares of all samples: by thread role
(the script thread that runs the app, the event loop that sends messages) and by the frames
that matter here (Streamlit's post-run ``gc.collect``, ``st_folium``, the panel, the record
index, message serialisation and websocket compression), plus the top functions by own and by
total samples.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

#: Frames to account for (a sample counts once per label when any frame of its stack matches).
LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Streamlit post-run gc.collect(2)", ("collect (bench/serve.py",)),
    ("Streamlit post-run clean-up, all (incl. gc)", ("_on_script_finished (streamlit/runtime/scriptrunner/",)),
    ("st_folium (map component call)", ("st_folium (streamlit_folium/__init__.py",)),
    ("map_area (ui/views.py)", ("map_area (ui/views.py",)),
    ("detail_panel (ui/views.py)", ("detail_panel (ui/views.py",)),
    ("records index / filters (records/query.py)", ("(records/query.py",)),
    ("who may see what: visible_to (records/access.py)", ("visible_to (records/access.py",)),
    ("record store reads (records/csvstore.py)", ("(records/csvstore.py",)),
    ("… of which CsvStore.history (each shown record)", ("history (records/csvstore.py",)),
    ("sidebar: share and export (ui/sidebar.py)", ("share_and_export (ui/sidebar.py",)),
    ("sidebar: update form (ui/forms.py)", ("update_form (ui/forms.py",)),
    ("top bar, sidebar, forms (ui/header, sidebar, forms)", ("(ui/header.py", "(ui/sidebar.py", "(ui/forms.py")),
    ("write_url / query params", ("write_url (app.py",)),
    ("protobuf / message serialisation", ("SerializeToString", "(google/protobuf")),
    ("websocket send + permessage-deflate", ("(websockets/", "deflate", "compress")),
)


def available() -> bool:
    return _exe() is not None


def _exe() -> str | None:
    here = Path(sys.executable).with_name("py-spy")
    return str(here) if here.exists() else shutil.which("py-spy")


def start(pid: int, out: Path, rate: int = 100) -> subprocess.Popen:
    exe = _exe()
    assert exe is not None
    return subprocess.Popen(
        [
            exe,
            "record",
            "--pid",
            str(pid),
            "--format",
            "raw",
            "--rate",
            str(rate),
            "--gil",
            "--threads",
            "--output",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def stop(spy: subprocess.Popen) -> None:
    """Stop recording (py-spy writes its file on SIGINT)."""
    spy.send_signal(signal.SIGINT)
    try:
        spy.wait(timeout=30)
    except subprocess.TimeoutExpired:
        spy.kill()


def summarise(path: Path, top: int = 12) -> dict[str, Any]:
    """Shares of samples by thread, by label and by function (own and total)."""
    if not path.exists():
        return {"error": f"py-spy wrote no {path.name}"}
    stacks: list[tuple[list[str], int]] = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        stack, _, count = line.rpartition(" ")
        stacks.append((stack.split(";"), int(count)))
    total = sum(n for _, n in stacks) or 1
    threads: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for frames, n in stacks:
        joined = ";".join(frames)
        role = (
            "script thread"
            if "_run_script" in joined
            else ("event loop" if "run_forever" in joined or "_run_once" in joined else "other")
        )
        threads[role] += n
        for label, needles in LABELS:
            if any(needle in joined for needle in needles):
                labels[label] += n
        if frames:
            own[_short(frames[-1])] += n
        for frame in set(map(_short, frames[1:])):
            inclusive[frame] += n

    def share(counter: Counter[str], limit: int | None = None) -> list[dict[str, Any]]:
        items = counter.most_common(limit)
        return [{"what": k, "samples": v, "share": round(v / total, 3)} for k, v in items]

    return {
        "samples": total,
        "by_thread": share(threads),
        "by_label": share(labels),
        "top_own": share(own, top),
        "top_total": share(inclusive, top),
    }


def _short(frame: str) -> str:
    """``func (path/to/file.py:123)`` without the line number."""
    name, _, where = frame.partition(" (")
    file = where.rsplit(":", 1)[0].rstrip(")")
    return f"{name} ({file})"


# -- the browser side ---------------------------------------------------------------------


def start_js(tab: Any) -> Any:
    """Start Chromium's sampling JS profiler on a tab (the page and its same-origin map frame)."""
    cdp = tab.context.new_cdp_session(tab.page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 200})
    cdp.send("Profiler.start")
    return cdp


def stop_js(cdp: Any, clicks: int, top: int = 10) -> dict[str, Any]:
    """Main-thread time per click by script (and by function), from the CPU profile.

    ``(program)`` is the renderer's native work (style, layout, paint, parsing), ``(idle)`` waiting.
    """
    profile = cdp.send("Profiler.stop")["profile"]
    nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
    by_script: Counter[str] = Counter()
    by_function: Counter[str] = Counter()
    deltas = [*profile["timeDeltas"][1:], 0]
    for sample, delta in zip(profile["samples"], deltas, strict=True):
        frame = nodes[sample]
        script = frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "?"
        by_script[script] += delta
        by_function[f"{frame['functionName'] or '(anonymous)'} ({script})"] += delta
    per_click = max(clicks, 1) * 1000  # µs → ms per click

    def rows(counter: Counter[str]) -> list[dict[str, Any]]:
        return [{"what": k, "ms_per_click": round(v / per_click, 1)} for k, v in counter.most_common(top)]

    busy = sum(v for k, v in by_script.items() if k != "(idle)")
    return {
        "clicks": clicks,
        "busy_ms_per_click": round(busy / per_click, 1),
        "by_script": rows(by_script),
        "by_function": rows(by_function),
    }
