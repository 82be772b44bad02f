import CohortCore
import Foundation
import Mustache

/// The Mustache templates reports are rendered with: the ones built in (from
/// `templates/`), each replaceable by a file of the same name in a folder of the user's.
///
///     let templates = try ReportTemplates(overrides: URL(fileURLWithPath: "branding"))
///     let html = try templates.render(model, as: .html)
public struct ReportTemplates: Sendable {
    public enum Name: String, Sendable, CaseIterable {
        case html = "report.html"
        case markdown = "report.md"
        case index = "index.html"
        /// The HTML body of report.eml.
        case mail = "mail.html"

        var builtIn: [UInt8] {
            switch self {
            case .html: return PackageResources.report_html_mustache
            case .markdown: return PackageResources.report_md_mustache
            case .index: return PackageResources.index_html_mustache
            case .mail: return PackageResources.mail_html_mustache
            }
        }
    }

    private let library: MustacheLibrary

    /// The built-in templates, with `<name>.mustache` files from `overrides` taking their place.
    /// A template that includes itself through its partials is a `ConfigurationError`.
    public init(overrides: URL? = nil) throws {
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:], origins: [String: String] = [:]
        for name in Name.allCases {
            var text = String(decoding: name.builtIn, as: UTF8.self)
            var origin = "built-in \(name.rawValue).mustache"
            if let overrides {
                let file = overrides.appendingPathComponent("\(name.rawValue).mustache")
                if FileManager.default.fileExists(atPath: file.path) {
                    guard let data = FileManager.default.contents(atPath: file.path) else {
                        throw ReportError.template(file.path, "cannot be read")
                    }
                    text = String(decoding: data, as: UTF8.self)
                    origin = file.path
                }
            }
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name.rawValue)
                parsed[name.rawValue] = template
                origins[name.rawValue] = origin
            } catch {
                throw ReportError.template(origin, "is not a valid Mustache template: \(error)")
            }
        }
        try Self.requireNoCycle(parsed, origins: origins)
        self.library = library
    }

    /// Renders `model` (any value; its properties are the template's names) with a template.
    public func render(_ model: Any, as name: Name) throws(ReportError) -> String {
        guard let text = library.render(model, withTemplate: name.rawValue) else {
            throw .template(name.rawValue, "is not registered")
        }
        return text
    }
}

/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case template(String, String)
    case publish(String, String)
    /// An output file (`--out FILE` of a command) could not be written.
    case write(String, String)

    public var description: String {
        switch self {
        case .template(let file, let problem): return "template \(file) \(problem)"
        case .publish(let folder, let problem): return "cannot publish to \(folder): \(problem)"
        case .write(let file, let problem): return "cannot write \(file): \(problem)"
        }
    }
}
