# SPDX-License-Identifier: MIT
"""python3 -m masstep [--hub ADDRESS] [--seed N] PROGRAM.py [ARGS...]"""

import argparse
import os
import runpy
import signal
import sys
import traceback

from . import __version__
from .hub import EXIT_HUB_GONE, HubAddressError, HubLink

EXIT_USAGE = 2
HASHSEED_RANGE = 2 ** 32


def _parser():
    parser = argparse.ArgumentParser(
        prog="python3 -m masstep",
        description="Runs an asyncio program with a virtual clock and network that a hub "
                    "(the MAS Inspector or `mas run`) steps.")
    parser.add_argument("--hub", metavar="ADDRESS",
                        help="the hub's address: ipc:///path/to/socket or tcp://host:port "
                             "(default: $MASSTEP_HUB)")
    parser.add_argument("--seed", type=int, metavar="N",
                        help="seed of random and of PYTHONHASHSEED (default: $MASSTEP_SEED or 0)")
    parser.add_argument("--version", action="version", version="masstep " + __version__)
    parser.add_argument("program", metavar="PROGRAM.py", help="the program to run")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="its arguments")
    return parser


def _die_with_parent():
    """On Linux, the kernel kills this process when its parent (the hub) dies, even while the
    program is stuck outside its loop."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call
        os._exit(EXIT_HUB_GONE)


def _reexec_with_hashseed(hashseed):
    """String hashes (set order) must not change between runs: start again with a fixed
    PYTHONHASHSEED unless it is set already."""
    if os.environ.get("PYTHONHASHSEED") == hashseed:
        return
    if os.environ.get("MASSTEP_REEXEC") == "1":
        return  # should not happen; never loop
    env = dict(os.environ, PYTHONHASHSEED=hashseed, MASSTEP_REEXEC="1")
    argv = list(getattr(sys, "orig_argv", []) or [sys.executable, "-m", "masstep"] + sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable] + argv[1:], env)


def _exit_code(code):
    """What the interpreter would exit with for SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _program_traceback(error):
    """The traceback from the program's first frame on (the runner's and runpy's left out)."""
    here = os.path.dirname(os.path.abspath(__file__))
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not (filename.startswith(here) or "runpy" in os.path.basename(filename)):
            break
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def main(argv=None):
    args = _parser().parse_args(argv)
    hub = args.hub or os.environ.get("MASSTEP_HUB")
    if not hub:
        print("masstep: no hub to connect to: give --hub ADDRESS or set MASSTEP_HUB.\n"
              "The MAS Inspector and `mas run` start programs with their hub's address; "
              "see docs/python.md.", file=sys.stderr)
        return EXIT_USAGE
    seed = args.seed
    if seed is None:
        try:
            seed = int(os.environ.get("MASSTEP_SEED", "0"))
        except ValueError:
            print("masstep: MASSTEP_SEED is not an integer", file=sys.stderr)
            return EXIT_USAGE
    _die_with_parent()
    _reexec_with_hashseed(str(seed % HASHSEED_RANGE))
    os.environ.pop("MASSTEP_REEXEC", None)

    try:
        link = HubLink(hub)
    except HubAddressError as error:
        print("masstep: bad hub address %r: %s" % (hub, error), file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print("masstep: cannot reach the hub at %s: %s" % (hub, error.strerror or error), file=sys.stderr)
        return EXIT_USAGE

    from . import runner as runner_module
    runner = runner_module.Runner(link, seed)
    program = args.program
    runner.hello(program, args.args)
    if not os.path.isfile(program):
        message = "masstep: no such program: %s" % program
        print(message, file=sys.stderr)
        runner.exit(EXIT_USAGE, message)
        link.close()
        return EXIT_USAGE

    import random
    runner_module.install(runner)
    random.seed(seed)
    sys.argv = [program] + list(args.args)
    sys.path[0] = os.path.dirname(os.path.abspath(program))
    code = 0
    text = None
    try:
        runpy.run_path(program, run_name="__main__")
    except SystemExit as exit_:
        code = _exit_code(exit_.code)
    except BaseException as error:
        text = _program_traceback(error)
        sys.stderr.write(text)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    runner.exit(code, text)
    link.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
