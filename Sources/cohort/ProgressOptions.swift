import ArgumentParser

/// `--quiet`, shared by the analysing commands.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "No progress bar on standard error; it is shown only on a terminal, for inputs that take over a second.")
    var quiet = false
}
