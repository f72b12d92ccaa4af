// SPDX-License-Identifier: MIT
#include "clockpanel.h"

#include <mas/clock/clock.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace mas::ui {

namespace {

constexpr int kMaxTimerRows = 200;

/// Seconds with up to three decimals and no trailing zeros.
QString secondsText(double seconds)
{
    const QLocale locale;
    QString text = locale.toString(seconds, 'f', 3);
    const QChar point = locale.decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

QString speedText(double factor)
{
    return ClockPanel::tr("%1\u00d7").arg(QLocale().toString(factor));
}

} // namespace

ClockPanel::ClockPanel(QWidget *parent)
    : QWidget(parent)
{
    // time display
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    QFont big = m_timeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_timeLabel->setFont(big);
    m_timeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeLabel->setToolTip(tr("The simulated time: seconds on the clock's scale"));
    m_dateLabel = new QLabel(this);
    m_dateLabel->setObjectName(QStringLiteral("dateLabel"));
    m_dateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dateLabel->setToolTip(
        tr("The simulated time as a date (UTC): what the agents see as \"now\""));

    // controls
    m_stepSpin = new QDoubleSpinBox(this);
    m_stepSpin->setObjectName(QStringLiteral("stepSpin"));
    m_stepSpin->setRange(0.001, 1e9);
    m_stepSpin->setDecimals(3);
    m_stepSpin->setValue(1.0);
    m_stepSpin->setSuffix(tr(" s"));
    m_stepSpin->setToolTip(tr("How far \"Advance\" moves the clock, in simulated seconds"));
    m_advanceButton = new QPushButton(tr("Advance"), this);
    m_advanceButton->setObjectName(QStringLiteral("advanceButton"));
    m_advanceButton->setToolTip(
        tr("Move the clock forward by the step; timers that become due run"));
    m_nextButton = new QPushButton(tr("Next timer"), this);
    m_nextButton->setObjectName(QStringLiteral("nextTimerButton"));

    m_timeSpin = new QDoubleSpinBox(this);
    m_timeSpin->setObjectName(QStringLiteral("timeSpin"));
    m_timeSpin->setRange(-1e12, 1e12);
    m_timeSpin->setDecimals(3);
    m_timeSpin->setKeyboardTracking(false);
    m_timeSpin->setSuffix(tr(" s"));
    m_timeSpin->setToolTip(
        tr("A simulated time to jump to; it must be later than the current time"));
    m_setButton = new QPushButton(tr("Set"), this);
    m_setButton->setObjectName(QStringLiteral("setTimeButton"));
    m_setButton->setToolTip(
        tr("Set the clock to the time on the left; every timer due by then runs"));

    m_speedCombo = new QComboBox(this);
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    for (double factor : speeds())
        m_speedCombo->addItem(speedText(factor), factor);
    m_speedCombo->setCurrentIndex(int(speeds().indexOf(1.0)));
    m_speedCombo->setToolTip(tr("How fast \"Run\" moves the clock, relative to real time"));
    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Move the clock continuously at the chosen speed until \"Stop\""));
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop moving the clock"));

    auto *controls = new QGridLayout;
    controls->setColumnStretch(1, 1);
    const auto rowLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    controls->addWidget(rowLabel(tr("&Step:"), m_stepSpin), 0, 0);
    controls->addWidget(m_stepSpin, 0, 1);
    controls->addWidget(m_advanceButton, 0, 2);
    controls->addWidget(m_nextButton, 0, 3);
    controls->addWidget(rowLabel(tr("&Time:"), m_timeSpin), 1, 0);
    controls->addWidget(m_timeSpin, 1, 1);
    controls->addWidget(m_setButton, 1, 2);
    controls->addWidget(rowLabel(tr("S&peed:"), m_speedCombo), 2, 0);
    controls->addWidget(m_speedCombo, 2, 1);
    controls->addWidget(m_runButton, 2, 2);
    controls->addWidget(m_stopButton, 2, 3);

    // timers
    m_timersTitle = new QLabel(this);
    QFont bold = m_timersTitle->font();
    bold.setBold(true);
    m_timersTitle->setFont(bold);
    m_timerList = new QTreeWidget(this);
    m_timerList->setObjectName(QStringLiteral("timerList"));
    m_timerList->setColumnCount(3);
    m_timerList->setHeaderLabels({tr("Deadline"), tr("Due in"), tr("Description")});
    m_timerList->setRootIsDecorated(false);
    m_timerList->setUniformRowHeights(true);
    m_timerList->setAlternatingRowColors(true);
    m_timerList->setSelectionMode(QAbstractItemView::NoSelection);
    m_timerList->header()->setStretchLastSection(true);
    m_timerList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timerList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_timerList->setToolTip(
        tr("Timers waiting on the clock, in the order they will fire: sleeping agents "
           "and scheduled calls"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setToolTip(tr("The outcome of the last action"));

    auto *caption = new QLabel(tr("Simulated time"), this);
    QPalette dim = caption->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    caption->setPalette(dim);

    auto *layout = new QVBoxLayout(this);
    auto *timeBox = new QGridLayout;
    timeBox->setVerticalSpacing(0);
    timeBox->setColumnStretch(0, 1);
    timeBox->addWidget(caption, 0, 0);
    timeBox->addWidget(m_timeLabel, 1, 0);
    timeBox->addWidget(m_dateLabel, 1, 1, Qt::AlignRight | Qt::AlignBottom);
    layout->addLayout(timeBox);
    layout->addLayout(controls);
    layout->addWidget(m_timersTitle);
    layout->addWidget(m_timerList, 1);
    layout->addWidget(m_status);

    m_runTimer.setInterval(50);
    connect(&m_runTimer, &QTimer::timeout, this, &ClockPanel::runTick);
    connect(m_advanceButton, &QPushButton::clicked, this,
            [this] { reportResult(advance(m_stepSpin->value())); });
    connect(m_nextButton, &QPushButton::clicked, this,
            [this] { reportResult(advanceToNextTimer()); });
    connect(m_setButton, &QPushButton::clicked, this,
            [this] { reportResult(setTime(m_timeSpin->value())); });
    connect(m_runButton, &QPushButton::clicked, this, &ClockPanel::startRunning);
    connect(m_stopButton, &QPushButton::clicked, this, &ClockPanel::stop);
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (isRunning())
            setStatus(tr("Running at %1 real time").arg(speedText(speed())), false);
    });

    setClock(nullptr);
}

