"""PNJ Jewelry AI Designer: read settings, build the services, build the UI, launch."""

from __future__ import annotations

import logging
import os
import sys

from core.conversations import Conversations
from core.designers import build_designer
from core.designs import Designs
from core.desk import Desk
from core.files import FileStore
from core.scratch import Scratch
from core.settings import Settings, SettingsError
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
    files = FileStore(settings.files_dir)
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
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    logging.getLogger("alembic").setLevel(logging.WARNING)  # data.schema says what it migrates
    try:
        settings = Settings.from_env()
        studio = build_studio(settings)
    except (SettingsError, DatabaseStartError) as exc:
        sys.exit(f"error: {exc}")
    demo = build_app(studio)
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    demo.launch(**launch_options(settings))


if __name__ == "__main__":
    main()
