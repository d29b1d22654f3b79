"""Search and ranking, independent of HTTP: a request in, an Elasticsearch query and results out."""
