// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codeclimits.h>
#include <mas/core/error.h>
#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/trace/trafficlog.h>
#include <mas/transport/address.h>
#include <mas/transport/framing.h>

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace mas {

class TapRelayPrivate;

/// Options of a TapRelay.
struct TapOptions
{
    /// The codec the watched system speaks: "json" (default), "msgpack", "msgpackblosc" or a
    /// registered user codec. A wrong guess only costs the decoded content, never the relaying.
    QString codec = QStringLiteral("json");
    /// Frames with a larger payload are forwarded without being buffered or decoded (reported with
    /// null content).
    qsizetype maxFrameSize = kDefaultMaxFrameSize;
    /// Limits for decoding the (untrusted) payloads.
    CodecLimits limits;
    /// Longest time the connection to the target may take for each accepted client.
    std::chrono::milliseconds connectTimeout{10'000};
    /// Back-pressure: when more than this many bytes wait to be written to one side, the relay
    /// stops reading from the other side until less than half of it is left.
    qsizetype maxWriteBuffer = 8 * 1024 * 1024;
    /// Longest time a side may take to take the bytes still queued for it when its connection is
    /// closed; after that it is aborted.
    std::chrono::milliseconds closeTimeout{10'000};
};

/// A transparent TCP / Unix-socket relay that lets the MAS Inspector watch an unmodified system
/// (Python aiomas, mosaik, or libmas): point the clients at the relay instead of the server.
///
/// For each client that connects to address(), the relay connects to target() and copies the
/// bytes both ways unchanged, even malformed ones. Meanwhile it cuts each direction into frames
/// and reports them as TrafficEvents: Connected, then per frame Sent (it arrived completely, content
/// decoded structurally with the guessed codec) and Delivered (the relay wrote it to the other
/// side's socket), and Closed. A frame that does not decode is still forwarded and reported with
/// null content. TLS is out of scope: the relay cannot read encrypted traffic.
/// \code
/// auto relay = mas::TapRelay::listen(mas::Address::tcp("127.0.0.1", 5556),
///                                    mas::Address::tcp("127.0.0.1", 5555)).value();
/// QObject::connect(relay, &mas::TapRelay::eventRecorded, store, &EventStore::append);
/// // clients now connect to tcp://127.0.0.1:5556
/// \endcode
/// Lives in the thread that created it; everything is event-driven. Owned by `parent` (or by the
/// caller). Do not delete it from a slot connected to its signals; use deleteLater() or close().
/// Clients of an ipc:// relay are named `ipc://<path>#client-N` in the events (a Unix socket peer
/// has no address).
class MAS_EXPORT TapRelay : public QObject
{
    Q_OBJECT

public:
    ~TapRelay() override;

    // construction
    /// Listens on `listenAddress` (tcp:// or ipc://; port 0 picks a free port) and relays every
    /// client to `target` (tcp:// or ipc://).
    static Result<TapRelay *> listen(const Address &listenAddress,
                                     const Address &target,
                                     TapOptions options = {},
                                     QObject *parent = nullptr);

    // properties
    /// The address listened on, with the real port.
    Address address() const;
    /// The server the clients are relayed to.
    Address target() const;
    TapOptions options() const;
    /// Relayed connections currently open (including those still connecting to the target).
    int connectionCount() const;
    bool isListening() const;

    // operations
    /// Stops listening and closes every connection (both sides, after flushing what was relayed).
    void close();

Q_SIGNALS:
    /// A connection, frame or close event, in the order they happened.
    void eventRecorded(const mas::TrafficEvent &event);
    /// The target could not be reached for a client (that client's connection is closed).
    void errorOccurred(const mas::Error &error);

private:
    explicit TapRelay(QObject *parent);
    friend class TapRelayPrivate;
    std::unique_ptr<TapRelayPrivate> d;
};

} // namespace mas
