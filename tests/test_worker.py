"""A check worker ends with the process that started it (guidekit/worker.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guidekit.worker import worker_start_method

ROOT = Path(__file__).resolve().parent.parent

# A parent like `mkdocs serve` (spawn) or `mkdocs build` (fork): a pool worker, its pid printed, then waiting.
PARENT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from guidekit.worker import exit_with_parent

if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(sys.argv[1]),
                               initializer=exit_with_parent, initargs=(os.getpid(), 0.1))
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0) until its (new) parent reaps it.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_the_worker_exits_when_its_parent_is_killed(tmp_path, method):
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), method], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        worker = int(parent.stdout.readline())
        assert worker != parent.pid and _alive(worker)
        parent.send_signal(signal.SIGKILL)  # no clean shutdown of its pool
        parent.wait()
        deadline = time.monotonic() + 20
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(worker), "the check worker outlived its killed parent"
    finally:
        parent.kill()
        parent.stdout.close()


def test_a_build_without_threads_forks_its_worker_and_a_server_or_threaded_process_spawns():
    assert worker_start_method(serving=False, threads=1) == "fork"
    assert worker_start_method(serving=True, threads=1) == "spawn"
    assert worker_start_method(serving=False, threads=3) == "spawn"  # server, watcher or another thread
