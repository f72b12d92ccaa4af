# SPDX-License-Identifier: MIT
"""Fails after one turn of its loop: with an exception, or with `exit N`."""
import asyncio
import sys


async def main():
    await asyncio.sleep(1)
    if len(sys.argv) > 2 and sys.argv[1] == "exit":
        sys.exit(int(sys.argv[2]))
    raise ValueError("boom at t=%g" % asyncio.get_running_loop().time())


asyncio.run(main())
