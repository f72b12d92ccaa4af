// SPDX-License-Identifier: MIT
#include "causalslicer.h"

#include "eventstore.h"

#include <algorithm>
#include <tuple>

namespace mas::ui {

namespace {

/// What row `row` shows of the folds `folds` (ascending): the first row of its fold, and for
/// that first row the fold's period and repeats (its "×N"); (-1, 0, 0) outside every fold.
std::tuple<qsizetype, qsizetype, qsizetype> foldStatus(const std::vector<RoundFold> &folds, size_t from, qsizetype row)
{
    const auto it = std::upper_bound(folds.begin() + qsizetype(from), folds.end(), row,
                                     [](qsizetype r, const RoundFold &f) { return r < f.first; });
    if (it == folds.begin() + qsizetype(from))
        return {-1, 0, 0};
    const RoundFold &f = *(it - 1);
    if (row >= f.first + f.rows())
        return {-1, 0, 0};
    return f.first == row ? std::tuple(f.first, f.period, f.repeats) : std::tuple(f.first, qsizetype(0), qsizetype(0));
}

} // namespace

CausalSlicer::CausalSlicer(EventStore *full, EventStore *shown, QObject *parent)
    : QObject(parent)
    , m_full(full)
    , m_shown(shown ? shown : full)
{
    if (m_full) {
        connect(m_full, &EventStore::eventsAppended, this, &CausalSlicer::onFullChanged);
        connect(m_full, &EventStore::reset, this, [this] {
            m_indexValid = false;
            m_index = CausalIndex();
            clear();
        });
    }
    if (m_shown) {
        connect(m_shown, &EventStore::eventsAppended, this, &CausalSlicer::onShownChanged);
        connect(m_shown, &EventStore::reset, this, [this] {
            m_expanded.clear();
            if (m_folding)
                refold();
            if (isActive())
                Q_EMIT sliceChanged(); // the rows moved
        });
    }
}

CausalSlicer::~CausalSlicer() = default;

void CausalSlicer::buildIndex()
{
    m_index = CausalIndex::build(m_full->size(), [this](qsizetype i) -> const TrafficEvent & { return m_full->at(i); });
    m_indexValid = true;
    m_seen = m_full->size();
}

void CausalSlicer::catchUp()
{
    if (m_indexValid && m_index.size() < m_seen)
        m_index.extend(m_seen, [this](qsizetype i) -> const TrafficEvent & { return m_full->at(i); });
}

void CausalSlicer::onFullChanged(qsizetype first, qsizetype last)
{
    if (!m_indexValid)
        return; // built at the next slice
    if (first != m_seen) {
        // not the events after those seen: index them all again (now, or at the next slice)
        m_indexValid = false;
        m_index = CausalIndex();
        if (isActive()) {
            buildIndex();
            m_slice = m_index.slice(m_slice.event);
            Q_EMIT sliceChanged();
        }
        return;
    }
    m_seen = last + 1;
    if (!isActive() || !m_shown)
        return; // without a slice the index waits: the next sliceAt() extends it
    catchUp();
    m_index.extendSlice(m_slice);
    const qsizetype row = shownRowOf(first);
    if (row < m_shown->size())
        Q_EMIT rowsChanged(row, m_shown->size() - 1);
}

void CausalSlicer::onShownChanged(qsizetype first, qsizetype last)
{
    if (!m_folding || !m_shown)
        return;
    if (!m_folder || first != m_folder->size()) {
        refold();
        return;
    }
    // the folds that may change, as they were
    const size_t from = size_t(m_folder->settledFolds());
    const std::vector<RoundFold> before(m_folder->folds().begin() + qsizetype(from), m_folder->folds().end());
    const qsizetype oldSize = m_folder->size();
    const qsizetype changed = m_folder->append(last + 1, [this](qsizetype i) -> const TrafficEvent & { return m_shown->at(i); });
    for (auto it = m_expanded.begin(); it != m_expanded.end();) {
        if (*it < changed || foldAt(*it))
            ++it;
        else
            it = m_expanded.erase(it);
    }
    // the rows before the appended ones that show another fold now, found segment by segment
    // between the ends of the folds before and after
    const std::vector<RoundFold> &after = m_folder->folds();
    std::vector<qsizetype> cuts{changed, oldSize};
    for (const auto &[list, start] : {std::pair(&before, size_t(0)), std::pair(&after, from)}) {
        for (size_t k = start; k < list->size(); ++k) {
            const RoundFold &f = (*list)[k];
            for (const qsizetype cut : {f.first, f.first + 1, f.first + f.rows()})
                cuts.push_back(std::clamp(cut, changed, oldSize));
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    qsizetype rangeStart = -1;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        const bool differs = foldStatus(before, 0, cuts[k]) != foldStatus(after, from, cuts[k]);
        if (differs && rangeStart < 0)
            rangeStart = cuts[k];
        if (!differs && rangeStart >= 0) {
            Q_EMIT rowsChanged(rangeStart, cuts[k] - 1);
            rangeStart = -1;
        }
    }
    // and the appended rows
    Q_EMIT rowsChanged(rangeStart >= 0 ? rangeStart : oldSize, m_folder->size() - 1);
}

qsizetype CausalSlicer::shownRowOf(qsizetype event) const
{
    if (m_shown->base() != m_full)
        return std::min(event, m_shown->size());
    // the shown rows are ascending base indices
    qsizetype lo = 0;
    qsizetype hi = m_shown->size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_shown->baseIndex(mid) < event)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void CausalSlicer::sliceAt(qsizetype shownIndex)
{
    if (!m_full || !m_shown || shownIndex < 0 || shownIndex >= m_shown->size()) {
        clear();
        return;
    }
    const qsizetype event = m_shown->base() == m_full ? m_shown->baseIndex(shownIndex) : shownIndex;
    if (event == m_slice.event && m_indexValid)
        return;
    if (!m_indexValid)
        buildIndex();
    else
        catchUp(); // the events appended since the last slice ended
    m_slice = m_index.slice(event);
    Q_EMIT sliceChanged();
}

void CausalSlicer::clear()
{
    if (!isActive())
        return;
    m_slice = CausalIndex::Slice();
    Q_EMIT sliceChanged();
}

qsizetype CausalSlicer::sliceRow() const
{
    if (!isActive() || !m_shown)
        return -1;
    const qsizetype row = shownRowOf(m_slice.event);
    if (row >= m_shown->size())
        return -1;
    return m_shown->base() != m_full || m_shown->baseIndex(row) == m_slice.event ? row : -1;
}

CausalIndex::Mark CausalSlicer::mark(qsizetype shownIndex) const
{
    if (!isActive() || !m_shown || shownIndex < 0 || shownIndex >= m_shown->size())
        return CausalIndex::Unrelated;
    const qsizetype event = m_shown->base() == m_full ? m_shown->baseIndex(shownIndex) : shownIndex;
    if (event < 0 || size_t(event) >= m_slice.marks.size())
        return CausalIndex::Unrelated;
    return CausalIndex::Mark(m_slice.marks[size_t(event)]);
}

void CausalSlicer::setFolding(bool on)
{
    if (on == m_folding)
        return;
    m_folding = on;
    m_expanded.clear();
    if (on) {
        refold();
    } else {
        m_folder.reset();
        Q_EMIT foldsChanged();
    }
}

void CausalSlicer::refold()
{
    m_folder = std::make_unique<RoundFolder>();
    if (m_shown)
        m_folder->append(m_shown->size(), [this](qsizetype i) -> const TrafficEvent & { return m_shown->at(i); });
    // expansions of folds that no longer start where they did are forgotten
    for (auto it = m_expanded.begin(); it != m_expanded.end();) {
        if (foldAt(*it))
            ++it;
        else
            it = m_expanded.erase(it);
    }
    Q_EMIT foldsChanged();
}

const std::vector<RoundFold> &CausalSlicer::folds() const
{
    static const std::vector<RoundFold> none;
    return m_folder ? m_folder->folds() : none;
}

qsizetype CausalSlicer::foldIndex(qsizetype shownIndex) const
{
    if (!m_folding || !m_folder || shownIndex < 0)
        return -1;
    const std::vector<RoundFold> &folds = m_folder->folds();
    const auto it = std::upper_bound(folds.begin(), folds.end(), shownIndex,
                                     [](qsizetype r, const RoundFold &f) { return r < f.first; });
    if (it == folds.begin() || shownIndex >= (it - 1)->first + (it - 1)->rows())
        return -1;
    return qsizetype(it - folds.begin()) - 1;
}

const RoundFold *CausalSlicer::foldAt(qsizetype shownIndex) const
{
    const qsizetype k = foldIndex(shownIndex);
    if (k < 0 || m_folder->folds()[size_t(k)].first != shownIndex)
        return nullptr;
    return &m_folder->folds()[size_t(k)];
}

bool CausalSlicer::isFoldedAway(qsizetype shownIndex) const
{
    const qsizetype k = foldIndex(shownIndex);
    if (k < 0)
        return false;
    const RoundFold &f = m_folder->folds()[size_t(k)];
    return f.first != shownIndex && !m_expanded.contains(f.first);
}

bool CausalSlicer::toggleFold(qsizetype shownIndex)
{
    if (!foldAt(shownIndex))
        return false;
    if (!m_expanded.remove(shownIndex))
        m_expanded.insert(shownIndex);
    Q_EMIT foldsChanged();
    return true;
}

} // namespace mas::ui
