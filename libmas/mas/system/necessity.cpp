// SPDX-License-Identifier: MIT
#include "necessity.h"

#include "containerof_p.h"
#include "logging_p.h"
#include "mas/core/eventloop_p.h"

#include <mas/trace/messagelabel.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace mas::system {

namespace {

struct NecessityText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::NecessityAnalysis)
};

SystemType registeredType(const QString &id)
{
    if (const SystemType *type = SystemRegistry::global().find(id))
        return *type;
    SystemType unknown;
    unknown.id = id;
    return unknown;
}

std::vector<ExplorerStep> choicesOf(const std::vector<ExplorerStep> &steps)
{
    std::vector<ExplorerStep> result;
    for (const ExplorerStep &step : steps) {
        if (!step.forced)
            result.push_back(step);
    }
    return result;
}

/// `choices` with choice `from` moved right behind choice `behind` (behind > from).
std::vector<ExplorerStep> movedBehind(const std::vector<ExplorerStep> &choices, std::size_t from, std::size_t behind)
{
    std::vector<ExplorerStep> result;
    result.reserve(choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i != from)
            result.push_back(choices[i]);
        if (i == behind)
            result.push_back(choices[from]);
    }
    return result;
}

std::vector<ExplorerStep> without(const std::vector<ExplorerStep> &choices, std::size_t from)
{
    std::vector<ExplorerStep> result = choices;
    result.erase(result.begin() + qsizetype(from));
    return result;
}

} // namespace

int NecessityReport::necessaryCount() const
{
    return int(std::count_if(steps.begin(), steps.end(), [](const StepNecessity &s) { return s.necessary; }));
}

QString NecessityReport::toText(bool withPlumbing) const
{
    QString text = NecessityText::tr("Why \"%1\" breaks (%n re-execution(s)%2):", nullptr, runs)
                       .arg(property,
                            complete ? QString() : NecessityText::tr(", incomplete: cancelled or out of runs"));
    text += u'\n';
    int folded = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepNecessity &s = steps[i];
        if (s.plumbing && !withPlumbing) {
            ++folded;
            continue;
        }
        const QString mark = s.necessary ? NecessityText::tr("necessary") : NecessityText::tr("incidental");
        text += QStringLiteral("  %1. %2 %3\n").arg(i + 1, 3).arg(mark, -10).arg(s.label);
    }
    if (folded > 0) {
        const int necessaryFolded = int(std::count_if(steps.begin(), steps.end(), [](const StepNecessity &s) {
            return s.plumbing && s.necessary;
        }));
        text += NecessityText::tr("       (%n plumbing step(s) not listed, %1 of them necessary)", nullptr, folded)
                    .arg(necessaryFolded)
                + u'\n';
    }
    if (overtakings.empty()) {
        text += NecessityText::tr("No single swap of two deliveries makes the run pass.") + u'\n';
    } else {
        text += NecessityText::tr("The choices that matter (each swapped order passes):") + u'\n';
        for (const Overtaking &o : overtakings)
            text += QStringLiteral("  - %1\n").arg(o.sentence);
    }
    return text;
}

struct NecessityAnalysis::Private
{
    SystemType info;
    Parameters parameters;
    ExplorerOptions options;
    Counterexample counterexample;
    std::unique_ptr<Explorer> explorer;
    int maxRuns = 2000;
    std::function<void(int, int)> progress;
    int runs = 0;
    int planned = 0;
    QHash<QString, QString> names;
    std::unordered_map<quint64, QString> labels; // message id -> "election(25)"
    std::unordered_set<quint64> plumbing;         // message ids of plumbing (isPlumbing())

    QString nameOf(const QString &address) const
    {
        for (const QString &key : {address, containerOf(address), containerOf(address).chopped(1)}) {
            const QString name = names.value(key);
            if (!name.isEmpty())
                return name;
        }
        return shortAddress(address);
    }
    QString messageOf(const ExplorerStep &step) const
    {
        auto it = labels.find(step.messageId);
        const QString label = it != labels.end() && !it->second.isEmpty() ? it->second : messageMethod(step.path);
        //: "node 3's election(25)": a message and who sent it
        return NecessityText::tr("%1's %2").arg(nameOf(step.from), label);
    }
    QString labelOf(const ExplorerStep &step) const
    {
        switch (step.kind) {
        case ExplorerStep::Kind::Deliver:
            return NecessityText::tr("deliver %1 to %2").arg(messageOf(step), nameOf(step.to));
        case ExplorerStep::Kind::Drop:
            return NecessityText::tr("drop %1 to %2").arg(messageOf(step), nameOf(step.to));
        case ExplorerStep::Kind::Duplicate:
            return NecessityText::tr("duplicate %1 to %2").arg(messageOf(step), nameOf(step.to));
        case ExplorerStep::Kind::Delay:
            return NecessityText::tr("delay %1 to %2").arg(messageOf(step), nameOf(step.to));
        case ExplorerStep::Kind::AdvanceClock:
            return step.forced ? NecessityText::tr("the clock moves to %1 (all quiet)").arg(step.time)
                               : NecessityText::tr("the clock moves to %1 (messages pending)").arg(step.time);
        }
        return {};
    }
    /// Whether `choices` re-executed pass (the property holds to the end); nullopt: no answer
    /// (cancelled, out of runs, or the run failed).
    QCoro::Task<std::optional<bool>> passes(std::vector<ExplorerStep> choices)
    {
        if (explorer->isCancelled() || runs >= maxRuns)
            co_return std::nullopt;
        ExplorerExecution execution = co_await explorer->execute(std::move(choices));
        ++runs;
        if (progress)
            progress(runs, std::max(planned, runs));
        if (!execution.ok)
            co_return std::nullopt;
        co_return execution.violation.isEmpty();
    }
};

