import Foundation
import Inputs
import Registry
import Testing

/// Reading single API v2 records: field values against the records themselves, read by hand.
@Suite struct ImportRecordTests {
  /// The real record of seed NCT05164042: each value below was read off the JSON file by eye.
  @Test func readsTheRealSeedRecord() throws {
    let record = try ImportFixtures.record(
      try ImportFixtures.requireShared().appendingPathComponent("NCT05164042.json"))
    #expect(record.nctId == "NCT05164042")
    #expect(record.orgStudyId == "HEM-ONCO-007")
    #expect(record.acronym == "CAR-T")
    #expect(record.overallStatus == .recruiting)
    #expect(record.phases == [.phase1, .phase2])
    #expect(record.leadSponsor == "Shenzhen University General Hospital")
    #expect(record.startDate == RegistryDate(date: "2021-02-05", type: .actual))
    #expect(record.completionDate == RegistryDate(date: "2024-02", type: .estimated))
    #expect(record.enrollment == RegistryEnrollment(count: 20, type: .estimated))
    #expect(record.eligibility.minimumAge == "14 Years")
    #expect(record.eligibility.maximumAge == "70 Years")
    #expect(record.eligibility.stdAges == [.child, .adult, .olderAdult])
    #expect(record.eligibility.sex == .all)
    #expect(record.versionHolder == "2023-11-07")
    #expect(record.lastUpdate == "2021-12-20")
    #expect(record.conditionMeshTerms.contains("Precursor Cell Lymphoblastic Leukemia-Lymphoma"))
    let site = try #require(record.locations.first)
    #expect(
      site.city == "Shenzhen" && site.state == "Guangdong" && site.zip == "518000" && site.country == "China")
    #expect(site.status == .recruiting)
    #expect(site.latitude == 22.54554 && site.longitude == 114.0683)
    let arm = try #require(record.armGroups.first)
    #expect(arm.label == "Treatment group" && arm.type == .experimental)
    #expect(arm.interventionNames == ["Biological: Allogeneic CD19 CAR-T cells"])
    let intervention = try #require(record.interventions.first)
    #expect(intervention.type == .biological && intervention.armGroupLabels == ["Treatment group"])
    #expect(record.eligibility.criteria.hasPrefix("Inclusion Criteria:\n\n1. 14-70 years old"))
  }

  /// The real psilocybin record has other outcomes, MeSH intervention terms and keywords.
  @Test func readsOtherOutcomesAndMeshTerms() throws {
    let record = try ImportFixtures.record(
      try ImportFixtures.requireShared().appendingPathComponent("NCT06341426.json"))
    #expect(record.nctId == "NCT06341426")
    #expect(record.phases == [.phase2])
    #expect(!record.otherOutcomes.isEmpty)
    #expect(record.otherOutcomes.allSatisfy { !$0.measure.isEmpty })
    #expect(record.interventionMeshTerms.contains("Psilocybin"))
    #expect(record.locations.contains { $0.latitude != nil && $0.longitude != nil })
  }

  /// Unknown keys anywhere are ignored: the record reads the same with extra keys added.
  @Test func ignoresUnknownKeys() throws {
    let url = try ImportFixtures.requireShared().appendingPathComponent("NCT05350787.reconstructed.json")
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    object["annotationSection"] = ["anything": [1, 2]]
    var section = try #require(object["protocolSection"] as? [String: Any])
    section["futureModule"] = ["x": true]
    var arms = try #require(section["armsInterventionsModule"] as? [String: Any])
    var groups = try #require(arms["armGroups"] as? [[String: Any]])
    groups[0]["newField"] = 3
    arms["armGroups"] = groups
    section["armsInterventionsModule"] = arms
    object["protocolSection"] = section
    let extended = try RegistryRecord(json: JSONSerialization.data(withJSONObject: object), source: "x.json")
    var original = try ImportFixtures.record(url)
    original.source = "x.json"
    #expect(extended == original)
  }

  /// Each malformed record is refused with the JSON path of its fault, the file, and the line.
  @Test(arguments: [
    ("arm-label-number.json", "protocolSection.armsInterventionsModule.armGroups[2].label", "a string"),
    ("missing-nctid.json", "protocolSection.identificationModule.nctId", "an NCT id"),
    ("bad-status.json", "protocolSection.statusModule.overallStatus", "one of ACTIVE_NOT_RECRUITING"),
    (
      "short-nctid.json", "protocolSection.identificationModule.nctId", "an NCT id (NCT followed by 8 digits)"
    ),
    ("bad-phase.json", "protocolSection.designModule.phases[1]", "one of NA, EARLY_PHASE1"),
    (
      "labels-not-array.json", "protocolSection.armsInterventionsModule.interventions[0].armGroupLabels",
      "an array"
    ),
  ])
  func refusesMalformedRecordsNamingThePath(file: String, path: String, expected: String) throws {
    let url = ImportFixtures.local.appendingPathComponent("malformed/" + file)
    do {
      _ = try RegistryRecord(json: Data(contentsOf: url), source: file)
      Issue.record("\(file) was read")
    } catch let error as InputError {
      #expect(error.field == path)
      #expect(error.expected.hasPrefix(expected), "\(error)")
      #expect(error.location?.file == file)
      #expect((error.location?.line ?? 0) > 1)
      #expect(error.description.hasPrefix(file + ":"))
    }
  }

  /// Broken JSON is malformed at its line; a batch keeps the good records and refuses the rest.
  @Test func batchReadsWholeRecordsOrRefusesThem() throws {
    let good = try Data(contentsOf: ImportFixtures.requireShared().appendingPathComponent("NCT05164042.json"))
    let bad = try Data(contentsOf: ImportFixtures.local.appendingPathComponent("malformed/bad-status.json"))
    let broken = Data("{\"protocolSection\": {\n  \"identificationModule\": }".utf8)
    let result = RegistryImport.read(documents: [("a.json", good), ("b.json", bad), ("c.json", broken)])
    #expect(result.records.map(\.nctId) == ["NCT05164042"])
    #expect(result.refusals.map(\.source) == ["b.json", "c.json"])
    #expect(result.refusals[0].error.field == "protocolSection.statusModule.overallStatus")
    #expect(result.refusals[1].error.kind == .malformed)
    #expect(result.refusals[1].error.location?.line == 2)
    let missing = RegistryImport.read(files: [URL(fileURLWithPath: "/nonexistent/NCT00000000.json")])
    #expect(missing.records.isEmpty && missing.refusals.first?.error.kind == .notFound)
  }
}
