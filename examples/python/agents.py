# SPDX-License-Identifier: MIT
"""The agent example of aiomas's README (aiomas 1.0.1), as a program. NEEDS AIOMAS, which is not
in Debian (`pip install aiomas`; aiomas 2.0.1 needs small patches of its own for Python 3.10
and newer). Two agents in one container: agent 0 calls agent 1's `service(42)`.

    python3 agents.py                      in real time
    mas run --python agents.py             stepped: validate_aid, service and their replies
"""

import aiomas


class TestAgent(aiomas.Agent):
    def __init__(self, container):
        super().__init__(container)
        print('Ohai, I am %s' % self)

    async def run(self, addr):
        remote_agent = await self.container.connect(addr)
        ret = await remote_agent.service(42)
        print('%s got %s from %s' % (self, ret, remote_agent))

    @aiomas.expose
    def service(self, value):
        return value


if __name__ == '__main__':
    c = aiomas.Container.create(('localhost', 5555))
    agents = [TestAgent(c) for i in range(2)]
    aiomas.run(until=agents[0].run(agents[1].addr))
    c.shutdown()
