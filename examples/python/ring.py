# SPDX-License-Identifier: MIT
"""A leader election on a ring of three processes, with a bug that only some delivery orders show.

Node i listens on BASE+i and sends to node i+1 (mod 3). Every message is an aiomas request frame
(4-byte length + JSON [0, id, [method, args, {}]]) written with plain asyncio streams, one way.

    python3 ring.py INDEX [UIDS] [BASE]     e.g. python3 ring.py 0 1,2,3 6000

Chang and Roberts' algorithm: an awake node that gets a candidate's uid relays it when it is
larger than its own, drops it when smaller, and is the leader when its own uid comes back; the
leader then sends "leader" round the ring. Nodes wake up on their own timer (node 1 later than
the others). THE BUG: a node still asleep that hears a candidate follows the first one it hears
and drops every later candidate without comparing. When the smaller candidate reaches the sleeper
first, the larger one is dropped there and the smaller one at the larger node: nobody is elected,
and every node gives up when its 30-second timeout fires on the (virtual) clock.
"""

import asyncio
import json
import struct
import sys

WAKE = {0: 1.0, 1: 5.0, 2: 1.0}   # when each node starts its own candidacy
TIMEOUT = 30.0                    # how long a node waits for a leader


def write_frame(writer, message):
    payload = json.dumps(message).encode()
    writer.write(struct.pack(">I", len(payload)) + payload)


async def read_frame(reader):
    (size,) = struct.unpack(">I", await reader.readexactly(4))
    return json.loads(await reader.readexactly(size))


class Node:
    def __init__(self, index, uid, base):
        self.index = index
        self.uid = uid
        self.base = base
        self.state = "asleep"      # asleep, candidate, follower
        self.vote = None
        self.leader = None
        self.done = asyncio.Event()
        self.writer = None
        self.sent = 0
        self.start = 0.0

    def log(self, text):
        loop = asyncio.get_running_loop()
        print("node %d (uid %d) t=%g: %s" % (self.index, self.uid, loop.time() - self.start, text))

    def send(self, method, value):
        write_frame(self.writer, [0, self.sent, [method, [value], {}]])
        self.sent += 1

    def wake(self):
        if self.state == "asleep" and self.leader is None:
            self.state = "candidate"
            self.log("wakes up, candidate")
            self.send("elect", self.uid)

    def on_elect(self, uid):
        if self.state == "asleep":
            self.state, self.vote = "follower", uid        # the bug: first candidate wins
            self.log("woken by candidate %d, follows it" % uid)
            self.send("elect", uid)
        elif self.state == "follower":
            if uid == self.vote:
                self.send("elect", uid)
            else:
                self.log("drops candidate %d (follows %d)" % (uid, self.vote))
        elif uid > self.uid:
            self.state, self.vote = "follower", uid
            self.send("elect", uid)
        elif uid == self.uid:
            self.leader = self.uid
            self.log("is the leader")
            self.send("leader", self.uid)
        else:
            self.log("drops candidate %d" % uid)

    def on_leader(self, uid):
        if uid == self.uid:
            self.done.set()
            return
        self.leader = uid
        self.send("leader", uid)
        self.done.set()

    async def serve(self, reader, writer):
        try:
            while True:
                _, _, (method, args, _) = await read_frame(reader)
                if method == "elect":
                    self.on_elect(args[0])
                elif method == "leader":
                    self.on_leader(args[0])
        except (asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the predecessor left, or the program ends
        writer.close()

    async def run(self):
        loop = asyncio.get_running_loop()
        start = self.start = loop.time()
        server = await asyncio.start_server(self.serve, "127.0.0.1", self.base + self.index)
        successor = self.base + (self.index + 1) % 3
        for _ in range(100):
            try:
                _, self.writer = await asyncio.open_connection("127.0.0.1", successor)
                break
            except ConnectionRefusedError:
                await asyncio.sleep(0.1)
        else:
            self.log("cannot reach its successor")
            return 2
        loop.call_at(start + WAKE[self.index], self.wake)
        try:
            await asyncio.wait_for(self.done.wait(), TIMEOUT)
            self.log("leader is %d" % self.leader)
            status = 0
        except asyncio.TimeoutError:
            self.log("no leader, gave up")
            status = 1
        self.writer.close()
        server.close()
        return status


def main(argv):
    index = int(argv[1])
    uids = [int(u) for u in (argv[2] if len(argv) > 2 else "1,2,3").split(",")]
    base = int(argv[3]) if len(argv) > 3 else 6000

    async def run():
        return await Node(index, uids[index], base).run()
    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
