# SPDX-License-Identifier: MIT
"""A server and a client in one program, for the hub's half-close and raw bytes (tst_pythonhub).

    python3 halfclose.py eof PORT    the client sends two frames and write_eof(), then reads the
                                     server's answer (how many frames it got before the EOF)
    python3 halfclose.py raw PORT    the client speaks HTTP, not aiomas framing; the server
                                     answers in kind
"""

import asyncio
import json
import struct
import sys


async def read_frame(reader):
    (size,) = struct.unpack(">I", await reader.readexactly(4))
    return json.loads(await reader.readexactly(size))


def write_frame(writer, message):
    payload = json.dumps(message).encode()
    writer.write(struct.pack(">I", len(payload)) + payload)


async def count_until_eof(reader, writer):
    count = 0
    try:
        while True:
            await read_frame(reader)
            count += 1
    except asyncio.IncompleteReadError:
        pass
    print("server: end of stream after %d frames" % count)
    write_frame(writer, [1, 0, count])  # the client still reads
    writer.close()


async def answer_http(reader, writer):
    request = await reader.readuntil(b"\r\n\r\n")
    print("server: got %r" % request.split(b"\r\n")[0])
    writer.write(b"HTTP/1.0 200 OK\r\n\r\n")
    writer.close()


async def main(mode, port):
    handler = count_until_eof if mode == "eof" else answer_http
    server = await asyncio.start_server(handler, "127.0.0.1", port)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    if mode == "eof":
        write_frame(writer, [0, 0, ["one", [], {}]])
        write_frame(writer, [0, 1, ["two", [], {}]])
        writer.write_eof()
        print("client: server counted %s" % (await read_frame(reader))[2])
    else:
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        print("client: got %r" % (await reader.read()).split(b"\r\n")[0])
    writer.close()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], int(sys.argv[2]))))
