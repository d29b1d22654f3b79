"""Mesa Verde Recovery Center (fixture site): schema.org JSON-LD on every page."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class MesaVerdeSpider(StructuredDataSpider):
    name = "mesa_verde"
    source = "mesa_verde"
    sitemap_urls = ("https://www.mesaverderecovery.example/sitemap.xml",)
