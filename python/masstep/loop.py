# SPDX-License-Identifier: MIT
"""The virtual event loop: its time, its network and its quiescence go through the hub."""

import asyncio
import errno
import os
import selectors
import socket

from . import protocol

_DESCRIPTION_LIMIT = 120
_TIMER_LIMIT = 200


def _shorten(text, limit=_DESCRIPTION_LIMIT):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _task_name(task):
    """The innermost frame of the program's own code the task waits in, and the task's name."""
    from .runner import is_library_file
    where = None
    try:
        for frame in task.get_stack(limit=None):
            if not is_library_file(frame.f_code.co_filename):
                where = frame
    except Exception:
        pass
    if where is None:
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", None) or type(coro).__name__
        return "%s() in %s" % (name, task.get_name())
    return "%s() at %s:%d in %s" % (where.f_code.co_name, os.path.basename(where.f_code.co_filename),
                                    where.f_lineno, task.get_name())


def _waiting_task(loop, future):
    """The task that awaits `future`, if any."""
    try:
        tasks = asyncio.all_tasks(loop)
    except RuntimeError:
        return None
    for task in sorted(tasks, key=lambda t: t.get_name()):
        if getattr(task, "_fut_waiter", None) is future:
            return task
    return None


def describe_timer(loop, handle):
    """A short text for a pending timer: what will run when it is due."""
    callback = handle._callback
    args = handle._args or ()
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    owner = getattr(callback, "__self__", None)
    try:
        if name and name.endswith("_set_result_unless_cancelled") and args:
            task = _waiting_task(loop, args[0])
            if task is not None:
                return _shorten("asyncio.sleep in " + _task_name(task))
        if name and name.endswith("_release_waiter") and args:  # wait_for's timeout (3.9-3.11)
            task = _waiting_task(loop, args[0])
            if task is not None:
                return _shorten("wait_for timeout in " + _task_name(task))
        if owner is not None and getattr(owner, "_task", None) is not None:  # asyncio.timeout (3.11+)
            return _shorten("timeout in " + _task_name(owner._task))
        if name:
            shown = ", ".join(_shorten(repr(a), 30) for a in args)
            return _shorten("%s(%s)" % (name, shown))
    except Exception:
        pass
    return _shorten(repr(handle))


def pending_timers(loop):
    """The loop's live timers as [{"due": t, "what": text}], soonest first."""
    handles = sorted((h for h in loop._scheduled if not h._cancelled), key=lambda h: h._when)
    return [{"due": h._when, "what": describe_timer(loop, h)} for h in handles[:_TIMER_LIMIT]]


class FakeSocket:
    """What server.sockets and get_extra_info('socket') give: names only, no descriptor."""

    def __init__(self, address, peer=None):
        self.family = socket.AF_UNIX if address.startswith("ipc://") else socket.AF_INET
        self.type = socket.SOCK_STREAM
        self.proto = 0
        self._address = address
        self._peer = peer

    def getsockname(self):
        return protocol.socket_name(self._address)

    def getpeername(self):
        if self._peer is None:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected")
        return protocol.socket_name(self._peer)

    def fileno(self):
        return -1

    def setsockopt(self, *args):
        pass

    def getsockopt(self, *args):
        return 0

    def setblocking(self, flag):
        pass

    def close(self):
        pass

    def __repr__(self):
        return "<masstep virtual socket %s>" % self._address


