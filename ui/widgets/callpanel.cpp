// SPDX-License-Identifier: MIT
#include "callpanel.h"

#include <mas/agent/agenturl.h>
#include <mas/codec/jsoncodec.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/rpc/rpcclient.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace mas::ui {

namespace {

/// Parses `text` (JSON without its outer brackets) as a list or an object.
Result<Value> parseJson(const QString &text, QChar open, QChar close, const QString &what)
{
    const QString wrapped = open + text + close;
    Result<Value> v = JsonCodec::read(wrapped.toUtf8());
    if (!v)
        return Error(ErrorCode::InvalidArgument, CallPanel::tr("The %1 are not valid JSON: %2").arg(what, v.error().message()));
    return v;
}

} // namespace

CallPanel::CallPanel(QWidget *parent)
    : QWidget(parent)
{
    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("callTarget"));
    m_target->setPlaceholderText(tr("tcp://127.0.0.1:5555/0 or tcp://127.0.0.1:5555"));
    m_target->setToolTip(tr("An agent URL (the method is called on that agent) or a service address"));
    m_codec = new QComboBox(this);
    m_codec->addItem(QStringLiteral("json"));
    m_codec->addItem(QStringLiteral("msgpack"));
    m_codec->addItem(QStringLiteral("msgpackblosc"));
    m_codec->setToolTip(tr("The codec the service speaks (aiomas's default is JSON)"));
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("callMethod"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setToolTip(tr("The method's path, e.g. service or calc/mul; paths seen in the traffic are offered"));
    m_arguments = new QLineEdit(this);
    m_arguments->setObjectName(QStringLiteral("callArguments"));
    m_arguments->setPlaceholderText(tr("42, \"text\", [1, 2]"));
    m_arguments->setToolTip(tr("Positional arguments as JSON values, separated by commas"));
    m_keywords = new QLineEdit(this);
    m_keywords->setPlaceholderText(tr("\"name\": value, …"));
    m_keywords->setToolTip(tr("Keyword arguments as JSON \"name\": value pairs, separated by commas"));
    m_timeout = new QDoubleSpinBox(this);
    m_timeout->setRange(0.1, 3600);
    m_timeout->setValue(10);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for the connection and the reply"));
    m_callButton = new QPushButton(tr("&Call"), this);
    m_callButton->setObjectName(QStringLiteral("callButton"));
    m_callButton->setToolTip(tr("Call the method and show the result below (Ctrl+Return)"));
    auto *clear = new QPushButton(tr("C&lear"), this);
    clear->setToolTip(tr("Clear the result pane"));
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("callResult"));
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setAccessibleName(tr("Call results"));
    m_result->setPlaceholderText(tr("Results and errors of your calls appear here."));

    auto *form = new QFormLayout;
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_codec);
    // The target's row is a layout, which a form gives no buddy: the label gets one here, or its
    // mnemonic would show as a literal "&".
    auto *targetLabel = new QLabel(tr("&Target:"), this);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, targetRow);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Arguments:"), m_arguments);
    form->addRow(tr("&Keywords:"), m_keywords);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QWidget(this), 1);
    buttons->addWidget(m_timeout);
    buttons->addWidget(clear);
    buttons->addWidget(m_callButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_result, 1);

    connect(clear, &QPushButton::clicked, m_result, &QPlainTextEdit::clear);
    connect(m_callButton, &QPushButton::clicked, this, [this] { QCoro::connect(call(), this, [](const Result<Value> &) {}); });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, m_callButton, &QPushButton::click);
}

CallPanel::~CallPanel() = default;

void CallPanel::setTarget(const QString &target)
{
    m_target->setText(target);
}

QString CallPanel::target() const
{
    return m_target->text();
}

void CallPanel::setMethod(const QString &path)
{
    m_method->setEditText(path);
}

void CallPanel::setArguments(const QString &arguments)
{
    m_arguments->setText(arguments);
}

void CallPanel::setKeywords(const QString &keywords)
{
    m_keywords->setText(keywords);
}

void CallPanel::setCodec(const QString &codec)
{
    const int index = m_codec->findText(codec);
    if (index >= 0)
        m_codec->setCurrentIndex(index);
}

void CallPanel::setKnownMethods(const QStringList &paths)
{
    const QString current = m_method->currentText();
    m_method->clear();
    m_method->addItems(paths);
    m_method->setEditText(current);
}

void CallPanel::setTls(std::optional<TlsOptions> tls)
{
    if (m_tls.has_value() != tls.has_value())
        closeConnections();
    m_tls = std::move(tls);
}

void CallPanel::setMonitor(TrafficMonitor *monitor)
{
    m_monitor = monitor;
}

