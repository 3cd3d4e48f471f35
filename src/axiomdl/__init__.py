"""axiomdl: named assumptions of deep learning in Lean 4, and their dependency graph."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
