// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/value.h>
#include <mas/transport/framing.h>

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QIODevice;

namespace mas::test {

/// One frame of a recorded aiomas transcript (../shared/interop).
struct TranscriptFrame
{
    QString caseName;
    bool fromInitiator = false; ///< written by the side that opened the connection (c2s, mosaik_to_sim)
    QByteArray bytes;           ///< the whole frame as recorded
    Value decoded;              ///< the payload decoded structurally, bin values as bytes
};

/// A recorded `decoded` value with msgpack bin values ({"$bytes": "<hex>"}) turned into bytes.
Value fromTranscriptForm(const Value &v);

/// The frames of `file` whose case name starts with `casePrefix`, in recorded order.
std::vector<TranscriptFrame> transcriptFrames(const QString &file, const QString &casePrefix);

/// Plays one side of a recording on a raw socket: writes that side's frames verbatim and checks
/// each frame the other side sends against the recording, in order.
class TranscriptPeer : public QObject
{
public:
    /// Decides whether a received frame matches the recorded one; byte equality by default.
    using Comparator = std::function<bool(const TranscriptFrame &expected, const QByteArray &frame, QString *why)>;

    TranscriptPeer(QIODevice *device, std::vector<TranscriptFrame> frames, bool playInitiator,
                   Comparator compare = {});

    bool finished() const { return m_next == m_frames.size(); }
    QString mismatch() const { return m_mismatch; }
    std::size_t matchedFrames() const { return m_matched; }

private:
    void advance();

    QIODevice *m_device;
    std::vector<TranscriptFrame> m_frames;
    bool m_playInitiator;
    Comparator m_compare;
    FrameDecoder m_decoder;
    std::size_t m_next = 0;
    std::size_t m_matched = 0;
    QString m_mismatch;
};

} // namespace mas::test
