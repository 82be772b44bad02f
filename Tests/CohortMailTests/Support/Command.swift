import Foundation

/// Runs a program to its end and returns what it printed.
enum Command {
    struct Result {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `executable` to its end and returns what it printed.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while it runs, so a large output cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, standardOutput: outputData,
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A tool a test needs is missing or failed; says which, and what it printed.
enum TestEnvironmentError: Error, CustomStringConvertible {
    case missing(String)
    case failed(String, String)

    var description: String {
        switch self {
        case .missing(let tool): return "\(tool) is not installed"
        case .failed(let tool, let output): return "\(tool) failed: \(output)"
        }
    }
}
