// SPDX-License-Identifier: MIT
#include "presentationmode.h"

#include <QApplication>
#include <QDockWidget>
#include <QFontMetrics>
#include <QHeaderView>
#include <QMainWindow>
#include <QPalette>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>

#include <algorithm>
#include <array>
#include <cmath>

namespace mas::ui {

namespace {

// Widgets that chose a font (or an icon size) of their own keep it here, at zoom 100 %.
constexpr char kOwnFont[] = "_mas_unzoomedFont";
constexpr char kOwnIconSize[] = "_mas_unzoomedIconSize";
constexpr std::array kZoomSteps{50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300};

QString zoomKey()
{
    return QStringLiteral("view/zoom");
}

QFont scaledFont(QFont font, double scale)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * scale))));
    return font;
}

/// Black on white, for a projector.
QPalette highContrastPalette(QPalette p)
{
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, QColor(0xf2, 0xf2, 0xf2));
        p.setColor(group, QPalette::WindowText, Qt::black);
        p.setColor(group, QPalette::Base, Qt::white);
        p.setColor(group, QPalette::AlternateBase, QColor(0xea, 0xea, 0xea));
        p.setColor(group, QPalette::Text, Qt::black);
        p.setColor(group, QPalette::Button, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(group, QPalette::ButtonText, Qt::black);
        p.setColor(group, QPalette::Highlight, QColor(0x00, 0x3c, 0xb4));
        p.setColor(group, QPalette::HighlightedText, Qt::white);
        p.setColor(group, QPalette::ToolTipBase, Qt::white);
        p.setColor(group, QPalette::ToolTipText, Qt::black);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
        p.setColor(group, QPalette::Link, QColor(0x00, 0x2f, 0xc0));
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x60, 0x60, 0x60));
    return p;
}

} // namespace

PresentationMode::PresentationMode(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_baseFont(window->font())
{
    // Remember the fonts widgets chose themselves before anything is scaled.
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (!w->isWindow() && w->testAttribute(Qt::WA_SetFont))
            w->setProperty(kOwnFont, QVariant::fromValue(w->font()));
    }
    m_zoom = std::clamp(QSettings().value(zoomKey(), 100).toInt(), kMinZoom, kMaxZoom);
    if (m_zoom != 100)
        apply();
}

void PresentationMode::setPresentationLayout(const QList<QDockWidget *> &docks, const QList<QSplitter *> &diagramFirst)
{
    m_docks.clear();
    for (QDockWidget *dock : docks)
        m_docks.append(dock);
    m_diagramFirst.clear();
    for (QSplitter *splitter : diagramFirst)
        m_diagramFirst.append(splitter);
}

double PresentationMode::scale() const
{
    return m_zoom / 100.0 * (m_presenting ? kPresentationScale : 1.0);
}

void PresentationMode::setZoom(int percent)
{
    percent = std::clamp(percent, kMinZoom, kMaxZoom);
    if (percent == m_zoom)
        return;
    m_zoom = percent;
    QSettings().setValue(zoomKey(), m_zoom);
    apply();
    Q_EMIT zoomChanged(m_zoom);
}

void PresentationMode::zoomIn()
{
    const auto next = std::upper_bound(kZoomSteps.begin(), kZoomSteps.end(), m_zoom);
    setZoom(next == kZoomSteps.end() ? kMaxZoom : *next);
}

void PresentationMode::zoomOut()
{
    const auto next = std::lower_bound(kZoomSteps.begin(), kZoomSteps.end(), m_zoom);
    setZoom(next == kZoomSteps.begin() ? kMinZoom : *(next - 1));
}

void PresentationMode::resetZoom()
{
    setZoom(100);
}

void PresentationMode::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    if (on) {
        m_savedState = m_window->saveState();
        m_savedSplitters.clear();
        for (QSplitter *splitter : m_window->findChildren<QSplitter *>())
            m_savedSplitters.append({splitter, splitter->saveState()});
        m_presenting = true;
        m_window->setPalette(highContrastPalette(m_window->palette()));
        apply();
        // Only what a slide needs: the chosen docks, top to bottom, beside a wider diagram.
        QList<QDockWidget *> kept;
        for (const QPointer<QDockWidget> &dock : std::as_const(m_docks)) {
            if (dock)
                kept << dock;
        }
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
            if (!kept.contains(dock))
                dock->hide();
        }
        for (qsizetype i = 0; i < kept.size(); ++i) {
            if (i == 0)
                m_window->addDockWidget(Qt::LeftDockWidgetArea, kept[i]);
            else
                m_window->splitDockWidget(kept[i - 1], kept[i], Qt::Vertical);
            kept[i]->show();
        }
        // The docks wide enough for their larger text; the diagram gets all the rest (what
        // shares its splitter folds away, its handle drags it back).
        if (!kept.isEmpty())
            m_window->resizeDocks({kept.first()}, {m_window->width() * 28 / 100}, Qt::Horizontal);
        for (const QPointer<QSplitter> &splitter : std::as_const(m_diagramFirst)) {
            if (!splitter || splitter->count() < 2)
                continue;
            QList<int> sizes(splitter->count(), 0);
            sizes[0] = splitter->orientation() == Qt::Horizontal ? splitter->width() : splitter->height();
            splitter->setSizes(sizes);
        }
    } else {
        m_presenting = false;
        m_window->setPalette(QPalette()); // the application's again
        apply();
        m_window->restoreState(m_savedState);
        for (const auto &[splitter, state] : std::as_const(m_savedSplitters)) {
            if (splitter)
                splitter->restoreState(state);
        }
        m_savedSplitters.clear();
    }
    Q_EMIT presentingChanged(m_presenting);
}

void PresentationMode::apply()
{
    const double s = scale();
    const double ratio = s / m_applied;
    // The window's font, which its widgets inherit (the application's at 100 %).
    m_window->setFont(qFuzzyCompare(s, 1.0) ? QFont() : scaledFont(m_baseFont, s));
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (w->isWindow())
            continue;
        const QVariant own = w->property(kOwnFont);
        if (own.isValid())
            w->setFont(scaledFont(own.value<QFont>(), s));
    }
    // Rows and columns grow with their text.
    for (QTableView *table : m_window->findChildren<QTableView *>()) {
        table->verticalHeader()->setDefaultSectionSize(QFontMetrics(table->font()).height() + 6);
        QHeaderView *header = table->horizontalHeader();
        for (int i = 0; i < header->count() && !qFuzzyCompare(ratio, 1.0); ++i) {
            const QHeaderView::ResizeMode mode = header->sectionResizeMode(i);
            if (mode == QHeaderView::Interactive || mode == QHeaderView::Fixed)
                header->resizeSection(i, int(std::lround(header->sectionSize(i) * ratio)));
        }
    }
    for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
        if (!bar->property(kOwnIconSize).isValid())
            bar->setProperty(kOwnIconSize, bar->iconSize());
        const QSize base = bar->property(kOwnIconSize).toSize();
        bar->setIconSize(QSize(int(std::lround(base.width() * s)), int(std::lround(base.height() * s))));
    }
    m_applied = s;
}

} // namespace mas::ui
