"""The wiring: the ``iop`` command and the demo, the one package that imports every stage.

The stages (``crawler``, ``indexer``, ``api``) and the core (``iop``) never import it: each
stage is a library with no command line of its own, and this package turns them into
commands (``cli/crawl.py``, ``cli/index.py``, ``cli/serve.py``, ``cli/demo.py``), with the
local services of a development machine (``iop es``, ``iop replica``).
"""
