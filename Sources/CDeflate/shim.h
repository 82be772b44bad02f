// zlib's deflate and crc32, for writing PNG files from Cairo's pixels.
#include <zlib.h>
