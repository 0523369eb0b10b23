import Eligibility
import Foundation
import Inputs
import ProtocolFiles
import Registry
import Testing
import TrialModel

/// The five seed records drafted and loaded, compared with the hand-written bundled protocols.
@Suite struct DraftSeedTests {
  static let seeds = ["NCT05164042", "NCT05350787", "NCT04825496", "NCT05270772", "NCT07470073"]

  static func draft(_ id: String, suggest: @escaping ProtocolDraft.Suggester = ProtocolDraft.noSuggestion)
    throws
    -> (RegistryRecord, String, TrialProtocol)
  {
    let url = try #require(try ImportFixtures.seedFiles()[id])
    let record = try ImportFixtures.record(url)
    let yaml = ProtocolDraft.yaml(from: record, suggest: suggest)
    do {
      return (record, yaml, try ProtocolLoader.load(yaml: yaml, file: "\(id).draft.yaml"))
    } catch {
      Issue.record("draft of \(id) does not load:\n\(error)\n\(yaml)")
      throw error
    }
  }

  /// Every hand-written criterion's text is in the draft, in the same section and order: equal to
  /// one draft item, or — where the hand-written protocol split one registry item into parts
  /// (`I7a`, `I7b`; NCT07470073's E8/E9 at "; 10.") — contained in it. Equality is required for
  /// every unsplit item except the ones named here, each with the reason.
  @Test(arguments: seeds) func criteriaMatchTheHandWrittenProtocol(_ id: String) throws {
    let (_, _, draft) = try Self.draft(id)
    let bundled = try ProtocolLibrary.load(id)
    let knownDifferences: [String: String] = [
      "NCT07470073.I1": "the record ends the item with '; ;', the hand-written text with ';'",
      "NCT07470073.E8": "the hand-written protocol splits the registry item at '; 10.' into E8 and E9",
      "NCT07470073.E9": "the second half of that split",
    ]
    var compared = 0
    for (hand, drafted) in [
      (bundled.criteria.inclusion, draft.criteria.inclusion),
      (bundled.criteria.exclusion, draft.criteria.exclusion),
    ] {
      #expect(!hand.isEmpty && !drafted.isEmpty)
      var position = 0
      for criterion in hand {
        let isPart = criterion.id.last?.isLetter == true
        let exact = !isPart && knownDifferences["\(id).\(criterion.id)"] == nil
        guard
          let index = drafted[position...].firstIndex(where: {
            exact ? $0.text == criterion.text : $0.text.contains(criterion.text)
          })
        else {
          Issue.record(
            "\(id) \(criterion.id): no draft item \(exact ? "equals" : "contains") \"\(criterion.text)\"")
          continue
        }
        position = index
        compared += 1
      }
    }
    #expect(compared == bundled.criteria.all.count)
    #expect(draft.criteria.all.allSatisfy { $0.attestation && $0.expression == nil && !$0.suggested })
  }

  /// Phase and ages as the hand-written protocols have them (ages compared by the patients they
  /// admit, 0 to 100 years in quarter years); NCT05350787's record says maximumAge "70 Years" where
  /// its criterion says "upper limit not included", and the draft follows the record's field.
  @Test(arguments: seeds) func phaseAndAgesMatch(_ id: String) throws {
    let (_, _, draft) = try Self.draft(id)
    let bundled = try ProtocolLibrary.load(id)
    #expect(draft.phase == bundled.phase)
    let ages = stride(from: 0.0, through: 100, by: 0.25)
    let differing = ages.filter {
      draft.ages.contains(ageInYears: $0) != bundled.ages.contains(ageInYears: $0)
    }
    if id == "NCT05350787" {
      #expect(differing == [70, 70.25, 70.5, 70.75])
    } else {
      #expect(differing.isEmpty, "\(draft.ages) vs \(bundled.ages)")
    }
  }

  /// Dose levels the hand-written protocol takes from the registry (those without an assumption)
  /// are the draft's levels; where it assumed every level, the draft assumes its levels too.
  @Test(arguments: seeds) func doseLevelsMatchTheStatedOnes(_ id: String) throws {
    let (_, _, draft) = try Self.draft(id)
    let bundled = try ProtocolLibrary.load(id)
    let stated = bundled.groups.map { $0.doseLevels.filter { $0.assumption == nil } }
    if stated.allSatisfy(\.isEmpty) {
      #expect(draft.groups.flatMap(\.doseLevels).allSatisfy { $0.assumption != nil })
      return
    }
    #expect(draft.groups.count == bundled.groups.count)
    for (drafted, levels) in zip(draft.groups, stated) {
      let draftedDoses = drafted.doseLevels.map { [$0.dose, $0.maximumTotal] }
      for level in levels {
        #expect(draftedDoses.contains([level.dose, level.maximumTotal]), "\(id) \(drafted.id): \(level)")
      }
      if id != "NCT05270772" {  // its range ends are levels 1 and 3 of the hand-written protocol
        #expect(drafted.doseLevels.map(\.level) == levels.map(\.level))
      }
    }
  }

