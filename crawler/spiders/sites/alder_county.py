"""Alder County Outpatient Recovery Services (fixture site): a county-run program.

The program is a few pages of the county government's site; the county's sitemap lists every
department, so ``sitemap_rules`` keep the crawl to the program's own pages.
"""

from crawler.spiders.base.structured_data import StructuredDataSpider


class AlderCountySpider(StructuredDataSpider):
    name = "alder_county"
    source = "alder_county"
    sitemap_urls = ("https://www.aldercounty.example/sitemap.xml",)
    sitemap_rules = ((r"/health/behavioral-health/recovery/", "parse"),)
