"""sitroom: a sourced, queryable model of a conflict, built from news and analysis articles."""

__version__ = "0.1.0"
