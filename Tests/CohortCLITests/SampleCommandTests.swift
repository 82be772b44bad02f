import Foundation
import Testing

struct SampleCommandTests {
    @Test func rowsOptionWritesExactlyThatManyRowsAndTheyAnalyse() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("orders.csv").path
        #expect(try CLIRunner.run(["sample", "--rows", "2500", "--seed", "3", "--out", file]).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2501)
        let matrix = try CLIRunner.run(["matrix", file, "--format", "csv"])
        #expect(matrix.status == 0)
        #expect(matrix.standardError.isEmpty)
    }

    @Test func sameSeedSameBytes() throws {
        let first = try CLIRunner.run(["sample", "--customers", "50", "--seed", "9"])
        let second = try CLIRunner.run(["sample", "--customers", "50", "--seed", "9"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
    }
}
