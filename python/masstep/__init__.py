# SPDX-License-Identifier: MIT
"""masstep: runs an unmodified asyncio program on a stepped, virtual network and clock.

    python3 -m masstep [--hub ADDRESS] [--seed N] PROGRAM.py [ARGS...]

The hub (the MAS Inspector, `mas run`, or a test) decides when each frame is delivered and when
the virtual clock moves. See docs/python.md and docs/masstep-protocol.md.
"""

__version__ = "1.0"

from .protocol import VERSION as PROTOCOL_VERSION  # noqa: E402,F401