NecessityAnalysis::NecessityAnalysis(SystemType info, const Parameters &parameters, ExplorerOptions options,
                                     Counterexample counterexample)
    : d(std::make_unique<Private>())
{
    d->info = std::move(info);
    d->parameters = parameters;
    d->options = std::move(options);
    d->counterexample = std::move(counterexample);
    d->options.properties = QStringList{d->counterexample.property};
    d->options.progress = {};
    d->options.onDepthLimit = {};
    d->explorer = std::make_unique<Explorer>(d->info, d->parameters, d->options);
}

NecessityAnalysis::NecessityAnalysis(const QString &demo, const Parameters &parameters, ExplorerOptions options,
                                     Counterexample counterexample)
    : NecessityAnalysis(registeredType(demo), parameters, std::move(options), std::move(counterexample))
{}

NecessityAnalysis::~NecessityAnalysis() = default;

void NecessityAnalysis::setMaxRuns(int runs)
{
    d->maxRuns = std::max(1, runs);
}

void NecessityAnalysis::setProgress(std::function<void(int, int)> progress)
{
    d->progress = std::move(progress);
}

void NecessityAnalysis::cancel()
{
    d->explorer->cancel();
}

bool NecessityAnalysis::isCancelled() const
{
    return d->explorer->isCancelled();
}

Explorer *NecessityAnalysis::explorer() const
{
    return d->explorer.get();
}

std::vector<ExplorerStep> NecessityAnalysis::stepsOfLog(const TrafficLog &log)
{
    std::vector<ExplorerStep> steps;
    for (const TrafficEvent &event : log.schedule()) {
        ExplorerStep step;
        switch (event.kind) {
        case TrafficEvent::Kind::Delivered:
            step.kind = ExplorerStep::Kind::Deliver;
            break;
        case TrafficEvent::Kind::Dropped:
            step.kind = ExplorerStep::Kind::Drop;
            break;
        case TrafficEvent::Kind::Duplicated:
            step.kind = ExplorerStep::Kind::Duplicate;
            break;
        case TrafficEvent::Kind::Delayed:
            step.kind = ExplorerStep::Kind::Delay;
            break;
        default:
            continue; // clock changes: redone by the run where it is quiet
        }
        step.messageId = event.kind == TrafficEvent::Kind::Duplicated ? event.originalId : event.messageId;
        step.from = event.from;
        step.to = event.to;
        step.type = event.type;
        step.path = event.path;
        steps.push_back(std::move(step));
    }
    return steps;
}

