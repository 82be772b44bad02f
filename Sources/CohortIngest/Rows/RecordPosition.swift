/// Where a record is: the line it starts on (the row number in a worksheet), and
/// its extent in the source (a byte range of a CSV file, a row index of a sheet).
struct RecordPosition: Equatable {
    var line: Int
    var extent: Range<Int>
}
