"""A real IOP program's website (Rio Rancho, NM): schema.org JSON-LD and prose, Netlify-hosted.

Its sitemap lists clean URLs (``/mat``) that the host redirects to ``.html`` pages.
"""

from crawler.spiders.base.structured_data import StructuredDataSpider


class DmhiopSpider(StructuredDataSpider):
    name = "dmhiop"
    source = "dmhiop"
    sitemap_urls = ("https://dmhiop.com/sitemap.xml",)
