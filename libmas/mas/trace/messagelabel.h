// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>
#include <mas/core/value.h>
#include <mas/trace/trafficlog.h>

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>

namespace mas {

/// What a frame (or a traffic event) is to somebody who follows an algorithm: a protocol
/// message, or "plumbing" that the library sends for its own sake. The teaching view of MAS
/// Inspector folds the plumbing classes away; recorded logs keep every event.
enum class TrafficClass {
    Protocol,        ///< a message of the algorithm: a request, a reply with data, a failure
    Clock,           ///< the clock was set (not a message; never plumbing)
    Connection,      ///< a connection opened or closed (and a close travelling through a queue)
    Lookup,          ///< `validate_aid`: a connect's check that the agent exists, and its reply
    Acknowledgement, ///< a reply that carries nothing but "done": null (None) or true
    SelfMessage,     ///< a message an agent sends to itself (a wake-up), and its reply
};

/// Whether the class is plumbing (Connection, Lookup, Acknowledgement, SelfMessage).
MAS_EXPORT bool isPlumbing(TrafficClass trafficClass);
/// The plumbing classes, in the order a menu lists them.
MAS_EXPORT QList<TrafficClass> plumbingClasses();
/// A stable, untranslated key: "protocol", "clock", "connection", "lookup", "acknowledgement",
/// "self" (for settings and command lines).
MAS_EXPORT QString trafficClassKey(TrafficClass trafficClass);
/// The class whose key this is, or nullopt.
MAS_EXPORT std::optional<TrafficClass> trafficClassFromKey(QStringView key);

/// Classifies one frame from what describeFrame() knows of it: its type, RPC path (for a reply,
/// the path of the request it answers), its two ends and its content (null when not decoded).
/// First match wins: a `validate_aid` path is a Lookup; a frame whose two ends are the same
/// agent is a SelfMessage; a Result whose content is null or true is an Acknowledgement;
/// everything else (a failure too) is Protocol. Pure.
MAS_EXPORT TrafficClass classifyMessage(MessageType type, QStringView path, QStringView from, QStringView to,
                                        const Value &content);
/// Classifies an event: Connected and Closed are Connection, ClockChanged is Clock; every event
/// of a frame (sent, delivered, dropped, duplicated, delayed) is classified by its frame.
MAS_EXPORT TrafficClass classifyTraffic(const TrafficEvent &event);

/// Gives the display name of an address (an agent's URL or a container's base address), or an
/// empty string when it has none.
using NameLookup = std::function<QString(const QString &address)>;

/// The method a path calls, as a label shows it: "agents/3/bid" -> "bid", "validate_aid"
/// stays; empty for an empty path.
MAS_EXPORT QString messageMethod(const QString &path);

/// One value as a label shows it: text in double quotes, elided to `maxLength` characters; a
/// text that is an address with a display name (`names`) becomes that name, unquoted; other
/// addresses lose their scheme ("local://demo-2/0" -> "demo-2/0"); numbers, lists and maps as
/// Value::toDisplayString().
MAS_EXPORT QString labelValue(const Value &value, const NameLookup &names = {}, int maxLength = 24);

/// The arguments of a request's content (`[path, args, kwargs]`) as a label shows them:
/// "25", "1, pinger", "task=\"t1\""; empty without arguments or for another content shape.
MAS_EXPORT QString labelArguments(const Value &requestContent, const NameLookup &names = {}, int maxLength = 48,
                                  int maxValueLength = 24);

/// The label of a message in every view of MAS Inspector and in `mas explore`:
/// - a request: `method(args)`, e.g. `election(25)`, `validate_aid("0")`, `wakeup()`; its
///   content unknown (null): `method`; no path: `request`;
/// - a result: `→ method: value`, e.g. `→ cfp: 7`, `→ election: true`;
/// - a failure: `✗ method: error`, the error being the last line of the traceback
///   (`✗ poke: ValueError: poke 1 is not allowed`).
/// `path` is the request's, or for a reply the path of the request it answers.
/// Each value is elided to `maxValueLength` characters (the arguments together to twice that).
MAS_EXPORT QString messageLabel(MessageType type, const QString &path, const Value &content,
                                const NameLookup &names = {}, int maxValueLength = 24);
/// The label of raw bytes (not aiomas framing): `raw bytes: GET / HTTP/1.1`, the start of the
/// chunk as text where printable, else in hex.
MAS_EXPORT QString rawLabel(const Value &bytes, qsizetype size);
/// The label of an event's message (see above); empty for connection and clock events; raw
/// bytes as rawLabel(); a delivered close `close`, or `end of stream` for a half-close.
MAS_EXPORT QString messageLabel(const TrafficEvent &event, const NameLookup &names = {}, int maxValueLength = 24);

/// Whether `text` occurs in `name` as whole words, ignoring case: "ponger 1" matches "ponger",
/// "Ponger 1" and "1", not "pong" (a search for the method pong must not find every message of
/// a ponger); "node 2" matches "node 2 (id 46)". Empty text matches nothing. What search and
/// breakpoints ask of display names (labels they search as plain text).
MAS_EXPORT bool nameMatches(const QString &name, const QString &text);

/// Whether a search or breakpoint `text` finds a message by its label (messageLabel()): in
/// the method's name anywhere ("elect" finds `election(25)` and `elected(46)`), elsewhere
/// (arguments, values, names) as whole words (nameMatches(): "25" finds `election(25)`, but
/// "election" does not find `→ validate_aid: "LeaderElectionAgent"`, nor "pong" a reply
/// `"PongerAgent"`). Ignores case; empty text matches nothing.
MAS_EXPORT bool labelMatches(const QString &label, const QString &text);

/// An address without its scheme and trailing slash: "local://market/3" -> "market/3".
MAS_EXPORT QString shortAddress(const QString &address);
/// The display name of `address` from `names`, else shortAddress(address).
MAS_EXPORT QString displayName(const QString &address, const NameLookup &names);

} // namespace mas
