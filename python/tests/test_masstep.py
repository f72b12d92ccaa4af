# SPDX-License-Identifier: MIT
"""The runner's tests: programs run under `python3 -m masstep` against the fake hub.

    cd python && python3 -m unittest discover -s tests
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from fakehub import PYTHON_DIR, WAIT, FakeHub  # noqa: E402
from masstep import protocol  # noqa: E402

EXAMPLES = os.path.join(os.path.dirname(PYTHON_DIR), "examples", "python")
PROGRAMS = os.path.join(HERE, "programs")
ECHO = os.path.join(EXAMPLES, "echo.py")
RING = os.path.join(EXAMPLES, "ring.py")


def program(name):
    return os.path.join(PROGRAMS, name)


class HubTestCase(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="masstep-test-")
        self.hubs = []

    def tearDown(self):
        for hub in self.hubs:
            hub.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def hub(self, seed=0):
        directory = tempfile.mkdtemp(dir=self.directory)
        hub = FakeHub(directory, seed)
        self.hubs.append(hub)
        return hub

    def assertExited(self, process, code):
        self.assertIsNotNone(process.exit, "%s did not report its exit; stderr: %s" % (process.name, process.errors()))
        self.assertEqual(process.exit["code"], code, process.errors())
        self.assertEqual(process.popen.wait(WAIT), code)


class ProtocolTest(unittest.TestCase):
    def test_messages_survive_any_split(self):
        stream = protocol.encode({"type": "send", "conn": 3, "raw": False}, b"\x00\x00\x00\x02hi") + \
            protocol.encode({"type": "idle", "seen": 1, "time": 0.1, "timers": []})
        decoder = protocol.Decoder()
        messages = []
        for byte in stream:
            decoder.feed(bytes([byte]))
            message = decoder.next()
            if message:
                messages.append(message)
        self.assertEqual(messages, [({"type": "send", "conn": 3, "raw": False}, b"\x00\x00\x00\x02hi"),
                                    ({"type": "idle", "seen": 1, "time": 0.1, "timers": []}, b"")])

    def test_bad_length_is_refused(self):
        decoder = protocol.Decoder()
        decoder.feed(b"\x00\x00\x00\x02xx")
        with self.assertRaises(protocol.ProtocolError):
            decoder.next()

    def test_frame_cutter(self):
        cutter = protocol.FrameCutter()
        self.assertEqual(cutter.feed(b"\x00\x00\x00\x03ab"), [])
        self.assertEqual(cutter.feed(b"c\x00\x00\x00\x00\x00"), [(False, b"\x00\x00\x00\x03abc"),
                                                               (False, b"\x00\x00\x00\x00")])
        self.assertEqual(cutter.rest(), b"\x00")
        raw = protocol.FrameCutter()
        self.assertEqual(raw.feed(b"GET / HTTP/1.0"), [(True, b"GET / HTTP/1.0")])
        self.assertEqual(raw.feed(b"\r\n"), [(True, b"\r\n")])

    def test_addresses(self):
        self.assertEqual(protocol.tcp_address("localhost", 5555), "tcp://127.0.0.1:5555")
        self.assertEqual(protocol.tcp_address(None, 1), "tcp://0.0.0.0:1")
        self.assertEqual(protocol.tcp_address("::1", 2), "tcp://[::1]:2")
        self.assertEqual(protocol.socket_name("tcp://[::1]:2"), ("::1", 2, 0, 0))
        self.assertEqual(protocol.socket_name("ipc:///tmp/a"), "/tmp/a")


class CommandLineTest(unittest.TestCase):
    def run_masstep(self, *args, env=None):
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("MASSTEP_")}
        full_env["PYTHONPATH"] = PYTHON_DIR
        full_env.update(env or {})
        return subprocess.run([sys.executable, "-m", "masstep"] + list(args), env=full_env,
                              capture_output=True, text=True, timeout=WAIT)

    def test_without_a_hub_it_says_so_and_exits_2(self):
        result = self.run_masstep(program("sleeper.py"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("no hub", result.stderr)
        self.assertIn("MASSTEP_HUB", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_an_unreachable_hub_exits_2(self):
        with tempfile.TemporaryDirectory() as directory:
            result = self.run_masstep("--hub", "ipc://" + os.path.join(directory, "none.sock"),
                                      program("sleeper.py"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("cannot reach the hub", result.stderr)


class EchoTest(HubTestCase):
    def test_echo_in_one_process(self):
        hub = self.hub()
        echo = hub.start("echo", ECHO, "both", 5555, "hello", "world")
        # the first request waits in the hub until it is delivered
        self.assertEqual(len(hub.pending), 1)
        kind, request_id, content = json.loads(hub.pending[0].data[4:])
        self.assertEqual((kind, request_id, content), (0, 0, ["echo", ["hello"], {}]))
        self.assertFalse(hub.pending[0].raw)
        hub.run()
        self.assertExited(echo, 0)
        self.assertIn("client: hello -> hello at t=0", echo.output())
        self.assertIn("client: world -> world at t=0", echo.output())
        self.assertEqual(echo.errors(), "")

    def test_echo_in_two_processes(self):
        hub = self.hub()
        server = hub.start("server", ECHO, "server", 5556)
        client = hub.start("client", ECHO, "client", 5556, "one", "two", "three")
        hub.run()
        self.assertExited(client, 0)
        self.assertExited(server, 0)
        self.assertIn("server: listening on ('127.0.0.1', 5556)", server.output())
        for word in ("one", "two", "three"):
            self.assertIn("client: %s -> %s" % (word, word), client.output())

    def test_the_client_retries_on_the_virtual_clock_until_the_server_listens(self):
        hub = self.hub()
        client = hub.start("client", ECHO, "client", 5557, "early")
        self.assertIn(["refused", "client", "tcp://127.0.0.1:5557"], hub.log)
        self.assertEqual([t["due"] for t in client.timers], [0.1])
        self.assertTrue(hub.advance())
        self.assertEqual(client.time, 0.1)
        server = hub.start("server", ECHO, "server", 5557)
        hub.run()
        self.assertExited(client, 0)
        self.assertExited(server, 0)
        self.assertIn("client: early -> early at t=0.2", client.output())

    def test_a_dropped_frame_is_lost_until_the_senders_timeout(self):
        hub = self.hub()
        echo = hub.start("echo", ECHO, "both", 5558, "lost")
        self.assertEqual(len(hub.pending), 1)
        hub.drop(hub.pending[0].id)
        hub.settle()
        self.assertIsNone(echo.exit)
        self.assertEqual([t["due"] for t in echo.timers], [5.0])
        self.assertIn("timeout in main() at echo.py:", echo.timers[0]["what"])
        hub.run()
        self.assertExited(echo, 1)
        self.assertIn("client: no answer for lost, gave up at t=5", echo.output())


class RingTest(HubTestCase):
    def run_ring(self, order, seed=0):
        hub = self.hub(seed)
        nodes = [hub.start("node%d" % i, RING, i) for i in range(3)]
        hub.run(order=order)
        return hub, nodes

    def test_delivery_order_changes_the_outcome(self):
        _, fifo = self.run_ring("fifo")
        for node in fifo:
            self.assertExited(node, 1)
            self.assertIn("no leader, gave up", node.output())
        self.assertIn("node 1 (uid 2) t=1: drops candidate 3 (follows 1)", fifo[1].output())
        self.assertIn("t=30.1: no leader", fifo[0].output())

        hub, lifo = self.run_ring("lifo")
        for node in lifo:
            self.assertExited(node, 0)
            self.assertIn("leader is 3", node.output())
        self.assertIn("node 2 (uid 3) t=1: is the leader", lifo[2].output())
        # the frames the hub held were the nodes' aiomas requests
        methods = {json.loads(bytes.fromhex(entry[5])[4:])[2][0] for entry in hub.log
                   if entry[0] == "hold" and entry[2] == "data"}
        self.assertEqual(methods, {"elect", "leader"})

    def test_the_same_choices_give_the_same_log(self):
        first, _ = self.run_ring("random", seed=7)
        second, _ = self.run_ring("random", seed=7)
        self.assertGreater(len(first.log), 30)
        self.assertEqual(first.log, second.log)
        fifo1, _ = self.run_ring("fifo")
        self.assertNotEqual(first.log, fifo1.log)


class ClockTest(HubTestCase):
    def test_sleep_ends_only_when_the_clock_is_moved(self):
        hub = self.hub()
        sleeper = hub.start("sleeper", program("sleeper.py"))
        self.assertEqual([t["due"] for t in sleeper.timers], [3600])
        self.assertIn("asyncio.sleep in main() at sleeper.py", sleeper.timers[0]["what"])
        hub._pump(0.5)  # left alone, it stays idle: nothing arrives
        self.assertTrue(sleeper.quiet)
        self.assertNotIn("woke", sleeper.output())
        hub.advance(1800)
        self.assertEqual(sleeper.time, 1800)
        self.assertNotIn("woke", sleeper.output())
        self.assertEqual([t["due"] for t in sleeper.timers], [3600])
        hub.advance()
        self.assertExited(sleeper, 0)
        self.assertEqual(sleeper.output(), "sleeping at t=0\nwoke at t=3600\n")


class LifeTest(HubTestCase):
    def test_the_runner_exits_when_the_hub_goes_away(self):
        hub = self.hub()
        sleeper = hub.start("sleeper", program("sleeper.py"))
        hub.disconnect(sleeper)
        self.assertEqual(hub.wait_exit(sleeper), 3)
        self.assertIn("the hub closed the connection", sleeper.errors())

    def test_a_crash_reports_its_traceback_and_status(self):
        hub = self.hub()
        crash = hub.start("crash", program("crash.py"))
        hub.run()
        self.assertExited(crash, 1)
        self.assertEqual(crash.exit["error"], "ValueError: boom at t=1")
        self.assertIn("crash.py", crash.exit["traceback"])
        self.assertNotIn("runpy", crash.exit["traceback"])
        self.assertIn("ValueError: boom at t=1", crash.errors())

    def test_exit_status(self):
        hub = self.hub()
        crash = hub.start("crash", program("crash.py"), "exit", 7)
        hub.run()
        self.assertExited(crash, 7)
        self.assertNotIn("traceback", crash.exit)

    def test_a_missing_program(self):
        hub = self.hub()
        missing = hub.start("missing", os.path.join(self.directory, "nothing.py"))
        self.assertExited(missing, 2)
        self.assertIn("no such program", missing.exit["error"])

    def test_stop(self):
        hub = self.hub()
        sleeper = hub.start("sleeper", program("sleeper.py"))
        hub.control.append((sleeper, {"type": "stop"}, b""))
        hub.settle()
        self.assertEqual(hub.wait_exit(sleeper), 0)
        self.assertIsNone(sleeper.exit["code"])


class SemanticsTest(HubTestCase):
    def test_transports(self):
        hub = self.hub()
        checker = hub.start("transports", program("transports.py"))
        hub.run()
        self.assertExited(checker, 0)
        out = checker.output()
        self.assertIn("sockname ('127.0.0.1', 7001)", out)
        self.assertIn("client: peername ('127.0.0.1', 7001) sockname ('127.0.0.1', 5", out)
        self.assertIn("server: got b'GET / HTTP/1.0\\r\\n\\r\\n' from tuple", out)
        self.assertIn("client: got b'HTTP/1.0 200 OK\\r\\n\\r\\nGET / HTTP/1.0\\r\\n\\r\\n'", out)
        self.assertIn("client: frames [b'00', b'11', b'22']", out)
        self.assertIn("server: lost with ConnectionResetError", out)
        self.assertIn("client: refused 111", out)
        self.assertEqual(checker.errors(), "")
        raw = [entry for entry in hub.log if entry[0] == "hold" and entry[6]]
        self.assertEqual(bytes.fromhex(raw[0][5]), b"GET / HTTP/1.0\r\n\r\n")

    def test_abort_is_a_reset_and_close_an_end_of_stream(self):
        for mode, expected, absent in (
                ("abort", ["server: connection_lost(ConnectionResetError) after 29 bytes",
                           "streams: ConnectionResetError"], "eof_received"),
                ("close", ["server: eof_received after 29 bytes", "server: connection_lost(None) after 29 bytes",
                           "streams: end of stream"], "ConnectionResetError")):
            hub = self.hub()
            process = hub.start("abort", program("abort.py"), mode, 7100)
            hub.run()
            self.assertExited(process, 0)
            out = process.output()
            for line in expected:
                self.assertIn(line, out)
            self.assertNotIn(absent, out)

    def test_unix_sockets_and_addresses(self):
        hub = self.hub()
        process = hub.start("addresses", program("addresses.py"))
        hub.run()
        self.assertExited(process, 0)
        out = process.output()
        self.assertIn("unix server on /nonexistent-dir/agents.sock file exists: False", out)
        self.assertIn("unix client got b'\\x00\\x00\\x00\\x02ok' peer /nonexistent-dir/agents.sock", out)
        self.assertIn("port 0 became 40000", out)
        self.assertIn("second listen: OSError 98", out)
        self.assertIn("missing path: 2", out)
        self.assertIn("serving after close: False", out)
        self.assertIn(["listen", "addresses", "ipc:///nonexistent-dir/agents.sock"], hub.log)

    def test_a_malformed_hub_message_is_a_warning(self):
        hub = self.hub()
        sleeper = hub.start("sleeper", program("sleeper.py"))
        hub.control.append((sleeper, {"type": "time", "time": "soon"}, b""))
        hub.control.append((sleeper, {"type": "teleport"}, b""))
        hub.settle()
        self.assertEqual([w["kind"] for w in sleeper.warnings], ["protocol"])
        self.assertIn("'time'", sleeper.warnings[0]["message"])
        hub.advance()
        self.assertExited(sleeper, 0)

    def test_what_is_not_virtualized_is_reported_once_each(self):
        hub = self.hub()
        process = hub.start("unvirtual", program("unvirtual.py"))
        self.assertExited(process, 0)
        kinds = [w["kind"] for w in process.warnings]
        self.assertEqual(sorted(kinds), ["socket", "subprocess", "thread", "time"])
        time_warning = next(w for w in process.warnings if w["kind"] == "time")
        self.assertTrue(time_warning["where"].endswith("unvirtual.py:9"), time_warning["where"])

    def test_the_seed_fixes_random_and_hashes(self):
        outputs = []
        for seed in (5, 5, 6):
            hub = self.hub(seed)
            process = hub.start("seeded", program("seeded.py"))
            self.assertExited(process, 0)
            outputs.append(process.output())
        self.assertEqual(outputs[0], outputs[1])
        self.assertNotEqual(outputs[0], outputs[2])
        self.assertTrue(outputs[0].rstrip().endswith(" 5"))


if __name__ == "__main__":
    unittest.main()
