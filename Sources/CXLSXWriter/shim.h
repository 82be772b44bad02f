// libxlsxwriter (Debian's libxlsxwriter-dev), used by CohortExcel only:
// workbooks, worksheets, cell formats and conditional formats.
#include <xlsxwriter.h>
#include <locale.h>

// Debian builds libxlsxwriter without its own number formatter, so it writes numbers
// with snprintf("%.16G"), which follows the thread's LC_NUMERIC: under a German
// locale 0.5 would become "0,5" and the file would be broken. CohortExcel writes
// with this locale in use (uselocale), whatever the process has set.
static inline locale_t cxlsx_new_c_locale(void) {
    return newlocale(LC_ALL_MASK, "C", (locale_t) 0);
}
