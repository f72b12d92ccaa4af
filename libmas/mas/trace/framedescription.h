// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/trace/agentpath.h>
#include <mas/trace/trafficlog.h>

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <vector>

namespace mas {

class Codec;

/// The RPC paths of the requests open on one connection, both ways: a reply is described with
/// the path of the request it answers, which went the other way. One book per connection (a
/// LocalQueue connection, a TapRelay connection, a TrafficMonitor's channel end).
///
/// Two kinds of book:
/// - `forgetAnswered` (a relay or a monitor that runs for long, on a network that does not copy
///   frames): a reply takes its request's path out of the book; a second reply finds none.
/// - kept for duplicates (the LocalQueue, which copies frames: a copied request is answered
///   twice, a copied reply may be described again): the book counts the copies of each request
///   (open() of an id already open adds one; withdraw() takes one away, for a copy dropped
///   unanswered); each answer takes one, and a request whose copies are all answered moves to
///   the recently answered ids, of which the last `answeredKept` per way stay, for late copies
///   of replies. Its size is then bounded by the requests still open, not by the run's length.
class MAS_EXPORT RequestPaths
{
public:
    /// The answered ids a kept book remembers per way, by default.
    static constexpr qsizetype kAnsweredKept = 4096;

    /// The two ways of a connection, named from one end: the client's, or the observing end's.
    enum class Way {
        Out, ///< from this end (the client, or the watched end) to the other
        In,  ///< from the other end to this one
    };
    /// `forgetAnswered`: a reply takes its request's path out of the book; false: the book is
    /// kept for duplicates (see the class), with up to `answeredKept` answered ids per way.
    explicit RequestPaths(bool forgetAnswered = true, qsizetype answeredKept = kAnsweredKept);

    static Way other(Way way) { return way == Way::Out ? Way::In : Way::Out; }

    /// A request with this id went `way` with this path (kept: one more copy of it, when it
    /// is open already).
    void open(Way way, qint64 requestId, const QString &path);
    /// The path of the request a reply going `replyWay` answers (it went the other way); empty
    /// when that request was not seen (or, kept, answered too long ago).
    QString answer(Way replyWay, qint64 requestId);
    /// A copy of the request with this id that went `way` will not be answered (it was
    /// dropped): taken out like an answer; a request none of whose copies was answered leaves
    /// the book without joining the answered ones.
    void withdraw(Way way, qint64 requestId);
    void clear();
    /// The ids the book holds: the open requests of both ways and, kept, the recently
    /// answered ones.
    qsizetype size() const;

private:
    struct Open
    {
        QString path;
        int copies = 1;
        bool answered = false; ///< a copy was answered (not only withdrawn)
    };
    struct Answered
    {
        QString path;
        quint64 sequence = 0; ///< its place in `order` (the latest answer of this id)
    };
    struct Book
    {
        QHash<qint64, Open> open;
        QHash<qint64, Answered> answered;
        /// The answered ids in the order they were answered: a ring of `answeredKept` slots;
        /// answer number n is in slot n % answeredKept.
        std::vector<qint64> order;
        quint64 answers = 0;
    };
    Book &book(Way way) { return way == Way::Out ? m_out : m_in; }
    /// Takes one copy of an open request (`answered`: by a reply, else withdrawn); its path,
    /// empty when it was not open.
    QString take(Book &b, qint64 requestId, bool answered, bool *wasOpen);
    void remember(Book &b, qint64 requestId, const QString &path);
    Book m_out;
    Book m_in;
    qsizetype m_answeredKept;
    bool m_forgetAnswered;
    QString m_lastPath; ///< shared by the entries of an equal path (a book of few strings)
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
