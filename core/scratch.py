"""Short-lived output files (exports, packages) that the web server hands out, then forgets."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

KEEP_S = 15 * 60  # the web server copies a returned file at once; this is a generous margin


class Scratch:
    """Files written under one temp folder, each in its own sub-folder so it keeps its name."""

    def __init__(self, root: Path | None = None, keep_s: float = KEEP_S) -> None:
        self.root = (root or Path(tempfile.mkdtemp(prefix="pnj-scratch-"))).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.keep_s = keep_s

    def write(self, name: str, data: bytes) -> Path:
        """Write `data` as `name` in a fresh sub-folder; sweep old ones first."""
        self.sweep()
        folder = self.root / uuid.uuid4().hex
        folder.mkdir()
        path = folder / Path(name).name
        temp = folder / f".{path.name}.part"
        temp.write_bytes(data)
        os.replace(temp, path)
        return path

    def sweep(self, now: float | None = None) -> None:
        """Remove sub-folders older than keep_s."""
        limit = (time.time() if now is None else now) - self.keep_s
        for folder in self.root.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < limit:
                    shutil.rmtree(folder, ignore_errors=True)
            except FileNotFoundError:
                continue  # another request swept it meanwhile

    def close(self) -> None:
        """Remove every scratch file."""
        shutil.rmtree(self.root, ignore_errors=True)
