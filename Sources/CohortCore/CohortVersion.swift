/// The version of cohort: what `cohort --version` prints and what every report's footer names.
///
/// This constant is the one place the version is kept; a Swift package has no version of
/// its own (SwiftPM takes versions from git tags). To release: raise it here following
/// semantic versioning (a new report layout or a changed default raises the minor number
/// before 1.0), commit, and tag that commit `v<version>`; CONTRIBUTING.md has the steps.
///
///     CohortVersion.current   // "0.1.0"
public enum CohortVersion {
    /// `major.minor.patch`.
    public static let current = "0.1.0"
}
