"""Placeholder: gazetteer-backed mentions (being written); falls back to the model's entities."""

from sitroom.extract.mentions import ModelMentionStep as GazetteerMentionStep

__all__ = ["GazetteerMentionStep"]
