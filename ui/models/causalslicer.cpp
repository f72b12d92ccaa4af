// SPDX-License-Identifier: MIT
#include "causalslicer.h"

#include "eventstore.h"

namespace mas::ui {

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
            onShownChanged();
            if (isActive())
                Q_EMIT sliceChanged(); // the rows moved
        });
    }
}

CausalSlicer::~CausalSlicer() = default;

void CausalSlicer::onFullChanged()
{
    m_indexValid = false;
    if (!isActive())
        return;
    const qsizetype event = m_slice.event;
    m_index = CausalIndex::build(m_full->size(), [this](qsizetype i) -> const TrafficEvent & { return m_full->at(i); });
    m_indexValid = true;
    m_slice = m_index.slice(event);
    Q_EMIT sliceChanged();
}

void CausalSlicer::onShownChanged()
{
    if (m_folding)
        refold();
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
    if (!m_indexValid) {
        m_index = CausalIndex::build(m_full->size(), [this](qsizetype i) -> const TrafficEvent & { return m_full->at(i); });
        m_indexValid = true;
    }
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
    if (m_shown->base() != m_full)
        return m_slice.event < m_shown->size() ? m_slice.event : -1;
    // the shown rows are ascending base indices
    qsizetype lo = 0;
    qsizetype hi = m_shown->size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_shown->baseIndex(mid) < m_slice.event)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m_shown->size() && m_shown->baseIndex(lo) == m_slice.event ? lo : -1;
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
        m_folds.clear();
        m_foldOf.clear();
        Q_EMIT foldsChanged();
    }
}

void CausalSlicer::refold()
{
    m_folds.clear();
    m_foldOf.clear();
    if (m_shown) {
        m_folds = foldRounds(m_shown->size(), [this](qsizetype i) -> const TrafficEvent & { return m_shown->at(i); });
        m_foldOf.assign(size_t(m_shown->size()), -1);
        for (size_t k = 0; k < m_folds.size(); ++k) {
            const RoundFold &f = m_folds[k];
            std::fill(m_foldOf.begin() + f.first, m_foldOf.begin() + f.first + f.rows(), std::int32_t(k));
        }
    }
    // expansions of folds that no longer start where they did are forgotten
    for (auto it = m_expanded.begin(); it != m_expanded.end();) {
        if (foldAt(*it))
            ++it;
        else
            it = m_expanded.erase(it);
    }
    Q_EMIT foldsChanged();
}

const RoundFold *CausalSlicer::foldAt(qsizetype shownIndex) const
{
    if (!m_folding || shownIndex < 0 || size_t(shownIndex) >= m_foldOf.size())
        return nullptr;
    const std::int32_t k = m_foldOf[size_t(shownIndex)];
    if (k < 0 || m_folds[size_t(k)].first != shownIndex)
        return nullptr;
    return &m_folds[size_t(k)];
}

bool CausalSlicer::isFoldedAway(qsizetype shownIndex) const
{
    if (!m_folding || shownIndex < 0 || size_t(shownIndex) >= m_foldOf.size())
        return false;
    const std::int32_t k = m_foldOf[size_t(shownIndex)];
    if (k < 0)
        return false;
    const RoundFold &f = m_folds[size_t(k)];
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
