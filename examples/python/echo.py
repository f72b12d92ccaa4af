# SPDX-License-Identifier: MIT
"""An echo service speaking aiomas framing (4-byte length + JSON [type, id, content]) with plain
asyncio streams: no aiomas needed. Runs as is, or stepped under `python3 -m masstep`.

    python3 echo.py both [PORT] [WORDS...]    server and client in one program
    python3 echo.py server PORT               serves one client, then exits
    python3 echo.py client PORT [WORDS...]    sends each word, waits 5 s for each answer
"""

import asyncio
import json
import struct
import sys

ANSWER_TIMEOUT = 5.0


async def read_frame(reader):
    (size,) = struct.unpack(">I", await reader.readexactly(4))
    return json.loads(await reader.readexactly(size))


def write_frame(writer, message):
    payload = json.dumps(message).encode()
    writer.write(struct.pack(">I", len(payload)) + payload)


async def serve_one(reader, writer, done):
    try:
        while True:
            _, request_id, (path, args, _kwargs) = await read_frame(reader)
            if path == "echo":
                write_frame(writer, [1, request_id, args[0]])
            else:
                write_frame(writer, [2, request_id, "LookupError: %s\n" % path])
            await writer.drain()
    except asyncio.IncompleteReadError:
        pass  # the client closed the connection
    finally:
        writer.close()
        done.set()


async def start_server(port):
    done = asyncio.Event()
    server = await asyncio.start_server(lambda r, w: serve_one(r, w, done), "127.0.0.1", port)
    print("server: listening on %s" % (server.sockets[0].getsockname(),))
    return server, done


async def connect(port):
    """Connects, trying again every 0.1 s (the server may not listen yet)."""
    for _ in range(100):
        try:
            return await asyncio.open_connection("127.0.0.1", port)
        except ConnectionRefusedError:
            await asyncio.sleep(0.1)
    raise ConnectionRefusedError("nobody listens on port %d" % port)


async def client(port, words):
    loop = asyncio.get_running_loop()
    reader, writer = await connect(port)
    status = 0
    for request_id, word in enumerate(words):
        write_frame(writer, [0, request_id, ["echo", [word], {}]])
        await writer.drain()
        try:
            _, _, answer = await asyncio.wait_for(read_frame(reader), ANSWER_TIMEOUT)
            print("client: %s -> %s at t=%g" % (word, answer, loop.time()))
        except asyncio.TimeoutError:
            print("client: no answer for %s, gave up at t=%g" % (word, loop.time()))
            status = 1
            break
    writer.close()
    await writer.wait_closed()
    return status


async def main(argv):
    mode = argv[1] if len(argv) > 1 else "both"
    port = int(argv[2]) if len(argv) > 2 else 5555
    words = argv[3:] or ["hello", "world"]
    if mode == "server":
        server, done = await start_server(port)
        await done.wait()
        server.close()
        return 0
    if mode == "client":
        return await client(port, words)
    server, done = await start_server(port)
    status = await client(port, words)
    await done.wait()  # the server has seen the client leave
    server.close()
    return status


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv)))
