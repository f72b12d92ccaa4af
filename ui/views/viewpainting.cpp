// SPDX-License-Identifier: MIT
#include "viewpainting_p.h"

#include <QApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QFontDatabase>
#include <QImage>
#include <QImageWriter>
#include <QLineF>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QRectF>
#include <QWidget>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace mas::ui::detail {

QColor mixColors(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

ViewColors::ViewColors(const QPalette &palette, bool highContrast)
{
    base = palette.color(QPalette::Base);
    text = palette.color(QPalette::Text);
    dark = base.lightnessF() < 0.5;
    stripe = mixColors(base, text, dark ? 0.045 : 0.03);
    lifeline = mixColors(base, text, dark ? 0.35 : 0.25);
    muted = mixColors(base, text, dark ? 0.6 : 0.55);
    panel = palette.color(QPalette::Window);
    panelText = palette.color(QPalette::WindowText);
    if (std::abs(panel.lightness() - base.lightness()) < 8)
        panel = mixColors(base, text, 0.07);
    // Hues chosen to be told apart by colour-blind users too (blue / green / vermilion), in a
    // lighter shade on dark backgrounds.
    request = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1f, 0x4e, 0x9c);
    result = dark ? QColor(0x6d, 0xd3, 0x8e) : QColor(0x1b, 0x7a, 0x3a);
    failure = dark ? QColor(0xff, 0x85, 0x6b) : QColor(0xc4, 0x2b, 0x1c);
    dropped = mixColors(base, text, 0.45);
    clock = dark ? QColor(0xe8, 0xb8, 0x4a) : QColor(0x9a, 0x5b, 0x00);
    accent = palette.color(QPalette::Highlight);
    // The selection must stand out from the request blue: when the theme's accent is close to it,
    // use a warm accent instead.
    const int hueGap = std::abs(accent.hslHue() - request.hslHue());
    if (accent.hslHue() < 0 || std::min(hueGap, 360 - hueGap) < 40)
        accent = dark ? QColor(0xff, 0xb3, 0x47) : QColor(0xd9, 0x6c, 0x00);
    accentHalo = accent;
    accentHalo.setAlphaF(dark ? 0.35f : 0.25f);
    accentBand = accent;
    accentBand.setAlphaF(dark ? 0.22f : 0.14f);
    accentText = dark ? accent.lighter(115) : accent.darker(125);
    labelBackground = base;
    labelBackground.setAlphaF(0.85f);
    if (highContrast) {
        // For a projector at the back of a room: black on white, saturated hues, thick lines.
        dark = false;
        base = Qt::white;
        text = Qt::black;
        stripe = QColor(0xf0, 0xf0, 0xf0);
        lifeline = QColor(0x60, 0x60, 0x60);
        muted = QColor(0x30, 0x30, 0x30);
        panel = QColor(0xe4, 0xe4, 0xe4);
        panelText = Qt::black;
        request = QColor(0x00, 0x2f, 0xc0);
        result = QColor(0x00, 0x6e, 0x1a);
        failure = QColor(0xd0, 0x00, 0x00);
        dropped = QColor(0x50, 0x50, 0x50);
        clock = QColor(0x80, 0x40, 0x00);
        accent = QColor(0xe0, 0x5a, 0x00);
        accentHalo = accent;
        accentHalo.setAlphaF(0.3f);
        accentBand = accent;
        accentBand.setAlphaF(0.16f);
        accentText = accent.darker(130);
        labelBackground = QColor(255, 255, 255, 235);
        lineScale = 2;
    }
}

QColor ViewColors::forType(MessageType type) const
{
    switch (type) {
    case MessageType::Request:
        return request;
    case MessageType::Result:
        return result;
    case MessageType::Failure:
        return failure;
    }
    return request;
}

QColor ViewColors::labelText(MessageType type) const
{
    return forType(type);
}

QFont viewFixedFont(const QFont &base)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * 0.88);
    return font;
}

qreal viewFontScale(const QFont &font)
{
    const qreal reference = QFontMetricsF(QApplication::font()).height();
    if (reference <= 0)
        return 1;
    return std::clamp<qreal>(QFontMetricsF(font).height() / reference, 0.5, 4.0);
}

