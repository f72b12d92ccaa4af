// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QCoreApplication>

#include <QCoro/QCoroTask>

#include <concepts>
#include <type_traits>
#include <utility>

namespace mas {

/// Runs a coroutine as the program (aiomas's `aiomas.run(until=coro)`): runs the application's
/// event loop until the task finishes and returns the program's exit code.
///
/// \code
/// QCoro::Task<int> client();                       // your program, as a coroutine
///
/// int main(int argc, char **argv)
/// {
///     QCoreApplication app(argc, argv);            // or: return mas::run(argc, argv, client);
///     return mas::run(client());
/// }
/// \endcode
/// The exit code is the task's: `Task<int>` returns its value, `Task<void>` 0, and
/// `Task<Result<T>>` 0 on success, or 1 after printing the error (qCritical) on failure.
/// Correct however early the task ends: a task that finishes (or fails) before the event loop
/// starts returns at once instead of hanging in `exec()`. Calling `QCoreApplication::exit(code)`
/// (e.g. from a termination signal handler) while the task runs ends the loop with that code;
/// the task then stays suspended, and its frame is not freed (a suspended QCoro task cannot be
/// destroyed): end the program then, as a signal handler does. Needs a QCoreApplication (or
/// QApplication); call it from the main thread, outside any running event loop.
MAS_EXPORT int run(QCoro::Task<int> task);
/// \overload `Task<void>`: exit code 0.
MAS_EXPORT int run(QCoro::Task<void> task);
/// \overload `Task<Result<void>>`: 0, or 1 with the error printed.
MAS_EXPORT int run(QCoro::Task<Result<void>> task);

/// \overload `Task<Result<T>>`: 0 (the value is dropped), or 1 with the error printed.
template<class T>
int run(QCoro::Task<Result<T>> task)
{
    return run([](QCoro::Task<Result<T>> t) -> QCoro::Task<Result<void>> {
        Result<T> r = co_await std::move(t);
        if (!r)
            co_return r.error();
        co_return Result<void>();
    }(std::move(task)));
}

/// Creates the QCoreApplication, calls `program` (a function returning one of the tasks above,
/// e.g. a coroutine) and runs it: `int main(int argc, char **argv) { return mas::run(argc, argv, client); }`
template<class F>
    requires std::invocable<F &>
int run(int argc, char **argv, F &&program)
{
    QCoreApplication app(argc, argv);
    return run(std::invoke(program));
}

} // namespace mas
