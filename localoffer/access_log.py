"""gunicorn's access log without personal data: the path only (never the query string, which
holds what families searched for), with the secret part of private links masked. A follow
link, a review link, a password reset or an invitation in a log would let whoever reads the
log act as that person."""
from __future__ import annotations

import re

from gunicorn.glogging import Logger

_PRIVATE = re.compile(r"^(/wall/follow/|/listing-check/|/account/reset/|/account/invitation/)[^/]+")


def mask_path(path: str) -> str:
    return _PRIVATE.sub(r"\1…", path or "")


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        # Only the one-letter atoms: the {header}i and {variable}e ones can carry query strings,
        # referrers and tokens (a format asking for them gets "-").
        atoms = {k: v for k, v in super().atoms(resp, req, environ, request_time).items() if len(k) == 1}
        atoms["U"] = mask_path(atoms.get("U", ""))
        atoms["q"] = atoms["f"] = "-"  # the query string and the referrer
        atoms["r"] = f"{atoms.get('m', '-')} {atoms['U']} {atoms.get('H', '-')}"
        return atoms
