import Foundation
import Inputs
import Registry
import Testing
import TrialModel

/// "Trials I may fit" over the five seed records: the records' own age limits and the computable
/// criteria decide "likely not", with the reason; the others are ranked by criteria likely met.
@Suite struct TrialFitTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let files: [URL] =
    ["NCT05164042.json", "NCT05350787.reconstructed.json"].map {
      here.appendingPathComponent("../../../shared/reference/registry/\($0)").standardized
    }
    + ["NCT04825496", "NCT05270772", "NCT07470073"].map {
      here.appendingPathComponent("../Fixtures/registry/\($0).reconstructed.json").standardized
    }
  static let records = files.map { try! RegistryRecord(json: try! Data(contentsOf: $0), source: $0.path) }
  static let index = SearchIndex(records.map(RegistryListing.init))
  static let screenings = Dictionary(uniqueKeysWithValues: records.map { ($0.nctId, PreScreening($0)) })
  let today = CalendarDate(iso: "2026-12-04")!

  func rank(_ answers: [String: String], words: String = "") throws -> TrialFit.Ranking {
    let found = try Self.index.matching(SearchQuery(text: words)).map {
      ($0.listing, $0.distanceKm, Self.screenings[$0.listing.nctId]!)
    }
    if words.isEmpty { #expect(found.count == 5) }
    return try TrialFit.rank(found, answers: answers, on: today)
  }

  @Test func theRecordsAgeLimitsExcludeWithTheirReason() throws {
    let ranking = try rank(["age": "16", "diagnosis": "yes"])
    #expect(Set(ranking.likelyNot.map(\.nctId)).isSuperset(of: ["NCT05350787", "NCT04825496"]))
    for m in ranking.likelyNot where ["NCT05350787", "NCT04825496"].contains(m.nctId) {
      #expect(
        m.reasons.contains { $0.hasPrefix("age 16 years: the record admits from 18 years") }, "\(m.reasons)")
    }
    #expect(Set(ranking.mayFit.map(\.nctId)).isSuperset(of: ["NCT05164042", "NCT07470073"]))
    // Every trial is in exactly one list.
    #expect(Set(ranking.mayFit.map(\.nctId) + ranking.likelyNot.map(\.nctId)).count == 5)
    #expect(ranking.mayFit.count + ranking.likelyNot.count == 5)
  }

  @Test func aCriterionLikelyNotMetExcludesAndIsNamed() throws {
    // A "no" to the B-ALL diagnosis: each trial whose criteria ask for it is likely not.
    let ranking = try rank(["age": "20", "diagnosis": "no"])
    #expect(!ranking.likelyNot.isEmpty)
    for m in ranking.likelyNot {
      #expect(m.likelyNotEligible && !m.reasons.isEmpty)
      // Each reason names a criterion (`I1: …`), not the age, 20 being within every record's range.
      #expect(m.reasons.allSatisfy { $0.first == "I" || $0.first == "E" }, "\(m.nctId) \(m.reasons)")
    }
    let withYes = try rank(["age": "20", "diagnosis": "yes"])
    #expect(withYes.likelyNot.count < ranking.likelyNot.count)
  }

  @Test func mayFitIsOrderedByCriteriaLikelyMet() throws {
    let ranking = try rank([
      "age": "30", "diagnosis": "yes", "status": "relapsed", "cd19": "yes", "ecog": "1", "sex": "female",
      "pregnant": "no", "lactating": "no", "hiv": "no", "infection": "no",
    ])
    #expect(ranking.mayFit.count >= 2)
    for (a, b) in zip(ranking.mayFit, ranking.mayFit.dropFirst()) {
      #expect(a.likelyMet > b.likelyMet || (a.likelyMet == b.likelyMet && a.mustCheck <= b.mustCheck))
    }
    for m in ranking.mayFit {
      #expect(m.likelyMet + m.mustCheck == m.criteria && m.likelyMet > 0 && !m.likelyNotEligible)
    }
  }

  @Test func aRecordForOneSexExcludesTheOtherWithItsReason() throws {
    var male = RegistryListing(Self.records[0])
    male.sex = .male
    let screening = Self.screenings[male.nctId]!
    let ranking = try TrialFit.rank([(male, nil, screening)], answers: ["sex": "female"], on: today)
    #expect(ranking.mayFit.isEmpty)
    #expect(ranking.likelyNot.first?.reasons.first == "sex female: the record admits male only")
    let fits = try TrialFit.rank([(male, 12.5, screening)], answers: ["sex": "male"], on: today)
    #expect(fits.mayFit.map(\.nctId) == [male.nctId] && fits.mayFit.first?.distanceKm == 12.5)
  }

  @Test func badAnswersNameTheQuestion() {
    #expect(throws: InputError.self) { try rank(["age": "abc"]) }
    do {
      _ = try rank(["creatinine": "-1"])
      Issue.record("a negative creatinine was accepted")
    } catch let error as InputError {
      #expect(error.field == "creatinine")
    } catch { Issue.record("\(error)") }
  }
}
