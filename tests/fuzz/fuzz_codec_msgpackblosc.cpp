// SPDX-License-Identifier: MIT
// Fuzz target: the MsgPackBlosc codec's decoder (codec/msgpackcodec.h): the blosc1 header
// checks and decompression, then MsgPack. The input is one payload. See fuzzcodec.h for the
// properties checked; in addition, whatever decompress() accepts stays within its size limit
// and compresses and decompresses back to the same bytes.

#include "fuzzcodec.h"

using namespace mas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mas::fuzz::CodecFixture fixture("msgpackblosc");
    (void)mas::fuzz::fuzzCodec(fixture, data, size, true);

    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype limit = mas::fuzz::smallLimits().maxDecompressedSize;
    Result<QByteArray> inner = MsgPackBloscCodec::decompress(frame, limit);
    if (inner) {
        MAS_FUZZ_CHECK(inner->size() <= limit, QString::number(inner->size()));
        Result<QByteArray> packed = MsgPackBloscCodec::compress(*inner);
        MAS_FUZZ_CHECK(packed, packed.error().message());
        Result<QByteArray> back = MsgPackBloscCodec::decompress(*packed, limit);
        MAS_FUZZ_CHECK(back && *back == *inner, QString());
    }
    return 0;
}
