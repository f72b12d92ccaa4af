# SPDX-License-Identifier: MIT
"""An aiomas agent written with plain asyncio streams (no aiomas needed), for C++ agents to call
and to be called back by (tst_pythonhub).

    python3 rpcagent.py PORT

It serves the agent 0 of a container at tcp://127.0.0.1:PORT, speaking aiomas framing (4-byte
length + JSON) and aiomas RPC ([type, id, content]; a request's content is [path, args, kwargs]):

- validate_aid(aid): "PyAgent" for "0", else null (what aiomas's Container.connect() asks);
- agents/0/echo(value): value (bench_python);
- agents/0/greet(url): calls hello("python") on the agent at `url` (aiomas's agents/N/hello on
  a new connection to its container) and answers "<url> said: <its answer>".

It serves one client until that client closes, then exits 0.
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


async def call(url, method, *args):
    """One RPC call to the agent at `url` (tcp://host:port/aid) over a new connection."""
    base, aid = url.rsplit("/", 1)
    host, port = base[len("tcp://"):].rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        write_frame(writer, [0, 0, ["agents/%s/%s" % (aid, method), list(args), {}]])
        kind, _, value = await read_frame(reader)
        if kind != 1:
            raise RuntimeError("%s failed: %s" % (method, value))
        return value
    finally:
        writer.close()


async def serve(reader, writer, done):
    try:
        while True:
            _, request_id, (path, args, _kwargs) = await read_frame(reader)
            if path == "validate_aid":
                write_frame(writer, [1, request_id, "PyAgent" if args == ["0"] else None])
            elif path == "agents/0/echo":
                write_frame(writer, [1, request_id, args[0]])
            elif path == "agents/0/greet":
                answer = await call(args[0], "hello", "python")
                print("python: %s answered %r" % (args[0], answer))
                write_frame(writer, [1, request_id, "%s said: %s" % (args[0], answer)])
            else:
                write_frame(writer, [2, request_id, "LookupError: %s\n" % path])
    except asyncio.IncompleteReadError:
        print("python: the caller closed the connection")
    finally:
        writer.close()
        done.set()


async def main(port):
    done = asyncio.Event()
    server = await asyncio.start_server(lambda r, w: serve(r, w, done), "127.0.0.1", port)
    await done.wait()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(int(sys.argv[1]))))
