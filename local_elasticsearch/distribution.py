"""The Elasticsearch distribution: fetched once through Maven, checked, unpacked into ES_HOME.

The artifact is Elasticsearch's *integ-test-zip*.  Maven Central publishes no checksums for
it, so the pinned ``ES_SHA512`` is what vouches for the download.  ``IOP_ES_ZIP`` may point
at a local copy of the zip instead of downloading it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.layout import (
    DIST_DIR,
    DOWNLOAD_DIR,
    ES_ARTIFACT,
    ES_HOME,
    ES_SHA512,
    ES_VERSION,
    ES_ZIP_NAME,
    LOG_TAIL_LINES,
    MAVEN_DEPENDENCY_PLUGIN,
    UNPACKED_MARKER,
    ZIP_PATH,
)


def ensure_distribution() -> None:
    """Make ES_HOME hold the verified distribution, downloading and unpacking as needed."""
    marker = ES_HOME / UNPACKED_MARKER
    if marker.exists() and marker.read_text().strip() == ES_SHA512:
        return
    if not ZIP_PATH.exists():
        _download()
    say(f"verifying {ZIP_PATH.name} (SHA-512)")
    actual = _sha512(ZIP_PATH)
    if actual != ES_SHA512:
        bad = ZIP_PATH.with_suffix(".zip.bad")
        ZIP_PATH.replace(bad)
        raise NodeError(
            f"{ZIP_PATH.name} does not match the pinned SHA-512 (got {actual[:16]}..., "
            f"expected {ES_SHA512[:16]}...). Moved it to {bad}. If Maven's local repository "
            "holds a corrupt copy, delete ~/.m2/repository/org/elasticsearch/distribution/"
            f"integ-test-zip/elasticsearch/{ES_VERSION} and run start again."
        )
    _unpack()


def _sha512(path: Path) -> str:
    h = hashlib.sha512()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _download() -> None:
    """Put the zip at ZIP_PATH: a copy of ``IOP_ES_ZIP``, else ``mvn dependency:copy``."""
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    local = os.environ.get("IOP_ES_ZIP")
    if local:
        say(f"copying {local} (IOP_ES_ZIP)")
        shutil.copyfile(local, ZIP_PATH)
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise NodeError(
            "Maven (`mvn`) is needed once to download Elasticsearch "
            f"{ES_VERSION} ({ES_ARTIFACT}). Install Maven, or download {ES_ZIP_NAME} yourself "
            "and point IOP_ES_ZIP at it, or set ELASTICSEARCH_URL to an existing cluster."
        )
    staging = DOWNLOAD_DIR / ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    # No -C/--strict-checksums: Maven Central has no .sha1/.md5 for this artifact, so
    # strict mode always fails ("no checksums available").  The pinned SHA-512 is
    # checked right after the download instead.
    cmd = [
        mvn, "-B", "-q",
        f"{MAVEN_DEPENDENCY_PLUGIN}:copy",
        f"-Dartifact={ES_ARTIFACT}",
        f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    say(f"downloading Elasticsearch {ES_VERSION} with Maven (~100 MB, once)")
    proc = subprocess.run(
        cmd, cwd=str(DOWNLOAD_DIR), stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    got = staging / ES_ZIP_NAME
    if proc.returncode != 0 or not got.exists():
        out = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-LOG_TAIL_LINES:])
        shutil.rmtree(staging, ignore_errors=True)
        raise NodeError(
            f"Maven could not download {ES_ARTIFACT} (exit {proc.returncode}). It needs "
            "access to Maven Central (or a mirror in ~/.m2/settings.xml). Alternatively set "
            f"IOP_ES_ZIP to a local {ES_ZIP_NAME} or ELASTICSEARCH_URL to a cluster.\n{out}"
        )
    got.replace(ZIP_PATH)
    shutil.rmtree(staging, ignore_errors=True)


def _unpack() -> None:
    """Unpack ZIP_PATH into ES_HOME (via a staging directory), readable by the node user."""
    say(f"unpacking {ZIP_PATH.name} into {DIST_DIR}")
    DIST_DIR.mkdir(parents=True, exist_ok=True)
    staging = DIST_DIR / ".unpacking"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    with zipfile.ZipFile(ZIP_PATH) as zf:
        for info in zf.infolist():
            target = zf.extract(info, staging)  # zipfile strips "..", absolute paths
            mode = (info.external_attr >> 16) & 0o777
            if info.is_dir():
                mode = 0o755
            elif not mode:
                mode = 0o644
            # Readable (and, where executable, runnable) by the unprivileged node user.
            mode |= 0o444
            if mode & 0o100:
                mode |= 0o111
            os.chmod(target, mode & 0o755)
    unpacked = staging / f"elasticsearch-{ES_VERSION}"
    if not (unpacked / "bin" / "elasticsearch").exists():
        shutil.rmtree(staging, ignore_errors=True)
        raise NodeError(f"{ZIP_PATH} does not contain elasticsearch-{ES_VERSION}/bin")
    (unpacked / UNPACKED_MARKER).write_text(ES_SHA512 + "\n")
    if ES_HOME.exists():
        shutil.rmtree(ES_HOME)
    unpacked.replace(ES_HOME)
    shutil.rmtree(staging, ignore_errors=True)
