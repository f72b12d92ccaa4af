// SPDX-License-Identifier: MIT
#pragma once

// Shared by the fuzz targets in tests/fuzz (see docs/fuzzing.md): a reader that takes
// parameters off the front of the input, the property check that aborts on a violation, and
// a Qt message handler that keeps the library's one-line warnings off the fuzzer's output.

#include <mas/core/value.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace mas::fuzz {

/// Reports a broken property and aborts, so that libFuzzer (or the replay driver) records
/// the input as a crash.
[[noreturn]] inline void
violated(const char *condition, const QString &detail, const char *file, int line)
{
    std::fprintf(stderr, "fuzz property violated at %s:%d: %s\n  %s\n", file, line, condition,
                 detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

/// Installs (once) a message handler that drops everything but fatal messages (which are
/// printed; Qt then aborts).
inline void quietQt()
{
    static const bool installed = [] {
        qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &, const QString &message) {
                if (type == QtFatalMsg) {
                    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
                    std::fflush(stderr);
                }
            });
        return true;
    }();
    (void)installed;
}

/// Takes parameters off the front of the input; past its end every read gives zeros.
class Input
{
public:
    Input(const uint8_t *data, size_t size)
        : m_data(reinterpret_cast<const char *>(data))
        , m_size(qsizetype(size))
    {}

    qsizetype remaining() const { return m_size - m_at; }
    quint8 byte() { return m_at < m_size ? quint8(m_data[m_at++]) : 0; }
    /// Up to `n` bytes.
    QByteArrayView take(qsizetype n)
    {
        n = qBound(qsizetype(0), n, remaining());
        const QByteArrayView v(m_data + m_at, n);
        m_at += n;
        return v;
    }
    QByteArrayView rest() { return take(remaining()); }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
};

/// A small deterministic generator (xorshift), seeded from the input, for chunk sizes.
class Chunker
{
public:
    explicit Chunker(quint32 seed)
        : m_state(seed ? seed : 0x9e3779b9u)
    {}
    /// A chunk length in [0, max].
    qsizetype next(qsizetype max)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return qsizetype(m_state % quint32(max + 1));
    }

private:
    quint32 m_state;
};

/// Nesting depth of a value: 0 for scalars, 1 + the deepest child for lists and maps (keys
/// included), as the codecs count it.
inline int depthOf(const Value &v)
{
    int deepest = 0;
    if (v.isList()) {
        for (const Value &item : v.asList())
            deepest = qMax(deepest, depthOf(item));
        return deepest + 1;
    }
    if (v.isMap()) {
        for (const auto &[key, item] : v.asMap())
            deepest = qMax(deepest, qMax(depthOf(key), depthOf(item)));
        return deepest + 1;
    }
    return 0;
}

/// Elements of a value as the codecs count them: every scalar, container and map key.
inline qsizetype elementsOf(const Value &v)
{
    qsizetype n = 1;
    for (const Value &item : v.asList())
        n += elementsOf(item);
    for (const auto &[key, item] : v.asMap())
        n += elementsOf(key) + elementsOf(item);
    return n;
}

} // namespace mas::fuzz

/// Checks a property of the code under test; a violation aborts with `detail` (a QString).
#define MAS_FUZZ_CHECK(condition, detail)                                                          \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::mas::fuzz::violated(#condition, (detail), __FILE__, __LINE__);                       \
    } while (0)
