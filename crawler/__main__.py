"""``python -m crawler SPIDER FEED [NAME=VALUE ...]``: one crawl in a process of its own.

Scrapy's reactor runs once per process, so :func:`crawler.all_sources.crawl_all` runs each
source this way. Exits 1 when the crawl failed, saying why.
"""

import sys
from pathlib import Path

from crawler.run import crawl, failure, summary_lines

spider, out, *pairs = sys.argv[1:]
arguments = dict(pair.split("=", 1) for pair in pairs)
record = crawl(spider, Path(out), arguments, progress=True)
print("\n".join(summary_lines(Path(out), record)))
why = failure(Path(out), record)
if why is not None:
    print(f"{spider}: {why}", file=sys.stderr)
sys.exit(1 if why else 0)
