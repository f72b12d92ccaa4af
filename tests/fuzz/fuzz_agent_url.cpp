// SPDX-License-Identifier: MIT
// Fuzz target: the address parsers: Address::parse (transport/address.h: tcp://host:port,
// tcp://[v6]:port, ipc://path, local://queue), AgentUrl::parse (agent/agenturl.h:
// tcp://host:port/AID, ipc://[path]/AID, local://queue/AID) and CallTarget::parse (either form,
// what `mas call` and the Inspector's call form take). The input is the text as UTF-8.
//
// Properties: every parser either fails with InvalidAddress or gives a valid result whose
// printed form parses back to the same result; the URL of a parsed agent is accepted by
// CallTarget as that agent of that container.

#include "fuzzing.h"

#include <mas/agent/agenturl.h>
#include <mas/transport/address.h>

using namespace mas;

namespace {

QString show(const Address &a)
{
    return QStringLiteral("scheme %1 host \"%2\" port %3 path \"%4\"")
        .arg(int(a.scheme()))
        .arg(a.host())
        .arg(a.port())
        .arg(a.path());
}

void checkAddress(const QString &text)
{
    const Result<Address> address = Address::parse(text);
    if (!address) {
        MAS_FUZZ_CHECK(address.error().code() == ErrorCode::InvalidAddress,
                       address.error().message());
        return;
    }
    MAS_FUZZ_CHECK(address->isValid(), text);
    const QString printed = address->toString();
    const Result<Address> again = Address::parse(printed);
    MAS_FUZZ_CHECK(again, text + QStringLiteral(" -> ") + printed + QStringLiteral(": ")
                              + again.error().message());
    MAS_FUZZ_CHECK(*again == *address,
                   text + QStringLiteral(" -> ") + printed + u' ' + show(*again));
    if (address->scheme() == Address::Scheme::Local)
        MAS_FUZZ_CHECK(address->queueId() == address->path(), text);
}

void checkAgentUrl(const QString &text)
{
    const Result<AgentUrl> url = AgentUrl::parse(text);
    if (!url) {
        MAS_FUZZ_CHECK(url.error().code() == ErrorCode::InvalidAddress, url.error().message());
        return;
    }
    MAS_FUZZ_CHECK(url->isValid(), text);
    const QString printed = url->toString();
    MAS_FUZZ_CHECK(printed == AgentUrl::baseAddress(url->container()) + url->aid(), text);
    const Result<AgentUrl> again = AgentUrl::parse(printed);
    MAS_FUZZ_CHECK(again, text + QStringLiteral(" -> ") + printed + QStringLiteral(": ")
                              + again.error().message());
    MAS_FUZZ_CHECK(*again == *url,
                   text + QStringLiteral(" -> ") + printed + u' ' + show(again->container()));

    // `mas call` takes any URL an agent reports.
    const Result<CallTarget> target = CallTarget::parse(printed);
    MAS_FUZZ_CHECK(target, text + QStringLiteral(" -> ") + printed + QStringLiteral(": ")
                               + target.error().message());
    MAS_FUZZ_CHECK(target->address == url->container() && target->aid == url->aid(),
                   text + QStringLiteral(" -> ") + printed + u' ' + show(target->address)
                       + QStringLiteral(" aid ") + target->aid);
}

void checkCallTarget(const QString &text)
{
    const Result<CallTarget> target = CallTarget::parse(text);
    if (!target) {
        MAS_FUZZ_CHECK(target.error().code() == ErrorCode::InvalidAddress,
                       target.error().message());
        return;
    }
    MAS_FUZZ_CHECK(target->address.isValid(), text);
    MAS_FUZZ_CHECK(!target->aid.contains(u'/'), text);
    const QString path = target->path(QStringLiteral("m"));
    MAS_FUZZ_CHECK(target->aid.isEmpty() ? path == u"m"
                                         : path == QStringLiteral("agents/%1/m").arg(target->aid),
                   path);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mas::fuzz::quietQt();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    checkAddress(text);
    checkAgentUrl(text);
    checkCallTarget(text);
    return 0;
}
