"""A built site served on 127.0.0.1 as a plain static server sends it (no compression):
for printing PDFs (guidekit/pdf.py), weighing pages (guidekit/pageweight.py) and the
browser tests."""

from __future__ import annotations

import functools
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass

    def send_error(self, code, message=None, explain=None):
        # As static hosts do (GitHub Pages, Netlify, nginx error_page): a missing address
        # gets the site's own 404.html, the one of the language folder it is under.
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        folder = self.path.lstrip("/").split("/", 1)[0].split("?", 1)[0]
        candidates = [root / folder / "404.html"] if folder and "." not in folder else []
        return next((page for page in [*candidates, root / "404.html"] if page.is_file()), None)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A tab closed while a file was on its way is no error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a folder at a free port for as long as the block runs; yields the base
    address without a trailing slash (http://127.0.0.1:PORT)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
