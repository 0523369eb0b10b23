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
}
