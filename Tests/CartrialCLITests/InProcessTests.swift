import ArgumentParser
import CartrialCLI
import Foundation
import Testing

/// Commands run in process (`Cartrial.parseAsRoot`, output captured by `Output.capturing`) print
/// exactly what the binary prints.
@Suite struct InProcessTests {
  static let commands: [[String]] = [
    [
      "decide", "--protocol", "NCT07470073", "--group", "A", "--current", "1", "--counts", "0/0,3/1",
      "--format", "json",
    ],
    ["table", "--design", "boin", "--target", "0.25", "--max-n", "12"],
    [
      "mtd", "--design", "crm", "--target", "0.3", "--skeleton", "0.1,0.2,0.3", "--counts", "3/0,3/1,3/2",
      "--format", "csv",
    ],
    [
      "oc", "--protocol", "NCT07470073", "--truth", "A=0.05,0.1,0.25,0.4;B=0.1,0.3", "--exact", "--format",
      "json",
    ],
    ["dose", "--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "62"],
    ["screen", "--patients", "Examples/patients/batch.ndjson", "--all", "--format", "ndjson"],
    ["grade", "icans", "--input", "Examples/observations/icans.json", "--format", "json"],
  ]

  @Test(arguments: InProcessTests.commands)
  func inProcessOutputEqualsTheBinarys(_ arguments: [String]) throws {
    let binary = try CLIRunner.run(arguments)
    #expect(binary.status == 0, "\(binary.stderr)")
    let captured = try Output.capturing {
      var command = try Cartrial.parseAsRoot(arguments)
      try command.run()
    }
    #expect(!captured.isEmpty)
    #expect(captured == binary.stdout)
  }

  @Test func inProcessErrorsAreThrownNotPrinted() throws {
    var thrown: (any Error)?
    let captured = Output.capturing {
      do {
        var command = try Cartrial.parseAsRoot([
          "decide", "--design", "boin", "--target", "0.3", "--current", "1", "--counts", "3/4",
        ])
        try command.run()
      } catch { thrown = error }
    }
    #expect(captured.isEmpty)
    let message = Cartrial.message(for: try #require(thrown))
    #expect(message.contains("--counts entry 1: expected DLTs y ≤ patients n"))
  }
}
