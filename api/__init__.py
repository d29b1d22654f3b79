"""FastAPI service: facility search and referral matching over the ``facilities`` alias."""
