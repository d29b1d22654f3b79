"""Referral matching: a patient's needs in, ranked facilities and a printable sheet out.

Nothing here stores or logs what a patient needs: requests are answered and forgotten.
"""
