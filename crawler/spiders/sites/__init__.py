"""One spider per treatment program's website: declarations on the base classes, nothing more."""
