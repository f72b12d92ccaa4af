// SPDX-License-Identifier: MIT
#include "lookaheadactions.h"

#include "models/eventstore.h"
#include "models/pendingmodel.h"
#include "models/propertyname.h"
#include "session/inspectorsession.h"

#include <mas/system/system.h>
#include <mas/transport/localnetwork.h>

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QCoro/QCoroSignal>
#include <QDir>
#include <QFileInfo>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScreen>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace mas::ui {

namespace {

using mas::system::ExplorerStep;
using mas::system::LookAheadMark;

/// The queue id the child builds its systems on (LookAheadOptions::queueId).
const QString kChildQueue = QStringLiteral("lookahead");

QIcon dotIcon(const QColor &color, const QString &text = QString())
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 12, 12));
    if (!text.isEmpty()) {
        painter.setPen(Qt::white);
        QFont font = painter.font();
        font.setPixelSize(10);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRectF(0, 0, 14, 14), Qt::AlignCenter, text);
    }
    return QIcon(pixmap);
}

/// The continuation shown by hand: any click (popups get them all) or Esc closes it (QLabel's
/// own handlers would keep the presses and keys from QWidget's, which close a popup).
class ContinuationPopup : public QLabel
{
public:
    ContinuationPopup(const QString &text, QWidget *parent)
        : QLabel(text, parent, Qt::Popup)
    {}

protected:
    void mousePressEvent(QMouseEvent *) override { close(); }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->matches(QKeySequence::Cancel))
            close();
        else
            QLabel::keyPressEvent(event);
    }
};

/// `mas` beside this program (installed), or the build tree's (app/inspector → app/mas).
QString defaultProgram()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("mas")), here.filePath(QStringLiteral("../mas/mas"))}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

} // namespace

LookAheadActions::LookAheadActions(InspectorSession *session, QTableView *pendingTable, PendingMessagesModel *pending,
                                   QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_table(pendingTable)
    , m_pending(pending)
{
    m_client = new mas::system::LookAheadClient(defaultProgram(), this);

    m_enabled = new QAction(tr("Look &Ahead"), this);
    m_enabled->setObjectName(QStringLiteral("lookAheadAction"));
    m_enabled->setCheckable(true);
    m_enabled->setChecked(true);
    m_depth = new QSpinBox();
    m_depth->setObjectName(QStringLiteral("lookAheadDepth"));
    m_depth->setRange(1, 12);
    m_depth->setValue(6);
    m_depth->setPrefix(tr("k = "));
    m_depth->setAccessibleName(tr("Look-ahead depth"));
    m_depth->setToolTip(tr("How many steps the look-ahead searches from the current state (the next delivery "
                           "included)"));
    m_play = new QAction(tr("Play &Continuation"), this);
    m_play->setObjectName(QStringLiteral("playContinuationAction"));
    m_play->setToolTip(tr("Delivers the shortest continuation that leads the selected message to a violation"));
    m_play->setEnabled(false);
    m_show = new QAction(tr("&Show Continuation"), this);
    m_show->setObjectName(QStringLiteral("showContinuationAction"));
    m_show->setToolTip(tr("Shows the shortest continuation that leads the selected message to a violation"));
    m_show->setEnabled(false);
    connect(m_show, &QAction::triggered, this, [this] {
        // After the context menu has closed: its closing (the focus coming back) hides a tool
        // tip shown before.
        QTimer::singleShot(0, this, [this] {
            if (!m_table)
                return;
            const QModelIndex index = m_table->currentIndex();
            const QRect row = m_table->visualRect(index);
            showContinuation(index, m_table->viewport()->mapToGlobal(row.bottomLeft()));
        });
    });
    m_state = new QLabel();
    m_state->setObjectName(QStringLiteral("lookAheadState"));
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(30);
    connect(m_debounce, &QTimer::timeout, this, &LookAheadActions::requestSearch);

    connect(m_enabled, &QAction::toggled, this, [this](bool on) {
        m_depth->setEnabled(on && isAvailable());
        if (on) {
            m_searchedAt = -1;
            stateMaybeChanged();
        } else {
            m_client->cancel();
            clearMarks();
        }
        updateState();
    });
    connect(m_depth, &QSpinBox::valueChanged, this, [this] {
        m_searchedAt = -1; // the same state, another k
        stateMaybeChanged();
    });
    connect(m_play, &QAction::triggered, this, [this] {
        const quint64 id = m_table ? m_table->currentIndex().data(PendingMessagesModel::MessageIdRole).toULongLong() : 0;
        QCoro::connect(playContinuation(id), this, [this](const Result<void> &played) {
            if (!played)
                Q_EMIT message(played.error().message(), 8000);
        });
    });

    connectClient();

    if (m_session) {
        connect(m_session, &InspectorSession::systemChanged, this, &LookAheadActions::systemChanged);
        connect(m_session, &InspectorSession::aboutToClear, this, [this] {
            m_client->cancel();
            clearMarks();
        });
        connect(m_session, &InspectorSession::runningChanged, this, &LookAheadActions::stateMaybeChanged);
        connect(m_session, &InspectorSession::busyChanged, this, &LookAheadActions::stateMaybeChanged);
    }
    if (m_pending)
        connect(m_pending, &PendingMessagesModel::refreshed, this, &LookAheadActions::stateMaybeChanged);
    if (m_table) {
        m_table->viewport()->installEventFilter(this);
        // The second way to the continuation besides hovering: Alt+click is often the window
        // manager's (it moves windows on openbox and many desktops).
        m_table->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
            const QModelIndex index = m_table->indexAt(pos);
            if (!index.isValid())
                return;
            QMenu *menu = contextMenuFor(index);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_table->viewport()->mapToGlobal(pos));
        });
        if (m_table->selectionModel())
            connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                    &LookAheadActions::updateState);
    }
    systemChanged();
}

