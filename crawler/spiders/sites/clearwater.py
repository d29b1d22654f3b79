"""Clearwater Behavioral Health (fixture site): availability stated three ways.

One of them is in a dated news post; the most recent statement is the one that counts.
"""

from crawler.spiders.base.structured_data import StructuredDataSpider


class ClearwaterSpider(StructuredDataSpider):
    name = "clearwater"
    source = "clearwater"
    sitemap_urls = ("https://www.clearwaterbh.example/sitemap.xml",)
