# SPDX-License-Identifier: MIT
"""The runner: one program, one hub connection, the virtual loop and the warnings."""

import asyncio
import os
import socket
import subprocess
import sys
import sysconfig
import threading
import time

from . import protocol

_current = None


def current():
    """The process's runner (the virtual loop needs it)."""
    if _current is None:
        raise RuntimeError("masstep: no runner in this process (start the program with python3 -m masstep)")
    return _current


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_LIBRARY_DIRS = tuple(sorted({os.path.realpath(p) for p in (
    sysconfig.get_paths().get("stdlib"), sysconfig.get_paths().get("platstdlib"), _PACKAGE_DIR) if p}))


def is_library_file(filename):
    """Whether a code file belongs to Python's standard library or to masstep."""
    if filename.startswith("<"):
        return filename.startswith("<frozen")
    return os.path.realpath(filename).startswith(_LIBRARY_DIRS)


def _caller(depth):
    """(file, line, is_library) of the frame `depth` levels up (0 is this function)."""
    try:
        frame = sys._getframe(depth)
    except ValueError:
        return "?", 0, True
    filename = frame.f_code.co_filename
    return filename, frame.f_lineno, is_library_file(filename)


class Runner:
    """What the hub sees of one program: its clock, its connections, its idle points."""

    def __init__(self, link, seed=0):
        self.link = link
        self.seed = seed
        self.now = 0.0
        self.seen = 0
        self.transports = {}
        self.listeners = {}
        self._requests = {}
        self._next_request = 1
        self._warned = set()

    # ---- to the hub ----
    def send(self, header, data=b""):
        self.link.send(header, data)

    def hello(self, program, argv):
        self.send({"type": "hello", "version": protocol.VERSION, "pid": os.getpid(),
                   "program": program, "argv": list(argv), "seed": self.seed,
                   "hashseed": os.environ.get("PYTHONHASHSEED"),
                   "python": "%d.%d.%d" % sys.version_info[:3]})

    def warn(self, kind, message, where=None):
        """Tells the hub once per kind that the program uses something not virtualized."""
        if kind in self._warned:
            return
        self._warned.add(kind)
        header = {"type": "warning", "kind": kind, "message": message}
        if where:
            header["where"] = where
        self.send(header)

    def exit(self, code, traceback_text=None):
        header = {"type": "exit", "code": code}
        if traceback_text:
            lines = traceback_text.rstrip("\n").splitlines()
            header["traceback"] = "\n".join(lines[-20:])
            header["error"] = lines[-1] if lines else ""
        self.send(header)

    def request(self, loop, header):
        """Sends a listen or connect request; the future resolves with the hub's answer."""
        future = loop.create_future()
        header = dict(header, request=self._next_request)
        self._requests[self._next_request] = future
        self._next_request += 1
        self.send(header)
        return future

    # ---- from the hub, at idle points ----
    def idle(self, loop):
        """The loop has nothing to run: report it, then take exactly one message from the hub."""
        self.send({"type": "idle", "seen": self.seen, "time": self.now,
                   "timers": _timers(loop)})
        header, data = self.link.receive()
        self.seen += 1
        try:
            self._dispatch(loop, header, data)
        except (KeyError, TypeError, ValueError) as error:
            self.warn("protocol", "the hub sent a malformed %r message (%s)" % (header.get("type"), error))

    def _dispatch(self, loop, header, data):
        kind = header["type"]
        if kind == "time":
            target = float(header.get("time", self.now))
            if target > self.now:
                self.now = target
        elif kind in ("listening", "listen-failed", "connected", "refused"):
            future = self._requests.pop(header.get("request"), None)
            if future is not None:
                loop.call_soon(self._answer, future, header)
        elif kind == "accept":
            server = self.listeners.get(header.get("listener"))
            if server is None:
                self.send({"type": "close", "conn": header.get("conn")})
            else:
                loop.call_soon(server._accept, header)
        elif kind in ("data", "eof", "reset"):
            transport = self.transports.get(header.get("conn"))
            if transport is not None:
                loop.call_soon(transport._hub_event, kind, data)
        elif kind == "stop":
            self.exit(None)
            self.link.close()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        else:
            self.warn("protocol", "the hub sent an unknown message type %r" % kind)

    def _answer(self, future, header):
        if not future.done():
            future.set_result(header)
        elif header["type"] == "connected":
            self.send({"type": "close", "conn": header["conn"]})  # the connect was given up
        elif header["type"] == "listening":
            self.send({"type": "unlisten", "listener": header["listener"]})


def _timers(loop):
    from .loop import pending_timers
    try:
        return pending_timers(loop)
    except Exception:
        return []


# ---- detecting what is not virtualized ----

def install_guards(runner):
    """Wraps the entry points of threads, real time, subprocesses and real sockets so that the
    program's first use of each is reported once. The program still gets the real thing."""

    def guard(kind, message, check_caller=False):
        def report():
            filename, line, library = _caller(3)  # 0 _caller, 1 report, 2 the wrapper, 3 its caller
            if check_caller and library:
                return
            runner.warn(kind, message, "%s:%d" % (filename, line))
        return report

    thread_report = guard("thread", "the program starts a thread: it runs outside the virtual loop")
    original_start = threading.Thread.start

    def start(self, *args, **kwargs):
        thread_report()
        return original_start(self, *args, **kwargs)
    threading.Thread.start = start

    time_report = guard("time", "the program uses the real clock (time.time, time.monotonic, time.sleep, ...): "
                        "use loop.time() and asyncio.sleep for virtual time", check_caller=True)
    for name in ("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "sleep"):
        original = getattr(time, name)

        def clock(*args, _original=original):
            time_report()
            return _original(*args)
        clock.__name__ = name
        clock.__doc__ = original.__doc__
        setattr(time, name, clock)

    process_report = guard("subprocess", "the program starts a subprocess: it is not stepped")
    original_popen_init = subprocess.Popen.__init__

    def popen_init(self, *args, **kwargs):
        process_report()
        return original_popen_init(self, *args, **kwargs)
    subprocess.Popen.__init__ = popen_init
    for name in ("system", "fork", "posix_spawn", "posix_spawnp"):
        original = getattr(os, name, None)
        if original is None:
            continue

        def spawn(*args, _original=original, **kwargs):
            process_report()
            return _original(*args, **kwargs)
        spawn.__name__ = name
        setattr(os, name, spawn)

    socket_report = guard("socket", "the program uses a real socket: its traffic is not stepped")
    hub_socket = runner.link.socket
    for name in ("connect", "connect_ex", "bind"):
        original = getattr(socket.socket, name)

        def method(self, *args, _original=original, **kwargs):
            if self is not hub_socket:
                socket_report()
            return _original(self, *args, **kwargs)
        method.__name__ = name
        setattr(socket.socket, name, method)


def install(runner):
    """Makes `runner` the process's runner and every new asyncio loop a virtual one."""
    global _current
    _current = runner
    from .loop import VirtualEventLoopPolicy
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # policies are deprecated in 3.14
        asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    install_guards(runner)