LookAheadActions::~LookAheadActions()
{
    m_client->stop();
    // The tool bar's widgets are the bar's once added; those never added are ours.
    if (m_depth && !m_depth->parent())
        delete m_depth.data();
    if (m_state && !m_state->parent())
        delete m_state.data();
}

QToolBar *LookAheadActions::installToolBar(QMainWindow *window)
{
    if (m_bar)
        return m_bar;
    m_bar = new QToolBar(tr("Look Ahead"), window);
    m_bar->setObjectName(QStringLiteral("lookAheadToolBar"));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_bar->addAction(m_enabled);
    m_bar->addWidget(m_depth);
    m_bar->addWidget(m_state);
    m_bar->addAction(m_play);
    // The state's longest texts ("searching… 12 marked") do not make the bar jump.
    m_state->setMinimumWidth(m_state->fontMetrics().horizontalAdvance(tr("%n lead(s) to a violation", nullptr, 12)));
    // A line of its own below the others: beside the stepping tool bar it went into that bar's »
    // menu in longer languages, and beside the System tool bar it fits only a wide window.
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, m_bar);
    return m_bar;
}

void LookAheadActions::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions.clear();
    for (QAction *action : actions)
        m_contextActions.append(action);
}

QMenu *LookAheadActions::contextMenuFor(const QModelIndex &index)
{
    auto *menu = new QMenu(m_table);
    menu->setObjectName(QStringLiteral("pendingContextMenu"));
    if (m_table && index.isValid())
        m_table->setCurrentIndex(index);
    updateState();
    menu->addAction(m_show);
    menu->addAction(m_play);
    bool separated = false;
    for (const QPointer<QAction> &action : std::as_const(m_contextActions)) {
        if (!action)
            continue;
        if (!separated)
            menu->addSeparator();
        separated = true;
        menu->addAction(action);
    }
    return menu;
}

bool LookAheadActions::showContinuation(const QModelIndex &index, const QPoint &globalPos)
{
    if (!m_table || !index.isValid())
        return false;
    const quint64 id = index.data(PendingMessagesModel::MessageIdRole).toULongLong();
    const auto it = m_marks.constFind(id);
    if (it == m_marks.constEnd())
        return false;
    // A popup, not a tool tip: it stays until a click or Esc (a tool tip shown by hand goes with
    // the next activation of the window, as when the context menu closes, or the next move).
    delete m_popup.data();
    auto *popup = new ContinuationPopup(describe(*it), m_table);
    m_popup = popup;
    popup->setObjectName(QStringLiteral("continuationPopup"));
    popup->setAttribute(Qt::WA_DeleteOnClose);
    popup->setTextFormat(Qt::PlainText);
    popup->setFrameShape(QFrame::Box);
    popup->setMargin(6);
    popup->setBackgroundRole(QPalette::ToolTipBase);
    popup->setForegroundRole(QPalette::ToolTipText);
    popup->setAutoFillBackground(true);
    popup->adjustSize();
    QPoint at = globalPos;
    if (const QScreen *screen = m_table->screen()) { // whole on the screen
        const QRect room = screen->availableGeometry();
        at.setX(std::clamp(at.x(), room.left(), std::max(room.left(), room.right() - popup->width())));
        at.setY(std::clamp(at.y(), room.top(), std::max(room.top(), room.bottom() - popup->height())));
    }
    popup->move(at);
    popup->show();
    return true;
}

