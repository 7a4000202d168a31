"""The preview loop, measured: seconds from saving a page to `mkdocs serve` serving the
updated page with its findings panel (guidekit/preview.py). `guidekit bench --reload`.

Each edit appends a long sentence that starts with a new word ("Muutos 3 …"); the page
counts as updated when its panel quotes that sentence (PL101), i.e. when the rebuild,
the checks and the panel are all done. That is when MkDocs tells the open browser tab
to reload; the tab's own reload (a local request) adds milliseconds.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

POLL_SECONDS = 0.05
START_TIMEOUT = 180.0
RELOAD_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


@contextmanager
def mkdocs_serve(config: Path, env: dict | None = None, timeout: float = START_TIMEOUT,
                 args: tuple[str, ...] = (), log: Path | None = None) -> Iterator[str]:
    """`mkdocs serve --no-strict [args]` of the site in a subprocess, as `./dev serve` runs it;
    yields its address once the front page answers. log: a file for the server's output."""
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environment.pop("GUIDEKIT_PREVIEW_FINDINGS", None)  # the serve command itself must switch panels on
    output = open(log, "w", encoding="utf-8") if log is not None else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "-f", str(config), "-a", f"127.0.0.1:{port}", *args],
        cwd=config.parent,
        stdout=output,
        stderr=subprocess.STDOUT,
        env=environment,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while fetch(base + "/") is None:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve ei käynnistynyt ({config})")
            time.sleep(0.2)
        yield base
    finally:
        # Ctrl+C, as an author stops the preview: mkdocs serve then shuts down in order.
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log is not None:
            output.close()


def edit_sentence(number: int) -> str:
    """A 30-word sentence (over PL101's limit of 25) that starts with its own number."""
    return (
        f"Muutos {number} kertoo, että voit avata sovelluksen puhelimella tai tietokoneella, "
        "kirjautua sisään omilla tunnuksillasi ja lukea viestit, ajat ja laskut rauhassa kotona "
        "silloin, kun sinulle itsellesi sopii parhaiten."
    )


def wait_for(url: str, wanted: str, timeout: float = RELOAD_TIMEOUT) -> float:
    start = time.perf_counter()
    while True:
        html = fetch(url)
        if html is not None and wanted in html:
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"{url}: sivu ei päivittynyt {timeout:.0f} sekunnissa")
        time.sleep(POLL_SECONDS)


def reload_seconds(config: Path, page: Path, url_path: str, edits: int = 3, env: dict | None = None,
                   args: tuple[str, ...] = (), log: Path | None = None) -> list[float]:
    """Seconds from each save of `page` to the served page at url_path showing the edit in its panel.
    The page's text is restored afterwards."""
    original = page.read_text(encoding="utf-8")
    times = []
    try:
        with mkdocs_serve(config, env, args=args, log=log) as base:
            url = base + url_path
            wait_for(url, 'id="gk-findings"')  # the first build is done, with panels
            for number in range(1, edits + 1):
                page.write_text(original.rstrip("\n") + f"\n\n{edit_sentence(number)}\n", encoding="utf-8")
                times.append(wait_for(url, f"”Muutos {number} "))
                time.sleep(1.0)  # let the watcher settle before the next save
    finally:
        page.write_text(original, encoding="utf-8")
    return times
