"""The words the studio's screens show: one table per language, with the same keys."""
