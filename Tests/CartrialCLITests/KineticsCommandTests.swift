import Foundation
import Testing

/// `cartrial kinetics fit` on the Stein 2019 typical curve (no noise: the fit is exact).
@Suite struct KineticsCommandTests {
  @Test func recoversTheTypicalParametersFromTheTypicalCurve() throws {
    // Stein 2019 Table 1 typical values, sampled densely from the model's analytic formula.
    let (foldx, tmax, cmax, alpha, beta, fb) = (3900.0, 9.3, 24_000.0, 0.16, 0.0032, 0.0079)
    let days: [Double] = [0, 1, 2, 4, 6, 8, 10, 12, 14, 21, 28, 42, 56, 90, 180, 270, 365]
    var csv = "subject,time,conc\n"
    for t in days {
      let c =
        t < tmax
        ? cmax / foldx * exp(log(foldx) / tmax * t)
        : (1 - fb) * cmax * exp(-alpha * (t - tmax)) + fb * cmax * exp(-beta * (t - tmax))
      csv += "P1,\(t),\(c)\n"
    }
    let path = try CLIRunner.temporaryFile(csv, name: "typical.csv")
    let result = try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let row = try #require((try result.json() as? [[String: Any]])?.first)
    let p = try #require(row["parameters"] as? [String: Double])
    for (name, truth) in [
      ("foldx", foldx), ("tmax", tmax), ("cmax", cmax), ("alpha", alpha), ("beta", beta), ("fb", fb),
    ] {
      #expect(abs(p[name]! / truth - 1) < 1e-4, "\(name): \(p[name]!)")
    }
    #expect(abs((row["auc0to28"] as! Double) - 171_774.285) < 0.01)
  }

  @Test func tooFewSamplesIsAClearError() throws {
    let path = try CLIRunner.temporaryFile("subject,time,conc\nX,0,1\nX,1,5\nX,2,3\n", name: "short.csv")
    let result = try CLIRunner.run(["kinetics", "fit", "--input", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("subject X") && result.stderr.contains("≥ 7"), "\(result.stderr)")
  }

  /// Subject A-002 of Examples/report-data/kinetics.csv: sampled to day 90 only, the fit drives β
  /// to 0 (issue 11 printed β ≈ 2.7e-18/day and t½β ≈ 2.5e17 days).
  static let unidentifiable = """
    subject,time,conc
    A-002,0,10.9
    A-002,1,16.1
    A-002,4,209.4
    A-002,7,1122.3
    A-002,11,9141.0
    A-002,14,3230.0
    A-002,21,816.1
    A-002,28,255.7
    A-002,56,38.3
    A-002,90,39.5
    """

  @Test func aNonIdentifiableParameterIsSaidNotPrintedInEveryFormat() throws {
    let path = try CLIRunner.temporaryFile(Self.unidentifiable + "\n", name: "ni.csv")
    let json = try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let row = try #require((try json.json() as? [[String: Any]])?.first)
    #expect(row["identifiable"] as? Bool == false)
    let reason = try #require(row["notIdentifiable"] as? [String: Any])
    let names = try #require(reason["parameters"] as? [String])
    #expect(names.contains("beta"), "\(reason)")
    #expect((reason["reason"] as? String)?.contains("β ran to") == true, "\(reason)")
    let parameters = try #require(row["parameters"] as? [String: Any])
    #expect(parameters["beta"] is NSNull && row["persistenceHalfLife"] is NSNull)
    #expect(parameters["cmax"] is Double && row["standardErrors"] is NSNull)

    let text = try CLIRunner.run(["kinetics", "fit", "--input", path])
    #expect(text.status == 0)
    #expect(text.stdout.contains("n.i."), "\(text.stdout)")
    #expect(text.stdout.contains("1 of 1 subjects are not identifiable"), "\(text.stdout)")
    #expect(text.stdout.contains("A-002: β ran to"), "\(text.stdout)")
    #expect(!text.stdout.contains("e+1"), "\(text.stdout)")  // no t½β of 10¹⁷ days

    let csv = try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("subject,identifiable,notIdentifiable,reason,foldx,foldxSE,"))
    #expect(lines[1].hasPrefix("A-002,false,beta"), "\(lines[1])")
    #expect(lines[1].contains("β ran to"))
  }

  @Test func identifiableFitsHaveNoReasonAndEveryValue() throws {
    let profile = Self.typicalCSV()
    let path = try CLIRunner.temporaryFile(profile, name: "typical2.csv")
    let row = try #require(
      (try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "json"]).json() as? [[String: Any]])?
        .first)
    #expect(row["identifiable"] as? Bool == true && row["notIdentifiable"] is NSNull)
    #expect(row["persistenceHalfLife"] is Double)
    let csv = try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "csv"])
    let fields = try #require(
      csv.stdout.split(separator: "\n").last?.split(separator: ",", omittingEmptySubsequences: false))
    #expect(
      fields.count == csv.stdout.split(separator: "\n")[0].split(separator: ",").count && fields[1] == "true"
        && fields[2].isEmpty)
  }

  @Test func subjectsKeepTheirInputOrderWhenFittedInParallel() throws {
    var csv = "subject,time,conc\n"
    let body = Self.typicalCSV().split(separator: "\n").dropFirst()
    for subject in ["Z9", "A1", "M5", "B2", "Y8", "C3"] {
      for line in body { csv += subject + line.drop(while: { $0 != "," }) + "\n" }
    }
    let path = try CLIRunner.temporaryFile(csv, name: "order.csv")
    let rows = try #require(
      try CLIRunner.run(["kinetics", "fit", "--input", path, "--format", "json"]).json() as? [[String: Any]])
    #expect(rows.map { $0["subject"] as? String } == ["Z9", "A1", "M5", "B2", "Y8", "C3"])
  }

  /// The Stein typical curve sampled densely, subject P1.
  static func typicalCSV() -> String {
    let (foldx, tmax, cmax, alpha, beta, fb) = (3900.0, 9.3, 24_000.0, 0.16, 0.0032, 0.0079)
    let days: [Double] = [0, 1, 2, 4, 6, 8, 10, 12, 14, 21, 28, 42, 56, 90, 180, 270, 365]
    var csv = "subject,time,conc\n"
    for t in days {
      let c =
        t < tmax
        ? cmax / foldx * exp(log(foldx) / tmax * t)
        : (1 - fb) * cmax * exp(-alpha * (t - tmax)) + fb * cmax * exp(-beta * (t - tmax))
      csv += "P1,\(t),\(c)\n"
    }
    return csv
  }
}