ClockPanel::~ClockPanel() = default;

QList<double> ClockPanel::speeds()
{
    return {0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0};
}

void ClockPanel::setClock(ExternalClock *clock)
{
    if (m_clock == clock && clock)
        return;
    stop();
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (clock) {
        connect(clock, &Clock::timeChanged, this, &ClockPanel::updateTime);
        connect(clock, &Clock::timersChanged, this, &ClockPanel::scheduleTimerListUpdate);
        connect(clock, &QObject::destroyed, this, &ClockPanel::clockGone);
        m_timeSpin->setValue(clock->time());
        setStatus(QString(), false);
    } else {
        setStatus(tr("No simulated clock: the system runs in real time."), false);
    }
    updateTime();
    updateTimerList();
}

ExternalClock *ClockPanel::clock() const
{
    return m_clock;
}

void ClockPanel::clockGone()
{
    stop();
    m_clock = nullptr;
    setStatus(tr("The clock is gone: the system runs in real time."), false);
    updateTime();
    updateTimerList();
}

void ClockPanel::setStep(double seconds)
{
    m_stepSpin->setValue(seconds);
}

double ClockPanel::step() const
{
    return m_stepSpin->value();
}

void ClockPanel::setSpeed(double factor)
{
    const QList<double> all = speeds();
    int best = 0;
    for (int i = 1; i < all.size(); ++i) {
        if (std::abs(std::log(all[i] / factor)) < std::abs(std::log(all[best] / factor)))
            best = i;
    }
    m_speedCombo->setCurrentIndex(best);
}

double ClockPanel::speed() const
{
    return m_speedCombo->currentData().toDouble();
}

void ClockPanel::setRunInterval(int milliseconds)
{
    m_runTimer.setInterval(qMax(1, milliseconds));
}

Result<void> ClockPanel::setTime(double t)
{
    if (!m_clock)
        return Error(ErrorCode::InvalidArgument, tr("There is no simulated clock to set"));
    return m_clock->setTime(t);
}

Result<void> ClockPanel::advance(double seconds)
{
    if (!m_clock)
        return Error(ErrorCode::InvalidArgument, tr("There is no simulated clock to advance"));
    return m_clock->advance(seconds);
}

Result<void> ClockPanel::advanceToNextTimer()
{
    if (!m_clock)
        return Error(ErrorCode::InvalidArgument, tr("There is no simulated clock to advance"));
    return m_clock->advanceToNextTimer();
}

void ClockPanel::startRunning()
{
    if (!m_clock || isRunning())
        return;
    m_runElapsed.start();
    m_runTimer.start();
    setStatus(tr("Running at %1 real time").arg(speedText(speed())), false);
    updateControls();
    Q_EMIT runningChanged(true);
}

void ClockPanel::stop()
{
    if (!isRunning())
        return;
    m_runTimer.stop();
    setStatus(m_clock ? tr("Stopped at %1 s").arg(secondsText(m_clock->time())) : QString(), false);
    updateControls();
    Q_EMIT runningChanged(false);
}

void ClockPanel::runTick()
{
    if (!m_clock) {
        stop();
        return;
    }
    // Advance by the real time since the last tick (not by the nominal interval), so that a
    // busy event loop slows the ticks but not the simulated clock's rate.
    const qint64 nanoseconds = m_runElapsed.nsecsElapsed();
    if (nanoseconds <= 0)
        return;
    m_runElapsed.start();
    const double seconds = speed() * double(nanoseconds) / 1e9;
    if (const Result<void> result = m_clock->advance(seconds); !result) {
        stop();
        reportResult(result);
    }
}

