// SPDX-License-Identifier: MIT
#include "terminationsignals.h"

#include <QObject>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace mas {

#ifdef Q_OS_UNIX
namespace {
int s_signalPipe[2] = {-1, -1};

extern "C" void forwardSignal(int signal)
{
    // Only async-signal-safe work here: hand the number to the event loop through a socket.
    const char number = char(signal);
    [[maybe_unused]] const auto written = ::write(s_signalPipe[0], &number, 1);
}
} // namespace

bool onTerminationSignal(QObject *context, std::function<void(int signal)> handler)
{
    if (s_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(s_signalPipe[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [handler = std::move(handler)] {
        char number = 0;
        if (::read(s_signalPipe[1], &number, 1) == 1)
            handler(int(number));
    });
    struct sigaction action = {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}
#else
bool onTerminationSignal(QObject *, std::function<void(int)>)
{
    return false;
}
#endif

} // namespace mas
