"""A local Neo4j Community server in its own JVM, for developers and CI, without Docker.

The server is the Java launcher in `graph/neo4j/launcher/` (Neo4j 5.26 LTS, the last line
that runs on Java 17, with APOC core 5.26 as a plugin: `RETURN apoc.version()`), built by
Maven on first use from Maven Central, so a fresh machine needs only `java` and `mvn`. The
build (the launcher's jar, Neo4j's and APOC's jars) goes to the user's cache, never into the
installed package: HDKG_NEO4J_BUILD, else `~/.cache/hdkg/neo4j-launcher-<hash of the
sources>` ($XDG_CACHE_HOME when set), so that two versions of the sources do not share one
build. It runs detached in its own process group so it outlives the command that started
it; `DATA/server.json` is how later commands find it again. Its store, config and Neo4j
logs live in DATA (data/, conf/, logs/), so a restart keeps the loaded graph.

Knobs (environment): HDKG_NEO4J_HEAP (JVM -Xmx, default 2g), HDKG_NEO4J_PAGECACHE (default
1g), HDKG_NEO4J_JAVA_OPTS (more JVM options, after ours so they win),
HDKG_NEO4J_START_TIMEOUT (seconds to wait for Bolt, default 180).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from hdkg.schema.errors import UserError

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LAUNCHER = HERE / "launcher"  # the launcher's sources, shipped with the package
POM = LAUNCHER / "pom.xml"
STYLE = HERE / "style.grass"  # Neo4j Browser's style for the graph (README)
BROWSER_CHECK = HERE / "browser"  # the npm check of Neo4j Browser (the repository's, not shipped)


def _sources() -> list[Path]:
    return [POM, *sorted(LAUNCHER.glob("src/**/*.java"))]


def _build_dir() -> Path:
    """Where Maven builds: HDKG_NEO4J_BUILD, else the user's cache, keyed on the sources."""
    if os.environ.get("HDKG_NEO4J_BUILD"):
        return Path(os.environ["HDKG_NEO4J_BUILD"]).resolve()
    digest = hashlib.sha256()
    for p in _sources():
        digest.update(p.relative_to(LAUNCHER).as_posix().encode() + b"\0" + p.read_bytes())
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "hdkg" / f"neo4j-launcher-{digest.hexdigest()[:12]}"


TARGET = _build_dir()
LAUNCHER_JAR = TARGET / "hdkg-neo4j-0.1.0.jar"
LIB = TARGET / "lib"
PLUGINS = TARGET / "plugins"  # APOC core and its two libraries (pom.xml), Neo4j's plugin folder
BUILT = TARGET / "build.ok"  # written last: an interrupted build leaves no half-filled lib/
MAIN_CLASS = "org.hdkg.Neo4jLauncher"

STATE_FILE = "server.json"
LOG_FILE = "neo4j.log"
START_TIMEOUT_S = float(os.environ.get("HDKG_NEO4J_START_TIMEOUT", "180"))
STOP_TIMEOUT_S = 60.0

# The JVM options Neo4j's own start script uses on Java 17 that matter here.
JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


# ---------------------------------------------------------------- build

def _sources_newer_than_jar() -> bool:
    if not LAUNCHER_JAR.exists() or not BUILT.exists() or not any(PLUGINS.glob("apoc-*.jar")):
        return True
    if not os.environ.get("HDKG_NEO4J_BUILD"):
        return False  # the cache folder is named after the sources' content
    built = LAUNCHER_JAR.stat().st_mtime
    return any(p.stat().st_mtime > built for p in _sources())


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise UserError("java not found: Neo4j 5.26 needs Java 17 or later on PATH "
                        "(Debian: apt-get install openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if m:
        major = int(m.group(1)) if m.group(1) != "1" else int(m.group(2) or 0)
        if major < 17:
            raise UserError(f"java {major} found at {java}: Neo4j 5.26 needs Java 17 or later")
    return java


def build_launcher(log: Path | None = None, force: bool = False) -> None:
    """Build the launcher and fetch Neo4j's jars with Maven, once; later calls do nothing.

    Maven's output goes to `log` (the build log) because a fresh ~/.m2 prints hundreds of
    download lines; the log shows one line of progress instead.
    """
    if not force and not _sources_newer_than_jar():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise UserError("mvn not found: building the Neo4j launcher needs Maven 3 "
                        "(Debian: apt-get install maven)")
    _java()
    log = log or TARGET / "build.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    TARGET.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-B", "-ntp", "-Dstyle.color=never", f"-Dhdkg.build.directory={TARGET}",
           "-f", str(POM), "package", "dependency:copy-dependencies"]
    logger.info("building the Neo4j launcher with Maven (first run fetches ~140 MB of "
                  f"jars from Maven Central; log: {log})")
    started = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, cwd=TARGET)
        assert proc.stdout is not None
        shown = 0.0
        for line in proc.stdout:
            out.write(line)
            now = time.monotonic()
            if line.startswith("[INFO] ---") or now - shown > 15:
                shown = now
                step = line.removeprefix("[INFO] ").strip()[:100]
                logger.info(f"  maven ({now - started:.0f}s): {step}")
        code = proc.wait()
    if code != 0:
        raise UserError(f"Maven build of the Neo4j launcher failed (exit {code}); see {log}")
    BUILT.write_text(time.strftime("%Y-%m-%dT%H:%M:%S\n"), encoding="utf-8")
    logger.info(f"built the Neo4j launcher in {time.monotonic() - started:.0f}s")


