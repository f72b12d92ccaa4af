# SPDX-License-Identifier: MIT
"""Sleeps an hour of virtual time, then says when it woke."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("sleeping at t=%g" % loop.time())
    await asyncio.sleep(3600)
    print("woke at t=%g" % loop.time())


asyncio.run(main())