class VirtualTransport(asyncio.Transport):
    """One end of a virtual connection: writes become hub messages, the hub's deliveries become
    data_received() calls."""

    def __init__(self, loop, runner, conn, protocol_, local, peer):
        super().__init__(extra={
            "peername": protocol.socket_name(peer),
            "sockname": protocol.socket_name(local),
            "socket": FakeSocket(local, peer),
        })
        self._loop = loop
        self._runner = runner
        self._conn = conn
        self._protocol = protocol_
        self._cutter = protocol.FrameCutter()
        self._closing = False
        self._lost = False
        self._eof_written = False
        self._paused = False
        self._backlog = []
        runner.transports[conn] = self

    def __repr__(self):
        return "<VirtualTransport conn=%d %s>" % (self._conn, self.get_extra_info("peername"))

    def _start(self):
        self._protocol.connection_made(self)

    # ---- asyncio.Transport ----
    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol_):
        self._protocol = protocol_

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        self._paused = True

    def resume_reading(self):
        if self._paused:
            self._paused = False
            if self._backlog:
                self._loop.call_soon(self._drain_backlog)

    def set_write_buffer_limits(self, high=None, low=None):
        pass

    def get_write_buffer_size(self):
        return 0

    def get_write_buffer_limits(self):
        return (0, 0)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data argument must be a bytes-like object, not %r" % type(data).__name__)
        if self._eof_written:
            raise RuntimeError("Cannot call write() after write_eof()")
        if self._closing or not data:
            return
        for raw, chunk in self._cutter.feed(bytes(data)):
            self._runner.send({"type": "send", "conn": self._conn, "raw": raw}, chunk)

    def writelines(self, list_of_data):
        self.write(b"".join(bytes(d) for d in list_of_data))

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof_written:
            return
        self._eof_written = True
        self._flush_rest()
        self._runner.send({"type": "eof", "conn": self._conn})

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._flush_rest()
        self._runner.send({"type": "close", "conn": self._conn})
        self._loop.call_soon(self._connection_lost, None)

    def abort(self):
        self._force_close(None)

    # ---- inside ----
    def _flush_rest(self):
        rest = self._cutter.rest()
        if rest:
            self._runner.send({"type": "send", "conn": self._conn, "raw": True}, rest)

    def _force_close(self, exc):
        if self._lost:
            return
        if not self._closing:
            self._closing = True
            self._runner.send({"type": "abort", "conn": self._conn})
        self._loop.call_soon(self._connection_lost, exc)

    def _connection_lost(self, exc):
        if self._lost:
            return
        self._lost = True
        self._closing = True
        self._runner.transports.pop(self._conn, None)
        self._protocol.connection_lost(exc)

    def _hub_event(self, kind, data):
        """A delivery from the hub: "data", "eof" (the peer's write_eof or close) or "reset"."""
        if self._lost:
            return
        if kind == "reset":
            self._closing = True
            self._connection_lost(ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"))
            return
        if self._closing:
            return
        if self._paused:
            self._backlog.append((kind, data))
            return
        self._handle(kind, data)

    def _drain_backlog(self):
        while self._backlog and not self._paused and not self._lost and not self._closing:
            kind, data = self._backlog.pop(0)
            self._handle(kind, data)

    def _handle(self, kind, data):
        try:
            if kind == "data":
                if isinstance(self._protocol, asyncio.BufferedProtocol):
                    asyncio.protocols._feed_data_to_buffered_proto(self._protocol, data)
                else:
                    self._protocol.data_received(data)
            elif kind == "eof":
                keep_open = self._protocol.eof_received()
                if not keep_open:
                    self.close()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Fatal error: protocol.%s() call failed." %
                           ("data_received" if kind == "data" else "eof_received"),
                "exception": exc,
                "transport": self,
                "protocol": self._protocol,
            })
            self._force_close(exc)


class VirtualServer(asyncio.AbstractServer):
    """A server listening on a virtual address; the hub hands it connections."""

    def __init__(self, loop, runner, factory, listener, address):
        self._loop = loop
        self._runner = runner
        self._factory = factory
        self._listener = listener
        self._address = address
        self._serving_forever = None
        runner.listeners[listener] = self

    def __repr__(self):
        return "<VirtualServer %s>" % self._address

    @property
    def sockets(self):
        if self._listener is None:
            return ()
        return (FakeSocket(self._address),)

    def close(self):
        if self._listener is None:
            return
        self._runner.listeners.pop(self._listener, None)
        self._runner.send({"type": "unlisten", "listener": self._listener})
        self._listener = None
        if self._serving_forever is not None and not self._serving_forever.done():
            self._serving_forever.cancel()
            self._serving_forever = None

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._listener is not None

    async def start_serving(self):
        pass

    async def serve_forever(self):
        if self._serving_forever is not None:
            raise RuntimeError("server %r is already being awaited on serve_forever()" % self)
        if self._listener is None:
            raise RuntimeError("server %r is closed" % self)
        self._serving_forever = self._loop.create_future()
        try:
            await self._serving_forever
        except asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever = None

    async def wait_closed(self):
        pass

    def close_clients(self):
        for transport in list(self._runner.transports.values()):
            transport.close()

    def abort_clients(self):
        for transport in list(self._runner.transports.values()):
            transport.abort()

    def _accept(self, header):
        if self._listener is None:  # closed since the hub sent the connection
            self._runner.send({"type": "close", "conn": header["conn"]})
            return
        protocol_ = self._factory()
        transport = VirtualTransport(self._loop, self._runner, header["conn"], protocol_,
                                     header.get("local", self._address), header.get("peer"))
        transport._start()