def classpath() -> str:
    """The launcher, Neo4j, and the plugins: Neo4j's own start script puts plugins/* on the
    class path too, which is how APOC's extension (ApocConfig, found by ServiceLoader) gets
    registered before its procedures are loaded from the plugin folder."""
    return os.pathsep.join([str(LAUNCHER_JAR), str(LIB / "*"), str(PLUGINS / "*")])


# ---------------------------------------------------------------- process bookkeeping

def _alive(pid: int) -> bool:
    """True while `pid` runs; reaps it first when it is our own exited child (a zombie)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    except (OSError, IndexError):
        pass
    return True


def _is_launcher(pid: int) -> bool:
    """Guard against a recycled pid: only signal a process that is our launcher."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return _alive(pid)  # no /proc (macOS): trust the pid file
    return MAIN_CLASS.encode() in cmdline


def _read_state(data: Path) -> dict | None:
    try:
        return json.loads((data / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _running_state(data: Path) -> dict | None:
    state = _read_state(data)
    if state and _alive(int(state["pid"])) and _is_launcher(int(state["pid"])):
        return state
    return None


def _info(state: dict) -> dict:
    return {k: state[k] for k in ("pid", "bolt_uri", "http_url", "data")}


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As the server binds: a port whose old connections linger in TIME_WAIT is free.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _log_tail(log: Path, lines: int = 3) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    interesting = [t for t in text if "ERROR" in t or "Exception" in t or "Caused by" in t]
    return " | ".join((interesting or text)[-lines:])[:400]


def _bolt_answers(uri: str) -> bool:
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        with GraphDatabase.driver(uri, auth=None, connection_timeout=2.0) as driver:
            driver.verify_connectivity()
        return True
    except (DriverError, Neo4jError, OSError):
        return False


# ---------------------------------------------------------------- commands

def start(data: Path, bolt_port: int = 7687, http_port: int = 7474,
          password: str | None = None) -> dict:
    """Start the server on DATA unless it already runs; return where to reach it.

    With `password`, auth is on and the initial password of user `neo4j` is set (Neo4j
    only takes it before the first start of a store; it is on the neo4j-admin command line
    for that one second, so use it for tests, not secrets); without, auth is off, which
    suits a loopback-only developer server.
    """
    data = Path(data).resolve()
    running = _running_state(data)
    if running:
        logger.info(f"Neo4j already running (pid {running['pid']}, {running['bolt_uri']})")
        return _info(running)
    for port in (bolt_port, http_port):
        if not _port_free(port):
            raise UserError(f"port {port} on 127.0.0.1 is in use (another Neo4j?); choose "
                            "others with --bolt-port/--http-port")
    java = _java()
    data.mkdir(parents=True, exist_ok=True)
    build_launcher(log=data / "build.log")
    log = data / LOG_FILE
    heap = os.environ.get("HDKG_NEO4J_HEAP", "2g")
    pagecache = os.environ.get("HDKG_NEO4J_PAGECACHE", "1g")
    props = [f"-Xmx{heap}", f"-Dhdkg.pagecache={pagecache}", f"-Dhdkg.plugins={PLUGINS}"]
    props += os.environ.get("HDKG_NEO4J_JAVA_OPTS", "").split()
    if password is not None:
        props.append("-Dhdkg.auth=true")
        if not (data / "data" / "databases" / "system").exists():  # only a new store takes it
            _admin(java, data, ["dbms", "set-initial-password", password], log)
    cmd = [java, *JVM_OPTIONS, *props, "-cp", classpath(), MAIN_CLASS, "server", str(data),
           str(bolt_port), str(http_port)]
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, cwd=data)
    state = {"pid": proc.pid, "bolt_port": bolt_port, "http_port": http_port,
             "bolt_uri": f"bolt://127.0.0.1:{bolt_port}",
             "http_url": f"http://127.0.0.1:{http_port}/browser/", "data": str(data),
             "auth": password is not None}
    # Written at once, so that `stop` finds a server whose start was interrupted (Ctrl-C).
    (data / STATE_FILE).write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
    logger.info(f"starting Neo4j (pid {proc.pid}, log {log})")
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if proc.poll() is not None:
            (data / STATE_FILE).unlink(missing_ok=True)
            raise UserError(f"Neo4j exited during start (code {proc.returncode}): "
                            f"{_log_tail(log)}; see {log}")
        if _bolt_answers(state["bolt_uri"]) if password is None else _bolt_port_open(bolt_port):
            break
        if time.monotonic() > deadline:
            _terminate(proc.pid)
            (data / STATE_FILE).unlink(missing_ok=True)
            raise UserError(f"Neo4j did not answer on {state['bolt_uri']} within "
                            f"{START_TIMEOUT_S:.0f}s; see {log}")
        time.sleep(0.5)
    logger.info(f"Neo4j ready: {state['bolt_uri']}, Browser {state['http_url']}")
    return _info(state)


def _bolt_port_open(port: int) -> bool:
    """With auth on, verify_connectivity needs credentials; a Bolt handshake is enough."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "x"),
                                  connection_timeout=2.0) as driver:
            driver.verify_connectivity()
        return True
    except AuthError:
        return True
    except (DriverError, Neo4jError, OSError):
        return False


def _admin(java: str, data: Path, args: list[str], log: Path) -> None:
    """Run neo4j-admin (through the launcher) on DATA's store; the server must be stopped."""
    cmd = [java, *JVM_OPTIONS, "-cp", classpath(), MAIN_CLASS, "admin", str(data), *args]
    with open(log, "ab") as out:
        code = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, cwd=data).returncode
    if code != 0:
        raise UserError(f"neo4j-admin {args[0]} {args[1] if len(args) > 1 else ''} failed "
                        f"(exit {code}); see {log}")


