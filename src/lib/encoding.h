/* Input encodings, decoded as a stream: UTF-8 as is, Windows-1252 (what Excel
 * writes on Dutch Windows) and UTF-16 with a byte-order mark (Excel's
 * "Unicode text") transcoded to UTF-8. Internal to the library. */
#ifndef SW_ENCODING_H
#define SW_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sw_encoding {
    SW_ENC_START = 0, /* nothing seen yet: the BOM decides */
    SW_ENC_ASCII,     /* only ASCII so far: UTF-8 or Windows-1252 still open */
    SW_ENC_UTF8,
    SW_ENC_CP1252,
    SW_ENC_UTF16LE,
    SW_ENC_UTF16BE
};

/* Why decoding stopped. */
enum sw__decode_error {
    SW_DEC_OK = 0,
    SW_DEC_BAD_BYTE,     /* neither UTF-8 nor Windows-1252: `byte` */
    SW_DEC_MIXED,        /* valid UTF-8 after Windows-1252 text (or the reverse) */
    SW_DEC_NUL,          /* a NUL character */
    SW_DEC_UTF16_NO_BOM, /* NUL bytes in the pattern of UTF-16 text without a BOM */
    SW_DEC_BAD_UTF16     /* an unpaired surrogate, or an odd byte at the end */
};

typedef struct sw__decoder {
    enum sw_encoding enc;
    unsigned char pend[4]; /* bytes of a sequence split between two blocks */
    size_t npend;
    uint32_t surrogate;    /* UTF-16: a high surrogate waiting for its pair */
    enum sw__decode_error error;
    unsigned char byte;    /* the bad byte, for SW_DEC_BAD_BYTE and SW_DEC_MIXED */
} sw__decoder;

/* The most bytes sw__decode writes for n input bytes. */
#define SW_DECODE_MAX(n) (3 * (n) + 16)

/* Decodes the next n bytes of a file (`final`: nothing follows) into out,
 * which holds SW_DECODE_MAX(n) bytes, and returns how many bytes it wrote.
 * A leading BOM is consumed. On an error, d->error says why and the return
 * value is the valid UTF-8 that precedes the bad input (so that a reader can
 * locate the error after it); the decoder then stays in error. */
size_t sw__decode(sw__decoder *d, const unsigned char *in, size_t n, bool final, char *out);

/* How many bytes at the start of in (n bytes) decode to themselves in the
 * decoder's present state, so that a reader may take them as they are rather
 * than through sw__decode: ASCII but NUL, and in a UTF-8 file whole valid
 * sequences too. 0 before the first bytes are decoded (the BOM decides),
 * with a sequence pending or after an error. The state does not change. */
size_t sw__decode_same(const sw__decoder *d, const unsigned char *in, size_t n);

#endif
