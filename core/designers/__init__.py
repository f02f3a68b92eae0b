"""The registry of designers: the settings pick one, nothing branches on names elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from core.designers.base import Designer
from core.limits import Budget
from core.settings import Settings
from core.tools import Artist

DesignerFactory = Callable[[Settings, Budget], tuple[Designer, Artist]]

# name -> "module:function"; imported lazily so the offline app never loads the Gemini SDK.
REGISTRY: dict[str, str] = {
    "offline": "core.designers:build_offline",
    "gemini": "core.designers.gemini:build",
}


def build_designer(settings: Settings, budget: Budget) -> tuple[Designer, Artist]:
    """The designer (and its artist) the settings ask for; paid calls spend the budget."""
    module_name, function_name = REGISTRY[settings.designer_name].split(":")
    factory: DesignerFactory = getattr(import_module(module_name), function_name)
    return factory(settings, budget)


def build_offline(settings: Settings, budget: Budget) -> tuple[Designer, Artist]:
    """The embedded offline designer, drawing with the parametric engine (it costs nothing)."""
    from core.artists import OfflineArtist
    from core.designers.offline import OfflineDesigner
    from core.drawing import DrawingPool

    return OfflineDesigner(), OfflineArtist(DrawingPool(settings.cpu_concurrency))
