"""PNJ Jewelry AI Designer: read settings, build the services, build the UI, launch."""

from __future__ import annotations

import logging
import os
import sys

from cli import users
from core.accounts import Accounts
from core.conversations import Conversations
from core.designers import build_designer
from core.designs import Designs
from core.desk import Desk
from core.limits import Clock, Quotas
from core.logs import configure_logging, plain_prints_off
from core.scratch import Scratch
from core.settings import Settings, SettingsError
from core.storage import open_store
from core.studio import Studio
from core.sweeper import Sweeper
from core.turns import TurnService
from data.db import Database
from data.models import utcnow
from data.schema import DatabaseStartError


def build_studio(settings: Settings, clock: Clock = utcnow) -> Studio:
    """Compose the services: settings → database, files, limits, designer → services."""
    settings.vn_sizes()  # a bad ring-size chart stops the start before anything is created
    db = open_database(settings)
    try:
        files = open_store(
            settings.storage_url,
            storage_dir=settings.storage_dir,
            cache_bytes=settings.storage_cache_mb * 1024 * 1024,
        )
    except ValueError as exc:  # a malformed STORAGE_URL
        raise SettingsError(str(exc)) from None
    quotas = Quotas(db, settings.limits, clock)
    designer, artist = build_designer(settings, quotas.spend_gemini_call)
    conversations = Conversations(db, files)
    designs = Designs(db, files, artist, conversations, quotas)
    return Studio(
        settings=settings,
        db=db,
        files=files,
        designer=designer,
        conversations=conversations,
        turns=TurnService(db, files, designer, artist, conversations, quotas),
        designs=designs,
        desk=Desk(db, designs, Scratch()),
        quotas=quotas,
        accounts=Accounts(db),
    )


def main(argv: list[str] | None = None) -> None:
    """Run the studio web app, or `users ...` to manage its accounts."""
    argv = sys.argv[1:] if argv is None else argv
    # The studio must start fast and quietly on machines without internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    try:
        settings = Settings.from_env()
        configure_logging(settings.log_format)
        if argv[:1] == ["users"]:
            sys.exit(users.run(argv[1:], open_database(settings)))
        studio = build_studio(settings)
    except (SettingsError, DatabaseStartError) as exc:
        sys.exit(f"error: {exc}")
    serve(studio)


def serve(studio: Studio) -> None:
    """Keep storage tidy, build the UI, and serve until stopped."""
    # Gradio loads here, not at the top: `python app.py users ...` starts without it.
    from ui.app import build_app
    from ui.theme import launch_options, queue_options, warn_if_exposed

    warn_if_exposed(studio.settings)
    Sweeper(studio.db, studio.files, studio.quotas).start()
    demo = build_app(studio)
    settings = studio.settings
    demo.queue(**queue_options(settings))
    with plain_prints_off(settings.log_format):
        demo.launch(prevent_thread_lock=True, **launch_options(studio))
    configure_logging(settings.log_format)  # again: the web server set up its own loggers
    logging.getLogger(__name__).info("serving on %s", demo.local_url)
    demo.block_thread()


def open_database(settings: Settings) -> Database:
    """The studio's database, its schema brought to this code's revision."""
    settings.storage_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    db.upgrade()
    return db


if __name__ == "__main__":
    main()