void LookAheadActions::setProgram(const QString &program)
{
    m_client->stop();
    delete m_client;
    m_client = new mas::system::LookAheadClient(program, this);
    connectClient();
    m_search = 0;
    systemChanged();
}

void LookAheadActions::connectClient()
{
    connect(m_client, &mas::system::LookAheadClient::markFound, this,
            [this](quint64 request, const LookAheadMark &mark) {
                if (request != m_search)
                    return; // a stale search's mark
                m_marks.insert(mark.messageId, mark);
                showMarks();
            });
    connect(m_client, &mas::system::LookAheadClient::searchEnded, this,
            [this](quint64 request, const QString &end, const QString &error) {
                if (request != m_search)
                    return;
                m_end = end;
                if (end == u"failed" && !error.isEmpty())
                    Q_EMIT message(tr("Look-ahead: %1").arg(error), 8000);
                showMarks();
                Q_EMIT searchFinished(request, end);
            });
    connect(m_client, &mas::system::LookAheadClient::childFailed, this, [this](const QString &error) {
        m_end = QStringLiteral("failed");
        Q_EMIT message(error, 8000);
        updateState();
    });
}

QString LookAheadActions::program() const
{
    return m_client ? m_client->program() : QString();
}

QSpinBox *LookAheadActions::depthBox() const
{
    return m_depth.data();
}

int LookAheadActions::depth() const
{
    return m_depth->value();
}

void LookAheadActions::setDepth(int k)
{
    m_depth->setValue(k);
}

bool LookAheadActions::isSearching() const
{
    return m_search != 0 && m_end.isEmpty();
}

void LookAheadActions::systemChanged()
{
    mas::system::System *system = m_session ? m_session->system() : nullptr;
    QString why;
    if (program().isEmpty())
        why = tr("The look-ahead needs the mas program beside MAS Inspector.");
    else if (!mas::system::LookAhead::canSearch(system, &why) && why.isEmpty())
        why = tr("The look-ahead cannot search this system.");
    m_reason = why;
    m_enabled->setEnabled(isAvailable());
    m_depth->setEnabled(isAvailable() && m_enabled->isChecked());
    m_enabled->setToolTip(isAvailable() ? tr("Searches every order of the next k steps in the background after each "
                                             "step and marks the pending messages: a violation ahead (red), safe for "
                                             "every order (green), or not known yet (grey)")
                                        : tr("The look-ahead is off: %1").arg(m_reason));
    m_client->cancel();
    m_searchedAt = -1;
    clearMarks();
    stateMaybeChanged();
}

void LookAheadActions::stateMaybeChanged()
{
    if (!m_session || !isAvailable() || !m_enabled->isChecked() || m_playing)
        return;
    if (m_session->isRunning() || m_session->isRebuilding()) {
        // A free run or a replay moves on faster than a search, and a file being opened
        // replaces the system searched: no marks until it stops (the search is not left to
        // compete with the reading), and the tool bar says "waiting", not "searching".
        if (!m_marks.isEmpty() || m_searchedAt >= 0 || m_search != 0) {
            m_client->cancel();
            m_searchedAt = -1;
            m_search = 0;
            clearMarks();
        }
        return;
    }
    if (m_session->isBusy())
        return; // a step is on its way: search the state it reaches
    if (m_session->store()->size() == m_searchedAt)
        return;
    m_debounce->start();
}

void LookAheadActions::requestSearch()
{
    if (!m_session || !isAvailable() || !m_enabled->isChecked() || m_session->isRunning() || m_session->isBusy()
        || m_playing)
        return;
    mas::system::System *system = m_session->system();
    if (!system)
        return;
    const qsizetype at = m_session->store()->size();
    if (at == m_searchedAt)
        return;
    m_searchedAt = at;
    clearMarks();
    Result<quint64> request = m_client->request(m_session->demoId(), m_session->systemFile(), system->parameters(),
                                                m_session->recordedLog(), depth());
    if (!request) {
        Q_EMIT message(tr("Look-ahead: %1").arg(request.error().message()), 8000);
        return;
    }
    m_search = *request;
    m_end.clear();
    updateState();
}

