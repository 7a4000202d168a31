"""Worker processes that do not outlive the process that started them."""

from __future__ import annotations

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
