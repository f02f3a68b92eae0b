"""PNJ Jewelry AI Designer: read settings, build the services, build the UI, launch."""

from __future__ import annotations

import logging
import os
import sys

from core.conversations import Conversations
from core.designers import build_designer
from core.designs import Designs
from core.desk import Desk
from core.logs import configure_logging
from core.scratch import Scratch
from core.settings import Settings, SettingsError
from core.storage import open_store
from core.studio import Studio
from core.turns import TurnService
from data.db import Database
from data.schema import DatabaseStartError
from ui.app import build_app
from ui.theme import launch_options


def build_studio(settings: Settings) -> Studio:
    """Compose the services: settings → database, files, designer → services."""
    settings.storage_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    db.upgrade()
    try:
        files = open_store(
            settings.storage_url,
            storage_dir=settings.storage_dir,
            cache_bytes=settings.storage_cache_mb * 1024 * 1024,
        )
    except ValueError as exc:  # a malformed STORAGE_URL
        raise SettingsError(str(exc)) from None
    designer, artist = build_designer(settings)
    conversations = Conversations(db, files)
    designs = Designs(db, files, artist, conversations)
    return Studio(
        settings=settings,
        db=db,
        files=files,
        designer=designer,
        conversations=conversations,
        turns=TurnService(db, files, designer, artist, conversations),
        designs=designs,
        desk=Desk(db, designs, Scratch()),
    )


def main() -> None:
    """Run the studio web app."""
    # The studio must start fast and quietly on machines without internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    try:
        settings = Settings.from_env()
        configure_logging(settings.log_format)
        studio = build_studio(settings)
    except (SettingsError, DatabaseStartError) as exc:
        sys.exit(f"error: {exc}")
    demo = build_app(studio)
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    demo.launch(prevent_thread_lock=True, **launch_options(studio))
    configure_logging(settings.log_format)  # again: the web server set up its own loggers
    logging.getLogger(__name__).info("serving on %s", demo.local_url)
    demo.block_thread()


if __name__ == "__main__":
    main()
