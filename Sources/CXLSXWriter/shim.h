// libxlsxwriter (Debian's libxlsxwriter-dev), used by CohortExcel only:
// workbooks, worksheets, cell formats and conditional formats.
#include <xlsxwriter.h>