class VirtualSelector(selectors.BaseSelector):
    """The loop's selector: a real one for the loop's own pipe, and the hub whenever the loop
    would block (it is idle)."""

    def __init__(self, runner):
        self._runner = runner
        self._real = selectors.DefaultSelector()
        self.loop = None

    def register(self, fileobj, events, data=None):
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._real.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._real.get_key(fileobj)

    def get_map(self):
        return self._real.get_map()

    def close(self):
        self._real.close()

    def select(self, timeout=None):
        # asyncio asks with timeout 0 while callbacks are ready or a timer is due; otherwise the
        # loop has nothing to run until a delivery or the clock: it is idle.
        if timeout is None or timeout > 0:
            self._runner.idle(self.loop)
        return self._real.select(0)


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """A SelectorEventLoop on the hub's clock and network."""

    def __init__(self, runner=None):
        from . import runner as runner_module
        self._masstep = runner or runner_module.current()
        selector = VirtualSelector(self._masstep)
        super().__init__(selector)
        selector.loop = self

    def time(self):
        return self._masstep.now

    # ---- servers ----
    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        if kwargs.get("sock") is not None:
            self._masstep.warn("socket", "create_server(sock=...) listens on a real socket")
            return await super().create_server(protocol_factory, host, port, **kwargs)
        self._refuse_tls(kwargs)
        if isinstance(host, (list, tuple)):
            host = host[0] if host else None
        return await self._listen(protocol_factory, protocol.tcp_address(host, port or 0))

    async def create_unix_server(self, protocol_factory, path=None, **kwargs):
        if kwargs.get("sock") is not None or path is None:
            self._masstep.warn("socket", "create_unix_server(sock=...) listens on a real socket")
            return await super().create_unix_server(protocol_factory, path, **kwargs)
        self._refuse_tls(kwargs)
        return await self._listen(protocol_factory, protocol.ipc_address(path))

    async def _listen(self, factory, address):
        answer = await self._masstep.request(self, {"type": "listen", "address": address})
        if answer["type"] != "listening":
            raise OSError(errno.EADDRINUSE, "error while attempting to bind on address %r: %s"
                          % (protocol.socket_name(address), answer.get("error", "address already in use")))
        return VirtualServer(self, self._masstep, factory, answer["listener"], answer["address"])

    # ---- connections ----
    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        if kwargs.get("sock") is not None:
            self._masstep.warn("socket", "create_connection(sock=...) uses a real socket")
            return await super().create_connection(protocol_factory, host, port, **kwargs)
        self._refuse_tls(kwargs)
        address = protocol.tcp_address(host, port)
        return await self._connect(protocol_factory, address,
                                   ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed %r"
                                                          % (protocol.socket_name(address),)))

    async def create_unix_connection(self, protocol_factory, path=None, **kwargs):
        if kwargs.get("sock") is not None or path is None:
            self._masstep.warn("socket", "create_unix_connection(sock=...) uses a real socket")
            return await super().create_unix_connection(protocol_factory, path, **kwargs)
        self._refuse_tls(kwargs)
        return await self._connect(protocol_factory, protocol.ipc_address(path),
                                   FileNotFoundError(errno.ENOENT, "No such file or directory"))

    async def _connect(self, factory, address, refused):
        answer = await self._masstep.request(self, {"type": "connect", "address": address})
        if answer["type"] != "connected":
            raise refused
        protocol_ = factory()
        transport = VirtualTransport(self, self._masstep, answer["conn"], protocol_,
                                     answer.get("local", ""), answer.get("peer", address))
        transport._start()
        return transport, protocol_

    def _refuse_tls(self, kwargs):
        if kwargs.get("ssl"):
            raise NotImplementedError("masstep does not virtualize TLS: run the program without ssl=")

    # ---- what stays real ----
    async def create_datagram_endpoint(self, *args, **kwargs):
        self._masstep.warn("socket", "create_datagram_endpoint() uses a real UDP socket")
        return await super().create_datagram_endpoint(*args, **kwargs)


class VirtualEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """Every new event loop is a VirtualEventLoop (asyncio.run, get_event_loop, aiomas.run)."""

    def new_event_loop(self):
        return VirtualEventLoop()
