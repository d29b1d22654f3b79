"""Entity resolution and merging: many sources' listings → one facility per real site.

``keys`` normalises what listings are compared on, ``matching`` decides whether two listings
are the same site, ``clusters`` groups them, ``registry`` keeps facility ids stable across
crawls, and ``merge`` builds each facility field by field by source precedence.
"""
