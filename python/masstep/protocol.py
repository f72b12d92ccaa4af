# SPDX-License-Identifier: MIT
"""The hub protocol's encoding (docs/masstep-protocol.md).

One message on the stream is

    u32 total    big-endian: the number of bytes that follow (4 + header + data)
    u32 header   big-endian: the length of the JSON header
    header       UTF-8 JSON object with at least "type"
    data         the message's bytes (a frame, a raw chunk), possibly empty

Both directions use the same encoding.
"""

import json
import struct

VERSION = 1

#: The largest aiomas frame the runner cuts (the C++ FrameDecoder's default limit, 64 MiB).
#: A length header beyond it means the connection does not speak aiomas framing.
MAX_FRAME = 64 * 1024 * 1024

#: The largest hub message accepted (a frame plus its header, with room to spare).
MAX_MESSAGE = MAX_FRAME + 1024 * 1024

_U32 = struct.Struct(">I")


class ProtocolError(Exception):
    """The other side sent something that is not a hub message."""


def encode(header, data=b""):
    """One message: the header (a dict with "type") and its data bytes."""
    text = json.dumps(header, separators=(",", ":"), sort_keys=True,
                      ensure_ascii=False).encode("utf-8")
    return (_U32.pack(4 + len(text) + len(data)) + _U32.pack(len(text)) + text
            + bytes(data))


class Decoder:
    """Cuts a byte stream into messages, however it was split."""

    def __init__(self):
        self._buffer = bytearray()

    def feed(self, data):
        self._buffer += data

    def next(self):
        """The next complete message as (header, data), or None."""
        if len(self._buffer) < 4:
            return None
        total = _U32.unpack_from(self._buffer, 0)[0]
        if total < 4 or total > MAX_MESSAGE:
            raise ProtocolError("bad message length %d" % total)
        if len(self._buffer) < 4 + total:
            return None
        header_size = _U32.unpack_from(self._buffer, 4)[0]
        if header_size > total - 4:
            raise ProtocolError("bad header length %d" % header_size)
        text = bytes(self._buffer[8:8 + header_size])
        data = bytes(self._buffer[8 + header_size:4 + total])
        del self._buffer[:4 + total]
        try:
            header = json.loads(text.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise ProtocolError("bad header: %s" % error) from None
        if not isinstance(header, dict) or not isinstance(header.get("type"), str):
            raise ProtocolError("a header without a type")
        return header, data


class FrameCutter:
    """Cuts what a program writes on one connection into aiomas frames.

    A frame is a 4-byte big-endian length and that many bytes. ``feed`` returns a list of
    ``(raw, bytes)``: complete frames (raw False, header included) and, once the stream has shown
    that it is not aiomas framing (a length beyond MAX_FRAME), raw chunks as written. ``rest``
    gives what is left of an unfinished frame when the connection closes.
    """

    def __init__(self):
        self._buffer = bytearray()
        self.raw = False

    def feed(self, data):
        if self.raw:
            return [(True, bytes(data))] if data else []
        self._buffer += data
        out = []
        while len(self._buffer) >= 4:
            size = _U32.unpack_from(self._buffer, 0)[0]
            if size > MAX_FRAME:
                self.raw = True
                out.append((True, bytes(self._buffer)))
                self._buffer.clear()
                break
            if len(self._buffer) < 4 + size:
                break
            out.append((False, bytes(self._buffer[:4 + size])))
            del self._buffer[:4 + size]
        return out

    def rest(self):
        data = bytes(self._buffer)
        self._buffer.clear()
        return data


def tcp_address(host, port):
    """The virtual address of a TCP endpoint: ``tcp://host:port`` (IPv6 in brackets)."""
    if host in (None, ""):
        host = "0.0.0.0"
    elif host == "localhost":
        host = "127.0.0.1"
    host = str(host)
    if ":" in host:
        host = "[%s]" % host
    return "tcp://%s:%d" % (host, int(port))


def ipc_address(path):
    """The virtual address of a Unix socket: ``ipc://`` and its path."""
    return "ipc://%s" % path


def socket_name(address):
    """What get_extra_info('peername'/'sockname') gives for a virtual address."""
    if address is None:
        return None
    if address.startswith("tcp://"):
        rest = address[len("tcp://"):]
        host, _, port = rest.rpartition(":")
        if host.startswith("[") and host.endswith("]"):
            return (host[1:-1], int(port), 0, 0)
        return (host, int(port))
    if address.startswith("ipc://"):
        return address[len("ipc://"):]
    return address
