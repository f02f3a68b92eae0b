"""PNJ Jewelry AI Designer: read settings, build the studio, build the UI, launch."""

from __future__ import annotations

import logging
import os

from core.settings import Settings
from core.studio import Studio
from ui.app import build_app
from ui.theme import launch_options


def main() -> None:
    """Run the studio web app."""
    # The studio must start fast and quietly on machines without internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    settings = Settings.from_env()
    studio = Studio(settings)
    demo = build_app(studio)
    demo.queue(default_concurrency_limit=16).launch(**launch_options(settings))


if __name__ == "__main__":
    main()
