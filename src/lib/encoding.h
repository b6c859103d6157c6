/* Input encodings: UTF-8 as is, Windows-1252 (what Excel writes on Dutch
 * Windows) transcoded to UTF-8. Internal to the library. */
#ifndef SW_ENCODING_H
#define SW_ENCODING_H

#include <stddef.h>

enum sw_encoding_result {
    SW_ENC_UTF8 = 0,  /* valid UTF-8: use the input as it is */
    SW_ENC_CP1252,    /* transcoded: *out holds a malloc'd UTF-8 copy */
    SW_ENC_INVALID,   /* neither: *bad is the offset of the first bad byte */
    SW_ENC_NOMEM
};

/* Decides the encoding of data and transcodes it when needed. A file that
 * holds both valid multi-byte UTF-8 and bytes that are not UTF-8 is invalid:
 * guessing would silently garble one of the two. */
enum sw_encoding_result sw_encoding_to_utf8(const char *data, size_t len, char **out,
                                            size_t *outlen, size_t *bad);

#endif
