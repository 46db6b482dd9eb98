"""Where Neo4j is and how to log in: options, then NEO4J_* variables, then the local server.

A user with their own Neo4j (Aura, a cluster behind a `neo4j://` routing URI, a desktop
install) sets NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD or passes --uri/--user/--password.
With nothing set we reach the server of `hdkg neo4j start` (its `.neo4j/server.json`, or
bolt://127.0.0.1:7687). Passwords are never printed: every message shows `masked()` URIs and
any text that came back from the server is scrubbed of the password before it is shown.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

from hdkg.schema.errors import UserError

DEFAULT_URI = "bolt://127.0.0.1:7687"
# The driver's HTTP schemes are a preview needing extra packages; Bolt is what we speak.
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_USER = "neo4j"
# How long a write is retried on transient errors (a deadlock between two loads, a leader
# switch). The driver backs off exponentially and overshoots the limit by its last wait:
# 30 s (its default) meant a minute of silence before saying a dead server is gone.
RETRY_S = 15.0
LOCAL_DATA = Path(os.environ.get("HDKG_NEO4J_DATA", ".neo4j"))


@dataclass(frozen=True)
class Settings:
    """Resolved connection settings; `repr` and `str` never show the password."""

    uri: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    def auth(self) -> tuple[str, str] | None:
        if self.password is None:
            return None
        return (self.user or DEFAULT_USER, self.password)

    def masked(self) -> str:
        return mask_uri(self.uri)

    def __str__(self) -> str:
        who = f" as {self.user or DEFAULT_USER}" if self.password is not None else ""
        return f"{self.masked()}{who}"


def mask_uri(uri: str) -> str:
    """The URI with any password in it replaced by ***."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparsable URI>"
    if parts.password is None and "@" not in parts.netloc:
        return uri
    host = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query,
                       parts.fragment))


def local_uri(data: Path = LOCAL_DATA) -> str:
    """The Bolt URI of the local server of DATA, or the default port when it has no record."""
    try:
        return json.loads((data / "server.json").read_text(encoding="utf-8"))["bolt_uri"]
    except (OSError, ValueError, KeyError):
        return DEFAULT_URI


def resolve(uri: str | None = None, user: str | None = None,
            password: str | None = None) -> Settings:
    """Options first, then NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, then the local server.

    Credentials written into the URI (bolt://user:pw@host) are moved out of it, because the
    driver takes them separately and a URI is what ends up in messages.
    """
    uri = uri or os.environ.get("NEO4J_URI") or local_uri()
    user = user or os.environ.get("NEO4J_USER")
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    try:
        parts = urlsplit(uri)
    except ValueError as e:
        raise UserError(f"bad Neo4j URI {mask_uri(uri)!r}") from e
    if "@" in parts.netloc:
        host = parts.netloc.rsplit("@", 1)[-1]
        user = user or (unquote(parts.username) if parts.username else None)
        if password is None and parts.password is not None:
            password = unquote(parts.password)
        uri = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    if user and password is None:
        raise UserError(f"NEO4J_USER/--user is {user!r} but no password was given "
                        "(NEO4J_PASSWORD or --password)")
    return Settings(uri=uri, user=user, password=password)


_USERINFO = re.compile(r"(://[^/\s:@'\"]*):[^/\s@'\"]*@")


def _scrub(text: str, settings: Settings) -> str:
    """Driver messages may quote the URI or the auth: drop any password from them."""
    text = _USERINFO.sub(r"\1:***@", text)
    if settings.password:
        text = text.replace(settings.password, "***")
    return text.splitlines()[0][:300] if text else text


def _quiet_driver_log() -> None:
    """Keep the driver's own log lines ("Unable to retrieve routing information", server
    notifications) off stderr unless the program configured logging: our one-line error
    says what went wrong, and a second line from the driver would only repeat it."""
    log = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


def connect(settings: Settings | None = None) -> Driver:
    """A driver that has reached the server, or a UserError saying in one line why not."""
    settings = settings or resolve()
    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in SCHEMES:
        raise UserError(f"bad Neo4j URI {settings.masked()!r}: use bolt://HOST:PORT or "
                        "neo4j://HOST:PORT (the Bolt port, 7687 by default, not the "
                        "Browser's HTTP port)")
    _quiet_driver_log()
    try:
        driver = GraphDatabase.driver(settings.uri, auth=settings.auth(),
                                      connection_timeout=10.0, max_transaction_retry_time=RETRY_S)
    except (ConfigurationError, ValueError) as e:
        raise UserError(f"bad Neo4j URI {settings.masked()!r}: "
                        f"{_scrub(str(e), settings)}") from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise UserError(f"Neo4j at {settings.masked()} refused the credentials of user "
                        f"{settings.user or DEFAULT_USER!r} (check NEO4J_USER/NEO4J_PASSWORD)"
                        ) from None
    except (DriverError, Neo4jError, OSError) as e:
        driver.close()
        hint = ("start the local one with `hdkg neo4j start`, or set NEO4J_URI"
                if settings.uri == local_uri() else "check NEO4J_URI")
        raise UserError(f"cannot reach Neo4j at {settings.masked()} "
                        f"({type(e).__name__}): {hint}") from None
    return driver
