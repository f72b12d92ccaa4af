// SPDX-License-Identifier: MIT
// Uses libmas (installed, or a build tree): encodes the seed README's add(1, 2) request with MsgPack.

#include <mas/codec/codec.h>
#include <mas/rpc/rpcclient.h>

#include <cstdio>

int main()
{
    auto codec = mas::Codec::create(u"msgpack").value();
    const mas::Value call = mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
    const QByteArray bytes = codec->encode(mas::Message::request(0, call)).value();
    std::printf("%s\n", bytes.toHex().constData());
    return bytes.toHex() == "93000093a361646492010280" ? 0 : 1;
}
