"""Sunrise Ridge Behavioral Health (fixture site): WordPress, a page per clinic in /locations/."""

from crawler.spiders.base.locator import LocatorSpider


class SunriseRidgeSpider(LocatorSpider):
    name = "sunrise_ridge"
    source = "sunrise_ridge"
    sitemap_urls = ("https://sunriseridgebh.example/sitemap.xml",)
