"""Worker processes that do not outlive the process that started them."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time


def exit_with_parent(parent_pid: int, interval: float = 1.0) -> None:
    """Pool initializer: end this worker once its parent is gone. A parent ended by a signal
    (SIGTERM, the terminal closed) never shuts its pool down, and an idle worker would wait on
    its task queue for ever, holding Voikko and the lint state in memory."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def worker_start_method(serving: bool, threads: int) -> str:
    """How to start a check worker. A fork shares what this process has imported (the checks,
    the Markdown parser, YAML): about 0.2 s of CPU that a fresh interpreter spends again. But
    forking a process that runs other threads (mkdocs serve's server and file watcher) can copy
    a lock one of them holds, so a server, or any process with threads, spawns."""
    if serving or threads != 1 or "fork" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "fork"
