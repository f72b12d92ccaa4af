// SPDX-License-Identifier: MIT
// Encode/decode throughput of the codecs and of framing, with baselines measured in the same
// process so results can be quoted as ratios:
//   - QJsonDocument::toJson(Compact) / fromJson on the same data (Qt's own JSON),
//   - QCborValue::toCbor / fromCbor on the same data (Qt's own binary format, a msgpack analogue),
//   - a plain memcpy of the same byte count ("speed of light").
// After the Google Benchmark output a summary table with MiB/s, messages/s and the ratios is
// printed (console format only). The process exits non-zero if any benchmark failed, so the
// CTest smoke run (label `bench`) catches a codec that errors or does not round-trip.
//
//   bench_codecs                                   # everything
//   bench_codecs --benchmark_filter='/large'       # only the 1 MB message
//   bench_codecs --benchmark_repetitions=5         # the summary then uses the medians

#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/value.h>
#include <mas/transport/framing.h>

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include "ratecollector.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using mas::bench::fail;
using mas::bench::g_failures;
using mas::bench::str;

using mas::bench::consoleFormat;

// The large message: a list of this many small maps (about 1 MB as aiomas JSON).
constexpr int kLargeItems = 10'000;
// Small frames coalesced into one stream for the framing benchmarks.
constexpr int kCoalescedFrames = 1'000;
// Large frames in one stream for the framing benchmarks.
constexpr int kLargeFrames = 8;
// Read sizes for chunked framing: a typical TCP segment, and a typical socket read.
constexpr qsizetype kSmallChunk = 1460;
constexpr qsizetype kLargeChunk = 64 * 1024;


// ---------------------------------------------------------------------------------------------
// test data

/// A typical RPC request: `calc.mul(6, 7, precise=True)` as aiomas sends it.
mas::Message smallMessage()
{
    return mas::Message::request(7, mas::Value::list({"calc/mul", mas::Value::list({6, 7}),
                                                      mas::Value::map({{"precise", true}})}));
}

/// A reply carrying a table: kLargeItems maps with ints, floats and strings.
mas::Message largeMessage()
{
    static const char *const states[] = {"idle", "busy", "waiting", "done"};
    mas::Value::List items;
    items.reserve(kLargeItems);
    for (int i = 0; i < kLargeItems; ++i) {
        items.push_back(mas::Value::map({
            {"id", i},
            {"name", QStringLiteral("agent-%1").arg(i, 5, 10, QLatin1Char('0'))},
            {"state", states[i % 4]},
            {"load", double(i % 97) / 97.0},
            {"pos", i * 0.25 - 1000.0},
            {"steps", i * 37},
        }));
    }
    return mas::Message::result(42, mas::Value(std::move(items)));
}

