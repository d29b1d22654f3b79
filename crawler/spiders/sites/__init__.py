"""Spiders for the rare site that needs code; every other site is a row of data/sites.csv."""
