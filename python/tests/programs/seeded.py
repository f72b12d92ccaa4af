# SPDX-License-Identifier: MIT
"""Prints what the seed fixes: random numbers, string hashes and set order."""
import os
import random

print(random.random(), hash("masstep"), list({"a", "b", "c", "d", "e"}), os.environ.get("PYTHONHASHSEED"))
