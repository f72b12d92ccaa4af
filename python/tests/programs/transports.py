# SPDX-License-Identifier: MIT
"""Exercises the transport: names, raw (non-aiomas) bytes, write_eof, flow control, abort and
connection refused, each printed as one line."""
import asyncio
import struct


class Resetter(asyncio.Protocol):
    def __init__(self, lost):
        self.lost = lost

    def connection_lost(self, exc):
        self.lost.set_result(exc)


async def raw_handler(reader, writer):
    data = await reader.read()  # until the client's write_eof
    print("server: got %r from %s" % (data, type(writer.get_extra_info("peername")).__name__))
    writer.write(b"HTTP/1.0 200 OK\r\n\r\n" + data.upper())
    await writer.drain()
    writer.close()


async def framed_handler(reader, writer):
    for i in range(3):
        payload = b"%d" % i * 20
        writer.write(struct.pack(">I", len(payload)) + payload)
    await writer.drain()
    await reader.read()
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    raw = await asyncio.start_server(raw_handler, "127.0.0.1", 7001)
    framed = await asyncio.start_server(framed_handler, "127.0.0.1", 7002)
    lost = loop.create_future()
    resetter = await loop.create_server(lambda: Resetter(lost), "127.0.0.1", 7003)
    print("sockname", raw.sockets[0].getsockname())

    reader, writer = await asyncio.open_connection("127.0.0.1", 7001)
    print("client: peername", writer.get_extra_info("peername"), "sockname", writer.get_extra_info("sockname"))
    writer.write(b"GET / HTTP/1.0\r\n\r\n")
    writer.write_eof()
    print("client: got %r" % await reader.read())
    writer.close()

    reader, writer = await asyncio.open_connection("127.0.0.1", 7002, limit=8)
    await asyncio.sleep(1)  # three frames arrive while nobody reads: the transport pauses
    frames = []
    for _ in range(3):
        (size,) = struct.unpack(">I", await reader.readexactly(4))
        frames.append(await reader.readexactly(size))
    print("client: frames", [f[:2] for f in frames])
    writer.close()
    await writer.wait_closed()

    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", 7003)
    transport.abort()
    print("server: lost with", type(await lost).__name__)

    try:
        await asyncio.open_connection("127.0.0.1", 7999)
    except ConnectionRefusedError as error:
        print("client: refused", error.errno)
    for server in (raw, framed, resetter):
        server.close()


asyncio.run(main())
