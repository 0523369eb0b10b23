import Testing

@testable import TrialModel

/// The dose levels of NCT07470073 (ProtocolFilesTests checks that the bundled file says the same):
/// group A flat 1.5, 3.0, 4.5, 6.0 ×10⁸ cells at levels −1, 1, 2, 3; group B 3.0 and 6.0 ×10⁶ cells/kg
/// capped at 1.5 and 3.0 ×10⁸ cells.
@Suite struct DosingTests {
  static func group(_ id: String, _ levels: [DoseLevel]) -> PopulationGroup {
    PopulationGroup(
      id: id, label: id, ages: AgeRange(minimum: 12, maximum: 75), doseLevels: levels,
      startingLevel: Assumed(1),
      design: DesignParameters(
        name: "i3+3", target: Assumed(0.3), cohortSize: Assumed(3), maxSampleSize: Assumed(18),
        dltWindowDays: Assumed(28)))
  }

  let groupA = group(
    "A",
    zip([-1, 1, 2, 3], [1.5e8, 3.0e8, 4.5e8, 6.0e8]).map { DoseLevel(level: $0, dose: Quantity($1, .cells)) })
  let groupB = group(
    "B",
    [
      DoseLevel(level: 1, dose: Quantity(3.0e6, .cellsPerKg), maximumTotal: Quantity(1.5e8, .cells)),
      DoseLevel(level: 2, dose: Quantity(6.0e6, .cellsPerKg), maximumTotal: Quantity(3.0e8, .cells)),
    ])

  @Test func perKgDoseIsCappedAtTheLevelMaximum() throws {
    let heavy = try DoseCalculation(group: groupB, level: 2, weightKg: 62)
    #expect(heavy.uncappedCells == 3.72e8)
    #expect(heavy.cells == 3.0e8)
    #expect(heavy.capped)
    #expect(abs(heavy.cellsPerKg - 3.0e8 / 62) < 1e-6)
  }

  @Test func perKgDoseBelowTheCapIsWeightTimesDose() throws {
    let light = try DoseCalculation(group: groupB, level: 2, weightKg: 40)
    #expect(light.cells == 2.4e8)
    #expect(!light.capped)
    #expect(light.cellsPerKg == 6.0e6)
  }

  @Test func capIsInclusiveAtExactlyTheMaximum() throws {
    // 50 kg × 3.0e6/kg = 1.5e8 = the cap: not capped.
    let exact = try DoseCalculation(group: groupB, level: 1, weightKg: 50)
    #expect(exact.cells == 1.5e8 && !exact.capped)
  }

  @Test func flatDoseIgnoresWeight() throws {
    for weight in [45.0, 80.0, 130.0] {
      let dose = try DoseCalculation(group: groupA, level: 2, weightKg: weight)
      #expect(dose.cells == 4.5e8 && !dose.capped)
    }
    #expect(try DoseCalculation(group: groupA, level: -1, weightKg: 70).cells == 1.5e8)
  }

  @Test(arguments: [0.0, -5.0, 1e-300, 0.49, 500.5, .nan, .infinity])
  func implausibleWeightIsRejected(weight: Double) {
    #expect(throws: DosingError.self) { try DoseCalculation(group: groupB, level: 1, weightKg: weight) }
  }

  @Test func unknownLevelIsRejectedNamingTheLevels() {
    do {
      _ = try DoseCalculation(group: groupB, level: 3, weightKg: 50)
      Issue.record("expected an error")
    } catch {
      #expect(error.field == "level")
      #expect(error.message.contains("1, 2"))
    }
  }
}
