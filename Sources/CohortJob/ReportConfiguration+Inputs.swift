import CohortCore
import Foundation

extension ReportConfiguration {
    /// Refuses order files named under `input: files:` that do not exist, naming the file and the key to edit,
    /// before anything is read: "cohort.yml: 'input.files': 'examples/orders.csv' is not a file that exists; …".
    ///
    /// For a configuration whose files are used as written (no files on the command line). Patterns
    /// (`exports/*.csv`), standard input (`-`) and database addresses (`postgresql://…`) are left to the reader.
    public func requireInputFiles() throws(SettingError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for file in input?.files ?? [] where file != "-" && !file.contains("://") && !file.contains(where: { "*?[".contains($0) }) {
            let resolved = file.hasPrefix("/") ? file : folder.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw .invalidValue(file: path, key: "input.files", value: file, expected: .existingFile)
            }
        }
    }
}