void LookAheadActions::clearMarks()
{
    m_marks.clear();
    m_end.clear();
    showMarks();
}

void LookAheadActions::showMarks()
{
    if (!m_pending)
        return;
    QHash<quint64, PendingMessagesModel::Annotation> notes;
    const bool active = isAvailable() && m_enabled->isChecked() && m_search != 0;
    if (active && m_session && m_session->system()) {
        static const QIcon violation = dotIcon(QColor(0xd0, 0x30, 0x30), QStringLiteral("!"));
        static const QIcon safe = dotIcon(QColor(0x2e, 0x9d, 0x4c));
        static const QIcon unknown = dotIcon(QColor(0x9a, 0x9a, 0x9a), QStringLiteral("?"));
        for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
            PendingMessagesModel::Annotation note;
            auto it = m_marks.constFind(m.id);
            LookAheadMark mark;
            if (it != m_marks.constEnd()) {
                mark = *it;
            } else {
                mark.messageId = m.id;
                mark.depth = depth();
                if (m_end == u"cancelled" || m_end == u"failed")
                    mark.error = tr("the search did not finish");
            }
            note.kind = LookAheadMark::kindName(mark.kind);
            note.icon = mark.kind == LookAheadMark::Kind::Violation ? violation
                        : mark.kind == LookAheadMark::Kind::Safe    ? safe
                                                                    : unknown;
            note.toolTip = describe(mark);
            notes.insert(m.id, note);
        }
    }
    m_pending->setAnnotations(notes);
    updateState();
    Q_EMIT marksChanged();
}

void LookAheadActions::updateState()
{
    if (!m_state)
        return;
    QString text;
    if (!isAvailable() || !m_enabled->isChecked())
        text.clear();
    else if (m_search == 0)
        text = tr("waiting");
    else if (m_end.isEmpty())
        text = tr("searching… %n marked", nullptr, int(m_marks.size()));
    else if (m_end == u"done") {
        // Counted over the messages the pending list shows (the teaching view hides plumbing).
        int violations = 0;
        if (QAbstractItemModel *model = m_table ? m_table->model() : nullptr) {
            for (int row = 0; row < model->rowCount(); ++row) {
                const quint64 id = model->index(row, 0).data(PendingMessagesModel::MessageIdRole).toULongLong();
                const auto it = m_marks.constFind(id);
                violations += it != m_marks.cend() && it->kind == LookAheadMark::Kind::Violation ? 1 : 0;
            }
        } else {
            for (const LookAheadMark &mark : std::as_const(m_marks))
                violations += mark.kind == LookAheadMark::Kind::Violation ? 1 : 0;
        }
        text = tr("%n lead(s) to a violation", nullptr, violations);
    } else if (m_end == u"failed")
        text = tr("failed");
    m_state->setText(text);
    m_state->setToolTip(m_enabled->toolTip());
    const quint64 selected =
        m_table ? m_table->currentIndex().data(PendingMessagesModel::MessageIdRole).toULongLong() : 0;
    const auto it = m_marks.constFind(selected);
    const bool violating = it != m_marks.constEnd() && it->kind == LookAheadMark::Kind::Violation;
    m_play->setEnabled(!m_playing && violating);
    m_show->setEnabled(violating);
}

QString LookAheadActions::mapAddress(const QString &address) const
{
    // The child builds the system on its own queue id; the window's is the system's.
    const QString prefix = QStringLiteral("local://") + kChildQueue;
    if (!m_session || !m_session->system() || !address.startsWith(prefix))
        return address;
    const QString rest = address.mid(prefix.size());
    if (!rest.isEmpty() && rest.front() != u'/' && rest.front() != u'-')
        return address;
    return QStringLiteral("local://") + m_session->system()->queueId() + rest;
}

QString LookAheadActions::stepText(const ExplorerStep &step) const
{
    if (step.kind == ExplorerStep::Kind::AdvanceClock)
        return tr("the clock moves to %1").arg(step.time);
    const QString from = m_session ? m_session->displayName(mapAddress(step.from)) : step.from;
    const QString to = m_session ? m_session->displayName(mapAddress(step.to)) : step.to;
    return tr("%1 → %2").arg(from, to);
}

