"""The prose reader: what a treatment program's own pages say, as facility facts.

Pure functions, no Scrapy. :func:`read_html` turns one HTML page into a :class:`PageReading`
(its facts plus dated availability statements); :func:`read_text` does the same for plain text;
:func:`merge_readings` combines the pages of one site (or one location) into one set of facts.

Precision comes first: a fact is set only when a sentence states it; a denial ("we do not offer
detox") sets ``False``; questions, first-person testimonials, navigation and forms are not read;
pages that contradict each other leave the fact unknown.
"""

from crawler.prose.availability import AvailabilityStatement
from crawler.prose.merge import merge_readings
from crawler.prose.page import read_html
from crawler.prose.reader import PageReading, read_text

__all__ = ["AvailabilityStatement", "PageReading", "merge_readings", "read_html", "read_text"]
