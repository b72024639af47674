"""Placeholder: within-document resolution (being written); falls back to exact names."""

from sitroom.resolve.exact import ExactResolveStep as ResolveStep

__all__ = ["ResolveStep"]
