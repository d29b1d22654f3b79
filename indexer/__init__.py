"""Loads NDJSON facility feeds into Elasticsearch behind the ``facilities`` alias."""
