// SPDX-License-Identifier: MIT
#include "run.h"

#include <memory>
#include <optional>

namespace mas {

int run(QCoro::Task<int> task)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        qFatal("mas::run() needs a QCoreApplication; create one first or use mas::run(argc, argv, program)");
    // Shared: the callback may outlive this call when the loop was ended from outside.
    auto finished = std::make_shared<std::optional<int>>();
    QCoro::connect(std::move(task), app, [finished](int code) {
        *finished = code;
        QCoreApplication::exit(code);
    });
    // A task that finished before the loop runs has called exit() already, which exec() would
    // not see: return at once instead of waiting forever.
    if (finished->has_value())
        return **finished;
    const int code = QCoreApplication::exec();
    return finished->value_or(code);
}

int run(QCoro::Task<void> task)
{
    return run([](QCoro::Task<void> t) -> QCoro::Task<int> {
        co_await std::move(t);
        co_return 0;
    }(std::move(task)));
}

int run(QCoro::Task<Result<void>> task)
{
    return run([](QCoro::Task<Result<void>> t) -> QCoro::Task<int> {
        const Result<void> r = co_await std::move(t);
        if (!r) {
            qCritical().noquote() << r.error().toString();
            co_return 1;
        }
        co_return 0;
    }(std::move(task)));
}

} // namespace mas
