// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/trace/messagelabel.h>
#include <mas/trace/trafficlog.h>

#include <QString>

#include <vector>

namespace mas {

/// Two runs of one system compared by what they chose, not by event index: message ids and
/// request ids differ between runs as soon as one message goes another way, so a message is
/// known by its *identity*: sender, receiver, type, RPC path, content (the arguments) and the
/// occurrence number of that combination in its run, with the LocalQueue id the run was recorded
/// on left out of addresses (the Inspector replays a `mas explore` run on a queue of its own) (the second `election(25)` from node 1 to
/// node 2 is that message's occurrence 2). A duplicated copy is known as a copy of its
/// original's identity, counted among such copies.
///
/// A run's *choices* are its actions (TrafficEvent::isAction()) in order: deliveries, drops,
/// duplications, delays (with how far) and clock moves. The runs diverge at the first choice
/// where they do different things (another message delivered, a message dropped in one and
/// delivered in the other), or where one run stops choosing and the other goes on.
struct MAS_EXPORT RunDivergence
{
    bool identical = true; ///< the same choices, in the same order
    qsizetype choice = -1; ///< the first divergent choice (0-based, counting the actions)
    qsizetype eventA = -1; ///< its event in run A's log (-1: run A makes no more choices)
    qsizetype eventB = -1; ///< its event in run B's log (-1: run B makes no more choices)
    qsizetype laterA = -1; ///< where run A makes run B's choice later (its event), -1: never
    qsizetype laterB = -1; ///< where run B makes run A's choice later (its event), -1: never
    qsizetype choicesA = 0; ///< how many choices each run makes
    qsizetype choicesB = 0;
};

/// The identity of every message of a log (index: the event; the identity of the message of a
/// Sent, Delivered, Dropped, Duplicated or Delayed event, empty for connection and clock
/// events). Two runs' messages with equal identities are the same message.
MAS_EXPORT std::vector<QString> messageIdentities(const std::vector<TrafficEvent> &events);

/// Aligns run A with run B by message identity and finds the first divergent choice. Pure.
MAS_EXPORT RunDivergence compareRuns(const TrafficLog &a, const TrafficLog &b);

/// One choice in words: "delivered election(25): node 1 (id 25) → node 2 (id 46)", "dropped …",
/// "duplicated …", "delayed … by 2 places", "moved the clock to 0.3".
MAS_EXPORT QString describeChoice(const TrafficLog &log, qsizetype event, const NameLookup &names = {});

/// The divergence in words, for people (a few lines): which choice, what each run chose there,
/// and whether (and where) the other run makes that choice later.
MAS_EXPORT QString describeDivergence(const RunDivergence &divergence, const TrafficLog &a, const TrafficLog &b,
                                      const NameLookup &names = {});
/// The same with each run's agents by that run's names (`namesA` in run A's choice, `namesB` in
/// run B's): two runs of a system with other seeds name their agents differently.
MAS_EXPORT QString describeDivergence(const RunDivergence &divergence, const TrafficLog &a, const TrafficLog &b,
                                      const NameLookup &namesA, const NameLookup &namesB);
/// The LocalQueue id a log was recorded on ("explore" for local://explore-1/0), empty when it
/// has no local:// address: a System built on that queue id has the log's addresses.
MAS_EXPORT QString recordedQueueId(const std::vector<TrafficEvent> &events);

} // namespace mas
