"""Content: the models, loading, validation and JSON Schemas."""

from werkplaats.content.errors import ContentError, Problem
from werkplaats.content.loader import ModuleContent, Project, load_project

__all__ = ["ContentError", "ModuleContent", "Problem", "Project", "load_project"]
