import Foundation

/// A de_DE.UTF-8 locale compiled with `localedef` into a private folder (the machine may have
/// none installed), to show that workbooks are written the same under a decimal comma.
enum GermanLocale {
    /// The folder holding `de_DE.UTF-8/`, made once; nil when `localedef` or the locale sources are missing.
    static let folder: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-excel-locale-\(getpid())").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        process.arguments = ["-i", "de_DE", "-f", "UTF-8", folder + "/de_DE.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    static var available: Bool { make().map { freelocale($0); return true } ?? false }

    /// A new German locale (free it with `freelocale`), found through LOCPATH.
    static func make() -> locale_t? {
        guard let folder else { return nil }
        setenv("LOCPATH", folder, 1)
        return newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", nil)
    }

    /// `%.1f` of `value` by C's snprintf under this thread's locale.
    static func snprintf(_ value: Double) -> String {
        withVaList([value]) { arguments in
            var buffer = [CChar](repeating: 0, count: 32)
            _ = vsnprintf(&buffer, buffer.count, "%.1f", arguments)
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
