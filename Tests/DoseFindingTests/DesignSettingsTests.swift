import Testing

@testable import DoseFinding

struct DesignSettingsTests {
  @Test func designNamesParseWithAliases() throws {
    let cases: [(String, DesignSettings.Kind)] = [
      ("i3+3", .i3plus3), ("I3P3", .i3plus3), ("BOIN", .boin), ("mtpi2", .mtpi2), ("mTPI-2", .mtpi2),
      ("3+3", .threePlusThree), ("crm", .crm), ("CRM", .crm),
    ]
    for (name, kind) in cases { #expect(try DesignSettings.Kind(parsing: name) == kind) }
    #expect(throws: DesignSettingsError.self) { try DesignSettings.Kind(parsing: "tpi") }
  }

  func error(_ settings: DesignSettings) -> String? {
    do {
      _ = try settings.makeDesign()
      return nil
    } catch { return error.description }
  }

  @Test func badSettingsNameTheField() {
    #expect(error(DesignSettings(kind: .boin, target: 1.2, doseCount: 5))?.hasPrefix("target:") == true)
    #expect(error(DesignSettings(kind: .boin, target: 0, doseCount: 5))?.hasPrefix("target:") == true)
    let ei = EquivalenceInterval(lower: 0.32, upper: 0.4)
    let message = error(DesignSettings(kind: .i3plus3, target: 0.3, doseCount: 5, equivalenceInterval: ei))
    #expect(message?.hasPrefix("ei:") == true)
    #expect(message?.contains("0.32,0.4") == true)
    #expect(error(DesignSettings(kind: .crm, target: 0.3, doseCount: 3))?.hasPrefix("skeleton:") == true)
    let flat = DesignSettings(kind: .crm, target: 0.3, doseCount: 3, skeleton: [0.1, 0.3, 0.2])
    #expect(error(flat)?.contains("strictly increasing") == true)
    let short = DesignSettings(kind: .crm, target: 0.3, doseCount: 3, skeleton: [0.1, 0.3])
    #expect(error(short)?.contains("3 values") == true)
  }

  @Test func goodSettingsBuildTheNamedVariant() throws {
    let design = try DesignSettings(kind: .i3plus3, target: 0.3, doseCount: 5, maxSampleSize: 30).makeDesign()
    #expect(design.variantName.contains("FIND 0.1.1"))
    #expect(design.variantName.contains("[0.25, 0.35]"))
    let korn = try DesignSettings(
      kind: .threePlusThree, target: 0.3, doseCount: 5, threePlusThreeVariant: .korn
    )
    .makeDesign()
    #expect(korn.variantName.contains("Korn"))
  }

  @Test func countsParse() throws {
    #expect(
      try DoseCounts.parseList("3/0, 6/1,3/2") == [
        DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 6, dlts: 1), DoseCounts(patients: 3, dlts: 2),
      ])
    #expect(throws: DesignSettingsError.self) { try DoseCounts.parseList("3/4") }
    #expect(throws: DesignSettingsError.self) { try DoseCounts.parseList("3-1") }
  }

  @Test func historyFromCountsChecksDoses() throws {
    let design = BOINDesign(target: 0.3, doseCount: 3, maxSampleSize: 30)
    let counts = try DoseCounts.parseList("3/0,3/3")
    let h = try TrialHistory.fromCounts(counts, currentDose: 0, design: design)
    #expect(h.eliminatedFrom == 1)
    #expect(h.counts.count == 3)
    #expect(throws: DesignSettingsError.self) {
      try TrialHistory.fromCounts(counts + counts, currentDose: 0, design: design)
    }
    #expect(throws: DesignSettingsError.self) {
      try TrialHistory.fromCounts(try DoseCounts.parseList("3/3,3/0"), currentDose: 1, design: design)
    }
  }
}
