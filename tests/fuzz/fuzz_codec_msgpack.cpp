// SPDX-License-Identifier: MIT
// Fuzz target: the MsgPack codec's decoder (codec/msgpackcodec.h). The input is one payload.
// See fuzzcodec.h for the properties checked.

#include "fuzzcodec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mas::fuzz::CodecFixture fixture("msgpack");
    (void)mas::fuzz::fuzzCodec(fixture, data, size, true);
    return 0;
}
