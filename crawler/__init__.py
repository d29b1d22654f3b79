"""Scrapy crawler: spiders gather facility listings, pipelines clean them, feeds are NDJSON."""
