import CohortCore
import Mustache

extension ReportTemplates {
    /// Refuses templates that reach themselves through partials (`{{> report.md}}` inside
    /// report.md.mustache, or report.md → report.html → report.md), which would recurse until
    /// the stack overflows; checked before anything is rendered.
    ///
    /// A partial with a dynamic name (`{{>*name}}`) can name any template, so it counts as a
    /// reference to all of them. `origins` names each template's file for the message.
    ///
    /// Complexity: O(tokens) to collect the partials, then O(templates²) for the check.
    static func requireNoCycle(_ templates: [String: MustacheTemplate], origins: [String: String]) throws(ConfigurationError) {
        let names = templates.keys.sorted()
        var references: [String: [String]] = [:]
        for (name, template) in templates {
            let partials = partialNames(in: template)
            references[name] = partials.contains("*") ? names : names.filter { partials.contains($0) }
        }
        for start in names {
            // Depth-first from `start`, looking for a way back to it.
            var stack: [[String]] = [[start]]
            var seen: Set<String> = []
            while let path = stack.popLast() {
                for next in references[path.last!] ?? [] {
                    if next == start { throw .templateIncludesItself(template: origins[start] ?? start, chain: path + [next]) }
                    if seen.insert(next).inserted { stack.append(path + [next]) }
                }
            }
        }
    }

    /// The names of the partials `template` includes anywhere (inside sections and inherited
    /// blocks too); "*" for one whose name is dynamic. swift-mustache keeps its tokens to itself,
    /// so they are read by reflection: a `partial(name, …)` or `dynamicNamePartial(name, …)` case.
    static func partialNames(in template: MustacheTemplate) -> Set<String> {
        var names: Set<String> = []
        func visit(_ value: Any, depth: Int) {
            guard depth < 1_000 else { return }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label,
               label == "partial" || label == "dynamicNamePartial" {
                if let name = Mirror(reflecting: child.value).children.first?.value as? String {
                    names.insert(label == "partial" ? name : "*")
                }
            }
            for child in mirror.children { visit(child.value, depth: depth + 1) }
        }
        visit(template, depth: 0)
        return names
    }
}
