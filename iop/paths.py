"""Where the project's shipped data and its working files live (see :mod:`iop.settings`)."""

from __future__ import annotations

from iop.settings import PROJECT_ROOT, core_settings

DATA_DIR = core_settings().data_dir
VAR_DIR = core_settings().var_dir
SAMHSA_DIR = DATA_DIR / "samhsa"
VOCABULARY_DIR = DATA_DIR / "vocabulary"

__all__ = ["DATA_DIR", "PROJECT_ROOT", "SAMHSA_DIR", "VAR_DIR", "VOCABULARY_DIR"]