// The same data as Qt JSON and CBOR values, for the baselines. Only the types the data above
// uses are converted.
QJsonValue toJson(const mas::Value &v)
{
    switch (v.type()) {
    case mas::Value::Type::Bool:
        return v.toBool();
    case mas::Value::Type::Int:
        return QJsonValue(v.toInt());
    case mas::Value::Type::Double:
        return v.toDouble();
    case mas::Value::Type::String:
        return v.toString();
    case mas::Value::Type::List: {
        QJsonArray array;
        for (const mas::Value &item : v.asList())
            array.append(toJson(item));
        return array;
    }
    case mas::Value::Type::Map: {
        QJsonObject object;
        for (const auto &[key, value] : v.asMap())
            object.insert(key.toString(), toJson(value));
        return object;
    }
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

QCborValue toCbor(const mas::Value &v)
{
    switch (v.type()) {
    case mas::Value::Type::Bool:
        return QCborValue(v.toBool());
    case mas::Value::Type::Int:
        return QCborValue(v.toInt());
    case mas::Value::Type::Double:
        return QCborValue(v.toDouble());
    case mas::Value::Type::String:
        return QCborValue(v.toString());
    case mas::Value::Type::List: {
        QCborArray array;
        for (const mas::Value &item : v.asList())
            array.append(toCbor(item));
        return array;
    }
    case mas::Value::Type::Map: {
        QCborMap map;
        for (const auto &[key, value] : v.asMap())
            map.insert(key.toString(), toCbor(value));
        return map;
    }
    default:
        return QCborValue(nullptr);
    }
}

void setThroughput(benchmark::State &state,
                   qsizetype bytesPerIteration,
                   qsizetype itemsPerIteration)
{
    state.SetBytesProcessed(int64_t(state.iterations()) * bytesPerIteration);
    state.SetItemsProcessed(int64_t(state.iterations()) * itemsPerIteration);
    state.SetLabel(std::to_string(bytesPerIteration) + " B");
}

// ---------------------------------------------------------------------------------------------
// codecs

void encodeMessage(benchmark::State &state, const mas::Codec &codec, const mas::Message &message)
{
    const mas::Result<QByteArray> first = codec.encode(message);
    if (!first)
        return fail(state, "encode failed: " + str(first.error().toString()));
    for (auto _ : state) {
        mas::Result<QByteArray> payload = codec.encode(message);
        benchmark::DoNotOptimize(payload);
    }
    setThroughput(state, first->size(), 1);
}

void decodeMessage(benchmark::State &state,
                   const mas::Codec &codec,
                   const QByteArray &payload,
                   const mas::Message &expected)
{
    const mas::Result<mas::Message> first = codec.decode(payload);
    if (!first)
        return fail(state, "decode failed: " + str(first.error().toString()));
    if (!(*first == expected))
        return fail(state, "the round trip changed the message");
    for (auto _ : state) {
        mas::Result<mas::Message> message = codec.decode(payload);
        benchmark::DoNotOptimize(message);
    }
    setThroughput(state, payload.size(), 1);
}

/// encode -> frame -> deframe -> decode, one message at a time through a long-lived decoder,
/// as one channel would do it (minus the socket).
void roundTrip(benchmark::State &state, const mas::Codec &codec, const mas::Message &message)
{
    mas::FrameDecoder frames;
    qsizetype wireBytes = 0;
    for (auto _ : state) {
        mas::Result<QByteArray> payload = codec.encode(message);
        if (!payload)
            return fail(state, "encode failed");
        mas::Result<QByteArray> frame = mas::encodeFrame(*payload);
        if (!frame)
            return fail(state, "framing failed");
        wireBytes = frame->size();
        frames.feed(*frame);
        std::optional<mas::Result<QByteArray>> received = frames.next();
        if (!received || !*received)
            return fail(state, "deframing failed");
        mas::Result<mas::Message> back = codec.decode(**received);
        if (!back)
            return fail(state, "decode failed");
        benchmark::DoNotOptimize(back);
    }
    setThroughput(state, wireBytes, 1);
}

// ---------------------------------------------------------------------------------------------
// baselines

void qjsonEncode(benchmark::State &state, const QJsonDocument &doc)
{
    const qsizetype size = doc.toJson(QJsonDocument::Compact).size();
    for (auto _ : state) {
        QByteArray bytes = doc.toJson(QJsonDocument::Compact);
        benchmark::DoNotOptimize(bytes);
    }
    setThroughput(state, size, 1);
}

void qjsonDecode(benchmark::State &state, const QByteArray &bytes)
{
    QJsonParseError error;
    if (QJsonDocument::fromJson(bytes, &error).isNull())
        return fail(state, "QJsonDocument::fromJson failed: " + str(error.errorString()));
    for (auto _ : state) {
        QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        benchmark::DoNotOptimize(doc);
    }
    setThroughput(state, bytes.size(), 1);
}

void qcborEncode(benchmark::State &state, const QCborValue &value)
{
    const qsizetype size = value.toCbor().size();
    for (auto _ : state) {
        QByteArray bytes = value.toCbor();
        benchmark::DoNotOptimize(bytes);
    }
    setThroughput(state, size, 1);
}

void qcborDecode(benchmark::State &state, const QByteArray &bytes)
{
    QCborParserError error;
    QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError)
        return fail(state, "QCborValue::fromCbor failed: " + str(error.errorString()));
    for (auto _ : state) {
        QCborValue value = QCborValue::fromCbor(bytes, &error);
        benchmark::DoNotOptimize(value);
    }
    setThroughput(state, bytes.size(), 1);
}

/// The speed of light: copying the same number of bytes into a preallocated buffer.
void copyBytes(benchmark::State &state, const QByteArray &bytes)
{
    std::vector<char> target(size_t(std::max<qsizetype>(bytes.size(), 1)));
    for (auto _ : state) {
        std::memcpy(target.data(), bytes.constData(), size_t(bytes.size()));
        benchmark::ClobberMemory();
    }
    setThroughput(state, bytes.size(), 1);
}

// ---------------------------------------------------------------------------------------------
// framing

void frameEncode(benchmark::State &state, const QByteArray &payload)
{
    for (auto _ : state) {
        mas::Result<QByteArray> frame = mas::encodeFrame(payload);
        benchmark::DoNotOptimize(frame);
    }
    setThroughput(state, payload.size() + mas::kFrameHeaderSize, 1);
}

/// Splits `stream` into frames, fed `chunk` bytes at a time (0: all at once), draining the
/// decoder after every read as a channel does.
void frameDecode(benchmark::State &state, const QByteArray &stream, int frameCount, qsizetype chunk)
{
    if (chunk <= 0)
        chunk = stream.size();
    for (auto _ : state) {
        mas::FrameDecoder frames;
        int count = 0;
        for (qsizetype offset = 0; offset < stream.size(); offset += chunk) {
            frames.feed(
                QByteArrayView(stream).sliced(offset, std::min(chunk, stream.size() - offset)));
            while (std::optional<mas::Result<QByteArray>> payload = frames.next()) {
                if (!*payload)
                    return fail(state, "deframing failed: " + str(payload->error().toString()));
                benchmark::DoNotOptimize(*payload);
                ++count;
            }
        }
        if (count != frameCount || frames.bufferedBytes() != 0)
            return fail(state, "wrong number of frames: " + std::to_string(count));
    }
    setThroughput(state, stream.size(), frameCount);
}

QByteArray frameStream(const QByteArray &payload, int count)
{
    const QByteArray frame = mas::encodeFrame(payload).value();
    QByteArray stream;
    stream.reserve(frame.size() * count);
    for (int i = 0; i < count; ++i)
        stream.append(frame);
    return stream;
}

// ---------------------------------------------------------------------------------------------
// registration and the summary

/// One line of the summary: a measured benchmark and the baselines it is compared with.
struct SummaryRow
{
    std::string op;     ///< encode, decode, frame, deframe, roundtrip
    std::string data;   ///< small, large, ...
    std::string impl;   ///< json, msgpack, qjson, ...
    std::string name;   ///< the benchmark's name
    std::string qjson;  ///< the QJsonDocument baseline for the same op and data, or empty
    std::string memcpy; ///< the memcpy baseline of the same byte count, or empty
};

template<class Fn>
benchmark::internal::Benchmark *add(const std::string &name, Fn fn)
{
    return benchmark::RegisterBenchmark(name.c_str(), std::move(fn));
}

using mas::bench::Rates;
using mas::bench::RateCollector;

std::string ratio(const Rates *value, const Rates *baseline, bool bytes)
{
    if (!value || !baseline)
        return "-";
    const double r = bytes ? value->bytesPerSecond / baseline->bytesPerSecond
                           : value->itemsPerSecond / baseline->itemsPerSecond;
    char buf[32];
    std::snprintf(buf, sizeof buf, r < 0.1 ? "%.4f" : "%.2f", r);
    return buf;
}

void printSummary(const RateCollector &collector, const std::vector<SummaryRow> &rows)
{
    if (std::none_of(rows.begin(), rows.end(),
                     [&](const SummaryRow &row) { return collector.rates(row.name) != nullptr; }))
        return; // all filtered out
    int opWidth = 2, dataWidth = 4, implWidth = 4;
    for (const SummaryRow &row : rows) {
        opWidth = std::max(opWidth, int(row.op.size()));
        dataWidth = std::max(dataWidth, int(row.data.size()));
        implWidth = std::max(implWidth, int(row.impl.size()));
    }
    std::printf("\n%-*s  %-*s  %-*s %12s %14s %9s %9s\n", opWidth, "op", dataWidth, "data",
                implWidth, "impl", "MiB/s", "msgs/s", "x QJson", "x memcpy");
    std::string lastGroup;
    for (const SummaryRow &row : rows) {
        const Rates *rates = collector.rates(row.name);
        if (!rates)
            continue; // filtered out or failed
        // Codec rows are grouped by operation and data; framing rows by operation.
        const bool codecRow = row.op == "encode" || row.op == "decode";
        const std::string group = codecRow ? row.op + "/" + row.data : row.op;
        if (!lastGroup.empty() && group != lastGroup)
            std::printf("\n");
        lastGroup = group;
        const Rates *qjson = row.qjson.empty() ? nullptr : collector.rates(row.qjson);
        const Rates *copy = row.memcpy.empty() ? nullptr : collector.rates(row.memcpy);
        std::printf("%-*s  %-*s  %-*s %12.1f %14.0f %9s %9s\n", opWidth, row.op.c_str(), dataWidth,
                    row.data.c_str(), implWidth, row.impl.c_str(),
                    rates->bytesPerSecond / (1024.0 * 1024.0), rates->itemsPerSecond,
                    ratio(rates, qjson, false).c_str(), ratio(rates, copy, true).c_str());
    }
}


} // namespace

