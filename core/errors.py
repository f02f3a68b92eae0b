"""Errors the studio raises for the person who made the request."""


class StudioError(ValueError):
    """A request the studio refuses; the message is meant for the person who made it."""