QString viewTimeText(double time)
{
    return QString::number(time, 'g', 6);
}

qreal distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const qreal length2 = QPointF::dotProduct(ab, ab);
    qreal t = length2 > 0 ? QPointF::dotProduct(p - a, ab) / length2 : 0;
    t = std::clamp<qreal>(t, 0, 1);
    return QLineF(p, a + t * ab).length();
}

bool clipSegment(QPointF &a, QPointF &b, const QRectF &rect, qreal *t0out)
{
    // Liang-Barsky.
    qreal t0 = 0;
    qreal t1 = 1;
    const qreal dx = b.x() - a.x();
    const qreal dy = b.y() - a.y();
    const qreal p[4] = {-dx, dx, -dy, dy};
    const qreal q[4] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(),
                        rect.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
    }
    const QPointF start = a;
    a = start + t0 * QPointF(dx, dy);
    b = start + t1 * QPointF(dx, dy);
    if (t0out)
        *t0out = t0;
    return true;
}

void drawClippedPolyline(QPainter *painter,
                         const QPolygonF &line,
                         const QPen &pen,
                         const QRectF &clip)
{
    const qreal unit = std::max<qreal>(pen.widthF(), 1);
    qreal travelled = 0;
    for (qsizetype i = 1; i < line.size(); ++i) {
        QPointF a = line[i - 1];
        QPointF b = line[i];
        const qreal length = QLineF(a, b).length();
        qreal t0 = 0;
        if (clipSegment(a, b, clip, &t0)) {
            QPen cut = pen;
            if (pen.style() != Qt::SolidLine)
                cut.setDashOffset((travelled + t0 * length) / unit);
            painter->setPen(cut);
            painter->drawLine(a, b);
        }
        travelled += length;
    }
}

QPolygonF arrowHead(const QPointF &from, const QPointF &tip, qreal length, qreal halfWidth)
{
    QPointF dir = tip - from;
    const qreal norm = std::hypot(dir.x(), dir.y());
    dir = norm > 0 ? dir / norm : QPointF(1, 0);
    const QPointF normal(-dir.y(), dir.x());
    const QPointF back = tip - dir * length;
    return QPolygonF({tip, back + normal * halfWidth, back - normal * halfWidth});
}

bool writeImageFile(const QImage &image, const QString &fileName, QString *error)
{
    QByteArray format = QFileInfo(fileName).suffix().toLower().toLatin1();
    if (!QImageWriter::supportedImageFormats().contains(format))
        format = QByteArrayLiteral("png");
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QImageWriter writer(&file, format);
    if (format == "png")
        writer.setQuality(80); // zlib level 1: several times faster than the default on 20 Mpx
    if (!writer.write(image)) {
        *error = writer.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool writeSvgFile(const QString &fileName,
                  const QSize &size,
                  int dpi,
                  const QString &title,
                  const QString &description,
                  const std::function<void(QPainter *)> &paint,
                  QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // The painting code measures text at the screen's resolution; so must the SVG.
    generator.setResolution(dpi);
    generator.setTitle(title);
    generator.setDescription(description);
    QPainter painter;
    if (!painter.begin(&generator)) {
        *error = QStringLiteral("cannot paint on the SVG generator");
        file.cancelWriting();
        return false;
    }
    paint(&painter);
    painter.end();
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool exportViewImage(const QWidget *view,
                     const QSize &size,
                     const std::function<void(QPainter *)> &paint,
                     const QString &fileName,
                     QString *error)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QStringLiteral("cannot allocate an image of %1x%2").arg(size.width()).arg(size.height());
        return false;
    }
    // The same resolution as the screen, so that text has the same size relative to the rest.
    image.setDotsPerMeterX(int(std::lround(view->logicalDpiX() / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(view->logicalDpiY() / 0.0254)));
    image.fill(ViewColors(view->palette()).base);
    QPainter painter(&image);
    paint(&painter);
    painter.end();
    return writeImageFile(image, fileName, error);
}

} // namespace mas::ui::detail
