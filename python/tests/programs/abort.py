# SPDX-License-Identifier: MIT
"""A server and a client in one program, for a reset (tst_pythonhub).

    python3 abort.py abort PORT    the client sends a frame and aborts its transport: the server
                                   reads the frame, then gets ConnectionResetError
    python3 abort.py close PORT    the same with close(): the server gets end of stream

The server also reports what its protocol's connection_lost() was given.
"""

import asyncio
import struct
import sys


class Counting(asyncio.Protocol):
    """A plain protocol (no streams): what connection_lost() gets."""

    def __init__(self, done):
        self.done = done
        self.received = b""

    def data_received(self, data):
        self.received += data

    def eof_received(self):
        print("server: eof_received after %d bytes" % len(self.received))

    def connection_lost(self, exc):
        print("server: connection_lost(%s) after %d bytes" % (type(exc).__name__ if exc else "None", len(self.received)))
        self.done.set_result(None)


async def main(mode, port):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await loop.create_server(lambda: Counting(done), "127.0.0.1", port)
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    payload = b'[0, 0, ["hello", [], {}]]'
    transport.write(struct.pack(">I", len(payload)) + payload)
    if mode == "abort":
        transport.abort()
    else:
        transport.close()
    await done

    # streams: the reader of an aborted connection raises ConnectionResetError
    async def handle(reader, writer):
        try:
            await reader.readexactly(4)
            await reader.readexactly(4)
            print("streams: read past the end?")
        except ConnectionResetError as error:
            print("streams: ConnectionResetError: %s" % error)
        except asyncio.IncompleteReadError:
            print("streams: end of stream")
        writer.close()
        streamed.set_result(None)

    streamed = loop.create_future()
    second = await asyncio.start_server(handle, "127.0.0.1", port + 1)
    _, writer = await asyncio.open_connection("127.0.0.1", port + 1)
    writer.write(b"\0\0\0\2[]")
    if mode == "abort":
        writer.transport.abort()
    else:
        writer.close()
    await streamed
    server.close()
    second.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], int(sys.argv[2]))))
