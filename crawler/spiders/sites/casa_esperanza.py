"""Casa Esperanza (fixture site): a Spanish-language program site."""

from crawler.spiders.base.structured_data import StructuredDataSpider


class CasaEsperanzaSpider(StructuredDataSpider):
    name = "casa_esperanza"
    source = "casa_esperanza"
    sitemap_urls = ("https://casaesperanzaep.example/sitemap.xml",)