void ClockPanel::reportResult(const Result<void> &result, const QString &success)
{
    if (result) {
        if (!isRunning())
            setStatus(success, false);
        return;
    }
    setStatus(result.error().message(), true);
    Q_EMIT errorOccurred(result.error());
}

void ClockPanel::setStatus(const QString &text, bool isError)
{
    QPalette palette = this->palette();
    if (isError) {
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, QColor::fromRgb(dark ? 0xff8a80 : 0xc62828));
    }
    m_status->setPalette(palette);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString ClockPanel::statusText() const
{
    return m_status->text();
}

void ClockPanel::updateTime()
{
    if (!m_clock) {
        m_timeLabel->setText(tr("Real time"));
        m_dateLabel->setText(QString());
    } else {
        const double t = m_clock->time();
        m_timeLabel->setText(tr("%1 s").arg(secondsText(t)));
        m_dateLabel->setText(tr("%1 UTC").arg(
            m_clock->utcNow().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
        // Follow the clock in the "Time" field unless the user is typing a target there.
        if (!m_timeSpin->hasFocus())
            m_timeSpin->setValue(t);
    }
    // "Due in" is relative to the current time.
    scheduleTimerListUpdate();
    updateControls();
}

void ClockPanel::scheduleTimerListUpdate()
{
    // Agents may add and fire hundreds of timers in one turn of the event loop: list them once.
    if (m_timerListUpdateScheduled)
        return;
    m_timerListUpdateScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_timerListUpdateScheduled)
                updateTimerList();
        },
        Qt::QueuedConnection);
}

void ClockPanel::updateTimerList()
{
    m_timerListUpdateScheduled = false;
    m_timerList->clear();
    if (!m_clock) {
        m_timersTitle->setText(tr("Pending timers"));
        updateControls();
        return;
    }
    const QList<PendingTimer> timers = m_clock->pendingTimers();
    const double now = m_clock->time();
    m_timersTitle->setText(tr("Pending timers (%1)").arg(timers.size()));
    QList<QTreeWidgetItem *> items;
    const int shown = int(qMin<qsizetype>(timers.size(), kMaxTimerRows));
    items.reserve(shown + 1);
    for (int i = 0; i < shown; ++i) {
        const PendingTimer &timer = timers[i];
        auto *item = new QTreeWidgetItem;
        item->setText(0, tr("%1 s").arg(secondsText(timer.deadline)));
        const double in = timer.deadline - now;
        item->setText(1, in > 0 ? tr("+%1 s").arg(secondsText(in)) : tr("due now"));
        const QString description =
            timer.description.isEmpty() ? tr("(callback)") : timer.description;
        item->setText(2, description);
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        // The whole description first: a narrow panel cuts it short.
        item->setToolTip(2, description + u'\n'
                                + (timer.isSleep ? tr("Timer %1: a coroutine sleeping until %2 s")
                                                       .arg(timer.id)
                                                       .arg(secondsText(timer.deadline))
                                                 : tr("Timer %1: a callback scheduled for %2 s")
                                                       .arg(timer.id)
                                                       .arg(secondsText(timer.deadline))));
        items.push_back(item);
    }
    if (timers.size() > shown) {
        auto *more = new QTreeWidgetItem;
        more->setText(2, tr("\u2026 and %1 more").arg(timers.size() - shown));
        more->setForeground(2, palette().color(QPalette::PlaceholderText));
        items.push_back(more);
    }
    m_timerList->addTopLevelItems(items);
    updateControls();
}

void ClockPanel::setDrivenBy(const QString &driver)
{
    m_drivenBy = driver;
    if (!driver.isEmpty())
        stop();
    setStatus(driver, false);
    updateControls();
}

void ClockPanel::updateControls()
{
    const bool hasClock = m_clock && m_drivenBy.isEmpty(); // a driven clock is only shown
    const bool running = isRunning();
    for (QWidget *w : {static_cast<QWidget *>(m_stepSpin), static_cast<QWidget *>(m_advanceButton),
                       static_cast<QWidget *>(m_timeSpin), static_cast<QWidget *>(m_setButton),
                       static_cast<QWidget *>(m_speedCombo)})
        w->setEnabled(hasClock);
    m_runButton->setEnabled(hasClock && !running);
    m_stopButton->setEnabled(hasClock && running);
    const std::optional<double> next = hasClock ? m_clock->nextDeadline() : std::nullopt;
    m_nextButton->setEnabled(hasClock && next.has_value());
    m_nextButton->setToolTip(
        next ? tr("Move the clock to the next timer's deadline (%1 s)").arg(secondsText(*next))
             : tr("Move the clock to the next timer's deadline (no timer is pending)"));
    m_timerList->setEnabled(hasClock);
}

} // namespace mas::ui
