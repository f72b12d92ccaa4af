// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/explorer.h>

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/trace/trafficlog.h>

#include <QCoro/QCoroTask>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace mas::system {

/// One step of a counterexample, judged by NecessityAnalysis.
struct MAS_EXPORT StepNecessity
{
    ExplorerStep step;
    /// "deliver node 3's election(25) to node 1", with the systems' display names.
    QString label;
    /// Its message is plumbing (isPlumbing(): a lookup, a bare acknowledgement, a message to
    /// itself), as the Inspector's teaching view and `mas explore` fold it away.
    bool plumbing = false;
    bool choice = true;     ///< false: a forced step (the clock moved because all was quiet)
    bool necessary = false; ///< leaving it out, or moving it later, makes the run pass
    /// Necessary: -1 when leaving it out passes, else the index (in the counterexample's steps)
    /// of the step it was moved behind to pass.
    int movedBehind = -1;
};

/// A delivery that had to overtake another (to the same agent) for the property to break.
struct MAS_EXPORT Overtaking
{
    int earlier = 0; ///< index of the delivery that came first (in the counterexample's steps)
    int later = 0;   ///< index of the delivery it overtook
    /// "node 3's election(25) must arrive at node 1 before node 2's election(46)".
    QString sentence;
    /// The counterexample's choices with `earlier` moved right behind `later`: this run passes.
    std::vector<ExplorerStep> swapped;
};

/// What NecessityAnalysis found.
struct MAS_EXPORT NecessityReport
{
    QString property; ///< the property the counterexample breaks
    /// Every step of the counterexample as re-executed (forced clock moves included), in order.
    std::vector<StepNecessity> steps;
    /// The minimal set of choices: each overtaking whose swapped order passes, in the order of
    /// the counterexample; plumbing (isPlumbing(): a lookup, a bare acknowledgement) that had to
    /// overtake a message a protocol message had to overtake as well is left out.
    std::vector<Overtaking> overtakings;
    int runs = 0;          ///< re-executions done
    bool complete = true;  ///< false: cancelled or out of runs before every variant was tried
    int necessaryCount() const;
    /// The report as `mas explore --why` prints it (translated): every step numbered as in the
    /// counterexample, with its mark (the plumbing steps folded unless `withPlumbing`), then
    /// the sentences.
    QString toText(bool withPlumbing = true) const;
};

/// Which steps of a counterexample matter, found by re-executing variants of its choices on
/// fresh systems (Explorer::execute()): a step is *necessary* when leaving it out, or moving it
/// behind a later step, makes the run pass (the property holds to the end), *incidental*
/// otherwise; a forced step (the clock moving while all is quiet) is no choice and incidental.
/// For each delivery that went before another delivery to the same agent that could have gone
/// instead, the order is swapped (the first moved right behind the second): the swaps that make
/// the run pass are the choices the failure needs, one sentence each.
///
/// Owns the process's LocalNetwork while it runs (as the Explorer does). Lives in the main
/// thread; run() yields to the event loop between runs.
class MAS_EXPORT NecessityAnalysis
{
public:
    /// `counterexample`: its steps (as the explorer found them), or, when it has none, the
    /// steps of its log (a counterexample opened from a file). `options`: the explorer's (its
    /// queue id, prefix, fault timeout and maxDepth); its properties become counterexample.property.
    NecessityAnalysis(SystemType info, const Parameters &parameters, ExplorerOptions options,
                      Counterexample counterexample);
    /// For a system type of the registry (SystemRegistry::global()).
    NecessityAnalysis(const QString &demo, const Parameters &parameters, ExplorerOptions options,
                      Counterexample counterexample);
    ~NecessityAnalysis();
    NecessityAnalysis(const NecessityAnalysis &) = delete;
    NecessityAnalysis &operator=(const NecessityAnalysis &) = delete;

    /// At most this many re-executions (default 2000); the report says when it ran out.
    void setMaxRuns(int runs);
    /// Called after each re-execution with the runs done and the runs planned so far.
    void setProgress(std::function<void(int done, int total)> progress);
    /// Runs the analysis. An error when the counterexample does not break its property when
    /// re-executed, or its system cannot be built. Call once.
    QCoro::Task<Result<NecessityReport>> run();
    /// Stops run() after its current re-execution (the report is then incomplete).
    void cancel();
    bool isCancelled() const;
    /// The explorer the analysis re-executes with (its cancel() cancels the analysis too).
    Explorer *explorer() const;

    /// The steps of a recorded run (deliveries and faults, by message id; clock changes left
    /// out: they are forced, or redone by the run).
    static std::vector<ExplorerStep> stepsOfLog(const TrafficLog &log);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mas::system
