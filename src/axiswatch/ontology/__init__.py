"""Event ontologies: CAMEO codes and PLOVER types, with the mappings between them."""

from __future__ import annotations

from axiswatch.ontology.cameo import (
    CameoCode,
    cameo_code,
    cameo_codes,
    cameo_to_plover,
    goldstein,
    is_cameo_code,
    quad_class,
)
from axiswatch.ontology.plover import (
    LEGACY_LABELS,
    OTHER,
    PLOVER_TYPES,
    PloverMode,
    PloverType,
    default_cameo,
    is_plover_type,
    normalise_plover_label,
    plover_mode,
    plover_modes,
    plover_score,
    plover_type,
)

__all__ = [
    "LEGACY_LABELS",
    "OTHER",
    "PLOVER_TYPES",
    "CameoCode",
    "PloverMode",
    "PloverType",
    "cameo_code",
    "cameo_codes",
    "cameo_to_plover",
    "default_cameo",
    "goldstein",
    "is_cameo_code",
    "is_plover_type",
    "normalise_plover_label",
    "plover_mode",
    "plover_modes",
    "plover_score",
    "plover_type",
    "quad_class",
]
