import Foundation
import Testing

/// The unclear errors and small wrong answers of the hardening issue, each as it was reported:
/// every error is `cartrial: error: <where>: expected …, found …` with a non-zero exit.
@Suite struct ErrorStyleTests {
  /// A misspelt option gets the parser's "Did you mean", also in commands that check their
  /// options (`oc`), which used to report a missing option instead.
  @Test(arguments: [
    (["oc", "--design", "boin", "--truht", "0.1,0.2", "--exact"], "'--truht'. Did you mean '--truth'?"),
    (["oc", "--desing", "boin", "--truth", "0.1,0.2", "--exact"], "'--desing'. Did you mean '--design'?"),
    (["table", "--desing", "boin"], "'--desing'. Did you mean '--design'?"),
    (["screen", "--patinet", "x.json", "--all"], "'--patinet'. Did you mean '--patient'?"),
  ])
  func misspeltOptionsAreNamed(_ arguments: [String], _ message: String) {
    let run = CLIRun(arguments)
    #expect(run.status != 0)
    #expect(run.stderr.hasPrefix("cartrial: error: Unknown option " + message), "\(run.stderr)")
  }

  @Test(arguments: [
    (
      ["oc", "--exact", "--truth", "0.1,0.2"],
      "--design: expected --design NAME or --protocol ID, found neither"
    ),
    (
      ["oc", "--design", "boin", "--truth", "0.1,0.2", "--simulate", "10", "--exact"],
      "--exact/--simulate: expected exactly one of --exact or --simulate N, found both"
    ),
    (
      ["table", "--design", "boin", "--format", "svg"],
      "--format: expected one of text, json, csv for this command, found svg"
    ),
    (
      ["km", "--input", "x.csv", "--time", "t", "--event", "e", "--format", "xml"],
      "--format: expected one of 'text'"
    ),
    (["oc", "--cohorts", "abc"], "--cohorts: expected a value as its help describes, found 'abc'"),
    (["dose", "--weight-kg", "70"], "--level: expected a value (it is required), found none"),
  ])
  func usageErrorsAreInTheOneStyleWithTheSubcommandsUsage(_ arguments: [String], _ message: String) {
    let run = CLIRun(arguments)
    #expect(run.status != 0)
    #expect(run.stderr.hasPrefix("cartrial: error: " + message), "\(run.stderr)")
    // The usage shown is the subcommand's, not the root's.
    #expect(run.stderr.contains("Usage: cartrial \(arguments[0])"), "\(run.stderr)")
    #expect(!run.stderr.contains("Error: "))
  }

