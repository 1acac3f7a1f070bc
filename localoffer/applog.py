"""Application log lines that say when (UTC), which request, and what, and that nothing typed
can forge: a line break in a message is written as \\n (ASVS 16.2.1, 16.2.2, 16.4.1). What goes
into the log at all is kept free of personal data where it is written (SECURITY.md section 9)."""
from __future__ import annotations

import logging
import secrets
import sys
import time

from flask import Flask, has_request_context, request

FORMAT = "%(asctime)sZ %(levelname)s [%(request_id)s] %(name)s: %(message)s"


def request_id() -> str:
    """A random id for this request, the same in every line it logs."""
    if not has_request_context():
        return "-"
    return request.environ.setdefault("localoffer.request_id", secrets.token_hex(6))


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


class OneLineUtcFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self):
        super().__init__(FORMAT, datefmt="%Y-%m-%dT%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")


def init_app(app: Flask) -> None:
    """One stderr handler on the `localoffer` logger (the app's and every module's), added once
    however many apps a process makes."""
    logger = logging.getLogger("localoffer")
    if not any(isinstance(h.formatter, OneLineUtcFormatter) for h in logger.handlers):
        from flask.logging import default_handler

        logger.removeHandler(default_handler)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(OneLineUtcFormatter())
        handler.addFilter(RequestIdFilter())
        logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
