"""New Dawn Recovery Center (fixture site): a non-profit with a sliding fee."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class NewDawnSpider(StructuredDataSpider):
    name = "new_dawn"
    source = "new_dawn"
    sitemap_urls = ("https://www.newdawnvt.example/sitemap.xml",)
