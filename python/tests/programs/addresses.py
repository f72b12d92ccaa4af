# SPDX-License-Identifier: MIT
"""Unix-socket servers and clients, port 0, a taken address and a missing Unix path, each
printed as one line."""
import asyncio
import os


async def answer(reader, writer):
    writer.write(b"\x00\x00\x00\x02ok")
    await writer.drain()
    writer.close()


async def main():
    path = os.path.join("/nonexistent-dir", "agents.sock")  # virtual: no file is made
    server = await asyncio.start_unix_server(answer, path)
    print("unix server on", server.sockets[0].getsockname(), "file exists:", os.path.exists(path))
    reader, writer = await asyncio.open_unix_connection(path)
    print("unix client got", await reader.readexactly(6), "peer", writer.get_extra_info("peername"))
    writer.close()

    any_port = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = any_port.sockets[0].getsockname()[1]
    print("port 0 became", port)
    try:
        await asyncio.start_server(answer, "127.0.0.1", port)
    except OSError as error:
        print("second listen:", type(error).__name__, error.errno)
    try:
        await asyncio.open_unix_connection("/nonexistent-dir/none.sock")
    except FileNotFoundError as error:
        print("missing path:", error.errno)
    for s in (server, any_port):
        s.close()
        await s.wait_closed()
    print("serving after close:", server.is_serving())


asyncio.run(main())
