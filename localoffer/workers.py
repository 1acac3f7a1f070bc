"""Spreading CPU-bound batch work (index rebuilds, synthetic data) over the machine's cores.

Python runs one thread at a time, so the only way to use a second core is a second process.
Children are forked from the caller, so they share its app, configuration and app context;
each first drops the database connections it inherited (without closing them: they belong
to the parent) and opens its own.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _forget_inherited_connections() -> None:
    from flask import has_app_context

    if has_app_context():
        from .extensions import db

        db.engine.dispose(close=False)


def fork_map(func: Callable[[T], R], chunks: Sequence[T], processes: int) -> list[R]:
    """[func(chunk) for chunk in chunks], run in up to `processes` forked children (in this
    process when there is one chunk or one process). `func` must be a module-level function;
    an exception in a child is raised here."""
    processes = min(processes, len(chunks))
    if processes <= 1:
        return [func(chunk) for chunk in chunks]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_forget_inherited_connections) as pool:
        return pool.map(func, chunks, chunksize=1)


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`items` in `parts` contiguous slices of nearly equal length (none empty)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for n in range(parts):
        end = start + size + (1 if n < extra else 0)
        out.append(items[start:end])
        start = end
    return out
