"""Shared core of the IOP directory: the facility model, its vocabulary, geography and the CLI."""
