"""Blue Heron Wellness (fixture site): a program that says mostly what it does not do."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class BlueHeronSpider(StructuredDataSpider):
    name = "blue_heron"
    source = "blue_heron"
    sitemap_urls = ("https://blueheronwellness.example/sitemap.xml",)