int main(int argc, char **argv)
{
    const bool printTable = consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    struct Sample
    {
        std::string name;
        mas::Message message;
        benchmark::TimeUnit unit;
    };
    const std::vector<Sample> samples{
        {"small", smallMessage(), benchmark::kNanosecond},
        {"large", largeMessage(), benchmark::kMicrosecond},
    };
    const std::vector<QString> codecNames{QStringLiteral("json"), QStringLiteral("msgpack"),
                                          QStringLiteral("msgpackblosc")};

    // Codec instances and payloads must outlive RunSpecifiedBenchmarks().
    std::vector<std::shared_ptr<mas::Codec>> codecs;
    for (const QString &name : codecNames) {
        mas::Result<std::unique_ptr<mas::Codec>> codec = mas::Codec::create(name);
        if (!codec) {
            std::fprintf(stderr, "cannot create codec %s: %s\n", qPrintable(name),
                         qPrintable(codec.error().toString()));
            return 1;
        }
        codecs.push_back(std::shared_ptr<mas::Codec>(std::move(codec).value()));
    }

    std::vector<SummaryRow> rows;
    std::vector<SummaryRow> framingRows;

    for (const Sample &sample : samples) {
        const QJsonDocument qjsonDoc(toJson(sample.message.toValue()).toArray());
        const QByteArray qjsonBytes = qjsonDoc.toJson(QJsonDocument::Compact);
        const QCborValue qcborValue = toCbor(sample.message.toValue());
        const QByteArray qcborBytes = qcborValue.toCbor();

        for (const char *op : {"encode", "decode"}) {
            const std::string qjsonName = "baseline/qjson/" + std::string(op) + "/" + sample.name;
            const std::string qcborName = "baseline/qcbor/" + std::string(op) + "/" + sample.name;

            for (const std::shared_ptr<mas::Codec> &codec : codecs) {
                const std::string codecName = str(codec->name());
                const std::string name = std::string(op) + "/" + codecName + "/" + sample.name;
                const std::string memcpyName = "baseline/memcpy/" + codecName + "/" + sample.name;
                if (std::string(op) == "encode") {
                    add(name, [codec, message = sample.message](benchmark::State &state) {
                        encodeMessage(state, *codec, message);
                    })->Unit(sample.unit);
                } else {
                    mas::Result<QByteArray> payload = codec->encode(sample.message);
                    if (!payload) {
                        std::fprintf(stderr, "cannot encode the %s message with %s: %s\n",
                                     sample.name.c_str(), codecName.c_str(),
                                     qPrintable(payload.error().toString()));
                        return 1;
                    }
                    add(name, [codec, payload = *payload,
                               message = sample.message](benchmark::State &state) {
                        decodeMessage(state, *codec, payload, message);
                    })->Unit(sample.unit);
                    // One memcpy baseline per payload, registered once (next to the decoders).
                    add(memcpyName, [payload = *payload](benchmark::State &state) {
                        copyBytes(state, payload);
                    })->Unit(benchmark::kNanosecond);
                }
                rows.push_back({op, sample.name, codecName, name, qjsonName, memcpyName});
            }

            if (std::string(op) == "encode") {
                add(qjsonName, [qjsonDoc](benchmark::State &state) {
                    qjsonEncode(state, qjsonDoc);
                })->Unit(sample.unit);
                add(qcborName, [qcborValue](benchmark::State &state) {
                    qcborEncode(state, qcborValue);
                })->Unit(sample.unit);
            } else {
                add(qjsonName, [qjsonBytes](benchmark::State &state) {
                    qjsonDecode(state, qjsonBytes);
                })->Unit(sample.unit);
                add(qcborName, [qcborBytes](benchmark::State &state) {
                    qcborDecode(state, qcborBytes);
                })->Unit(sample.unit);
            }
            rows.push_back({op, sample.name, "qjson (base)", qjsonName, qjsonName, {}});
            rows.push_back({op, sample.name, "qcbor (base)", qcborName, qjsonName, {}});
        }
    }

    // Framing, on JSON payloads (the default codec): one frame at a time for encoding; for
    // decoding many coalesced frames, fed all at once or in socket-sized reads.
    {
        const std::shared_ptr<mas::Codec> &json = codecs.front();
        const QByteArray smallPayload = json->encode(samples[0].message).value();
        const QByteArray largePayload = json->encode(samples[1].message).value();

        for (const auto &[data, payload] : {std::pair{std::string("small"), smallPayload},
                                            std::pair{std::string("large"), largePayload}}) {
            const std::string name = "framing/encode/" + data;
            const std::string memcpyName = "baseline/memcpy/frame/" + data;
            const QByteArray frame = mas::encodeFrame(payload).value();
            add(name, [payload](benchmark::State &state) { frameEncode(state, payload); });
            add(memcpyName, [frame](benchmark::State &state) { copyBytes(state, frame); });
            framingRows.push_back({"frame", data, "encodeFrame", name, {}, memcpyName});
        }

        struct StreamCase
        {
            std::string data;
            QByteArray stream;
            int frames;
            qsizetype chunk;
        };
        const QByteArray smallStream = frameStream(smallPayload, kCoalescedFrames);
        const QByteArray largeStream = frameStream(largePayload, kLargeFrames);
        const std::vector<StreamCase> streams{
            {std::to_string(kCoalescedFrames) + "x small, one read", smallStream, kCoalescedFrames,
             0},
            {std::to_string(kCoalescedFrames) + "x small, 1460 B reads", smallStream,
             kCoalescedFrames, kSmallChunk},
            {std::to_string(kLargeFrames) + "x large, 64 KiB reads", largeStream, kLargeFrames,
             kLargeChunk},
        };
        for (const StreamCase &c : streams) {
            std::string id = c.data;
            std::replace(id.begin(), id.end(), ' ', '_');
            id.erase(std::remove(id.begin(), id.end(), ','), id.end());
            const std::string name = "framing/decode/" + id;
            const std::string memcpyName =
                "baseline/memcpy/stream/"
                + std::string(c.frames == kLargeFrames ? "large" : "small");
            add(name, [c](benchmark::State &state) {
                frameDecode(state, c.stream, c.frames, c.chunk);
            })->Unit(benchmark::kMicrosecond);
            framingRows.push_back({"deframe", c.data, "FrameDecoder", name, {}, memcpyName});
        }
        add("baseline/memcpy/stream/small", [smallStream](benchmark::State &state) {
            copyBytes(state, smallStream);
        })->Unit(benchmark::kMicrosecond);
        add("baseline/memcpy/stream/large", [largeStream](benchmark::State &state) {
            copyBytes(state, largeStream);
        })->Unit(benchmark::kMicrosecond);

        for (const std::shared_ptr<mas::Codec> &codec : codecs) {
            const std::string codecName = str(codec->name());
            const std::string name = "roundtrip/" + codecName + "/small";
            add(name, [codec, message = samples[0].message](benchmark::State &state) {
                roundTrip(state, *codec, message);
            });
            framingRows.push_back({"roundtrip", "small", codecName, name, {}, {}});
        }
    }

    RateCollector collector(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&collector);
    if (printTable) {
        std::printf("\nSummary. x QJson: messages/s relative to QJsonDocument on the same data; "
                    "x memcpy: bytes/s\nrelative to copying the same number of bytes. "
                    "MiB = 2^20 bytes. Framing uses JSON payloads.\n");
        printSummary(collector, rows);
        printSummary(collector, framingRows);
        std::fflush(stdout);
    }
    return mas::bench::finishBenchmarks();
}
