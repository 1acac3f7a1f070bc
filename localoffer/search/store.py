"""The index directory on disk, shared by every worker process on this machine.

    SEARCH_INDEX_DIR/
        current -> ix-...      symlink to the live Whoosh index, swapped atomically by rebuild
        ix-.../                one complete Whoosh index
        write.lock             one writer at a time, across processes (flock)

Readers follow `current`, so a rebuild (written into a fresh directory) appears to every
worker at once and nobody ever sees half an index. Writers (the outbox sync and the rebuild)
take `write.lock` first, so a sync never writes into an index that is being replaced.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index

from .documents import build_schema

LINK = "current"
LOCK = "write.lock"
PREFIX = "ix-"


class IndexBusy(Exception):
    """Another process held the index writer lock for longer than we could wait."""


class IndexStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    @property
    def link(self) -> Path:
        return self.root / LINK

    def current_name(self) -> str | None:
        try:
            return os.readlink(self.link)
        except OSError as error:
            if error.errno in (errno.ENOENT, errno.ENOTDIR):
                return None
            raise

    def path(self, name: str) -> Path:
        return self.root / name

    def open(self, name: str):
        return whoosh_index.open_dir(str(self.path(name)))

    @contextmanager
    def write_lock(self, timeout: float):
        """Hold the cross-process writer lock; IndexBusy if it is not free within timeout."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexBusy() from None
                    time.sleep(0.02)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def new_index(self):
        """A fresh empty index in its own directory, not yet live. Returns (name, index)."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"{PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
        os.mkdir(self.path(name))
        return name, whoosh_index.create_in(str(self.path(name)), build_schema())

    def make_live(self, name: str) -> None:
        """Point `current` at a complete index in one atomic rename, then tidy up."""
        previous = self.current_name()
        temporary = self.root / f".{LINK}.{os.getpid()}.{time.time_ns()}"
        os.symlink(name, temporary)
        os.replace(temporary, self.link)
        # Keep the one just replaced: a worker may be half way through a search on it.
        keep = {name, previous}
        for entry in self.root.iterdir():
            if entry.name.startswith(PREFIX) and entry.name not in keep and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

    def discard(self, name: str) -> None:
        shutil.rmtree(self.path(name), ignore_errors=True)

    def ensure(self, timeout: float) -> str:
        """The live index name, creating an empty index first if there is none yet."""
        name = self.current_name()
        if name is not None and self.path(name).is_dir():
            return name
        with self.write_lock(timeout):
            name = self.current_name()
            if name is None or not self.path(name).is_dir():
                name, _ix = self.new_index()
                self.make_live(name)
        return name
