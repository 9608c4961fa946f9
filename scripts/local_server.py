"""A built site served on 127.0.0.1 (a free port) from a background thread, for the tools that
open it in Chromium (screenshots, the PDF, the benchmark) and for the tests.

    with serve(site) as base: ...        # base is "http://127.0.0.1:PORT"

A handler class may change how files are answered (compressed, under a sub-path, with an
extra header); `path` is appended to the address yielded.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The standard file handler, without a log line for every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """No traceback when a browser drops a connection it no longer needs (a page left while a
    file was still being sent): that is routine here, not an error. Anything else is printed."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler, path: str = ""):
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
