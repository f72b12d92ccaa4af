// SPDX-License-Identifier: MIT
// mas::peerText (peer-supplied text made safe for one log line) and mas::LogLimiter (floods of
// one kind of line summed up), the latter on an injected clock: no wall-clock bounds.

#include <mas/core/peertext.h>

#include <QLoggingCategory>
#include <QTest>

using namespace mas;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcTestFlood, "mas.testflood", QtWarningMsg)

namespace {

/// True if `text` holds no character that could break, colour or reorder a log line.
bool isOneCleanLine(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F) || u == 0x2028 || u == 0x2029
            || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            return false;
    }
    return true;
}

QStringList s_lines;
void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    s_lines << QString::fromLatin1(context.category) + QStringLiteral(": ") + message;
}

} // namespace

class tst_PeerText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapes_data();
    void escapes();
    void invalidUtf8();
    void shortens();
    void megabyteStaysBounded();
    void limiterSumsUpAFlood();
    void limiterKindsAreSeparate();
    void limiterOff();
};

void tst_PeerText::escapes_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QStringLiteral("add") << QStringLiteral("add");
    QTest::newRow("forged line") << QStringLiteral("A\nmas.host: stopped\r\n")
                                 << QStringLiteral("A\\nmas.host: stopped\\r\\n");
    QTest::newRow("ansi") << QStringLiteral("\x1b[31mred") << QStringLiteral("\\x1b[31mred");
    QTest::newRow("tab, nul, del") << QString::fromUtf16(u"a\tb\0c\x7f", 6)
                                   << QStringLiteral("a\\tb\\x00c\\x7f");
    QTest::newRow("c1") << QString(QChar(0x85)) + QChar(0x9b) << QStringLiteral("\\x85\\x9b");
    QTest::newRow("line separator, bidi override")
        << QString(QChar(0x2028)) + QChar(0x202E) << QStringLiteral("\\u2028\\u202e");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u'x' << QStringLiteral("\\ud800x");
    QTest::newRow("text stays text") << QStringLiteral("Grüße, 日本 😀") << QStringLiteral("Grüße, 日本 😀");
}

void tst_PeerText::escapes()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(peerText(in), out);
    if (!in.contains(QChar(0xD800))) // UTF-8 has no lone surrogates
        QCOMPARE(peerText(QByteArrayView(in.toUtf8())), out);
    QVERIFY(isOneCleanLine(peerText(in)));
}

void tst_PeerText::invalidUtf8()
{
    QCOMPARE(peerText(QByteArrayView("ok\xff\xc3(\xe2\x82", 7)), QStringLiteral("ok\\xff\\xc3(\\xe2\\x82"));
    // Overlong and surrogate encodings are not text either.
    QCOMPARE(peerText(QByteArrayView("\xc0\xaf\xed\xa0\x80", 5)),
             QStringLiteral("\\xc0\\xaf\\xed\\xa0\\x80"));
    QCOMPARE(peerText(QByteArrayView("\xc3\xa9\xf0\x9f\x98\x80", 6)), QStringLiteral("é😀"));
}

void tst_PeerText::shortens()
{
    QCOMPARE(peerText(QStringLiteral("abcdefghij"), 4), QStringLiteral("abcd\u2026 (6 more bytes)"));
    QCOMPARE(peerText(QStringLiteral("abcdéfgh"), 4), QStringLiteral("abcd\u2026 (5 more bytes)"));
    QCOMPARE(peerText(QByteArrayView("abcdefghij"), 4), QStringLiteral("abcd\u2026 (6 more bytes)"));
    QCOMPARE(peerText(QStringLiteral("abcd"), 4), QStringLiteral("abcd"));
}

void tst_PeerText::megabyteStaysBounded()
{
    const QString evil = QStringLiteral("\n\x1b[2J") + QString(1'000'000, u'\n');
    const QString out = peerText(evil);
    QVERIFY(isOneCleanLine(out));
    QVERIFY2(out.size() < kPeerTextMaxChars + 40, qPrintable(QString::number(out.size())));
    QVERIFY2(out.endsWith(QStringLiteral(" more bytes)")), qPrintable(out.right(40)));
    const QString bytes = peerText(QByteArray(1'000'000, '\x1b'));
    QVERIFY(isOneCleanLine(bytes));
    QVERIFY(bytes.size() < kPeerTextMaxChars + 40);
}

void tst_PeerText::limiterSumsUpAFlood()
{
    LogLimiter limiter;
    qint64 now = 0;
    limiter.setTimeSource([&now] { return now; });
    limiter.setBudget(3, 10s);
    s_lines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    int allowed = 0;
    for (int i = 0; i < 1000; ++i) {
        if (limiter.allow(lcTestFlood(), QStringLiteral("bad frame")))
            ++allowed;
        now += 5; // 5 s of flood in all
    }
    QCOMPARE(allowed, 3);
    QVERIFY(s_lines.isEmpty()); // the summary waits for the end of the interval
    limiter.flush();
    QVERIFY(s_lines.isEmpty());
    now = 10'000;
    limiter.flush();
    qInstallMessageHandler(previous);
    QCOMPARE(s_lines,
             QStringList{QStringLiteral("mas.testflood: suppressed 997 similar lines (bad frame) in the last 10 s")});
    // A new interval: lines are allowed again.
    QVERIFY(limiter.allow(lcTestFlood(), QStringLiteral("bad frame")));
}

void tst_PeerText::limiterKindsAreSeparate()
{
    LogLimiter limiter;
    qint64 now = 0;
    limiter.setTimeSource([&now] { return now; });
    limiter.setBudget(1, 1s);
    s_lines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    QVERIFY(limiter.allow(lcTestFlood(), QStringLiteral("a")));
    QVERIFY(limiter.allow(lcTestFlood(), QStringLiteral("b")));
    QVERIFY(!limiter.allow(lcTestFlood(), QStringLiteral("a")));
    QVERIFY(!limiter.allow(lcTestFlood(), QStringLiteral("a")));
    QVERIFY(!limiter.allow(lcTestFlood(), QStringLiteral("b")));
    now = 1000;
    // The next line of a kind after its interval writes the summary first.
    QVERIFY(limiter.allow(lcTestFlood(), QStringLiteral("a")));
    QCOMPARE(s_lines, QStringList{QStringLiteral("mas.testflood: suppressed 2 similar lines (a) in the last 1 s")});
    limiter.flush();
    qInstallMessageHandler(previous);
    QCOMPARE(s_lines.size(), 2);
    QCOMPARE(s_lines.at(1), QStringLiteral("mas.testflood: suppressed 1 similar lines (b) in the last 1 s"));
}

void tst_PeerText::limiterOff()
{
    LogLimiter limiter;
    limiter.setBudget(0, 1s);
    for (int i = 0; i < 100; ++i)
        QVERIFY(limiter.allow(lcTestFlood(), QStringLiteral("a")));
}

QTEST_GUILESS_MAIN(tst_PeerText)
#include "tst_peertext.moc"
