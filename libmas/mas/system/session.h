// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/system/processsystem.h>
#include <mas/system/system.h>
#include <mas/trace/trafficlog.h>

#include <QHash>
#include <QString>

class QIODevice;

namespace mas::system {

/// A recorded run of a demo: which demo, built how, and what happened. MAS Inspector saves and
/// opens these (File → Save/Open Session), `mas explore --out` writes its counterexamples as
/// one, and a replay of `log` into a fresh system built from `demo` and `parameters` (on any
/// queue id) re-imposes the run.
///
/// On disk: one JSON header line `{"mas-session": 1, "demo": ..., "parameters": {...}}` (and
/// `"counterexample": "at most one leader"` for a counterexample), then
/// the event log as JSON Lines (TrafficLog::read() skips the header, so log tools read it too).
struct MAS_EXPORT Session
{
    QString demo;
    Parameters parameters;
    TrafficLog log;
    /// For a counterexample (`mas explore --out`): the property the run breaks at its end. The
    /// Inspector opens a counterexample at its start and plays it forward only when asked;
    /// an ordinary session (empty) is replayed to its end. In the header as "counterexample".
    QString violatedProperty;
    /// For a system described by a file (SystemFile): its absolute path, which builds it again
    /// ("system_file" in the header; `demo` is then the file's system type id).
    QString systemFile;
    /// For Python programs opened without a system file (`mas-inspector --python`, `mas run
    /// --python`): their specs, which start them again ("processes" in the header, as in a
    /// system file; `demo` is then "python").
    QList<ProcessSpec> processes;

    bool isCounterexample() const { return !violatedProperty.isEmpty(); }

    /// Writes the file atomically (QSaveFile).
    Result<void> save(const QString &fileName) const;
    /// InvalidMessage for a file that is not a session; the parameters' errors as parsed.
    static Result<Session> load(const QString &fileName);

    /// The names of the agents of the run this session recorded (System::displayNames()), by
    /// the addresses of its log: its system is built again (not started) from `demo` and
    /// `parameters` (or its system file), which gives its agents the same names; two runs with
    /// other seeds name their agents differently. Built on a queue id of its own, its addresses
    /// mapped to the queue the log was recorded on, so a system running in this process is not
    /// disturbed.
    /// Empty for Python programs (they would be started), a log without local:// addresses or
    /// a system that does not build. `mas explore --compare`, File → Compare With Log.
    QHash<QString, QString> recordedDisplayNames() const;
    /// load() from an open device (a file read with progress, a buffer); `name` names it in
    /// the errors.
    static Result<Session> read(QIODevice *device, const QString &name);
};

} // namespace mas::system
