// SPDX-License-Identifier: MIT
#pragma once

// Painting helpers shared by the views in ui/views/; not part of the API.

#include <mas/core/masnamespace.h>

#include <QColor>
#include <QFont>
#include <QPolygonF>
#include <QSize>
#include <QString>

#include <functional>

class QImage;
class QPainter;
class QPalette;
class QPen;
class QRectF;

class QWidget;

namespace mas::ui::detail {

/// Colours derived from a palette, so that light and dark themes both read well.
struct ViewColors
{
    /// `highContrast`: presentation colours (dark text on white, strong hues, thicker lines)
    /// whatever the palette.
    explicit ViewColors(const QPalette &palette, bool highContrast = false);

    /// The colour of a request, result or failure line.
    QColor forType(MessageType type) const;
    /// The same, for text on the base colour.
    QColor labelText(MessageType type) const;

    bool dark = false;
    QColor base;     ///< the diagram's background
    QColor text;     ///< ordinary text
    QColor stripe;   ///< every other row
    QColor lifeline; ///< grid and lifelines
    QColor muted;    ///< annotations, secondary text
    QColor panel;    ///< header, gutter and footer background
    QColor panelText;
    QColor request;
    QColor result;
    QColor failure;
    QColor dropped;
    QColor clock;
    QColor accent;          ///< the selection
    QColor accentHalo;      ///< a wide, faint line under the selected message
    QColor accentBand;      ///< the selected message's rows
    QColor accentText;      ///< selected text on the base colour
    QColor labelBackground; ///< behind labels drawn over lines
    qreal lineScale = 1;    ///< message lines are this much thicker (high contrast: 2)
};

/// `a` blended towards `b` by `t` (0..1).
QColor mixColors(const QColor &a, const QColor &b, qreal t);
/// A fixed-pitch font a little smaller than `base`, for numbers.
QFont viewFixedFont(const QFont &base);
/// How much larger `font` is than the application's font (1: the same; the window's zoom and
/// presentation mode make it larger), for spacing that must grow with the text.
qreal viewFontScale(const QFont &font);
/// A simulated time for people: "12.5", "0", "1e+06".
QString viewTimeText(double time);
/// The distance from `p` to the segment `a`–`b`.
qreal distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b);
/// Cuts the segment `a`–`b` to `rect`; false if nothing is left. `t0` is where the cut segment
/// starts along the original one (0..1).
bool clipSegment(QPointF &a, QPointF &b, const QRectF &rect, qreal *t0);
/// Draws a polyline cut to `clip`, keeping the dash pattern where it would be uncut (so dashes do
/// not crawl while scrolling, and a line thousands of rows long costs no more than a short one).
void drawClippedPolyline(QPainter *painter,
                         const QPolygonF &line,
                         const QPen &pen,
                         const QRectF &clip);
/// The triangle of an arrowhead at `tip` pointing away from `from`: tip, left corner, right corner.
QPolygonF arrowHead(const QPointF &from, const QPointF &tip, qreal length, qreal halfWidth);

/// Saves `image` atomically; the format follows the suffix (PNG when unknown; PNGs with fast,
/// light compression: exports are large and mostly flat colour). False with `error` set on failure.
bool writeImageFile(const QImage &image, const QString &fileName, QString *error);
/// Paints `view`'s export (`size`, the view's resolution and background) with `paint` into an
/// image and saves it; false with `error` set on failure.
bool exportViewImage(const QWidget *view,
                     const QSize &size,
                     const std::function<void(QPainter *)> &paint,
                     const QString &fileName,
                     QString *error);
/// Paints an SVG of `size` (user units = pixels at `dpi`) with `paint` and saves it atomically.
bool writeSvgFile(const QString &fileName,
                  const QSize &size,
                  int dpi,
                  const QString &title,
                  const QString &description,
                  const std::function<void(QPainter *)> &paint,
                  QString *error);

} // namespace mas::ui::detail
