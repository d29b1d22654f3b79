"""Where the project's shipped data and its working files live."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("IOP_DATA_DIR", PROJECT_ROOT / "data"))
VAR_DIR = Path(os.environ.get("IOP_VAR_DIR", PROJECT_ROOT / "var"))
SAMHSA_DIR = DATA_DIR / "samhsa"
VOCABULARY_DIR = DATA_DIR / "vocabulary"
