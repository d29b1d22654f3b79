"""Harbor Light Recovery Services (fixture site): schema.org microdata only."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class HarborLightSpider(StructuredDataSpider):
    name = "harbor_light"
    source = "harbor_light"
    sitemap_urls = ("https://www.harborlightrecovery.example/sitemap.xml",)
