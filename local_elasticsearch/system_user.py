"""Running the node as the unprivileged system user ``iop-es`` when we are root.

Elasticsearch refuses to run as root.  As root, ``run_as_prefix`` creates the user if
needed, hands it the node's writable directories, makes sure it can read and run the
distribution and the Java runtime, and returns the ``runuser``/``setpriv`` command prefix.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path

from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.layout import CONFIG_DIR, ES_HOME, ES_USER, WRITABLE_DIRS


def run_as_prefix(java_home: Path, writable: Sequence[Path] = WRITABLE_DIRS) -> list[str]:
    """Root only: ensure user ``iop-es`` exists and can run the node; return the prefix.

    ``writable``: the directories the node writes to, handed to the user (the development
    node's by default).
    """
    try:
        pw = pwd.getpwnam(ES_USER)
    except KeyError:
        pw = _create_user()
    uid, gid = pw.pw_uid, pw.pw_gid

    # Writable directories belong to the node user.
    for d in writable:
        _chown_tree(d, uid, gid)

    if shutil.which("runuser"):
        prefix = ["runuser", "-u", ES_USER, "--"]
    elif shutil.which("setpriv"):
        group = grp.getgrgid(gid).gr_name
        prefix = ["setpriv", f"--reuid={ES_USER}", f"--regid={group}", "--init-groups", "--"]
    else:
        raise NodeError(
            f"need `runuser` or `setpriv` to run Elasticsearch as {ES_USER!r} "
            "(it refuses to run as root); install util-linux or run as a normal user."
        )

    # Read-only things the node user must reach: the distribution and the Java runtime.
    java = java_home / "bin" / "java"
    for target in (ES_HOME / "bin" / "elasticsearch", java):
        if not _user_can_run(prefix, target):
            _open_up(target, java_home if target == java else ES_HOME)
            if not _user_can_run(prefix, target):
                raise NodeError(
                    f"user {ES_USER!r} cannot execute {target} even after making its "
                    "directories traversable; check permissions/mount options (noexec?) "
                    "on that path, or set ES_JAVA_HOME to a JDK it can use."
                )
    return prefix


def _create_user() -> pwd.struct_passwd:
    useradd = shutil.which("useradd")
    if not useradd:
        raise NodeError(
            f"Elasticsearch refuses to run as root and `useradd` is missing to create "
            f"the system user {ES_USER!r}; create it yourself or run as a normal user."
        )
    say(f"creating system user {ES_USER!r} (Elasticsearch refuses to run as root)")
    proc = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 and "already exists" not in proc.stderr:
        raise NodeError(f"useradd {ES_USER} failed: {proc.stderr.strip()}")
    return pwd.getpwnam(ES_USER)


def _chown_tree(root: Path, uid: int, gid: int) -> None:
    st = root.stat()
    if st.st_uid == uid and st.st_gid == gid:
        # Only our freshly written config files can be root-owned; fix those cheaply.
        for p in root.iterdir() if root == CONFIG_DIR else ():
            with contextlib.suppress(OSError):
                os.lchown(p, uid, gid)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        os.lchown(dirpath, uid, gid)
        for name in dirnames + filenames:
            os.lchown(os.path.join(dirpath, name), uid, gid)


def _user_can_run(prefix: list[str], target: Path) -> bool:
    proc = subprocess.run(
        [*prefix, "test", "-x", str(target), "-a", "-r", str(target)],
        capture_output=True,
        timeout=30,
    )
    return proc.returncode == 0


def _open_up(target: Path, tree: Path) -> None:
    """Make ``tree`` world-readable and every directory above it traversable."""
    changed = []
    for parent in reversed(tree.resolve().parents):
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            os.chmod(parent, mode | stat.S_IXOTH)
            changed.append(str(parent))
    for dirpath, _dirnames, filenames in os.walk(tree):
        for p in [dirpath, *(os.path.join(dirpath, f) for f in filenames)]:
            mode = os.lstat(p).st_mode
            if stat.S_ISLNK(mode):
                continue
            want = mode | stat.S_IROTH | (stat.S_IXOTH if mode & stat.S_IXUSR else 0)
            if want != mode:
                os.chmod(p, want)
                changed.append(p)
    if changed:
        shown = ", ".join(changed[:5]) + (
            f" and {len(changed) - 5} more" if len(changed) > 5 else ""
        )
        say(f"{target} was not usable by {ES_USER!r}; made it readable/traversable (o+rX): {shown}")
