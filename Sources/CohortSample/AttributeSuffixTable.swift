/// The pre-rendered row endings `,country,industry,company_size\n` for every attribute combination.
///
/// A customer's attributes never change, so the row loop copies one of these byte runs instead of
/// formatting three strings per row.
struct AttributeSuffixTable {
    /// All suffixes concatenated as ASCII bytes.
    let bytes: [UInt8]

    /// Start offset of each combination's suffix in `bytes`, plus a final entry equal to `bytes.count`.
    let starts: [Int]

    /// Builds the table in the index order of ``SampleModel/attributeCombination(country:industry:companySize:)``.
    init() {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(SampleModel.attributeCombinationCount + 1)
        for country in SampleModel.countries {
            for industry in SampleModel.industries {
                for size in SampleModel.companySizes {
                    starts.append(bytes.count)
                    bytes.append(contentsOf: Array(",\(country),\(industry),\(size)\n".utf8))
                }
            }
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }
}