  /// Assumptions are marked as the seeds mark them, and the site's coordinates are in the draft.
  @Test func assumptionsAndSitesAreWritten() throws {
    let (_, yaml, draft) = try Self.draft("NCT05164042")
    let design = try #require(draft.groups.first?.design)
    #expect(design.target.isAssumption && design.cohortSize.isAssumption && design.dltWindowDays.isAssumption)
    #expect(design.maxSampleSize.isAssumption)
    #expect(!draft.assessment.dlt.rules.isEmpty)
    #expect(yaml.contains("[R] CAR-T phase 1 template"))
    #expect(draft.sites.map(\.city) == ["Shenzhen"])
    #expect(yaml.contains("# geoPoint 22.54554, 114.0683"))
    #expect(draft.product.source == .allogeneic)
    #expect(draft.product.targets == ["CD19"])
    #expect(draft.enrollment.target.value == 20)
    #expect(draft.startDate == "2021-02-05")
  }

  /// A suggester's expression is written with `suggested: true` and a note, and the draft loads
  /// (the loader type-checks the expression); the other items stay attestations.
  @Test func suggestionsAreMarkedAndLoad() throws {
    let (_, _, draft) = try Self.draft("NCT05350787") { text, isExclusion in
      !isExclusion && text.hasPrefix("ECOG score 0-1") ? (expression: "ecog <= 1", rule: "ecog-range") : nil
    }
    let suggested = draft.criteria.all.filter(\.suggested)
    #expect(suggested.map(\.id) == ["I6"])
    #expect(suggested.first?.expression == "ecog <= 1")
    #expect(suggested.first?.attestation == false)
    #expect(suggested.first?.note?.contains("ecog-range") == true)
    #expect(draft.criteria.all.filter { !$0.suggested }.allSatisfy { $0.attestation })
  }

  /// A suggestion that does not type-check makes the draft fail to load, naming the criterion.
  @Test func aBadSuggestionIsCaughtByTheLoader() throws {
    let record = try ImportFixtures.record(try #require(try ImportFixtures.seedFiles()["NCT05270772"]))
    let yaml = ProtocolDraft.yaml(from: record) { _, _ in (expression: "noSuchVariable > 3", rule: "broken") }
    #expect(throws: InputErrors.self) { try ProtocolLoader.load(yaml: yaml, file: "bad.yaml") }
  }

  /// The example patients of the repository (`Examples/patients`: the single record and the batch).
  static func examplePatients() throws -> [PatientRecord] {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../Examples/patients"
    ).standardized
    var records = [
      try PatientRecord(
        json: try Data(contentsOf: dir.appendingPathComponent("P-0001.json")), file: "P-0001.json")
    ]
    let batch = try String(contentsOf: dir.appendingPathComponent("batch.ndjson"), encoding: .utf8)
    for (n, line) in batch.split(separator: "\n").enumerated() where !line.isEmpty {
      records.append(try PatientRecord(json: Data(line.utf8), file: "batch.ndjson:\(n + 1)"))
    }
    return records
  }

  /// Each seed's draft with the real suggester loads, and wherever it suggests an expression for
  /// a criterion the hand-written protocol has (same kind and text), the two screen the example
  /// patients alike (four-valued verdicts). Agreement over generated panels spanning every
  /// threshold is ``SuggestAgreementTests``.
  @Test func draftedSuggestionsScreenTheExamplePatientsLikeTheProtocols() throws {
    let patients = try Self.examplePatients()
    #expect(patients.count >= 2)
    var compared = 0
    for id in Self.seeds {
      let (_, _, draft) = try Self.draft(id, suggest: CriteriaSuggester().forDrafts)
      let bundled = try ProtocolLibrary.load(id)
      let pairs = draft.criteria.all.filter(\.suggested).compactMap { s in
        bundled.criteria.all.first { $0.kind == s.kind && $0.text == s.text && $0.expression != nil }.map {
          (s, $0)
        }
      }
      guard !pairs.isEmpty else { continue }
      let suggested = try CriteriaCompiler.compile(protocolID: "\(id)-draft", criteria: pairs.map(\.0))
      let written = try CriteriaCompiler.compile(protocolID: id, criteria: pairs.map(\.1))
      for patient in patients {
        let a = suggested.verdicts(of: patient), b = written.verdicts(of: patient)
        for (i, pair) in pairs.enumerated() {
          // NCT07470073 E1 is the one known difference (README): a pregnancy recorded without a sex.
          if id == "NCT07470073" && pair.1.id == "E1" { continue }
          #expect(a[i] == b[i], "\(id) \(pair.1.id) on \(patient.id ?? "?"): draft \(a[i]), protocol \(b[i])")
          compared += 1
        }
      }
    }
    #expect(compared >= 20)
  }
}
