"""The parametric design engine: properties in, drawings, models and a spec out.

The rest of the app sees only `render_design` and `Rendering`; everything
behind them (geometry, meshes, rasteriser, sheet layout) may change freely.
"""

from core.engine.api import Rendering, render_design

__all__ = ["Rendering", "render_design"]
