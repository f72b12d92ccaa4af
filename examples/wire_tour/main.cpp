// SPDX-License-Identifier: MIT
// The wire tour: the messages of the seed README's three examples (channel, RPC, agents),
// framed and encoded with each codec exactly as Python aiomas puts them on the wire, then
// decoded back. Run it with ./run.sh.

#include <mas/codec/codec.h>
#include <mas/codec/dateserializer.h>
#include <mas/transport/framing.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

namespace {

struct Step
{
    const char *what;
    mas::Message message;
};

QString hexDump(const QByteArray &bytes, int max = 48)
{
    QString hex = QString::fromLatin1(bytes.first(qMin<qsizetype>(bytes.size(), max)).toHex(' '));
    if (bytes.size() > max)
        hex += QStringLiteral(" … (%1 bytes)").arg(bytes.size());
    return hex;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    using mas::Message;
    using mas::Value;
    const QDateTime date = QDateTime::fromString(QStringLiteral("2016-01-01T00:01:30Z"), Qt::ISODate);
    const Step steps[] = {
        {"channel: client sends 'ohai'", Message::request(0, "ohai")},
        {"channel: server replies 'cya'", Message::result(0, "cya")},
        {"rpc: client calls add(3, 4)",
         Message::request(0, Value::list({"add", Value::list({3, 4}), Value::map()}))},
        {"rpc: server returns 7", Message::result(0, 7)},
        {"agents: container checks that agent 0 exists",
         Message::request(0, Value::list({"validate_aid", Value::list({"0"}), Value::map()}))},
        {"agents: client agent calls agents/0/run(...)",
         Message::request(1, Value::list({"agents/0/run", Value::list({"tcp://localhost:5556/0"}),
                                          Value::map({{"greeting", "Grüß dich 👋"}})}))},
        {"agents: a remote failure",
         Message::failure(2, "Traceback (most recent call last):\n  ...\nValueError: boom\n")},
        {"agents: the container's clock, as a tagged date",
         Message::result(3, Value::from(date))},
    };

    for (const QString &name : mas::Codec::names()) {
        auto codec = mas::Codec::create(name).value();
        (void)mas::addDateSerializer(codec->serializers()); // containers register dates first
        out << "\n=== codec " << name << " ===\n";
        for (const Step &step : steps) {
            const mas::Result<QByteArray> payload = codec->encode(step.message);
            if (!payload) {
                out << "  " << step.what << ": " << payload.error().message() << '\n';
                continue;
            }
            const QByteArray frame = mas::encodeFrame(*payload).value();

            mas::FrameDecoder frames;
            frames.feed(frame);
            const QByteArray back = frames.next()->value();
            const mas::Result<Message> decoded = codec->decode(back);
            const bool same = decoded && *decoded == step.message;

            out << "  " << step.what << '\n';
            if (name == u"json")
                out << "    payload " << QString::fromUtf8(*payload) << '\n';
            out << "    frame   " << hexDump(frame) << '\n';
            out << "    decoded " << (decoded ? decoded->content.toDisplayString(70) : decoded.error().message())
                << (same ? "  [round trip ok]" : "  [ROUND TRIP FAILED]") << '\n';
            if (!same)
                return 1;
        }
    }
    out << "\nEvery message decoded back to itself with every codec.\n";
    return 0;
}
