# SPDX-License-Identifier: MIT
"""The runner's side of the hub connection: one ordered stream, one message at a time."""

import os
import socket
import sys

from . import protocol

#: The runner's exit status when the hub connection goes away.
EXIT_HUB_GONE = 3


class HubAddressError(ValueError):
    """A hub address the runner cannot read."""


def parse_address(address):
    """(family, target) for ``ipc://PATH``, ``unix:PATH``, a bare path or ``tcp://HOST:PORT``."""
    if address.startswith("tcp://"):
        rest = address[len("tcp://"):].rstrip("/")
        host, sep, port = rest.rpartition(":")
        if not sep or not port.isdigit():
            raise HubAddressError("no port in %r" % address)
        if host.startswith("[") and host.endswith("]"):
            return socket.AF_INET6, (host[1:-1], int(port))
        return socket.AF_INET, (host, int(port))
    for prefix in ("ipc://", "unix://", "unix:"):
        if address.startswith(prefix):
            address = address[len(prefix):]
            break
    if not address:
        raise HubAddressError("an empty hub address")
    return socket.AF_UNIX, address


def hub_gone(reason):
    """The hub went away: nobody is left to step this program, so it ends here."""
    try:
        sys.stderr.write("masstep: %s; stopping\n" % reason)
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(EXIT_HUB_GONE)


class HubLink:
    """The connection to the hub: sends whole messages, receives one message when asked."""

    def __init__(self, address):
        family, target = parse_address(address)
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.connect(target)
        except OSError:
            self.socket.close()
            raise
        self.socket.set_inheritable(False)
        self._decoder = protocol.Decoder()
        self.sent = 0

    def send(self, header, data=b""):
        try:
            self.socket.sendall(protocol.encode(header, data))
        except OSError as error:
            hub_gone("the hub connection failed (%s)" % error.strerror)
        self.sent += 1

    def receive(self):
        """Blocks until one whole message is there: (header, data)."""
        while True:
            try:
                message = self._decoder.next()
            except protocol.ProtocolError as error:
                hub_gone("the hub sent something that is not a hub message (%s)" % error)
            if message is not None:
                return message
            try:
                chunk = self.socket.recv(1 << 16)
            except InterruptedError:
                continue
            except OSError as error:
                hub_gone("the hub connection failed (%s)" % error.strerror)
            if not chunk:
                hub_gone("the hub closed the connection")
            self._decoder.feed(chunk)

    def close(self):
        try:
            self.socket.close()
        except OSError:
            pass
