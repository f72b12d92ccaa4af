#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the seed inputs of the fuzz targets in tests/fuzz (see docs/fuzzing.md).

Seeds come from the aiomas and mosaik wire transcripts (../shared/interop/*.json next to the
project, or --interop DIR): frame streams, payloads for each codec, RPC request contents and
the addresses inside them; plus hand-made hostile cases: empty and truncated input, huge
lengths, deep nesting, bad UTF-8, NaN tokens, blosc headers with lying sizes, URLs with odd
ports and ids, event-log lines with missing fields.

    python3 tests/fuzz/make-seeds.py                  # into tests/fuzz/corpus/<target>/
    python3 tests/fuzz/make-seeds.py --out /tmp/seeds # elsewhere, e.g. before a -merge=1

Files are named seed-<what>; existing files of the same name are overwritten, others are left.
Without the transcripts only the hand-made seeds are written. Needs nothing beyond Python 3.
"""

import argparse
import json
import math
import re
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = [
    "frame_decoder",
    "codec_json",
    "codec_msgpack",
    "codec_msgpackblosc",
    "rpc_request",
    "agent_url",
    "event_log",
]
CODEC_INDEX = {"json": 0, "msgpack": 1, "msgpackblosc": 2}


# ---- encoders (Python's json.dumps and msgpack.packb(use_bin_type=True), enough for seeds) ----

class Raw:
    """Bytes written into a JSON document as they are (NaN tokens, bad UTF-8, big numbers)."""

    def __init__(self, data):
        self.data = data


def json_bytes(value):
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, float) and not math.isfinite(value):
        return b"NaN" if math.isnan(value) else (b"Infinity" if value > 0 else b"-Infinity")
    if isinstance(value, list):
        return b"[" + b", ".join(json_bytes(v) for v in value) + b"]"
    if isinstance(value, dict):
        return b"{" + b", ".join(json_bytes(str(k)) + b": " + json_bytes(v) for k, v in value.items()) + b"}"
    return json.dumps(value).encode()


def msgpack_bytes(value):
    if isinstance(value, Raw):
        return value.data
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if 0 <= value < 128:
            return bytes([value])
        if -32 <= value < 0:
            return struct.pack("b", value)
        if 0 <= value < 2**8:
            return b"\xcc" + struct.pack(">B", value)
        if 0 <= value < 2**16:
            return b"\xcd" + struct.pack(">H", value)
        if 0 <= value < 2**32:
            return b"\xce" + struct.pack(">I", value)
        if 0 <= value < 2**64:
            return b"\xcf" + struct.pack(">Q", value)
        if -2**7 <= value:
            return b"\xd0" + struct.pack(">b", value)
        if -2**15 <= value:
            return b"\xd1" + struct.pack(">h", value)
        if -2**31 <= value:
            return b"\xd2" + struct.pack(">i", value)
        return b"\xd3" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"\xcb" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        n = len(data)
        if n < 32:
            return bytes([0xA0 | n]) + data
        if n < 2**8:
            return b"\xd9" + struct.pack(">B", n) + data
        if n < 2**16:
            return b"\xda" + struct.pack(">H", n) + data
        return b"\xdb" + struct.pack(">I", n) + data
    if isinstance(value, (bytes, bytearray)):
        n = len(value)
        if n < 2**8:
            return b"\xc4" + struct.pack(">B", n) + bytes(value)
        if n < 2**16:
            return b"\xc5" + struct.pack(">H", n) + bytes(value)
        return b"\xc6" + struct.pack(">I", n) + bytes(value)
    if isinstance(value, list):
        n = len(value)
        head = bytes([0x90 | n]) if n < 16 else (b"\xdc" + struct.pack(">H", n) if n < 2**16 else b"\xdd" + struct.pack(">I", n))
        return head + b"".join(msgpack_bytes(v) for v in value)
    if isinstance(value, dict):
        n = len(value)
        head = bytes([0x80 | n]) if n < 16 else (b"\xde" + struct.pack(">H", n) if n < 2**16 else b"\xdf" + struct.pack(">I", n))
        return head + b"".join(msgpack_bytes(k) + msgpack_bytes(v) for k, v in value.items())
    raise TypeError(type(value))


def blosc_stored(inner, flags=0x13, typesize=8, nbytes=None, blocksize=None, cbytes=None, version=2):
    """A blosc1 frame holding `inner` uncompressed (flags 0x13: memcpyed + shuffle), as
    python-blosc writes small messages; the size fields can be made to lie."""
    n = len(inner)
    header = struct.pack("<BBBBIII", version, 1, flags, typesize,
                         n if nbytes is None else nbytes,
                         n if blocksize is None else blocksize,
                         n + 16 if cbytes is None else cbytes)
    return header + inner


def frame(payload):
    return struct.pack(">I", len(payload)) + payload


def nested_json(depth):
    """[[[...0...]]], `depth` lists deep (written directly: Python's recursion limit is ~1000)."""
    return b"[" * depth + b"0" + b"]" * depth


def nested_msgpack(depth):
    return b"\x91" * depth + b"\x00"


# ---- seeds from the transcripts ----

def load_transcripts(interop):
    files = {}
    for name, codec in [("aiomas-wire-json.json", "json"), ("aiomas-wire-msgpack.json", "msgpack"),
                        ("aiomas-wire-msgpackblosc.json", "msgpackblosc"), ("mosaik-wire-json.json", "json")]:
        path = interop / name
        if path.exists():
            files[name] = (codec, json.loads(path.read_text()))
    return files


def transcript_seeds(files, seeds):
    addresses = set()
    for name, (codec, frames) in files.items():
        stem = name.replace("-wire", "").replace(".json", "")
        streams = {}
        for i, f in enumerate(frames):
            raw = bytes.fromhex(f["hex"])
            payload = raw[4:]
            case = f["case"]
            direction = f["direction"]
            # Frame streams: everything one side wrote on one connection, in order.
            key = (case, f.get("conn", 0), direction)
            streams.setdefault(key, b"")
            streams[key] += raw
            # Payloads, one per distinct case and direction (the first of each).
            tag = f"{stem}-{case}-{direction}-{i}"
            seeds.setdefault(f"codec_{codec}", {})[f"seed-{tag}"] = payload
            decoded = f["decoded"]
            if decoded[0] == 0:  # a request: the RPC target gets it as is
                container = case.startswith(("agent_", "subproc_"))
                mode = CODEC_INDEX[codec] | (4 if container else 0)
                seeds.setdefault("rpc_request", {})[f"seed-{tag}"] = bytes([mode, 0]) + payload
            for match in re.finditer(r"(?:tcp|ipc|local)://[^\"\s,\]}]*", json.dumps(decoded)):
                addresses.add(match.group(0))
        for (case, conn, direction), stream in sorted(streams.items()):
            if len(stream) > 4096:
                continue
            seeds.setdefault("frame_decoder", {})[f"seed-{stem}-{case}-{conn}-{direction}"] = (
                bytes([0x80, 0x12, 0x34]) + stream)
    for n, address in enumerate(sorted(addresses)):
        seeds.setdefault("agent_url", {})[f"seed-transcript-{n}"] = address.encode()


# ---- hand-made seeds ----

def frame_seeds(s):
    hello = frame(b'[0, 0, "hello"]')
    s["seed-empty"] = b""
    s["seed-only-parameters"] = bytes([0x80, 0, 0])
    s["seed-truncated-header"] = bytes([0x80, 1, 2]) + b"\x00\x00"
    s["seed-truncated-payload"] = bytes([0x80, 1, 2]) + hello[:-3]
    s["seed-zero-length-frames"] = bytes([0x80, 7, 7]) + b"\x00\x00\x00\x00" * 5
    s["seed-huge-length"] = bytes([0x80, 0, 1]) + b"\xff\xff\xff\xff" + b"x" * 8
    s["seed-over-small-limit"] = bytes([0x01, 0, 1]) + frame(b"x" * 16) + frame(b"y" * 17)
    s["seed-at-small-limit"] = bytes([0x02, 0x80, 1]) + frame(b"z" * 32) + frame(b"")
    s["seed-many-frames-big-chunks"] = bytes([0x80, 0x80, 0x55]) + hello * 20
    s["seed-length-past-limit-after-frames"] = bytes([0x04, 3, 9]) + hello * 3 + struct.pack(">I", 65) + b"q" * 65


def json_seeds(s):
    cases = {
        "empty": b"",
        "whitespace": b" \t\r\n",
        "truncated-list": b"[0, 1, [",
        "truncated-string": b'[0, 1, "abc',
        "truncated-escape": b'"\\u12',
        "nan-tokens": json_bytes([0, 1, [float("nan"), float("inf"), float("-inf"), Raw(b"-0.0"), Raw(b"1e400"), Raw(b"-1e-400")]]),
        "bad-nan": b"[NaNa, Inf]",
        "big-ints": json_bytes([0, 18446744073709551615, [Raw(b"123456789012345678901234567890"), Raw(b"-9223372036854775809"), -9223372036854775808]]),
        "bad-utf8": b'[0, 1, "\xc3\x28 \xed\xa0\x80 \xf4\x90\x80\x80 \xe0\x80\xaf"]',
        "lone-surrogates": b'[0, 1, ["\\ud800", "\\udc00x", "\\ud83d\\ude00"]]',
        "control-char": b'[0, 1, "a\x01b"]',
        "escapes": b'[0, 1, "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\x"]',
        "deep-1000": nested_json(1000),
        "deep-1001": nested_json(1001),
        "deep-objects": b'{"a": ' * 200 + b"1" + b"}" * 200,
        "duplicate-keys": b'{"a": 1, "b": 2, "a": 3}',
        "many-keys": json_bytes({f"k{i}": i for i in range(40)} | {"k3": "again"}),
        "trailing-garbage": b'[0, 1, 2] x',
        "numbers": b"[0, -0, 1.5, -1.5e+10, 1E5, 0.1, 5e-324, 1.7976931348623157e308, 01, 1., .5, -]",
        "date-tag": json_bytes([1, 3, {"__type__": [0, "2016-01-01T00:01:30+00:00"]}]),
        "date-tag-bad": json_bytes([1, 3, {"__type__": [0, "2016-13-45T99:00:00+99:99"]}]),
        "date-tag-odd": json_bytes([1, 3, [{"__type__": [0, "0001-01-01 00:00:00.123456789Z"]}, {"__type__": [0, "9999-12-31T23:59:59-23:59"]}]]),
        "box-tag-nested": json_bytes([0, 1, {"__type__": [1, {"__type__": [1, [1, {"__type__": [2, "agents/0"]}]]}]}]),
        "tag-malformed": json_bytes([0, 1, [{"__type__": 5}, {"__type__": [0]}, {"__type__": [7, 1]}, {"__type__": [-1, 1]}]]),
        "tag-extra-keys": json_bytes([0, 1, {"__type__": [1, 5], "other": 2}]),
        "message-bad-type": b'[3, 0, null]',
        "message-negative-id": b'[0, -1, null]',
        "message-two-items": b'[0, 1]',
    }
    for name, data in cases.items():
        s[f"seed-{name}"] = data


def msgpack_seeds(s):
    cases = {
        "empty": b"",
        "truncated-array": b"\x93\x00",
        "array32-huge": b"\xdd\xff\xff\xff\xff\x00",
        "map32-huge": b"\xdf\xff\xff\xff\xff\x00\x00",
        "str32-huge": b"\xdb\xff\xff\xff\xf0abc",
        "bin32-huge": b"\xc6\x7f\xff\xff\xffabc",
        "nested-huge-headers": b"\xdd\xff\xff\xff\xff" * 50,
        "deep-1000": nested_msgpack(1000),
        "deep-1001": nested_msgpack(1001),
        "ext": b"\x93\x00\x01\xd4\x01\x02",
        "float32": b"\x93\x00\x01\xca\x7f\xc0\x00\x00",
        "nan-double": msgpack_bytes([0, 1, [float("nan"), float("inf"), -0.0]]),
        "int-edges": msgpack_bytes([0, 2**64 - 1, [-2**63, 2**63, 2**63 - 1, -33, -32, 127, 128]]),
        "bin": msgpack_bytes([0, 1, ["echo", [b"\x00\x01\xff"], {}]]),
        "bad-utf8": msgpack_bytes([0, 1, Raw(b"\xa3\xed\xa0\x80")]),
        "non-string-keys": msgpack_bytes([0, 1, Raw(b"\x83\x01\x02\xc0\xc3\x91\x01\x80")]),
        "never-used-byte": b"\xc1",
        "trailing-bytes": b"\x93\x00\x01\xc0\xc0",
        "date-tag": msgpack_bytes([1, 3, {"__type__": [0, "2016-01-01T00:01:30+00:00"]}]),
        "box-tag": msgpack_bytes([0, 1, {"__type__": [1, {"__type__": [2, "agents/1"]}]}]),
        "tag-key-not-string": msgpack_bytes([0, 1, Raw(b"\x81\xa8__type__\x92\x01\xc0")]),
        "uint-id": msgpack_bytes([2, 2**63 + 5, "failure"]),
    }
    for name, data in cases.items():
        s[f"seed-{name}"] = data


def blosc_seeds(s):
    inner = msgpack_bytes([0, 0, ["add", [1, 2], {}]])
    cases = {
        "empty": b"",
        "short-header": blosc_stored(inner)[:15],
        "stored": blosc_stored(inner),
        "stored-deep": blosc_stored(nested_msgpack(100)),
        "lying-nbytes-huge": blosc_stored(inner, nbytes=0x7FFFFFF0),
        "lying-nbytes-over-limit": blosc_stored(inner, flags=0x01, nbytes=300 * 1024 * 1024),
        "lying-cbytes": blosc_stored(inner, cbytes=4096),
        "lying-cbytes-short": blosc_stored(inner, cbytes=10),
        "blocksize-zero": blosc_stored(inner, flags=0x01, blocksize=0),
        "typesize-zero": blosc_stored(inner, typesize=0),
        "version-unknown": blosc_stored(inner, version=9),
        "compressed-flag-garbage": blosc_stored(b"\x00" * 64, flags=0x01, nbytes=1000, blocksize=1000),
        "nbytes-zero": blosc_stored(b"", nbytes=0),
        "stored-not-msgpack": blosc_stored(b"\xc1\xc1\xc1"),
    }
    for name, data in cases.items():
        s[f"seed-{name}"] = data


def rpc_seeds(s):
    def request(content, codec="json", container=False, split=0, msg_id=7):
        mode = CODEC_INDEX[codec] | (4 if container else 0) | (8 if split else 0)
        message = [0, msg_id, content]
        if codec == "json":
            payload = json_bytes(message)
        elif codec == "msgpack":
            payload = msgpack_bytes(message)
        else:
            payload = blosc_stored(msgpack_bytes(message))
        return bytes([mode, split]) + payload

    calls = {
        "add": ["add", [1, 2], {}],
        "add-overflow": ["add", [2**63 - 1, 1], {}],
        "add-kwargs": ["add", [], {"a": 40, "b": 2}],
        "add-duplicate-kw": ["add", [1], {"a": 2}],
        "add-unknown-kw": ["add", [1, 2], {"zz": 3}],
        "add-wrong-type": ["add", ["x", 2.5], {}],
        "add-arity": ["add", [1, 2, 3], {}],
        "kw": ["kw", [1, 5], {"c": 9}],
        "kw-out-of-range": ["kw", [2**40, -2**40, 2**31], {}],
        "echo-nested": ["echo", [{"a": [1, {"b": None}], "c": 0.1}], {}],
        "fail": ["fail", ["boom"], {}],
        "boom": ["boom", [], {}],
        "sqrt-nan": ["checked_sqrt", [float("nan")], {}],
        "nothing": ["nothing", [], {}],
        "scalars": ["scalars", [True, "s", "\u00e9", None, 1.5, 1e300], {}],
        "widths": ["widths", [255, -32768, 4294967295, 2**64 - 1, -1], {}],
        "widths-overflow": ["widths", [256, 32768, -1, -1, 2**63], {}],
        "optional": ["optional", [None], {"s": "x"}],
        "containers": ["containers", [[1, 2], ["a"], {"w": 1.0}, []], {}],
        "containers-bad": ["containers", [[1, "x"], [1], {"w": "x"}, [1]], {}],
        "maps": ["maps", [{"a": [1]}, {"b": 2}, {"c": True}], {}],
        "tuple": ["tuple", [[1, "x", 2.0], ["p", 3]], {}],
        "tuple-short": ["tuple", [[1], ["p"]], {}],
        "when": ["when", [{"__type__": [0, "2016-01-01T00:01:30+00:00"]}], {}],
        "big": ["big", [Raw(b"123456789012345678901234567890")], {}],
        "variant": ["variant", [{"x": [1, 2]}], {}],
        "caller": ["caller", [3], {}],
        "coro": ["coro", [4], {}],
        "coro-fail": ["coro_fail", ["oops"], {}],
        "get-calc": ["get_calc", [], {}],
        "proxy-path": ["proxy_path", [{"__type__": [0, "calc"]}], {}],
        "not-exposed": ["not_exposed", [], {}],
        "unknown": ["nope", [], {}],
        "calc-mul": ["calc/mul", [6, 7], {}],
        "calc-deep-neg": ["calc/deep/neg", [-2**63], {}],
        "calc-unknown-nested": ["calc/nope/x", [1], {}],
        "root-empty-path": ["", [], {}],
        "trailing-slash": ["calc/", [], {}],
        "obj-add": ["obj/add", [1, 2], {}],
        "obj-describe": ["obj/describe", [], {"who": "x", "weight": 2}],
        "obj-echo": ["obj/echo", [[1, {"a": None}]], {}],
        "obj-join": ["obj/join", [["a", "b"], "-"], {}],
        "obj-count": ["obj/count", [[1, 2, 3]], {}],
        "obj-later": ["obj/later", [{"__type__": [0, "2016-01-01T00:00:00Z"]}, 2**31 - 1], {}],
        "obj-sum3": ["obj/sum", [1, 2, 3], {}],
        "obj-touch": ["obj/touch", [], {}],
        "obj-greet": ["obj/greet", ["Ada"], {}],
        "obj-signal": ["obj/changed", [], {}],
        "obj-private": ["obj/secret", [], {}],
        "agent-hello": ["agents/0/hello", ["C++"], {}],
        "agent-removed": ["agents/1/hello", [], {}],
        "agent-missing": ["agents/99/hello", [], {}],
        "agents-itself": ["agents", [], {}],
    }
    for name, content in calls.items():
        s[f"seed-json-{name}"] = request(content, container=name in ("when", "obj-later"))
    for name in ("add", "kw", "scalars", "widths", "agent-hello", "obj-describe", "proxy-path"):
        s[f"seed-msgpack-{name}"] = request(calls[name], codec="msgpack")
        s[f"seed-blosc-{name}"] = request(calls[name], codec="msgpackblosc")
    s["seed-msgpack-bytes"] = request(["scalars", [False, "", "", b"\x00\xff", 0.0, -0.0], {}], codec="msgpack")
    s["seed-msgpack-obj-reversed"] = request(["obj/reversed", [b"abc"], {}], codec="msgpack")
    s["seed-msgpack-non-string-kw"] = request(["add", [1], Raw(b"\x81\x01\x02")], codec="msgpack")
    s["seed-msgpack-when"] = request(calls["when"], codec="msgpack", container=True)
    s["seed-json-split"] = request(calls["add"], split=6)
    s["seed-not-a-list"] = request("just text")
    s["seed-path-not-text"] = request([1, [], {}])
    s["seed-args-not-list"] = request(["add", {}, {}])
    s["seed-kwargs-not-map"] = request(["add", [], []])
    s["seed-result-unknown-id"] = bytes([0, 0]) + b'[1, 5, "late"]'
    s["seed-failure"] = bytes([0, 0]) + b'[2, 0, "Traceback"]'
    s["seed-undecodable"] = bytes([0, 0]) + b"[0, 1, "
    s["seed-empty"] = b""


def url_seeds(s):
    cases = [
        "tcp://127.0.0.1:5555", "tcp://127.0.0.1:5555/", "tcp://127.0.0.1:5555/0", "tcp://localhost:0",
        "tcp://[::1]:5555/12", "tcp://::1:5555/3", "tcp://[::1]:5555", "tcp://h:65535/a", "tcp://h:65536/0",
        "tcp://h:-1/0", "tcp://h:+5/0", "tcp://h: 5/0", "tcp://h:99999999999999999999/0", "tcp://h:0/0",
        "tcp://h:5/a/b", "tcp://h:5//", "tcp://:5/0", "tcp://[]:5", "tcp://[[x]:5", "tcp://[a]b]:5/0",
        "tcp://h\u00e9:5/\u00e9", "tcp://h:5/\U0001F600", "ipc:///tmp/mas.sock", "ipc://[/tmp/a]/b]/0",
        "ipc://[/tmp/c.sock]/7", "ipc://[]/0", "ipc://[x]/", "ipc://rel.sock", "ipc://", "local://q",
        "local://q/", "local://q/3", "local:///3", "local://q/3/4", "udp://h:5", "", "tcp://", "tcp://h:5/ ",
    ]
    for n, text in enumerate(cases):
        s[f"seed-hand-{n:02d}"] = text.encode("utf-8")
    s["seed-bad-utf8"] = b"tcp://h\xff\xfe:5/\xc3"


def event(seq, kind, **fields):
    e = {"seq": seq, "kind": kind, "sim": 0.0, "wall": 1700000000000 + seq, "msg": 0, "conn": 1,
         "from": "tcp://127.0.0.1:5555/", "to": "tcp://127.0.0.1:5556/", "type": 0, "rid": -1,
         "path": "", "size": 0, "content": None}
    e.update(fields)
    return json_bytes(e)


def event_log_seeds(s):
    a, b = "local://a/", "local://b/"
    log = [
        event(0, "connected", to=b, **{"from": a}),
        event(1, "sent", msg=1, type=0, rid=0, path="agents/0/hello", size=40,
              content=["agents/0/hello", ["x"], {}], **{"from": a}),
        event(2, "delivered", msg=1, type=0, rid=0, path="agents/0/hello", size=40, sim=1.5),
        event(3, "duplicated", msg=2, orig=1, size=40),
        event(4, "delayed", msg=2, pos=3),
        event(5, "dropped", msg=2),
        event(6, "clockchanged", sim=90.0),
        event(7, "sent", msg=3, type=1, rid=0, content={"$bytes": "00ff10"}),
        event(8, "closed"),
    ]
    s["seed-log"] = b"\n".join(log) + b"\n"
    s["seed-session"] = json_bytes({"mas-session": 1, "demo": "echo", "parameters": {"agents": 3}}) + b"\n" + b"\n".join(log[:3])
    s["seed-crlf-blank-lines"] = b"\r\n\n" + log[1] + b"\r\n\r\n" + log[2]
    s["seed-empty"] = b""
    s["seed-missing-fields"] = b'{"kind": "sent"}\n{"kind": "delivered", "seq": 1}\n'
    s["seed-no-kind"] = b'{"seq": 0}\n'
    s["seed-unknown-kind"] = b'{"kind": "exploded"}\n'
    s["seed-wrong-types"] = json_bytes({"kind": "sent", "seq": "x", "sim": "y", "wall": [], "msg": -5, "conn": 2**64 - 1,
                                        "from": 1, "to": None, "type": 99, "rid": 1.5, "path": {}, "size": -1,
                                        "content": {"$bytes": "zz"}}) + b"\n"
    s["seed-nan-sim"] = event(0, "clockchanged", sim=float("nan")) + b"\n" + event(1, "delivered", sim=float("inf"))
    s["seed-not-an-object"] = b"[1, 2, 3]\n"
    s["seed-truncated-line"] = log[1][:30]
    s["seed-session-key-in-content"] = event(0, "sent", content={"mas-session": 1}) + b"\n"
    s["seed-session-key-in-content-line-2"] = b"\n" + event(0, "sent", content={"mas-session": 1}) + b"\n"
    s["seed-session-not-first"] = log[0] + b"\n" + json_bytes({"mas-session": 1}) + b"\n"
    s["seed-bytes-content-nested"] = event(0, "sent", content=[{"$bytes": "abc"}, {"$bytes": 5}, {"$bytes": "00", "x": 1}]) + b"\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interop", type=Path, default=HERE.parent.parent.parent / "shared" / "interop",
                        help="the wire transcripts (default: ../shared/interop next to the project)")
    parser.add_argument("--out", type=Path, default=HERE / "corpus", help="writes <out>/<target>/seed-*")
    args = parser.parse_args()

    seeds = {t: {} for t in TARGETS}
    files = load_transcripts(args.interop)
    if not files:
        print(f"note: no transcripts in {args.interop}; writing the hand-made seeds only")
    transcript_seeds(files, seeds)
    frame_seeds(seeds["frame_decoder"])
    json_seeds(seeds["codec_json"])
    msgpack_seeds(seeds["codec_msgpack"])
    blosc_seeds(seeds["codec_msgpackblosc"])
    rpc_seeds(seeds["rpc_request"])
    url_seeds(seeds["agent_url"])
    event_log_seeds(seeds["event_log"])

    for target, files_of in seeds.items():
        directory = args.out / target
        directory.mkdir(parents=True, exist_ok=True)
        # Identical contents are written once.
        seen = set()
        written = 0
        for name, data in sorted(files_of.items()):
            if data in seen:
                continue
            seen.add(data)
            (directory / re.sub(r"[^A-Za-z0-9._-]", "_", name)).write_bytes(data)
            written += 1
        print(f"{target}: {written} seeds")


if __name__ == "__main__":
    main()
