// SPDX-License-Identifier: MIT
#include "transcriptpeer.h"

#include "testdata.h"

#include <mas/codec/jsoncodec.h>

#include <QIODevice>

namespace mas::test {

Value fromTranscriptForm(const Value &v)
{
    if (v.isList()) {
        Value::List out;
        for (const Value &item : v.asList())
            out.push_back(fromTranscriptForm(item));
        return Value(std::move(out));
    }
    if (v.isMap()) {
        if (v.size() == 1 && v.contains(u"$bytes"))
            return Value::bytes(QByteArray::fromHex(v.value(u"$bytes").toString().toLatin1()));
        Value::Map out;
        for (const auto &[key, item] : v.asMap())
            out.emplace_back(fromTranscriptForm(key), fromTranscriptForm(item));
        return Value(std::move(out));
    }
    return v;
}

std::vector<TranscriptFrame> transcriptFrames(const QString &file, const QString &casePrefix)
{
    std::vector<TranscriptFrame> frames;
    const Result<Value> doc = JsonCodec::read(readInteropFile(file));
    if (!doc)
        return frames;
    for (const Value &entry : doc->asList()) {
        const QString caseName = entry.value(u"case").toString();
        if (!caseName.startsWith(casePrefix))
            continue;
        // aiomas recordings say c2s/s2c; mosaik's, mosaik_to_sim/sim_to_mosaik (mosaik connects).
        const QString direction = entry.value(u"direction").toString();
        frames.push_back({caseName, direction == u"c2s" || direction == u"mosaik_to_sim",
                          fromHex(entry.value(u"hex").toString()), fromTranscriptForm(entry.value(u"decoded"))});
    }
    return frames;
}

TranscriptPeer::TranscriptPeer(QIODevice *device,
                               std::vector<TranscriptFrame> frames,
                               bool playInitiator,
                               Comparator compare)
    : m_device(device)
    , m_frames(std::move(frames))
    , m_playInitiator(playInitiator)
    , m_compare(std::move(compare))
{
    connect(device, &QIODevice::readyRead, this, &TranscriptPeer::advance);
    advance();
}

void TranscriptPeer::advance()
{
    m_decoder.feed(m_device->readAll());
    while (m_next < m_frames.size() && m_mismatch.isEmpty()) {
        const TranscriptFrame &f = m_frames[m_next];
        if (f.fromInitiator == m_playInitiator) {
            m_device->write(f.bytes);
            ++m_next;
            continue;
        }
        std::optional<Result<QByteArray>> payload = m_decoder.next();
        if (!payload)
            return;
        if (!*payload) {
            m_mismatch = payload->error().message();
            return;
        }
        const QByteArray frame = encodeFrame(**payload).value();
        QString why;
        const bool same = m_compare ? m_compare(f, frame, &why) : frame == f.bytes;
        if (!same) {
            m_mismatch = QStringLiteral("%1 frame %2: %3 expected %4, got %5")
                             .arg(f.caseName)
                             .arg(m_next)
                             .arg(why, QString::fromLatin1(f.bytes.toHex()), QString::fromLatin1(frame.toHex()));
            return;
        }
        ++m_matched;
        ++m_next;
    }
}

} // namespace mas::test
