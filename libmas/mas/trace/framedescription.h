// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/trace/agentpath.h>
#include <mas/trace/trafficlog.h>

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace mas {

class Codec;

/// The RPC paths of the requests open on one connection, both ways: a reply is described with
/// the path of the request it answers, which went the other way. One book per connection (a
/// LocalQueue connection, a TapRelay connection, a TrafficMonitor's channel end).
class MAS_EXPORT RequestPaths
{
public:
    /// The two ways of a connection, named from one end: the client's, or the observing end's.
    enum class Way {
        Out, ///< from this end (the client, or the watched end) to the other
        In,  ///< from the other end to this one
    };
    /// `forgetAnswered`: a reply takes its request's path out of the book (a relay or a monitor
    /// that runs for long); false keeps it, for a network that duplicates frames (a copied
    /// request is answered twice).
    explicit RequestPaths(bool forgetAnswered = true)
        : m_forgetAnswered(forgetAnswered)
    {}

    static Way other(Way way) { return way == Way::Out ? Way::In : Way::Out; }

    /// A request with this id went `way` with this path.
    void open(Way way, qint64 requestId, const QString &path);
    /// The path of the request a reply going `replyWay` answers (it went the other way); empty
    /// when that request was not seen.
    QString answer(Way replyWay, qint64 requestId);
    void clear();

private:
    QHash<qint64, QString> &book(Way way) { return way == Way::Out ? m_out : m_in; }
    QHash<qint64, QString> m_out;
    QHash<qint64, QString> m_in;
    bool m_forgetAnswered;
};

/// Describes one frame for an observer, the same for every source of TrafficEvents (the
/// LocalQueue network, a TrafficMonitor, a TapRelay): decodes `payload` (without its 4-byte
/// header) with `codec` structurally (tags stay maps) and fills `event`'s type, requestId, path
/// (a request's RPC path, `[path, args, kwargs]`; for a reply the path of the request it
/// answers, from `paths`) and content; then names the ends: on entry `event.from` and
/// `event.to` hold the two ends' names (base addresses), and a request to `agents/N/...` goes to
/// the agent (agentEndName()), whose reply comes from there. `way` is the way this frame
/// travels on the connection `paths` belongs to.
///
/// A payload that is not an aiomas message (`[type, id, content]` with type 0, 1 or 2 and a
/// non-negative id) gives the codec's or InvalidMessage error, and `event` says only what is
/// known: type Request, requestId -1, no path, null content, its ends unchanged. Nothing is
/// logged: the caller knows whether a bad frame is news (the receiving channel reports it).
MAS_EXPORT Result<void> describeFrame(TrafficEvent &event, QByteArrayView payload, const Codec &codec,
                                      RequestPaths &paths, RequestPaths::Way way);

} // namespace mas
