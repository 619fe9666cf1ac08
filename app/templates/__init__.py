"""Letter templates: the catalogue (what exists, which fields it needs) and the renderer.

Pure: no FastAPI routes, no SQL. The HTTP layer calls ``list_templates``, ``get_template`` and ``render``.
"""

from app.templates.catalogue import FieldSpec, TemplateInfo, get_template, list_templates
from app.templates.exceptions import InvalidFields, MissingFields, UnknownTemplate, UnsupportedLocale
from app.templates.renderer import Rendered, language_fallback, render

__all__ = [
    "FieldSpec",
    "InvalidFields",
    "MissingFields",
    "Rendered",
    "TemplateInfo",
    "UnknownTemplate",
    "UnsupportedLocale",
    "get_template",
    "language_fallback",
    "list_templates",
    "render",
]
