// Everything is inline in include/CByteScan.h; SwiftPM needs a source file for a C target.
#include "CByteScan.h"