QString LookAheadActions::describe(const LookAheadMark &mark) const
{
    switch (mark.kind) {
    case LookAheadMark::Kind::Safe:
        return tr("Safe: no order of the next %n step(s) breaks an invariant", nullptr, mark.depth);
    case LookAheadMark::Kind::Unknown:
        if (!mark.error.isEmpty())
            return tr("Not known: %1").arg(mark.error);
        return tr("Not known yet: the look-ahead (k = %1) is searching").arg(mark.depth);
    case LookAheadMark::Kind::Violation:
        break;
    }
    QStringList lines;
    lines << tr("Leads to a violation of \"%1\" within %n step(s). The shortest continuation:", nullptr, mark.length())
                 .arg(propertyDisplayName(m_session ? m_session->system() : nullptr, mark.property));
    int number = 0;
    int plumbing = 0;
    for (std::size_t i = 0; i < mark.continuation.size(); ++i) {
        const ExplorerStep &step = mark.continuation[i];
        if (step.transport) {
            ++plumbing; // replies and lookups: not steps of the protocol
            continue;
        }
        const QString label = i < std::size_t(mark.labels.size()) ? mark.labels[qsizetype(i)] : QString();
        lines << QStringLiteral("%1. %2%3")
                     .arg(++number)
                     .arg(label.isEmpty() ? QString() : label + QStringLiteral(": "), stepText(step));
    }
    if (plumbing > 0)
        lines << tr("(and %n reply or lookup deliveries between them)", nullptr, plumbing);
    if (!mark.explanation.isEmpty())
        lines << mark.explanation;
    lines << tr("Show Continuation in the context menu (or Alt+click) shows this; Play Continuation delivers it.");
    return lines.join(u'\n');
}

bool LookAheadActions::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport() && event->type() == QEvent::MouseButtonPress) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && mouse->modifiers().testFlag(Qt::AltModifier)) {
            const QModelIndex index = m_table->indexAt(mouse->position().toPoint());
            if (index.isValid()) {
                m_table->setCurrentIndex(index);
                if (showContinuation(index, mouse->globalPosition().toPoint()))
                    return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

QCoro::Task<Result<void>> LookAheadActions::playContinuation(quint64 id)
{
    const auto it = m_marks.constFind(id);
    if (!m_session || it == m_marks.constEnd() || it->kind != LookAheadMark::Kind::Violation)
        co_return Error(ErrorCode::InvalidArgument,
                        tr("The selected message has no violating continuation to play"));
    const LookAheadMark mark = *it;
    QPointer<LookAheadActions> self(this);
    m_playing = true;
    updateState();
    QTimer tick;
    tick.setSingleShot(true);
    tick.setInterval(1);
    Result<void> outcome;
    for (std::size_t i = 0; i < mark.continuation.size() && outcome; ++i) {
        const ExplorerStep &step = mark.continuation[i];
        // Wait until the step can be taken: the step before settled and its frame is pending.
        for (int turns = 0;; ++turns) {
            if (!self || !m_session) {
                co_return Error(ErrorCode::Cancelled, tr("The window went"));
            }
            const bool ready = !m_session->isBusy()
                               && (step.kind == ExplorerStep::Kind::AdvanceClock
                                       ? LocalNetwork::instance()->pendingCount() == 0
                                       : LocalNetwork::instance()->pendingMessage(step.messageId).has_value());
            if (ready && turns >= 3)
                break;
            if (turns > 5000) {
                outcome = Error(ErrorCode::Timeout, tr("The continuation does not repeat: step %1 cannot be taken")
                                                        .arg(i + 1));
                break;
            }
            tick.start();
            co_await qCoro(&tick, &QTimer::timeout);
        }
        if (!outcome)
            break;
        if (step.kind == ExplorerStep::Kind::AdvanceClock) {
            if (!LocalNetwork::instance()->advanceClock())
                outcome = Error(ErrorCode::InvalidArgument, tr("The clock has no timer to move to"));
        } else {
            outcome = m_session->deliverMessage(step.messageId);
        }
    }
    if (!self)
        co_return outcome;
    m_playing = false;
    updateState();
    if (outcome)
        Q_EMIT message(tr("Played %n step(s) towards \"%1\"", nullptr, int(mark.continuation.size())).arg(propertyDisplayName(m_session ? m_session->system() : nullptr, mark.property)),
                       8000);
    stateMaybeChanged();
    co_return outcome;
}

} // namespace mas::ui
