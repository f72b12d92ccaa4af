# SPDX-License-Identifier: MIT
"""A small hub in Python for the runner's tests: it plays the MAS Inspector's side of
docs/masstep-protocol.md over a Unix socket in a temporary directory.

It starts runners one at a time, sends them one control message at a time (each only when every
runner is quiescent), holds every frame as a pending message until the test delivers or drops it,
and moves one shared virtual clock. Everything it does goes into `log`, so two runs with the same
choices can be compared.
"""

import collections
import os
import random
import selectors
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
sys.path.insert(0, PYTHON_DIR)

from masstep import protocol  # noqa: E402

WAIT = 30.0  # seconds: the longest any wait may take (a hung runner fails the test)


class HubTimeout(AssertionError):
    pass


class Process:
    def __init__(self, name, popen, out_path, err_path):
        self.name = name
        self.popen = popen
        self.out_path = out_path
        self.err_path = err_path
        self.sock = None
        self.decoder = protocol.Decoder()
        self.hello = None
        self.sent = 0
        self.quiet = False
        self.timers = []
        self.time = 0.0
        self.warnings = []
        self.exit = None
        self.gone = False

    @property
    def done(self):
        return self.exit is not None or self.gone

    def output(self):
        with open(self.out_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def errors(self):
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            return f.read()


class End:
    def __init__(self, process, peer=None):
        self.process = process
        self.peer = peer
        self.closed = False


class Pending:
    def __init__(self, id_, source, target, kind, data=b"", raw=False):
        self.id = id_
        self.source = source   # end id of the sender
        self.target = target   # end id of the receiver
        self.kind = kind       # "data", "eof" or "reset"
        self.data = data
        self.raw = raw

    def __repr__(self):
        return "<Pending %d %s %d->%d %r>" % (self.id, self.kind, self.source, self.target, self.data[:40])


class FakeHub:
    def __init__(self, directory, seed=0):
        self.directory = directory
        self.seed = seed
        self.path = os.path.join(directory, "hub.sock")
        self.address = "ipc://" + self.path
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(16)
        self.selector = selectors.DefaultSelector()
        self.processes = []
        self.listeners = {}     # address -> (process, listener id)
        self.ends = {}          # end id -> End
        self.pending = []
        self.control = collections.deque()
        self.log = []
        self.now = 0.0
        self._next_listener = 1
        self._next_end = 1
        self._next_pending = 1
        self._next_port = 40000

    # ---- processes ----
    def start(self, name, program, *args, env=None):
        out_path = os.path.join(self.directory, name + ".out")
        err_path = os.path.join(self.directory, name + ".err")
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = PYTHON_DIR + os.pathsep + full_env.get("PYTHONPATH", "")
        full_env["PYTHONUNBUFFERED"] = "1"
        full_env["PYTHONDONTWRITEBYTECODE"] = "1"
        full_env.pop("MASSTEP_HUB", None)
        full_env.pop("PYTHONHASHSEED", None)
        if env:
            full_env.update(env)
        with open(out_path, "w") as out, open(err_path, "w") as err:
            popen = subprocess.Popen(
                [sys.executable, "-m", "masstep", "--hub", self.address, "--seed", str(self.seed),
                 program] + [str(a) for a in args],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=full_env)
        process = Process(name, popen, out_path, err_path)
        self.processes.append(process)
        self.log.append(["start", name, os.path.basename(program)] + [str(a) for a in args])
        self.server.settimeout(WAIT)
        try:
            conn, _ = self.server.accept()
        except socket.timeout:
            popen.kill()
            raise HubTimeout("%s did not connect: %s" % (name, process.errors()))
        conn.setblocking(False)
        process.sock = conn
        self.selector.register(conn, selectors.EVENT_READ, process)
        if self.now > 0:
            self.control.append((process, {"type": "time", "time": self.now}, b""))
        self.settle()
        return process

    def process(self, name):
        return next(p for p in self.processes if p.name == name)

    def close(self):
        for process in self.processes:
            if process.popen.poll() is None:
                process.popen.kill()
            process.popen.wait(WAIT)
            if process.sock is not None:
                try:
                    self.selector.unregister(process.sock)
                except (KeyError, ValueError):
                    pass
                process.sock.close()
        self.selector.close()
        self.server.close()

    def disconnect(self, process):
        """Closes the hub's end of a runner's connection (as a crashed hub would)."""
        self.selector.unregister(process.sock)
        process.sock.close()
        process.sock = None
        process.gone = True

    # ---- the stream ----
    def _send(self, process, header, data=b""):
        if process.done:
            return
        process.sock.setblocking(True)
        try:
            process.sock.sendall(protocol.encode(header, data))
        except OSError:
            process.gone = True
            return
        finally:
            if process.sock is not None:
                process.sock.setblocking(False)
        process.sent += 1
        process.quiet = False

    def _pump(self, timeout):
        for key, _ in self.selector.select(timeout):
            process = key.data
            try:
                chunk = process.sock.recv(1 << 16)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                self.selector.unregister(process.sock)
                process.gone = True
                if process.exit is None:
                    self.log.append(["gone", process.name])
                    self._closed_by_exit(process)
                continue
            process.decoder.feed(chunk)
            while True:
                message = process.decoder.next()
                if message is None:
                    break
                self._handle(process, *message)

    def settle(self):
        """Sends queued control messages one at a time, each when every runner is quiescent."""
        deadline = time.monotonic() + WAIT
        while True:
            if all(p.quiet or p.done for p in self.processes):
                if not self.control:
                    return
                process, header, data = self.control.popleft()
                self._send(process, header, data)
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                busy = [p.name for p in self.processes if not (p.quiet or p.done)]
                raise HubTimeout("runners not quiescent after %.0f s: %s; stderr: %s"
                                 % (WAIT, busy, [self.process(n).errors() for n in busy]))
            self._pump(min(remaining, 1.0))

    # ---- what runners send ----
    def _handle(self, process, header, data):
        kind = header["type"]
        name = process.name
        if kind == "hello":
            process.hello = header
            self.log.append(["hello", name, header["argv"], header["seed"], header["hashseed"]])
        elif kind == "idle":
            process.timers = header["timers"]
            process.time = header["time"]
            process.quiet = header["seen"] == process.sent
            self.log.append(["idle", name, header["seen"], header["time"],
                             [[t["due"], t["what"]] for t in header["timers"]]])
        elif kind == "listen":
            address = header["address"]
            if address.endswith(":0"):
                address = address[:-1] + str(self._next_port)
                self._next_port += 1
            if address in self.listeners:
                self.control.append((process, {"type": "listen-failed", "request": header["request"],
                                               "error": "address already in use"}, b""))
            else:
                listener = self._next_listener
                self._next_listener += 1
                self.listeners[address] = (process, listener)
                self.control.append((process, {"type": "listening", "request": header["request"],
                                               "listener": listener, "address": address}, b""))
            self.log.append(["listen", name, address])
        elif kind == "unlisten":
            for address, (owner, listener) in list(self.listeners.items()):
                if owner is process and listener == header["listener"]:
                    del self.listeners[address]
            self.log.append(["unlisten", name, header["listener"]])
        elif kind == "connect":
            address = header["address"]
            target = self.listeners.get(address)
            if target is None and address.startswith("tcp://"):
                port = address.rpartition(":")[2]
                target = self.listeners.get("tcp://0.0.0.0:" + port)
            if target is None:
                self.control.append((process, {"type": "refused", "request": header["request"],
                                               "error": "connection refused"}, b""))
                self.log.append(["refused", name, address])
                return
            owner, listener = target
            client, server = self._next_end, self._next_end + 1
            self._next_end += 2
            self.ends[client] = End(process, server)
            self.ends[server] = End(owner, client)
            local = ("tcp://127.0.0.1:%d" % (50000 + client)) if address.startswith("tcp://") else ""
            self.control.append((owner, {"type": "accept", "listener": listener, "conn": server,
                                         "local": address, "peer": local}, b""))
            self.control.append((process, {"type": "connected", "request": header["request"],
                                           "conn": client, "local": local, "peer": address}, b""))
            self.log.append(["connect", name, address, client, owner.name, server])
        elif kind == "send":
            end = self.ends.get(header["conn"])
            if end is None or end.closed:
                return
            self._hold(header["conn"], end.peer, "data", data, header.get("raw", False))
        elif kind in ("eof", "close", "abort"):
            end = self.ends.get(header["conn"])
            if end is None or end.closed:
                return
            if kind != "eof":
                end.closed = True
            peer = self.ends.get(end.peer)
            if peer is not None and not peer.closed:
                self._hold(header["conn"], end.peer, "reset" if kind == "abort" else "eof")
            else:
                self.log.append([kind, name, header["conn"]])
        elif kind == "warning":
            process.warnings.append(header)
            self.log.append(["warning", name, header["kind"]])
        elif kind == "exit":
            process.exit = header
            self.log.append(["exit", name, header["code"], header.get("error")])
            self._closed_by_exit(process)
        else:
            raise AssertionError("unknown message from %s: %r" % (name, header))

    def _hold(self, source, target, kind, data=b"", raw=False):
        pending = Pending(self._next_pending, source, target, kind, data, raw)
        self._next_pending += 1
        self.pending.append(pending)
        self.log.append(["hold", pending.id, kind, source, target, data.hex(), raw])

    def _closed_by_exit(self, process):
        for address, (owner, _) in list(self.listeners.items()):
            if owner is process:
                del self.listeners[address]
        for end_id, end in sorted(self.ends.items()):
            if end.process is process and not end.closed:
                end.closed = True
                peer = self.ends.get(end.peer)
                if peer is not None and not peer.closed:
                    self._hold(end_id, end.peer, "eof")

    # ---- the test's choices ----
    def find(self, predicate=None):
        return [p for p in self.pending if predicate is None or predicate(p)]

    def deliverable(self):
        """What may be delivered next: any frame (whole frames may overtake each other, as on
        the LocalNetwork), and an end of stream only after every frame sent before it."""
        seen = set()
        out = []
        for pending in self.pending:
            if pending.kind == "data" or pending.source not in seen:
                out.append(pending)
            seen.add(pending.source)
        return out

    def deliver(self, pending_id):
        pending = self._take(pending_id)
        target = self.ends[pending.target]
        self.log.append(["deliver", pending.id])
        header = {"type": pending.kind, "conn": pending.target}
        if pending.kind == "data":
            header["raw"] = pending.raw
        self.control.append((target.process, header, pending.data))
        self.settle()

    def drop(self, pending_id):
        self._take(pending_id)
        self.log.append(["drop", pending_id])

    def _take(self, pending_id):
        for index, pending in enumerate(self.pending):
            if pending.id == pending_id:
                return self.pending.pop(index)
        raise KeyError("no pending message %d" % pending_id)

    def next_timer(self):
        dues = [t["due"] for p in self.processes if not p.done for t in p.timers]
        return min(dues) if dues else None

    def advance(self, to=None):
        """Moves the shared clock to `to` or the next timer; False when there is none."""
        target = self.next_timer() if to is None else to
        if target is None:
            return False
        self.now = max(self.now, target)
        self.log.append(["time", self.now])
        for process in self.processes:
            if not process.done:
                self.control.append((process, {"type": "time", "time": self.now}, b""))
        self.settle()
        return True

    def run(self, order="fifo", max_steps=10000, rng=None):
        """Delivers in `order` (fifo, lifo or random) and moves the clock whenever nothing is
        pending, until nothing is left or every runner exited. Returns the number of steps."""
        rng = rng or random.Random(self.seed)
        steps = 0
        while steps < max_steps and not all(p.done for p in self.processes):
            self.settle()
            heads = self.deliverable()
            if heads:
                if order == "fifo":
                    chosen = heads[0]
                elif order == "lifo":
                    chosen = heads[-1]
                else:
                    chosen = rng.choice(heads)
                self.deliver(chosen.id)
            elif not self.advance():
                break
            steps += 1
        return steps

    def wait_exit(self, process, timeout=WAIT):
        """Waits for the runner's process to end; its exit status."""
        deadline = time.monotonic() + timeout
        while process.popen.poll() is None and time.monotonic() < deadline:
            if process.sock is not None and not process.gone:
                self._pump(0.1)
            else:
                time.sleep(0.05)
        return process.popen.wait(max(0.1, deadline - time.monotonic()))
