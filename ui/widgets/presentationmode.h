// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;
class QSplitter;

namespace mas::ui {

/// The whole-window zoom and presentation mode of a main window (the Inspector's View menu).
///
/// The zoom scales the window's font, and with it every view and panel: the tables (their rows
/// and columns too), the docks, the tool bars' icons, the sequence diagram's labels and rows, the
/// agent graph's labels. Widgets that chose a font of their own (a fixed-pitch pane, a large
/// clock) are scaled from the font they chose. The zoom is kept in QSettings ("view/zoom", in
/// percent).
///
/// Presentation mode is for a projector: the text a further kPresentationScale larger, a
/// high-contrast palette (dark text on white; the views draw strong colours and thicker lines),
/// and only the docks that matter on a slide (setPresentationLayout(): the pending list first)
/// beside the diagram. Leaving it restores the layout, the palette and the size.
class PresentationMode : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMinZoom = 50;
    static constexpr int kMaxZoom = 300;
    static constexpr double kPresentationScale = 1.5;

    /// Scales `window`, starting with the zoom kept in QSettings.
    explicit PresentationMode(QMainWindow *window);

    /// The docks shown in presentation mode, top to bottom (the others are hidden), and the
    /// splitters whose first part (the diagram) takes all their room (the other parts fold
    /// away until the user drags them back or presentation mode ends).
    void setPresentationLayout(const QList<QDockWidget *> &docks, const QList<QSplitter *> &diagramFirst = {});

    /// The zoom in percent (100: the application's font).
    int zoom() const { return m_zoom; }
    /// Clamped to [kMinZoom, kMaxZoom], applied and kept in QSettings.
    void setZoom(int percent);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    bool isPresenting() const { return m_presenting; }
    void setPresenting(bool on);
    /// The factor the window's font has now: zoom and presentation together.
    double scale() const;

Q_SIGNALS:
    void zoomChanged(int percent);
    /// Presentation mode was entered or left: views switch to high contrast and back.
    void presentingChanged(bool presenting);

private:
    void apply();

    QMainWindow *m_window;
    QFont m_baseFont;
    int m_zoom = 100;
    double m_applied = 1.0; // the scale the window has now
    bool m_presenting = false;
    QList<QPointer<QDockWidget>> m_docks;
    QList<QPointer<QSplitter>> m_diagramFirst;
    QByteArray m_savedState;
    QList<QPair<QPointer<QSplitter>, QByteArray>> m_savedSplitters;
};

} // namespace mas::ui
