import Foundation
import Testing

/// `cartrial export`: the demo trial as SDTM, FHIR and ODM files, one site's subjects alone with
/// `--site`, and bad input refused with a clear error.
@Suite struct ExportCLITests {
  /// The rows of a CSV without quoted commas (the demo's values have none), header first.
  func rows(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(
      String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
      Dictionary(
        uniqueKeysWithValues: zip(
          header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }
  }

  @Test func sdtmPerSiteAddsUpToTheWholeTrial() throws {
    let f = try ConductFixture()
    #expect(f.run(["demo", "--protocol", "NCT05350787"]).status == 0)
    let all = f.directory.appendingPathComponent("all").path
    let export = f.run(["export", "sdtm", "NCT05350787", "--out", all])
    #expect(export.status == 0, "\(export.stderr)")
    let dm = try rows(all + "/dm.csv")
    #expect(dm.count == 19)  // the demo screens 19 (its summary line says so)
    #expect(Set(dm.compactMap { $0["USUBJID"] }).count == dm.count)
    var perSite = 0
    for site in ["S01", "S02"] {
      let out = f.directory.appendingPathComponent(site).path
      #expect(f.run(["export", "sdtm", "NCT05350787", "--out", out, "--site", site]).status == 0)
      let siteRows = try rows(out + "/dm.csv")
      #expect(!siteRows.isEmpty && siteRows.allSatisfy { $0["SITEID"] == site })
      let ae = try rows(out + "/ae.csv")
      let ids = Set(siteRows.compactMap { $0["USUBJID"] })
      #expect(ae.allSatisfy { ids.contains($0["USUBJID"] ?? "") })
      perSite += siteRows.count
    }
    #expect(perSite == dm.count)
  }

  @Test func fhirAndOdmPrintTheirDocuments() throws {
    let f = try ConductFixture()
    #expect(f.run(["demo", "--protocol", "NCT05350787"]).status == 0)
    let fhir = f.run(["export", "fhir", "NCT05350787", "--site", "S01"])
    #expect(fhir.status == 0, "\(fhir.stderr)")
    let bundle = try #require(
      try JSONSerialization.jsonObject(with: Data(fhir.stdout.utf8)) as? [String: Any])
    #expect(bundle["resourceType"] as? String == "Bundle")
    let entries = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
    let patients = entries.filter { $0["resourceType"] as? String == "Patient" }
    #expect(!patients.isEmpty)
    #expect(patients.allSatisfy { $0["name"] == nil && $0["birthDate"] == nil })  // pseudonymous
    let odm = f.run(["export", "odm", "NCT05350787"])
    #expect(odm.status == 0)
    #expect(odm.stdout.contains("<ODM") && odm.stdout.contains("<AuditRecord>"))
    #expect(
      odm.stdout.contains("FileType=\"Transactional\"") && odm.stdout.contains("TransactionType=\"Insert\""))
  }

  @Test func badInputIsRefused() throws {
    let f = try ConductFixture()
    #expect(f.run(["demo", "--protocol", "NCT05350787"]).status == 0)
    let site = f.run(["export", "odm", "NCT05350787", "--site", "ZZ"])
    #expect(site.status != 0 && site.stderr.contains("--site: expected a site of trial NCT05350787"))
    let trial = f.run(["export", "fhir", "NOPE"])
    #expect(trial.status != 0 && trial.stderr.contains("NOPE"))
    let format = f.run(["export", "csv", "NCT05350787"])
    #expect(format.status != 0 && format.stderr.contains("expected one of sdtm, fhir, odm"))
    let noOut = f.run(["export", "sdtm", "NCT05350787"])
    #expect(noOut.status != 0 && noOut.stderr.contains("--out"))
  }
}
