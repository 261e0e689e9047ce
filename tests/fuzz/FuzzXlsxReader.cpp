// SPDX-License-Identifier: GPL-3.0-or-later
// The workbook reader on arbitrary bytes: readXlsx must return an error or sheets within the limits, never crash,
// hang or unpack beyond its caps.
#include "FuzzSupport.h"

#include "sheets/Xlsx.h"

using namespace hocba;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const sheets::SheetLimits limits;
    const auto read = sheets::readXlsx(fuzz::bytesOf(data, size), limits);
    if (!read)
        return 0;
    if (read->size() > limits.maxSheets)
        fuzz::violated("more sheets than the limit");
    qint64 cells = 0;
    for (const sheets::Sheet& sheet : *read) {
        if (sheet.rows.size() > limits.maxRows)
            fuzz::violated("more rows than the limit", sheet.name);
        for (int i = 0; i < sheet.rows.size(); ++i) {
            const sheets::SheetRow& row = sheet.rows.at(i);
            if (row.number != i + 1)
                fuzz::violated("a row number that Excel would not show", QString::number(row.number));
            if (row.cells.size() > limits.maxColumns)
                fuzz::violated("more columns than the limit", sheet.name);
            for (const QString& cell : row.cells)
                cells += cell.isEmpty() ? 0 : 1;
        }
    }
    if (cells > limits.maxCells)
        fuzz::violated("more cells than the limit");
    return 0;
}