QString CallPanel::resultText() const
{
    return m_result->toPlainText();
}

void CallPanel::append(const QString &line)
{
    m_result->appendPlainText(line);
}

void CallPanel::closeConnections()
{
    for (auto &[key, client] : m_clients) {
        rpc::RpcClient *c = client.release();
        QCoro::connect(c->close(), c, [c] { c->deleteLater(); });
    }
    m_clients.clear();
}

QCoro::Task<Result<rpc::RpcClient *>> CallPanel::client(Address address, QString codec)
{
    const QString key = codec + u' ' + address.toString();
    if (auto it = m_clients.find(key); it != m_clients.end()) {
        if (it->second->channel() && it->second->channel()->isOpen())
            co_return it->second.get();
        m_clients.erase(it);
    }
    QPointer<CallPanel> self(this);
    ChannelOptions options;
    options.codec = codec;
    options.attemptTimeout = std::chrono::milliseconds(qint64(m_timeout->value() * 1000));
    options.requestTimeout = options.attemptTimeout;
    options.endpointName = tr("Inspector");
    if (address.scheme() == Address::Scheme::Tcp)
        options.tls = m_tls;
    Result<std::unique_ptr<rpc::RpcClient>> opened = co_await rpc::openConnection(address, nullptr, options);
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    if (!opened)
        co_return opened.error();
    rpc::RpcClient *c = opened->get();
    if (m_monitor)
        m_monitor->watchChannel(c->channel(), tr("Inspector"), AgentUrl::baseAddress(address));
    m_clients[key] = std::move(*opened);
    co_return c;
}

QCoro::Task<Result<Value>> CallPanel::call()
{
    if (m_busy)
        co_return Error(ErrorCode::InvalidArgument, tr("A call is already running"));
    QPointer<CallPanel> self(this);
    const auto fail = [this](const Error &e) {
        append(tr("✗ %1").arg(e.toString()));
        Q_EMIT callFinished(false);
        return e;
    };
    const QString targetText = m_target->text().trimmed();
    if (targetText.isEmpty())
        co_return fail(Error(ErrorCode::InvalidAddress, tr("Enter an address to call, e.g. tcp://127.0.0.1:5555/0")));
    // "tcp://host:port/" (a container's base address) means the service itself.
    Result<CallTarget> target = CallTarget::parse(targetText.endsWith(u'/') && !targetText.endsWith(u"]/")
                                                      ? targetText.chopped(1)
                                                      : targetText);
    if (!target)
        co_return fail(target.error());
    const QString method = m_method->currentText().trimmed();
    if (method.isEmpty())
        co_return fail(Error(ErrorCode::InvalidArgument, tr("Enter the method's path, e.g. service")));
    Result<Value> args = parseJson(m_arguments->text(), u'[', u']', tr("arguments"));
    if (!args)
        co_return fail(args.error());
    Result<Value> kwargs = parseJson(m_keywords->text(), u'{', u'}', tr("keywords"));
    if (!kwargs)
        co_return fail(kwargs.error());

    m_busy = true;
    m_callButton->setEnabled(false);
    const QString path = target->path(method);
    append(QStringLiteral("→ %1 %2(%3)").arg(m_target->text().trimmed(), method, m_arguments->text().trimmed()));
    const Address address = target->address;
    const QString codec = m_codec->currentText();
    Result<rpc::RpcClient *> c = co_await client(address, codec);
    Result<Value> result = Error(ErrorCode::Cancelled, tr("The call was not made"));
    if (!c) {
        result = c.error();
    } else {
        Error invalid;
        if (!target->aid.isEmpty()) {
            Value::List validateArgs;
            validateArgs.push_back(Value(target->aid));
            Result<Value> valid = co_await (*c)->call(QStringLiteral("validate_aid"), validateArgs);
            if (!self)
                co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
            if (!valid)
                invalid = valid.error();
            else if (valid->isNull())
                invalid = Error(ErrorCode::AgentNotFound,
                                tr("Agent \"%1\" does not exist at %2").arg(target->aid, address.toString()));
        }
        if (invalid.isError()) {
            result = invalid;
        } else {
            Value::List list = args->asList();
            Value::Map map = kwargs->isMap() ? kwargs->asMap() : Value::Map();
            result = co_await (*c)->call(path, std::move(list), std::move(map));
        }
    }
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    m_busy = false;
    m_callButton->setEnabled(true);
    if (!result) {
        fail(result.error());
        co_return result;
    }
    append(QStringLiteral("← %1").arg(result->toDisplayString(100'000)));
    Q_EMIT callFinished(true);
    co_return result;
}

} // namespace mas::ui
