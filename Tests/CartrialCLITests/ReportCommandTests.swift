import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `cartrial report` on Examples/report-data.
@Suite struct ReportCommandTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/report-data")

  @Test func writesASelfContainedPageWithWellFormedCharts() throws {
    let out = try CLIRunner.temporaryFile("", name: "report.html")
    let result = try CLIRunner.run([
      "report", "--protocol", "NCT07470073", "--group", "A", "--data", Self.examples.path, "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("NCT07470073"))
    // 12 subjects; 10 responders (CR/CRi): ORR 10/12 with exact CI 51.6%–97.9%.
    #expect(html.contains("10/12") && html.contains("51.6%–97.9%"))
    // The protocol names DOR, PFS and OS.
    for endpoint in ["<td>DOR</td>", "<td>PFS</td>", "<td>OS</td>"] { #expect(html.contains(endpoint)) }
    // Kinetics: NCA rows and the model fits for the 12 subjects.
    #expect(html.contains("<td>A-012</td>") && html.contains("Expansion–contraction model (Stein 2019)"))
    // Every inline chart parses as XML; no external resources.
    let svgs = html.components(separatedBy: "<svg ").dropFirst().map {
      "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>"
    }
    #expect(svgs.count == 6)
    for svg in svgs { #expect(XMLParser(data: Data(svg.utf8)).parse()) }
    #expect(!html.contains("src=\"http") && !html.contains("<script"))
  }

  @Test func worksWithoutAProtocol() throws {
    let out = try CLIRunner.temporaryFile("", name: "report.html")
    let result = try CLIRunner.run(["report", "--data", Self.examples.path, "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    for endpoint in ["<td>OS</td>", "<td>EFS</td>", "<td>DOR</td>", "<td>RFS</td>"] {
      #expect(html.contains(endpoint))
    }
  }

  @Test func badSubjectFileNamesTheLine() throws {
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,death_date\nA,2024-01-01,\nB,2024-02-30,\n".write(
      to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "report", "--data", dir.path, "--out", dir.appendingPathComponent("r.html").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "subjects.csv:3:3: infusion_date: expected a date YYYY-MM-DD, found \"2024-02-30\""),
      "\(result.stderr)")
  }

  @Test func missingFollowUpNamesSubjectLineAndEndpoint() throws {
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try
      "subject,infusion_date,best_response,response_date,last_alive_date\nA,2024-01-01,CR,2024-01-29,2024-06-01\n"
      .write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "report", "--data", dir.path, "--out", dir.appendingPathComponent("r.html").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("subjects.csv:2:1:")
        && result.stderr.contains("subject A: EFS needs a last-assessment date"),
      "\(result.stderr)")
  }

  @Test func kineticsOfAnUnknownSubjectNamesTheLine() throws {
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,last_assessment_date,last_alive_date\nA,2024-01-01,2024-03-01,2024-03-01\n"
      .write(
        to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    try "subject,time,conc\nA,0,1\nB,0,2\n".write(
      to: dir.appendingPathComponent("kinetics.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "report", "--data", dir.path, "--out", dir.appendingPathComponent("r.html").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "kinetics.csv:3:1: subject: expected a subject of the subjects file, found \"B\""),
      "\(result.stderr)")
  }

  @Test func unknownBestResponseNamesTheLine() throws {
    // A misspelt "CR" would otherwise make the subject a treatment failure on day 0 (EFS).
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,best_response,response_date,last_assessment_date,last_alive_date\n"
      .appending(
        "A,2024-01-01,cri,2024-01-29,2024-06-01,2024-06-01\nB,2024-01-01,CRR,2024-01-29,2024-06-01,\n"
      )
      .write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "report", "--data", dir.path, "--out", dir.appendingPathComponent("r.html").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "subjects.csv:3:14: best_response: expected one of CR, CRi, PR, NR, PD, relapse, MLFS, NE, "
          + "found \"CRR\""),
      "\(result.stderr)")
  }

  @Test func nonResponderNeedsTheResponseDate() throws {
    // Without it the NR subject would be censored for EFS rather than a day-0 treatment failure.
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,best_response,response_date,last_assessment_date,last_alive_date\n"
      .appending("A,2024-01-01,NR,,2024-06-01,2024-06-01\n")
      .write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "report", "--data", dir.path, "--out", dir.appendingPathComponent("r.html").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("subjects.csv:2:17: response_date: expected the date of the assessment"),
      "\(result.stderr)")
  }

  @Test func geometricSummaryOfOnePositiveValueIsThatValue() throws {
    // A's AUC0–28d is 0 (BLQ to day 28): the summary over the positive values is B's alone.
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,last_assessment_date,last_alive_date\nA,2024-01-01,2024-06-01,2024-06-01\n"
      .appending("B,2024-01-01,2024-06-01,2024-06-01\n")
      .write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    try "subject,time,conc\nA,0,0\nA,28,0\nA,60,50\nB,0,0\nB,28,10\n"
      .write(to: dir.appendingPathComponent("kinetics.csv"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("r.html")
    let result = try CLIRunner.run(["report", "--data", dir.path, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    // B: linear rise 0 → 10 over 28 days = 140.
    #expect(html.contains("<td>AUC0–28d</td><td>140, n = 1</td>"), "\(html)")
  }

  @Test func remissionAfterTheResponseWindowDoesNotMakeAResponder() throws {
    // NCT05164042's ORR window is 28 days: B's CR on day 60 is not a response, so B is not in the
    // DOR population (ORR 1/2).
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try "subject,infusion_date,best_response,response_date,last_assessment_date,last_alive_date\n"
      .appending(
        "A,2024-01-01,CR,2024-01-29,2024-06-01,2024-06-01\nB,2024-01-01,CR,2024-03-01,2024-06-01,2024-06-01\n"
      )
      .write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("r.html")
    let result = try CLIRunner.run([
      "report", "--protocol", "NCT05164042", "--data", dir.path, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("<td>DOR</td><td>1</td>"), "\(html)")
    #expect(html.contains("<td>1/2</td>"))
  }

  // MARK: - --group (issue 10)

  /// Two adults (group A, levels 1 and 3) and two adolescents (group B, levels 1 and 2) of
  /// NCT07470073, with kinetics for one subject of each group.
  static func twoGroups() throws -> URL {
    let dir = URL(fileURLWithPath: try CLIRunner.temporaryFile("", name: "x")).deletingLastPathComponent()
    try """
    subject,group,dose_level,infusion_date,best_response,response_date,last_assessment_date,last_alive_date,dlt
    A1,A,1,2024-01-01,CR,2024-01-29,2024-06-01,2024-06-01,no
    A2,A,3,2024-02-01,CR,2024-02-29,2024-06-01,2024-06-01,yes
    B1,B,1,2024-03-01,NR,2024-03-29,2024-06-01,2024-06-01,no
    B2,b,2,2024-04-01,CR,2024-04-29,2024-06-01,2024-06-01,no

    """.write(to: dir.appendingPathComponent("subjects.csv"), atomically: true, encoding: .utf8)
    try "subject,time,conc\nA1,0,0\nA1,7,100\nB1,0,0\nB1,7,50\n".write(
      to: dir.appendingPathComponent("kinetics.csv"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func unknownGroupIsAnErrorNamingTheGroups() throws {
    // Before: exit 0 and a report of every subject.
    let result = try CLIRunner.run([
      "report", "--protocol", "NCT07470073", "--group", "Z", "--data", Self.examples.path, "--out",
      try CLIRunner.temporaryFile("", name: "r.html"),
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--group: expected one of A, B, found \"Z\""), "\(result.stderr)")
  }

  @Test func groupCoversOnlyThatGroupInEveryTable() throws {
    // Before: the level rows were group B's labels over every subject's levels, and "All" counted
    // the adults too, so the rows did not add up.
    let dir = try Self.twoGroups()
    let out = dir.appendingPathComponent("r.html")
    let result = try CLIRunner.run([
      "report", "--protocol", "NCT07470073", "--group", "B", "--data", dir.path, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 subjects, 1 kinetic profiles"), "\(result.stdout)")
    let html = try String(contentsOf: out, encoding: .utf8)
    // Safety: B's L1 and L2 (cells/kg), one subject each, adding up to All = 2.
    #expect(html.contains("<tr><td>L1: 3.0e6 cells/kg</td><td>1</td><td>0/1</td></tr>"), "\(html)")
    #expect(html.contains("<tr><td>L2: 6.0e6 cells/kg</td><td>1</td><td>0/1</td></tr>"))
    #expect(html.contains("<tr><td>All</td><td>2</td><td>0/2</td></tr>"))
    // ORR: B2 responded, B1 did not (A1 and A2 did, and must not count).
    #expect(html.contains("<tr><td>All</td><td>1/2</td>"))
    // Time-to-event: OS over B's two subjects; DOR over B's one responder.
    #expect(html.contains("<tr><td>OS</td><td>2</td>") && html.contains("<tr><td>DOR</td><td>1</td>"))
    // Kinetics: B1 only; no adult anywhere in the page.
    #expect(html.contains(">B1<") && !html.contains(">A1<") && !html.contains(">A2<"))
  }

  @Test func withoutGroupEveryGroupIsCoveredByItsOwnLevels() throws {
    let dir = try Self.twoGroups()
    let out = dir.appendingPathComponent("r.html")
    let result = try CLIRunner.run([
      "report", "--protocol", "NCT07470073", "--data", dir.path, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    for row in [
      "<tr><td>A L1: 3.0e8 cells</td><td>1</td>", "<tr><td>A L3: 6.0e8 cells</td><td>1</td>",
      "<tr><td>B L1: 3.0e6 cells/kg</td><td>1</td>", "<tr><td>B L2: 6.0e6 cells/kg</td><td>1</td>",
      "<tr><td>All</td><td>4</td><td>1/4</td></tr>",
    ] {
      #expect(html.contains(row), "\(row)")
    }
  }
}