  /// `--weight-kg -5` is read by the parser as an option; the error says how to write it.
  @Test func negativeNumbersAreExplained() {
    let run = CLIRun([
      "dose", "--protocol", "NCT07470073", "--group", "B", "--level", "1", "--weight-kg", "-5",
    ])
    #expect(run.status != 0)
    #expect(
      run.stderr.hasPrefix(
        "cartrial: error: --weight-kg: expected a value, found -5 read as an option (write a negative number as "
          + "--weight-kg=-5)"), "\(run.stderr)")
    let written = CLIRun([
      "dose", "--protocol", "NCT07470073", "--group", "B", "--level", "1", "--weight-kg=-5",
    ])
    #expect(written.status != 0)
    #expect(written.stderr.hasPrefix("cartrial: error: --weight-kg: expected"), "\(written.stderr)")
    #expect(written.stderr.contains("found -5"), "\(written.stderr)")
  }

  /// A directory given as a file names the path and says it is a directory, in every reader.
  @Test(arguments: [
    ["screen", "--protocol", "NCT04825496", "--patient", "Examples"],
    ["screen", "--protocol", "NCT04825496", "--patients", "Examples", "--format", "ndjson"],
    ["grade", "crs", "--input", "Examples"],
    ["km", "--input", "Examples", "--time", "t", "--event", "e"],
    ["nca", "--input", "Examples"],
    ["protocol", "check", "Examples"],
  ])
  func directoriesAreNotFiles(_ arguments: [String]) {
    let run = CLIRun(arguments)
    #expect(run.status != 0)
    #expect(run.stderr.hasPrefix("cartrial: error: "), "\(run.stderr)")
    #expect(run.stderr.contains("a directory"), "\(run.stderr)")
    for name in CLIRun.internals { #expect(!run.stderr.contains(name), "\(run.stderr)") }
  }

  @Test func aMissingFileIsNamed() {
    let run = CLIRun(["grade", "icans", "--input", "no/such/file.json"])
    #expect(run.status != 0)
    #expect(
      run.stderr == "cartrial: error: no/such/file.json: expected a readable file, found no such file\n")
  }

  /// Every line of a multi-error report carries the prefix.
  @Test func everyErrorLineHasThePrefix() {
    let run = CLIRun(["protocol", "check", "Examples/protocols/broken.yaml"])
    #expect(run.status != 0)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count >= 2)
    for line in lines { #expect(line.hasPrefix("cartrial: error: Examples/protocols/broken.yaml:")) }
  }

  @Test func helpAndVersionGoToStandardOutput() {
    let help = CLIRun(["protocol", "--help"])
    #expect(help.status == 0)
    #expect(help.stderr.isEmpty)
    #expect(help.stdout.contains("USAGE: cartrial protocol <subcommand>"), "\(help.stdout)")
    let version = CLIRun(["--version"])
    #expect(version.status == 0 && !version.stdout.isEmpty && version.stderr.isEmpty)
  }

  /// With no patient at any level there is nothing to select from: an error, not "no dose is
  /// acceptable".
  @Test func mtdWithoutPatientsIsAnError() {
    let run = CLIRun(["mtd", "--design", "boin", "--target", "0.3", "--counts", "0/0,0/0"])
    #expect(run.status != 0)
    #expect(run.stderr.hasPrefix("cartrial: error: --counts: expected at least one treated patient"))
    #expect(!run.stdout.contains("no dose is acceptable"))
  }

  /// 3+3 with part of a cohort treated asks for the rest of the cohort, not three more.
  @Test(arguments: [
    ("2/0", "Treat 1 more patient"), ("1/0", "Treat 2 more patients"), ("3/1", "Treat 3 more patients"),
    ("5/1", "Treat 1 more patient"),
  ])
  func threePlusThreeCompletesTheCohort(_ counts: String, _ note: String) {
    let run = CLIRun(["decide", "--design", "3+3", "--current", "1", "--counts", counts])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(note + " at the current dose"), "\(run.stdout)")
  }

  /// What `skeleton` prints, `--skeleton` accepts (values used to print as 0.0000 or repeat).
  @Test(arguments: [
    ["--halfwidth", "0.25", "--target", "0.3", "--prior-mtd", "3", "--doses", "8"],
    ["--halfwidth", "0.29", "--target", "0.3", "--prior-mtd", "1", "--doses", "20", "--model", "logistic"],
    ["--halfwidth", "0.05", "--target", "0.3", "--prior-mtd", "3", "--doses", "5"],
  ])
  func printedSkeletonsAreAccepted(_ options: [String]) throws {
    let run = CLIRun(["skeleton"] + options)
    #expect(run.status == 0, "\(run.stderr)")
    let values = try #require(run.stdout.split(separator: "\n").first).split(separator: " ").map(String.init)
    let numbers = values.compactMap(Double.init)
    #expect(numbers.count == values.count && numbers.count == Int(options[7]))
    #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
    #expect(numbers.allSatisfy { $0 > 0 && $0 < 1 })
    let crm = CLIRun([
      "decide", "--design", "crm", "--target", "0.3", "--skeleton", values.joined(separator: ","),
      "--current", "1",
      "--counts", "3/0",
    ])
    #expect(crm.status == 0, "\(crm.stderr)")
  }

  /// A skeleton that would reach 0 or 1 or stop increasing in double precision is refused.
  @Test func skeletonsThatCannotIncreaseAreRefused() {
    let run = CLIRun([
      "skeleton", "--halfwidth", "0.25", "--target", "0.3", "--prior-mtd", "20", "--doses", "20",
    ])
    #expect(run.status != 0)
    #expect(
      run.stderr.hasPrefix("cartrial: error: --doses: expected a skeleton strictly increasing inside (0, 1)"))
    #expect(run.stderr.contains("found 20 levels, where level 1 reaches 0"), "\(run.stderr)")
  }

  /// A large exact enumeration says what it will cost before it starts.
  @Test func largeExactEnumerationsAnnounceTheirCost() {
    let run = CLIRun(["oc", "--design", "boin", "--truth", "0.3,0.5", "--cohorts", "16", "--exact"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("cartrial: note: exact enumeration of 16 cohorts of 3"), "\(run.stderr)")
    let small = CLIRun(["oc", "--design", "boin", "--truth", "0.3,0.5", "--cohorts", "4", "--exact"])
    #expect(small.status == 0 && small.stderr.isEmpty)
  }

  /// A large simulation says its size before it starts.
  @Test func largeSimulationsAnnounceTheirSize() {
    let note = ErrorStyleTests.noteOf([
      "oc", "--design", "3+3", "--truth", "0.9,0.95", "--cohorts", "1000", "--simulate", "10000",
    ])
    #expect(note.hasPrefix("cartrial: note: simulating 10000 trials of up to 3000 patients each"), "\(note)")
  }

  static func noteOf(_ arguments: [String]) -> String {
    let run = CLIRun(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return run.stderr
  }

  /// A 3+3 variant with another design is refused, naming that design's parameters.
  @Test func variantIsA3Plus3Parameter() {
    let run = CLIRun([
      "decide", "--design", "boin", "--variant", "korn", "--target", "0.3", "--current", "1", "--counts",
      "3/0",
    ])
    #expect(run.status != 0)
    #expect(run.stderr.hasPrefix("cartrial: error: --variant: expected a parameter of boin"), "\(run.stderr)")
  }

  /// A weight of 1e-300 kg used to give 3.0e-294 cells.
  @Test func implausibleWeightsGetNoDose() {
    let run = CLIRun([
      "dose", "--protocol", "NCT07470073", "--group", "B", "--level", "1", "--weight-kg", "1e-300",
    ])
    #expect(run.status != 0 && run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("cartrial: error: --weight-kg: expected a plausible weight, 0.5 to 500 kg"))
  }
}
