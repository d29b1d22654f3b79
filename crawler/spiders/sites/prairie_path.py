"""Prairie Path Counseling (fixture site): prose only, no schema.org markup."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class PrairiePathSpider(StructuredDataSpider):
    name = "prairie_path"
    source = "prairie_path"
    sitemap_urls = ("https://prairiepathcounseling.example/sitemap.xml",)