QCoro::Task<Result<NecessityReport>> NecessityAnalysis::run()
{
    Private *p = d.get();
    NecessityReport report;
    report.property = p->counterexample.property;
    if (report.property.isEmpty())
        co_return Error(ErrorCode::InvalidArgument, NecessityText::tr("The counterexample names no property"));
    std::vector<ExplorerStep> given = p->counterexample.steps.empty() ? stepsOfLog(p->counterexample.log)
                                                                      : choicesOf(p->counterexample.steps);
    // The counterexample itself, recorded: its steps with this run's signatures, what could
    // have been delivered instead at each, and the messages' contents for the sentences.
    ExplorerExecution base = co_await p->explorer->execute(given, true);
    ++p->runs;
    if (!base.ok) {
        qCWarning(lcSystem) << "necessity: cannot re-execute the counterexample:" << base.error;
        co_return Error(ErrorCode::InvalidArgument,
                        NecessityText::tr("Cannot re-execute the counterexample: %1").arg(base.error));
    }
    // The explorer checks only the counterexample's property (by id or name, see the
    // constructor), and names a violation by the name in the user's language: a German window
    // re-executing a counterexample saved as "at most one leader" hears "höchstens ein
    // Anführer". Any violation is that property's.
    if (base.violation.isEmpty()) {
        qCWarning(lcSystem) << "necessity: the counterexample re-executed does not break" << report.property;
        co_return Error(ErrorCode::InvalidArgument,
                        NecessityText::tr("Re-executed, the counterexample does not break \"%1\"").arg(report.property));
    }
    p->names = base.displayNames;
    for (const TrafficEvent &event : base.log.events()) {
        if (event.kind != TrafficEvent::Kind::Sent)
            continue;
        p->labels[event.messageId] = messageLabel(event, [p](const QString &a) { return p->names.value(a); });
        if (isPlumbing(classifyTraffic(event)))
            p->plumbing.insert(event.messageId);
    }
    // Choice k of `choices` is step choiceStep[k] of base.steps.
    const std::vector<ExplorerStep> &steps = base.steps;
    std::vector<ExplorerStep> choices;
    std::vector<int> choiceStep;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        StepNecessity s;
        s.step = steps[i];
        s.choice = !steps[i].forced;
        s.label = p->labelOf(steps[i]);
        s.plumbing = steps[i].kind != ExplorerStep::Kind::AdvanceClock && p->plumbing.count(steps[i].messageId) > 0;
        report.steps.push_back(std::move(s));
        if (!steps[i].forced) {
            choices.push_back(steps[i]);
            choiceStep.push_back(int(i));
        }
    }
    const std::size_t n = choices.size();
    p->planned = int(1 + n);

    // Overtakings: delivery k went before delivery m > k to the same agent, whose frame could
    // have gone instead at k's turn. Tried first: a pass also shows k necessary.
    for (std::size_t k = 0; k < n; ++k) {
        const ExplorerStep &first = choices[k];
        if (first.kind != ExplorerStep::Kind::Deliver)
            continue;
        std::unordered_set<quint64> couldGo;
        for (const ExplorerStep &other : base.alternatives[std::size_t(choiceStep[k])]) {
            if (containerOf(other.to) == containerOf(first.to))
                couldGo.insert(other.messageId);
        }
        for (std::size_t m = k + 1; m < n; ++m) {
            if (choices[m].kind != ExplorerStep::Kind::Deliver || !couldGo.count(choices[m].messageId))
                continue;
            ++p->planned;
            std::vector<ExplorerStep> swapped = movedBehind(choices, k, m);
            const std::optional<bool> passed = co_await p->passes(swapped);
            if (!passed) {
                report.complete = false;
                continue;
            }
            if (!*passed)
                continue;
            Overtaking o;
            o.earlier = choiceStep[k];
            o.later = choiceStep[m];
            //: "node 3's election(25) must arrive at node 1 before node 2's election(46)"
            o.sentence = NecessityText::tr("%1 must arrive at %2 before %3")
                             .arg(p->messageOf(first), p->nameOf(first.to), p->messageOf(choices[m]));
            o.swapped = std::move(swapped);
            StepNecessity &s = report.steps[std::size_t(o.earlier)];
            if (!s.necessary) {
                s.necessary = true;
                s.movedBehind = o.later;
            }
            report.overtakings.push_back(std::move(o));
        }
    }

    // The algorithm, not the plumbing: where a protocol message had to overtake a message, the
    // plumbing that had to overtake it too (a connection's lookup before its first message, say)
    // only made that possible, and is left out of the sentences (it stays marked necessary).
    std::vector<Overtaking> kept;
    for (const Overtaking &o : report.overtakings) {
        auto protocolFirst = [&](const Overtaking &other) {
            return other.later == o.later && !p->plumbing.count(steps[std::size_t(other.earlier)].messageId);
        };
        if (!p->plumbing.count(steps[std::size_t(o.earlier)].messageId)
            || std::none_of(report.overtakings.begin(), report.overtakings.end(), protocolFirst))
            kept.push_back(o);
    }
    report.overtakings = std::move(kept);

    // Each choice not known necessary yet: left out, then moved behind each later choice.
    for (std::size_t k = 0; k < n; ++k) {
        StepNecessity &s = report.steps[std::size_t(choiceStep[k])];
        if (s.necessary)
            continue;
        const std::optional<bool> left = co_await p->passes(without(choices, k));
        if (!left)
            report.complete = false;
        if (left.value_or(false)) {
            s.necessary = true;
            s.movedBehind = -1;
            continue;
        }
        p->planned += int(n - k - 1);
        for (std::size_t m = k + 1; m < n && !s.necessary; ++m) {
            const std::optional<bool> moved = co_await p->passes(movedBehind(choices, k, m));
            if (!moved) {
                report.complete = false;
                continue;
            }
            if (*moved) {
                s.necessary = true;
                s.movedBehind = choiceStep[m];
            }
        }
    }
    report.runs = p->runs;
    if (p->explorer->isCancelled())
        report.complete = false;
    LocalQueue::clearCache();
    co_return report;
}

} // namespace mas::system
