// SPDX-License-Identifier: MIT
// The cost of one stepped frame of a Python program (python/masstep under a mas::PythonHub)
// against a C++ agent's, in one run:
//   - C++: agent A (a container on local://a) calls echo(x) on agent B (local://b), stepped
//     frame by frame: step() delivers the request, the event loop runs until B's reply is
//     pending, step() delivers it, the loop runs until A has the answer.
//   - Python: the same agent A calls echo(x) on agent 0 of a Python program
//     (python/tests/programs/rpcagent.py, plain asyncio streams speaking aiomas framing) at
//     tcp://127.0.0.1:5580/0 through the hub: step() delivers the request, the hub sends it to
//     the runner and waits for the program's idle report (waitForQuiescent()), step() delivers
//     the reply.
// Both round trips are two stepped frames; the figures are microseconds per stepped frame and
// their ratio. Nothing is asserted about time; the process exits non-zero if an answer is wrong
// or missing, and 77 (skipped) without python3 3.9 or newer.
//
//   bench_python            # 2,000 C++ and 500 Python round trips
//   bench_python --quick    # a smoke run (ctest -L bench)

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>
#include <mas/transport/pythonhub.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

using namespace mas;

namespace {

constexpr int kSkipped = 77;
constexpr auto kWait = std::chrono::seconds(30);

class EchoAgent : public Agent
{
public:
    explicit EchoAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("echo"), [](const Value &v) { return v; }, {QStringLiteral("value")});
    }
};

/// Runs the event loop until `done` or the timeout; whether `done`.
bool spinUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout = kWait)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

/// Calls `proxy.echo(i)` `count` times, each stepped frame by frame; `answered` waits after
/// each delivery until the receiver has answered (the Python programs: the hub's quiescence).
/// Microseconds per stepped frame, or a negative value on a wrong or missing answer.
double steppedEchoes(rpc::Proxy proxy, int count, const std::function<bool()> &answered)
{
    LocalNetwork *net = LocalNetwork::instance();
    QElapsedTimer timer;
    timer.start();
    int frames = 0;
    for (int i = 0; i < count; ++i) {
        std::optional<Result<Value>> answer;
        auto call = [&]() -> QCoro::Task<void> { answer = co_await proxy[QStringLiteral("echo")](qint64(i)); };
        QCoro::Task<void> calling = call();
        while (!answer) {
            if (!spinUntil([&] { return answer || net->pendingCount() > 0; }))
                return -1;
            if (answer)
                break;
            if (!net->step())
                return -1;
            ++frames;
            if (!answered())
                return -1;
        }
        if (!*answer || answer->value() != Value(qint64(i))) {
            std::fprintf(stderr, "echo %d: wrong answer %s\n", i,
                         *answer ? qPrintable(answer->value().toDisplayString(40)) : qPrintable(answer->error().message()));
            return -1;
        }
    }
    return frames > 0 ? double(timer.nsecsElapsed()) / 1000.0 / frames : -1;
}

bool pythonAvailable()
{
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                             QStringLiteral("import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)")});
    return python.waitForFinished(30000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

std::optional<rpc::Proxy> connectNow(Agent *from, const QString &url)
{
    std::optional<Result<rpc::Proxy>> proxy;
    auto connecting = [&]() -> QCoro::Task<void> { proxy = co_await from->connectTo(url); };
    QCoro::Task<void> task = connecting();
    LocalNetwork *net = LocalNetwork::instance();
    // validate_aid and its answer, stepped as well
    while (!proxy) {
        if (!spinUntil([&] { return proxy || net->pendingCount() > 0; }))
            return std::nullopt;
        if (!proxy)
            (void)net->step();
    }
    if (!*proxy) {
        std::fprintf(stderr, "cannot connect to %s: %s\n", qPrintable(url), qPrintable(proxy->error().message()));
        return std::nullopt;
    }
    return proxy->value();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int cppCount = quick ? 50 : 2000;
    const int pythonCount = quick ? 20 : 500;
    if (!pythonAvailable()) {
        std::printf("python3 3.9 or newer is not available: skipped\n");
        return kSkipped;
    }
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    net->setRecording(false); // stepping describes the frames anyway; the log would only grow

    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("b"))).value());
    auto *caller = new EchoAgent(a.get());
    new EchoAgent(b.get());

    // C++ to C++: the receiver answers in the event loop
    std::optional<rpc::Proxy> cpp = connectNow(caller, QStringLiteral("local://b/0"));
    if (!cpp)
        return 1;
    const double cppMicros = steppedEchoes(*cpp, cppCount, [] { return true; });

    // C++ to Python: the receiver answers in its own process, through the hub
    PythonHubOptions options;
    options.runnerPath = QStringLiteral(MAS_BENCH_SOURCE_DIR "/python");
    PythonHub hub(options);
    const auto quiet = [&hub] { return bool(QCoro::waitFor(hub.waitForQuiescent(kWait))); };
    if (!hub.start(QStringLiteral(MAS_BENCH_SOURCE_DIR "/python/tests/programs/rpcagent.py"), {QStringLiteral("5580")})
        || !quiet()) {
        std::fprintf(stderr, "the Python program did not start\n");
        return 1;
    }
    std::optional<rpc::Proxy> python;
    {
        std::optional<Result<rpc::Proxy>> proxy;
        auto connecting = [&]() -> QCoro::Task<void> { proxy = co_await caller->connectTo(QStringLiteral("tcp://127.0.0.1:5580/0")); };
        QCoro::Task<void> task = connecting();
        while (!proxy) {
            if (!spinUntil([&] { return proxy || net->pendingCount() > 0; }))
                break;
            if (!proxy && (!net->step() || !quiet()))
                break;
        }
        if (!proxy || !*proxy) {
            std::fprintf(stderr, "cannot connect to the Python agent\n");
            return 1;
        }
        python = proxy->value();
    }
    const double pythonMicros = steppedEchoes(*python, pythonCount, quiet);

    std::printf("\nstepped echo round trips, two frames each (microseconds per stepped frame)\n");
    std::printf("  %-34s %10s %8s\n", "receiver", "us/frame", "frames");
    std::printf("  %-34s %10.1f %8d\n", "C++ agent (LocalQueue, baseline)", cppMicros, 2 * cppCount);
    std::printf("  %-34s %10.1f %8d\n", "Python program (masstep, hub)", pythonMicros, 2 * pythonCount);
    if (cppMicros > 0 && pythonMicros > 0)
        std::printf("  ratio Python / C++: %.1fx\n", pythonMicros / cppMicros);
    a.reset(); // the program sees its caller leave and exits
    return cppMicros > 0 && pythonMicros > 0 ? 0 : 1;
}
