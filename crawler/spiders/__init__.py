"""One spider per source; shared behaviour lives in base classes and pipelines."""