def _terminate(pid: int, timeout: float = STOP_TIMEOUT_S) -> bool:
    """SIGTERM the server's process group, wait, then SIGKILL; True when it stopped cleanly."""
    def signal_group(sig: int) -> None:
        try:
            os.killpg(os.getpgid(pid), sig)
        except (ProcessLookupError, PermissionError):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    signal_group(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    signal_group(signal.SIGKILL)
    for _ in range(50):
        if not _alive(pid):
            break
        time.sleep(0.1)
    return False


def stop(data: Path) -> None:
    """Stop the server of DATA (SIGTERM lets Neo4j checkpoint its store; SIGKILL after 60s)."""
    data = Path(data).resolve()
    state = _read_state(data)
    running = _running_state(data)
    if running is None:
        (data / STATE_FILE).unlink(missing_ok=True)
        why = " (removed a stale server.json)" if state else ""
        logger.info(f"Neo4j is not running for {data}{why}")
        return
    pid = int(running["pid"])
    logger.info(f"stopping Neo4j (pid {pid})")
    clean = _terminate(pid)
    (data / STATE_FILE).unlink(missing_ok=True)
    if clean:
        logger.info("Neo4j stopped")
    else:
        logger.info(f"Neo4j did not stop within {STOP_TIMEOUT_S:.0f}s and was killed; "
                      f"see {data / LOG_FILE}")


def status(data: Path) -> dict:
    """Whether the server of DATA runs, and where."""
    data = Path(data).resolve()
    state = _running_state(data)
    if state is None:
        return {"running": False, "data": str(data)}
    return {"running": True, **_info(state), "bolt_port": state["bolt_port"],
            "http_port": state["http_port"]}


def admin_import(data: Path, args: list[str]) -> None:
    """Run `neo4j-admin database import full ARGS` on DATA's store (server stopped)."""
    data = Path(data).resolve()
    if _running_state(data):
        raise UserError(f"stop the server first (hdkg neo4j stop --data {data}): "
                        "neo4j-admin import writes the store offline")
    java = _java()
    data.mkdir(parents=True, exist_ok=True)
    build_launcher(log=data / "build.log")
    _admin(java, data, ["database", "import", "full", *args], data / "import.log")
