// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <QObject>

/// The libmas namespace. It is the only namespace that carries Q_NAMESPACE, so that
/// namespace-level enums such as ErrorCode print by name in logs and tests.
namespace mas {
Q_NAMESPACE_EXPORT(MAS_EXPORT)

/// Every error libmas reports. The numeric values are stable: append, never renumber.
enum class ErrorCode : int {
    NoError = 0,
    /// A generic failure (aiomas's AiomasError).
    AiomasError = 1,
    /// A value could not be serialized: no serializer for its type, or a serializer failed.
    SerializationError = 2,
    /// The peer answered a request with a failure (aiomas's RemoteException).
    RemoteException = 3,
    ConnectionRefused = 4,
    ConnectionReset = 5,
    ConnectionClosed = 6,
    Timeout = 7,
    /// A frame's announced length exceeds the configured maximum.
    FrameTooLarge = 8,
    /// The byte stream ended in the middle of a frame.
    TruncatedFrame = 9,
    InvalidJson = 10,
    InvalidMsgPack = 11,
    InvalidBlosc = 12,
    /// A tagged object ({"__type__": [id, value]}) names a type id nobody registered.
    UnknownTypeId = 13,
    /// A payload decoded, but is not a valid [type, id, content] message.
    InvalidMessage = 14,
    /// A value has another type than the one asked for (conversion error).
    TypeMismatch = 15,
    /// A value nests deeper than the codec's limit.
    NestingTooDeep = 16,
    /// A decoded value has more elements than the codec's limit.
    TooManyElements = 17,
    InvalidArgument = 18,
    /// A type was registered twice with one serializer registry.
    DuplicateSerializer = 19,
    UnknownCodec = 20,
    /// A payload is too long to be framed (more than 2^32 - 1 bytes).
    PayloadTooLarge = 21,
    TlsError = 22,
    AddressInUse = 23,
    InvalidAddress = 24,
    LookupError = 25,
    /// Container.connect(): the remote container has no agent with that id (aiomas raises a
    /// ConnectionError).
    AgentNotFound = 26,
    /// The operation was abandoned: its clock, container or connection went away first.
    Cancelled = 27,
    /// No agent type of that name is registered (AgentRegistry, Manager.spawn).
    UnknownAgentType = 28,
    /// A plug-in could not be loaded or is not an agent plug-in.
    PluginError = 29,
    /// Too many requests wait for replies on one connection (ChannelOptions::maxPendingRequests).
    TooManyPendingRequests = 30,
    /// A server refused a connection: it has ChannelOptions::maxConnections already.
    TooManyConnections = 31,
    /// Nothing moved on a connection for ChannelOptions::idleTimeout.
    IdleTimeout = 32,
    /// A peer started a frame (or its header) and sent nothing more for ChannelOptions::frameTimeout.
    FrameTimeout = 33,
    /// A TLS handshake did not finish within TlsOptions::handshakeTimeout.
    HandshakeTimeout = 34,
    /// A connection would have taken a server's memory for buffered frames and unsent replies
    /// over ChannelOptions::memoryBudget; it was closed.
    MemoryBudgetExceeded = 35,
};
Q_ENUM_NS(ErrorCode)

/// The type of a channel message, as the first element of the wire triple.
enum class MessageType : int {
    Request = 0,
    Result = 1,
    Failure = 2,
};
Q_ENUM_NS(MessageType)

} // namespace mas
