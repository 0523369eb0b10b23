import Foundation
import Inputs
import ProtocolFiles
import Testing
import TrialModel

@Suite struct BundledProtocolTests {
  @Test func everyBundledProtocolLoadsAndValidates() throws {
    let protocols = try ProtocolLibrary.bundled()
    #expect(
      Set(protocols.map(\.id)) == ["NCT05350787", "NCT05270772", "NCT04825496", "NCT05164042", "NCT07470073"])
    for trial in protocols {
      #expect(!trial.criteria.inclusion.isEmpty, "\(trial.id) has inclusion criteria")
      #expect(!trial.criteria.exclusion.isEmpty, "\(trial.id) has exclusion criteria")
    }
  }

  @Test func resolveAcceptsIdsCaseInsensitivelyAndRejectsUnknown() throws {
    #expect(try ProtocolLibrary.load("nct07470073").id == "NCT07470073")
    do {
      _ = try ProtocolLibrary.load("NCT00000000")
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors.first?.kind == .notFound)
      #expect(error.errors.first?.field == "protocol")
      #expect(
        error.errors.first?.expected
          == "a bundled protocol id (NCT04825496, NCT05164042, NCT05270772, NCT05350787, NCT07470073) or a protocol file"
      )
    }
  }

  /// NCT07470073: group A adults ≥ 18 with flat doses 3.0, 4.5, 6.0 ×10⁸ and a de-escalation level
  /// −1 of 1.5×10⁸; group B 12–17 years at 3.0 and 6.0 ×10⁶/kg capped at 1.5 and 3.0 ×10⁸; i3+3.
  @Test func universalTrialMatchesRegistry() throws {
    let trial = try ProtocolLibrary.load("NCT07470073")
    #expect(trial.product.source == .universal)
    #expect(trial.product.targets == ["CD19", "CD20"])
    #expect(trial.ages == AgeRange(minimum: 12, maximum: 75))
    #expect(trial.enrollment.minimum == 18 && trial.enrollment.target.value == 36)
    let a = try trial.group("A")
    #expect(a.ages == AgeRange(minimum: 18, maximum: 75))
    #expect(a.doseLevels.map(\.level) == [-1, 1, 2, 3])
    #expect(a.doseLevels.map(\.dose) == [1.5e8, 3.0e8, 4.5e8, 6.0e8].map { Quantity($0, .cells) })
    #expect(a.startingLevel.value == 1)
    let b = try trial.group("b")
    #expect(b.ages == AgeRange(minimum: 12, maximum: 17))
    #expect(b.doseLevels.map(\.dose) == [Quantity(3.0e6, .cellsPerKg), Quantity(6.0e6, .cellsPerKg)])
    #expect(b.doseLevels.map(\.maximumTotal) == [Quantity(1.5e8, .cells), Quantity(3.0e8, .cells)])
    #expect(b.opensWhen?.afterGroup == "A" && b.opensWhen?.clearedLevel == 1)
    for group in [a, b] {
      #expect(group.design.name == "i3+3")
      #expect(group.design.target.isAssumption, "the registry gives no target: it must be flagged")
    }
    #expect(throws: InputError.missing("group", expected: "one of NCT07470073's groups A, B")) {
      try trial.group(nil)
    }
    #expect(
      throws: InputError(
        .notFound, field: "group", expected: "one of NCT07470073's groups A, B", found: "\"C\"")
    ) { try trial.group("C") }
  }

  @Test(arguments: [
    ("NCT05350787", [5.0e6, 8.0e6, 12.0e6], AgeRange(minimum: 18, maximum: 70, maximumInclusive: false)),
    ("NCT05270772", [0.5e6, 1.5e6, 5.0e6], AgeRange(minimum: nil, maximum: 25, maximumInclusive: false)),
    ("NCT04825496", [1.0e6, 3.0e6, 5.0e6], AgeRange(minimum: 18, maximum: 65)),
    ("NCT05164042", [1.0e6, 2.0e6, 4.0e6], AgeRange(minimum: 14, maximum: 70)),
  ])
  func singleGroupTrialsMatchRegistry(id: String, doses: [Double], ages: AgeRange) throws {
    let trial = try ProtocolLibrary.load(id)
    let group = try trial.group(nil)
    #expect(trial.ages == ages)
    #expect(group.ages == ages)
    #expect(group.doseLevels.map(\.dose) == doses.map { Quantity($0, .cellsPerKg) })
    #expect(group.design.name == "3+3")
    #expect(group.design.dltWindowDays.value == 28 && group.design.dltWindowDays.isAssumption)
  }

  /// NCT05350787's upper age bound 70 is excluded: 69.99 is in, 70.0 is out; 17.99 is out.
  @Test func ageRangeBoundaries() throws {
    let adults = try ProtocolLibrary.load("NCT05350787").ages
    #expect(adults.contains(ageInYears: 18.0))
    #expect(!adults.contains(ageInYears: 17.99))
    #expect(adults.contains(ageInYears: 69.99))
    #expect(!adults.contains(ageInYears: 70.0))
    let adolescents = try ProtocolLibrary.load("NCT07470073").group("B").ages
    #expect(adolescents.contains(ageInYears: 17.99), "12–17 inclusive admits 17 y 11 m")
    #expect(!adolescents.contains(ageInYears: 18.0))
    #expect(!adolescents.contains(ageInYears: 11.99))
  }
}
