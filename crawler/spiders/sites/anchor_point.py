"""Anchor Point Virtual IOP (fixture site): online only, licensed in four states."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class AnchorPointSpider(StructuredDataSpider):
    name = "anchor_point"
    source = "anchor_point"
    sitemap_urls = ("https://anchorpointvirtual.example/sitemap.xml",)
