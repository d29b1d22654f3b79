"""Ohio Recovery Directory (fixture site): a paginated statewide directory, a page per program."""

from crawler.spiders.base.directory import PaginatedDirectorySpider


class OhioRecoveryDirectorySpider(PaginatedDirectorySpider):
    name = "ohio_recovery_directory"
    source = "ohio_recovery_directory"
    start_urls = ("https://www.ohiorecoverydirectory.example/programs/",)
