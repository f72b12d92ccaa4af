#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Atomic operations per call, from two callgrind runs of bench_instructions.

Callgrind counts instructions, and an atomic read-modify-write (a `lock`-prefixed instruction,
or `xchg` with memory) counts as one, though it costs tens of cycles. This script finds how
often such instructions ran: callgrind's per-instruction counts (`--dump-instr=yes`) matched
with the `lock` instructions of each object's disassembly (`objdump -d`).

    B=build/release/tests/bench/bench_instructions
    valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=/tmp/a.out $B ag local 100 2000
    valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=/tmp/b.out $B ag local 100 12000
    tests/bench/atomics_per_call.py /tmp/a.out /tmp/b.out 10000 [--functions]

prints the difference of the two runs' counts divided by the difference of their N (setup and
teardown cancel out), per object and, with --functions, per function.
"""
import collections
import functools
import re
import subprocess
import sys


def executed(path):
    """(object, function, address) -> times executed, from a callgrind file with --dump-instr=yes."""
    objects, functions = {}, {}
    obj = fn = None
    last = 0
    call_line = False
    counts = collections.Counter()
    with open(path) as f:
        for line in f:
            m = re.match(r'(c?ob|c?fn)=\((\d+)\)(?: (.*))?$', line.rstrip('\n'))
            if m:
                names = objects if m.group(1).endswith('ob') else functions
                if m.group(3):
                    names[m.group(2)] = m.group(3)
                if m.group(1) == 'ob':
                    obj = names[m.group(2)]
                elif m.group(1) == 'fn':
                    fn = names[m.group(2)]
                continue
            if line.startswith('calls='):
                call_line = True  # the next position line is the call's inclusive cost
                continue
            if not line or line[0] not in '0+-*':
                continue
            parts = line.split()
            pos = parts[0]
            if pos.startswith('0x'):
                address = int(pos, 16)
            elif pos[0] == '+':
                address = last + int(pos[1:])
            elif pos[0] == '-':
                address = last - int(pos[1:])
            else:
                address = last
            last = address
            if call_line:
                call_line = False
                continue
            if len(parts) >= 3:
                counts[(obj, fn, address)] += int(parts[2])
    return counts


@functools.lru_cache(maxsize=None)
def atomic_addresses(obj):
    out = subprocess.run(['objdump', '-d', '--no-show-raw-insn', obj], capture_output=True, text=True).stdout
    addresses = set()
    for line in out.splitlines():
        m = re.match(r'\s*([0-9a-f]+):\s+(lock |xchg\s+\S*\()', line)
        if m:
            addresses.add(int(m.group(1), 16))
    return addresses


def atomics(path, by_function):
    total = collections.Counter()
    for (obj, fn, address), n in executed(path).items():
        if not obj or 'valgrind' in obj:
            continue
        if address in atomic_addresses(obj):
            total[(obj.rsplit('/', 1)[-1], fn if by_function else '')] += n
    return total


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    by_function = '--functions' in sys.argv[4:]
    a = atomics(sys.argv[1], by_function)
    b = atomics(sys.argv[2], by_function)
    calls = float(sys.argv[3])
    per = {k: (b[k] - a[k]) / calls for k in set(a) | set(b)}
    print(f'atomic operations per call: {sum(per.values()):.1f}')
    for (obj, fn), n in sorted(per.items(), key=lambda kv: -kv[1]):
        if n >= 0.05:
            print(f'{n:6.2f}  {obj}  {fn[:140]}')


if __name__ == '__main__':
    main()
