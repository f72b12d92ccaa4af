// SPDX-License-Identifier: MIT
#include "systemdescriptionpanel.h"

#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mas::ui {

SystemDescriptionPanel::SystemDescriptionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("systemDescription"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("systemDescriptionText"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setAccessibleName(tr("System description"));
    m_reveal = new QPushButton(tr("Reveal the bug"), this);
    m_reveal->setObjectName(QStringLiteral("revealBugButton"));
    m_reveal->setToolTip(tr("Show what is wrong with this variant (try to find it first)"));
    connect(m_reveal, &QPushButton::clicked, this, &SystemDescriptionPanel::revealBug);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_reveal, 0, Qt::AlignLeft);
    clear();
}

void SystemDescriptionPanel::setSystem(const mas::system::SystemType &type,
                                       const QList<mas::system::Invariant> &invariants,
                                       bool faulty)
{
    const bool sameType = type.id == m_id && !m_id.isEmpty();
    m_id = type.id;
    m_title = type.title;
    m_description = type.description;
    m_messages = type.messages;
    m_invariants.clear();
    for (const mas::system::Invariant &invariant : invariants)
        m_invariants.append({invariant.name, invariant.description});
    m_bug = faulty ? type.faultyDescription : QString();
    if (!sameType)
        m_revealed = false;
    render();
}

void SystemDescriptionPanel::clear()
{
    m_id.clear();
    m_title.clear();
    m_description.clear();
    m_messages.clear();
    m_invariants.clear();
    m_bug.clear();
    m_revealed = false;
    render();
}

QString SystemDescriptionPanel::text() const
{
    return m_browser->toPlainText();
}

void SystemDescriptionPanel::revealBug()
{
    if (m_bug.isEmpty() || m_revealed)
        return;
    m_revealed = true;
    render();
}

void SystemDescriptionPanel::render()
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html;
    if (m_id.isEmpty()) {
        html = QStringLiteral("<p>%1</p>").arg(esc(tr("Open a demo or a system file to read what it does.")));
    } else {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(m_title));
        if (!m_description.isEmpty())
            html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(tr("How it works")), esc(m_description));
        if (!m_messages.isEmpty()) {
            html += QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"3\">").arg(esc(tr("Messages")));
            for (const mas::system::MessageMeaning &m : std::as_const(m_messages))
                html += QStringLiteral("<tr><td valign=\"top\"><b><code>%1</code></b></td><td>%2</td></tr>")
                            .arg(esc(m.method), esc(m.meaning));
            html += QStringLiteral("</table>");
        }
        if (!m_invariants.isEmpty()) {
            html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("What must always hold")));
            for (const auto &[name, description] : std::as_const(m_invariants)) {
                html += description.isEmpty() ? QStringLiteral("<li><b>%1</b></li>").arg(esc(name))
                                              : QStringLiteral("<li><b>%1</b>: %2</li>").arg(esc(name), esc(description));
            }
            html += QStringLiteral("</ul>");
        }
        if (!m_bug.isEmpty()) {
            html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("The bug")));
            html += m_revealed ? QStringLiteral("<p>%1</p>").arg(esc(m_bug))
                               : QStringLiteral("<p><i>%1</i></p>")
                                     .arg(esc(tr("This variant has a bug. Try to find it first: choose the delivery "
                                                 "order yourself, or let Run → Explore Interleavings search. Then "
                                                 "reveal it.")));
        }
    }
    m_browser->setHtml(html);
    m_reveal->setVisible(!m_bug.isEmpty() && !m_revealed);
}

} // namespace mas::ui
