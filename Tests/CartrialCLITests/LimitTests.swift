import Foundation
import Testing

/// Issue 11 (first part): inputs that crashed (arithmetic overflow, SIGSEGV) or ran away now stop
/// at a documented limit, before any work, with an error naming the option.
@Suite struct LimitTests {
  static let cases: [(arguments: [String], message: String)] = [
    (
      ["oc", "--design", "boin", "--truth", "0.1,0.2", "--cohort-size", "66", "--cohorts", "1", "--exact"],
      "--cohort-size: expected 1 to 30 patients per cohort, found 66"
    ),
    (
      [
        "oc", "--design", "boin", "--truth", "0.1,0.2", "--cohort-size", "9223372036854775807", "--cohorts",
        "1",
        "--simulate", "10",
      ],
      "--cohort-size: expected 1 to 30 patients per cohort"
    ),
    (
      [
        "decide", "--design", "boin", "--target", "0.3", "--current", "1", "--counts",
        "9223372036854775807/0",
      ],
      "--counts entry 1: expected at most 10000 patients at a dose"
    ),
    (
      ["decide", "--design", "boin", "--target", "0.3", "--current", "1", "--counts", "4294967296/0"],
      "--counts entry 1: expected at most 10000 patients at a dose"
    ),
    (
      ["table", "--design", "boin", "--target", "0.3", "--max-n", "9223372036854775807"],
      "--max-n: expected at most 10000 patients"
    ),
    (
      ["table", "--design", "i3+3", "--target", "0.3", "--max-n", "3000"],
      "--max-n: expected a table size from 1 to 1000"
    ),
    (
      ["oc", "--design", "boin", "--truth", "0.05,0.15,0.30,0.45,0.60", "--cohorts", "30", "--exact"],
      "--cohorts: expected at most 60 patients for exact enumeration"
    ),
  ]

  @Test(arguments: LimitTests.cases.indices)
  func limitIsAnErrorNotACrash(_ index: Int) throws {
    let (arguments, message) = Self.cases[index]
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 1, "\(arguments): exit \(result.status)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
