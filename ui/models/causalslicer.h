// SPDX-License-Identifier: MIT
#pragma once

#include <mas/trace/causalslice.h>

#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

namespace mas::ui {

class EventStore;

/// The causal slice and the folded rounds the Inspector's table and sequence diagram show.
///
/// The slice: sliceAt() an event of the shown store (the teaching view, which may hide plumbing)
/// marks its happens-before past and future (mas::CausalIndex), computed over the *full* store,
/// so a cause that travels through a hidden acknowledgement still counts; the views dim what is
/// not in the slice. The index is built on the first slice, then grows with the store
/// (CausalIndex::extend()), and a slice shown marks the appended events (extendSlice()): a
/// batch costs what its events cost, not the whole store. clear() ends the slice; a reset of the
/// store ends it too.
///
/// The folds: with folding on, repeated rounds of the shown rows (mas::foldRounds()) collapse
/// into their first row, which says "×N"; toggleFold() expands or collapses one. Appended rows
/// are folded on (mas::RoundFolder), and rowsChanged() names the rows whose fold changed.
class CausalSlicer : public QObject
{
    Q_OBJECT

public:
    /// Slices over `full`'s events and shows them on `shown` (a view of `full`, or `full`
    /// itself). Neither is owned.
    CausalSlicer(EventStore *full, EventStore *shown, QObject *parent = nullptr);
    ~CausalSlicer() override;

    // the slice
    bool isActive() const { return m_slice.event >= 0; }
    /// Slices at row `shownIndex` of the shown store (out of range: clear()).
    void sliceAt(qsizetype shownIndex);
    void clear();
    /// The row sliced at in the shown store (-1: none, or hidden now).
    qsizetype sliceRow() const;
    /// Where row `shownIndex` lies: CausalIndex::Mark (Unrelated also when no slice is active).
    CausalIndex::Mark mark(qsizetype shownIndex) const;
    /// Whether a slice is active and row `shownIndex` is outside it (the views dim it).
    bool isDimmed(qsizetype shownIndex) const { return isActive() && mark(shownIndex) == CausalIndex::Unrelated; }
    qsizetype pastCount() const { return m_slice.past; }
    qsizetype futureCount() const { return m_slice.future; }
    /// How many events of the full store the causal index covers now (0: not built). Without
    /// an active slice appended events are not indexed; the next slice indexes them.
    qsizetype indexedEvents() const { return m_indexValid ? m_index.size() : 0; }

    // the folds
    void setFolding(bool on);
    bool isFolding() const { return m_folding; }
    /// The fold whose first row is `shownIndex` (folding on), or null.
    const RoundFold *foldAt(qsizetype shownIndex) const;
    /// Whether the fold starting at `shownIndex` is expanded.
    bool isExpanded(qsizetype shownIndex) const { return m_expanded.contains(shownIndex); }
    /// Whether row `shownIndex` is hidden inside a collapsed fold (all its rows but the first).
    bool isFoldedAway(qsizetype shownIndex) const;
    /// Expands the collapsed fold starting at `shownIndex`, or collapses it; false without one.
    bool toggleFold(qsizetype shownIndex);
    const std::vector<RoundFold> &folds() const;

Q_SIGNALS:
    /// The slice started, moved or ended.
    void sliceChanged();
    /// Folding was switched, a fold toggled, or the folds were recomputed.
    void foldsChanged();
    /// Shown rows [first, last] changed their mark or fold as events were appended (the other
    /// rows did not: the views update these only).
    void rowsChanged(qsizetype first, qsizetype last);

private:
    void onFullChanged(qsizetype first, qsizetype last);
    void onShownChanged(qsizetype first, qsizetype last);
    void refold();
    void buildIndex();
    void catchUp();
    qsizetype shownRowOf(qsizetype event) const;
    qsizetype foldIndex(qsizetype shownIndex) const;

    QPointer<EventStore> m_full;
    QPointer<EventStore> m_shown;
    CausalIndex m_index;
    bool m_indexValid = false;
    qsizetype m_seen = 0; // events of the full store appended in order since the index was built
    CausalIndex::Slice m_slice; // over the full store
    bool m_folding = false;
    std::unique_ptr<RoundFolder> m_folder; // the folds of the shown rows (folding on)
    QSet<qsizetype> m_expanded;            // first rows of expanded folds
};

} // namespace mas::ui
