# SPDX-License-Identifier: MIT
"""Uses what the runner cannot virtualize: a thread, the real clock, a subprocess, a socket."""
import socket
import subprocess
import sys
import threading
import time

time.time()
time.monotonic()
thread = threading.Thread(target=lambda: None)
thread.start()
thread.join()
subprocess.run([sys.executable, "-c", "pass"], check=True)
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
print("done")
