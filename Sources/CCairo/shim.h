// The parts of Cairo that CohortCharts uses: image (PNG), SVG and PDF surfaces.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
