// SPDX-License-Identifier: MIT
// mas::Result: values, errors, checked access (a misuse stops the program with the error's own
// text: death tests in a child process), MAS_TRY and MAS_CO_TRY.
#include <mas/core/result.h>

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <QCoro/QCoroTask>

#include <memory>
#include <type_traits>

using mas::Error;
using mas::ErrorCode;
using mas::Result;

namespace {

/// Whether `T x = {};` compiles (copy-list-initialization, which an explicit constructor refuses).
template<class T>
void takes(T);
template<class T>
concept CopyListInitializable = requires { takes<T>({}); };

const QString kPortInUse = QStringLiteral("port in use");

Result<int> failing()
{
    return Error(ErrorCode::ConnectionRefused, kPortInUse);
}

Result<int> doubled(Result<int> input)
{
    MAS_TRY(x, input);
    return 2 * x;
}

QCoro::Task<Result<int>> asyncValue(Result<int> r)
{
    co_return r;
}

QCoro::Task<Result<int>> coDoubled(Result<int> input)
{
    MAS_CO_TRY(x, co_await asyncValue(input));
    co_return 2 * x;
}

QCoro::Task<Result<int>> coChecked(Result<void> input)
{
    MAS_CO_TRY_VOID(input);
    co_return 1;
}

template<class T>
T resultOf(QCoro::Task<T> task)
{
    // The tasks above never suspend: they are finished when they return.
    std::optional<T> out;
    QCoro::connect(std::move(task), QCoreApplication::instance(), [&out](T value) { out.emplace(std::move(value)); });
    Q_ASSERT(out.has_value());
    return std::move(*out);
}

/// The child's side of the death tests: misuses the Result named by `what`.
int die(const QByteArray &what)
{
    Result<int> r = failing();
    Result<std::unique_ptr<int>> p = Error(ErrorCode::Timeout, kPortInUse);
    if (what == "value")
        return r.value();
    if (what == "star")
        return *r;
    if (what == "arrow")
        return p->get() ? 0 : 1;
    if (what == "void") {
        Result<void> v = Error(ErrorCode::InvalidArgument, kPortInUse);
        v.value();
        return 0;
    }
    return 3;
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesAndErrors()
    {
        Result<int> ok = 5;
        QVERIFY(ok);
        QCOMPARE(ok.value(), 5);
        QCOMPARE(*ok, 5);
        QVERIFY(!ok.error().isError()); // error() is always safe
        const Result<int> bad = failing();
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::ConnectionRefused);
        QCOMPARE(bad.error().message(), kPortInUse);
        QCOMPARE(bad.valueOr(7), 7);
        Result<QString> s = QStringLiteral("text");
        QCOMPARE(s->size(), 4);
    }

    void explicitDefault()
    {
        // `Result<int> r;` is an error that says so; `return {};` / `= {}` do not compile for
        // Result<T> (explicit), while Result<void>'s default is success.
        static_assert(std::is_default_constructible_v<Result<int>>);
        static_assert(!CopyListInitializable<Result<int>>);
        static_assert(!CopyListInitializable<Result<QString>>);
        static_assert(CopyListInitializable<Result<void>>);
        const Result<int> unset;
        QVERIFY(!unset);
        QCOMPARE(unset.error().code(), ErrorCode::AiomasError);
        QVERIFY(unset.error().message().contains(u"default-constructed"));
        QVERIFY(Result<void>());
        QVERIFY(Result<void>(Error())); // NoError is success
        QVERIFY(!Result<void>(Error(ErrorCode::Timeout, kPortInUse)));
    }

    void tryPropagates()
    {
        QCOMPARE(doubled(4).value(), 8);
        const Result<int> r = doubled(failing());
        QVERIFY(!r);
        QCOMPARE(r.error().message(), kPortInUse);
    }

    void coTryPropagates()
    {
        QCOMPARE(resultOf(coDoubled(4)).value(), 8);
        const Result<int> r = resultOf(coDoubled(failing()));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
        QCOMPARE(r.error().message(), kPortInUse);
        QCOMPARE(resultOf(coChecked(Result<void>())).value(), 1);
        const Result<int> v = resultOf(coChecked(Error(ErrorCode::Timeout, kPortInUse)));
        QCOMPARE(v.error().code(), ErrorCode::Timeout);
    }

    void misuseStopsWithTheErrorText_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("value()") << "value" << "Result::value() on an error (ConnectionRefused): port in use";
        QTest::newRow("operator*") << "star" << "Result::operator* on an error (ConnectionRefused): port in use";
        QTest::newRow("operator->") << "arrow" << "Result::operator-> on an error (Timeout): port in use";
        QTest::newRow("Result<void>::value()") << "void"
                                               << "Result<void>::value() on an error (InvalidArgument): port in use";
    }
    void misuseStopsWithTheErrorText()
    {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--die"), what});
        QVERIFY2(child.waitForStarted(30000), qPrintable(child.errorString()));
        QVERIFY(child.waitForFinished(60000));
        // qFatal aborts: a crash, never a normal exit with some code.
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QString err = QString::fromLocal8Bit(child.readAllStandardError());
        QVERIFY2(err.contains(expected), qPrintable(err));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && QByteArray(argv[1]) == "--die")
        return die(argv[2]);
    QCoreApplication app(argc, argv);
    TestResult test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_result.moc"
