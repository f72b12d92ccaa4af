# SPDX-License-Identifier: MIT
"""A leader election on a ring of aiomas agents, one container per process. NEEDS AIOMAS, which
is not in Debian (`pip install aiomas`; aiomas 2.0.1 needs small patches of its own for Python
3.10 and newer). `ring.py` is the same election, with the same bug, in plain asyncio.

    python3 election.py INDEX [UIDS] [BASE]     e.g. for i in 0 1 2; do python3 election.py $i & done

Node INDEX is agent 0 of a container at tcp://127.0.0.1:BASE+INDEX (default 7000) and calls
`election(uid)` and `elected(uid)` on the agent of node INDEX+1 (mod the number of nodes), as in
Chang and Roberts' algorithm: a node relays a candidate's uid when it is larger than its own,
answers a smaller one with its own candidacy, and is the leader when its own uid comes back.
Nodes wake up on their own clock (node 1 later than the others), and give up after 30 s.

THE BUG (as in ring.py): a node still asleep follows the first candidate it hears and ignores
later ones. Stepped, some delivery orders elect uid 3 and others elect nobody; every node then
gives up when its 30-second timeout fires on the virtual clock.
"""

import asyncio
import sys

import aiomas

WAKE = {0: 1.0, 1: 5.0, 2: 1.0}
TIMEOUT = 30.0


class Node(aiomas.Agent):
    def __init__(self, container, index, uid, next_url):
        super().__init__(container)
        self.index = index
        self.uid = uid
        self.next_url = next_url
        self.state = 'asleep'      # asleep, candidate, follower
        self.vote = None
        self.leader = None
        self.done = asyncio.Event()
        self.next = None

    def log(self, text):
        print('node %d (uid %d) t=%g: %s' % (self.index, self.uid, self.container.clock.time(), text))

    async def send(self, method, uid):
        if self.next is None:
            self.next = await self.container.connect(self.next_url, timeout=10)
        await getattr(self.next, method)(uid)

    async def wake(self, delay):
        await self.container.clock.sleep(delay)
        if self.state == 'asleep' and self.leader is None:
            self.state = 'candidate'
            self.log('candidate')
            await self.send('election', self.uid)

    @aiomas.expose
    async def election(self, uid):
        if self.state == 'asleep':
            # THE BUG: follows the first candidate heard, whatever its uid
            self.state, self.vote = 'follower', uid
            self.log('follows %d' % uid)
            await self.send('election', uid)
        elif self.state == 'follower':
            if uid == self.vote:
                await self.send('election', uid)
            # a later candidate is dropped without comparing
        elif uid > self.uid:
            self.state, self.vote = 'follower', uid
            await self.send('election', uid)
        elif uid == self.uid:
            self.log('is the leader')
            self.leader = uid
            await self.send('elected', uid)
        # a smaller uid is dropped by a candidate

    @aiomas.expose
    async def elected(self, uid):
        if uid != self.uid:
            self.leader = uid
            self.log('leader is %d' % uid)
            await self.send('elected', uid)
        self.done.set()


async def main(index, uids, base):
    container = await aiomas.Container.create(('127.0.0.1', base + index), as_coro=True)
    following = (index + 1) % len(uids)
    node = Node(container, index, uids[index], 'tcp://127.0.0.1:%d/0' % (base + following))
    waking = asyncio.ensure_future(node.wake(WAKE.get(index, 1.0)))
    status = 0
    try:
        await asyncio.wait_for(node.done.wait(), TIMEOUT)
    except asyncio.TimeoutError:
        node.log('no leader, gave up')
        status = 1
    waking.cancel()
    await container.clock.sleep(1)  # lets the last replies go out
    await container.shutdown(as_coro=True)
    return status


if __name__ == '__main__':
    index = int(sys.argv[1])
    uids = [int(u) for u in (sys.argv[2] if len(sys.argv) > 2 else '1,2,3').split(',')]
    base = int(sys.argv[3]) if len(sys.argv) > 3 else 7000
    sys.exit(aiomas.run(until=main(index, uids, base)))
