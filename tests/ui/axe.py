"""axe-core in the browser tests: the serious and critical violations of the studio's own markup.

A violation inside Gradio's own markup (or the viewer it embeds), which the studio cannot
change, is excluded narrowly: by rule and by a CSS selector the offending element must
match, each with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axe_playwright_python.sync_playwright import Axe

from tests.ui.conftest import settle

SERIOUS = {"serious", "critical"}


@dataclass(frozen=True)
class Exclusion:
    rule: str
    selector: str
    why: str


GRADIO_MARKUP = (
    Exclusion(
        "aria-prohibited-attr",
        ".empty.unpadded_box[aria-label]",
        "Gradio's empty-component placeholder puts aria-label on a plain div without a role.",
    ),
    Exclusion(
        "button-name",
        ".thought-group .title .arrow button.icon-button",
        "The arrow inside a tool-call note's title has an empty aria-label; the title itself "
        "(role=button, with the note's text) is the control a screen reader announces.",
    ),
    Exclusion(
        "tabindex",
        "#design-model canvas[data-engine]",
        "Babylon.js, the viewer inside Gradio's Model3D, gives its canvas tabindex=1.",
    ),
    Exclusion(
        "nested-interactive",
        ".thought-group > .title[role=button]",
        "Gradio nests that arrow button inside the note's clickable title.",
    ),
    Exclusion(
        "aria-prohibited-attr",
        "th .sort-indicator[aria-label]",
        "Gradio's Dataframe puts aria-label on the plain span that shows a column's sort order.",
    ),
)

_MATCHES = "([target, selector]) => !!document.querySelector(target)?.matches(selector)"


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe violations on the page, minus the excluded Gradio markup.

    The page is judged once no event is running: Gradio dims the outputs of a running event,
    which axe would read as low contrast.
    """
    settle(page)
    found = []
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        nodes = [n for n in violation["nodes"] if not _excluded(page, violation["id"], n)]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def _excluded(page: Any, rule: str, node: dict[str, Any]) -> bool:
    target = node["target"][-1] if node["target"] else ""
    if not isinstance(target, str):  # a target inside a shadow root or frame: never excused
        return False
    return any(
        e.rule == rule and page.evaluate(_MATCHES, [target, e.selector]) for e in GRADIO_MARKUP
    )


def report(violations: list[dict[str, Any]]) -> str:
    """One line per offending element, for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {n['target']} {n['html'][:160]} — "
        + "; ".join(c["message"] for c in n.get("any", []) + n.get("all", []))
        for v in violations
        for n in v["nodes"]
    )
