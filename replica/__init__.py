"""Loopback replicas of the public services the project reads, for the demo and the tests.

:mod:`replica.findtreatment` serves SAMHSA's FindTreatment locator API filled with the 2024
national directory (see ``replica/README.md``).
"""
