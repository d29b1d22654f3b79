"""Availability boards: a small spider each, on ``crawler.spiders.base.availability_board``."""
