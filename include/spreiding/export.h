/* Symbol visibility and compiler helpers shared by all public headers. */
#ifndef SPREIDING_EXPORT_H
#define SPREIDING_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define SW_API __attribute__((visibility("default")))
#define SW_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SW_API
#define SW_PRINTF(f, a)
#endif

#endif
