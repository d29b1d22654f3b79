"""Canyon Creek Recovery (fixture site): its sitemap is broken; the spider falls back to links."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class CanyonCreekSpider(StructuredDataSpider):
    name = "canyon_creek"
    source = "canyon_creek"
    sitemap_urls = ("https://www.canyoncreekrecovery.example/sitemap.xml",)
