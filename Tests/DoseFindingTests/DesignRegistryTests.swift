import Inputs
import Testing

@testable import DoseFinding

struct DesignRegistryTests {
  let registry = DesignRegistry.standard

  @Test func designNamesParseWithAliases() throws {
    let cases: [(String, String)] = [
      ("i3+3", "i3+3"), ("I3P3", "i3+3"), ("BOIN", "boin"), ("mtpi2", "mtpi2"), ("mTPI-2", "mtpi2"),
      ("3+3", "3+3"), ("crm", "crm"), ("CRM", "crm"), (" i3 + 3 ", "i3+3"),
    ]
    for (name, canonical) in cases { #expect(try registry.specification(named: name).name == canonical) }
    #expect(
      throws: InputError.notOneOf(
        "design", allowed: ["3+3", "i3+3", "boin", "mtpi2", "crm"], found: "\"tpi\"")
    ) { try registry.specification(named: "tpi") }
  }

  func error(_ name: String, _ setup: DesignSetup, _ arguments: [String: SettingValue] = [:]) -> InputError? {
    do {
      _ = try DesignRegistry.makeDesign(
        try registry.specification(named: name), setup: setup, arguments: DesignArguments(arguments))
      return nil
    } catch { return error }
  }

  @Test func badSettingsNameTheField() {
    #expect(error("boin", DesignSetup(doseCount: 5, target: 1.2))?.field == "target")
    #expect(error("boin", DesignSetup(doseCount: 5, target: 0))?.field == "target")
    let ei = error(
      "i3+3", DesignSetup(doseCount: 5, target: 0.3), ["equivalenceInterval": .numbers([0.32, 0.4])])
    #expect(ei?.field == "equivalenceInterval")
    #expect(ei?.found == "0.32,0.4")
    #expect(error("crm", DesignSetup(doseCount: 3, target: 0.3))?.kind == .missing)
    let flat = error("crm", DesignSetup(doseCount: 3, target: 0.3), ["skeleton": .numbers([0.1, 0.3, 0.2])])
    #expect(flat?.expected == "strictly increasing rates")
    let short = error("crm", DesignSetup(doseCount: 3, target: 0.3), ["skeleton": .numbers([0.1, 0.3])])
    #expect(short?.expected == "3 values (one per dose)")
    let phi1 = error("boin", DesignSetup(doseCount: 3, target: 0.3), ["phi1": .number(0.35)])
    #expect(phi1?.field == "phi1")
    #expect(error("3+3", DesignSetup(doseCount: 3, target: 0.3, cohortSize: 4))?.field == "cohortSize")
    let variant = error("3+3", DesignSetup(doseCount: 3, target: 0.3), ["variant": .text("storer")])
    #expect(variant?.expected == "one of classic, korn, find")
  }

  @Test func unknownParametersAreRefusedListingTheDesignsOwn() throws {
    let unknown = try #require(
      error("boin", DesignSetup(doseCount: 3, target: 0.3), ["skeleton": .numbers([0.1])]))
    #expect(unknown.kind == .unknownField)
    #expect(unknown.field == "skeleton")
    for name in ["phi1", "phi2", "eliminationCutoff", "earlyStop", "extraSafeOffset", "boundMTD"] {
      #expect(unknown.expected.contains(name))
    }
  }

  @Test func everyParameterReachesTheDesign() throws {
    let setup = DesignSetup(doseCount: 4, target: 0.25, cohortSize: 3, maxSampleSize: 30)
    let boin = try #require(
      try DesignRegistry.makeDesign(
        BOINSpecification(), setup: setup,
        arguments: DesignArguments([
          "phi1": .number(0.15), "phi2": .number(0.35), "eliminationCutoff": .number(0.9),
          "earlyStop": .number(9), "extraSafeOffset": .number(0.05),
        ])) as? BOINDesign)
    #expect(boin.boundaries == BOINBoundaries(target: 0.25, underdosingRate: 0.15, overdosingRate: 0.35))
    #expect(boin.elimination.cutoff == 0.9)
    #expect(boin.earlyStopPatients == 9)
    #expect(boin.extraSafetyOffset == 0.05)
    let crm = try #require(
      try DesignRegistry.makeDesign(
        CRMSpecification(), setup: setup,
        arguments: DesignArguments([
          "skeleton": .numbers([0.1, 0.2, 0.3, 0.4]), "model": .text("logistic"), "intercept": .number(2),
          "priorVariance": .number(0.5), "restrict": .flag(false), "safetyStop": .number(0.9),
        ])) as? CRMDesign)
    #expect(crm.model == .logistic(intercept: 2))
    #expect(crm.priorVariance == 0.5)
    #expect(!crm.noSkipping && !crm.coherence)
    #expect(crm.safetyStopThreshold == 0.9)
    let i3 = try #require(
      try DesignRegistry.makeDesign(
        I3Plus3Specification(), setup: setup,
        arguments: DesignArguments(["equivalenceInterval": .numbers([0.2, 0.3])])) as? I3Plus3Design)
    #expect(i3.interval == EquivalenceInterval(lower: 0.2, upper: 0.3))
  }

  @Test func goodSettingsBuildTheNamedVariant() throws {
    let design = try DesignRegistry.makeDesign(
      I3Plus3Specification(), setup: DesignSetup(doseCount: 5, target: 0.3, maxSampleSize: 30),
      arguments: DesignArguments())
    #expect(design.variantName.contains("FIND 0.1.1"))
    #expect(design.variantName.contains("[0.25, 0.35]"))
    let korn = try DesignRegistry.makeDesign(
      ThreePlusThreeSpecification(), setup: DesignSetup(doseCount: 5, target: 0.3),
      arguments: DesignArguments(["variant": .text("Korn")]))
    #expect(korn.variantName.contains("Korn"))
  }

  @Test func countsParse() throws {
    #expect(
      try DoseCounts.parseList("3/0, 6/1,3/2") == [
        DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 6, dlts: 1), DoseCounts(patients: 3, dlts: 2),
      ])
    #expect(throws: InputError.self) { try DoseCounts.parseList("3/4") }
    let malformed = #expect(throws: InputError.self) { try DoseCounts.parseList("3/0,3-1") }
    #expect(malformed?.field == "counts[1]")
    #expect(malformed?.kind == .malformed)
  }

  @Test func historyFromCountsChecksDoses() throws {
    let design = BOINDesign(target: 0.3, doseCount: 3, maxSampleSize: 30)
    let counts = try DoseCounts.parseList("3/0,3/3")
    let h = try TrialHistory.fromCounts(counts, currentDose: 0, design: design)
    #expect(h.eliminatedFrom == 1)
    #expect(h.counts.count == 3)
    #expect(throws: InputError.self) {
      try TrialHistory.fromCounts(counts + counts, currentDose: 0, design: design)
    }
    #expect(throws: InputError.self) {
      try TrialHistory.fromCounts(try DoseCounts.parseList("3/3,3/0"), currentDose: 1, design: design)
    }
  }
}
