"""Base classes for spiders: a source's spider declares what differs, these do the rest."""
