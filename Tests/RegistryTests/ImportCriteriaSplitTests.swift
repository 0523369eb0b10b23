import Registry
import Testing
import TrialModel

/// Splitting `eligibilityCriteria` into items: hand-made texts for each rule, and the nested seed.
@Suite struct ImportCriteriaSplitTests {
  @Test func numberedSectionsGiveOrderedIds() {
    let items = CriteriaSplitter.split(
      "Inclusion Criteria:\n\n1. Age 18 to 65;\n2. ECOG 0-1\n\nExclusion Criteria:\n\n1. Pregnant\n2. HIV \\> 0"
    )
    #expect(items.map(\.id) == ["I1", "I2", "E1", "E2"])
    #expect(items.map(\.text) == ["Age 18 to 65;", "ECOG 0-1", "Pregnant", "HIV > 0"])
    #expect(items.map(\.kind) == [.inclusion, .inclusion, .exclusion, .exclusion])
  }

  /// "Key Inclusion Criteria", lower case, bold headers and `-` bullets with indented sub-bullets.
  @Test func tolerantHeadersAndIndentedSubItems() {
    let text = """
      **Key inclusion criteria:**

      - Adequate organ function:
        - creatinine ≤ 1.5 mg/dL
        - bilirubin ≤ 2 mg/dL
      - Life expectancy > 12 weeks

      KEY EXCLUSION CRITERIA

      - Active infection
      """
    let items = CriteriaSplitter.split(text)
    #expect(items.map(\.id) == ["I1", "I2", "E1"])
    #expect(items[0].text == "Adequate organ function: - creatinine ≤ 1.5 mg/dL - bilirubin ≤ 2 mg/dL")
    #expect(items[1].text == "Life expectancy > 12 weeks")
    #expect(items[2].text == "Active infection")
  }

  /// No header: everything is inclusion; no markers: one item per line; empty items are dropped.
  @Test func noHeadersAndNoMarkers() {
    let items = CriteriaSplitter.split("Adults with ALL\nSigned consent\n")
    #expect(items.map(\.id) == ["I1", "I2"])
    #expect(items.map(\.text) == ["Adults with ALL", "Signed consent"])
    let withEmpty = CriteriaSplitter.split("Exclusion Criteria:\n\n1. Pregnancy;\n2. ;\n3. HIV")
    #expect(withEmpty.map(\.text) == ["Pregnancy;", "HIV"])
    #expect(withEmpty.map(\.id) == ["E1", "E2"])
  }

  /// A criterion line that begins with "Inclusion" is not a header.
  @Test func criterionMentioningInclusionIsNotAHeader() {
    let items = CriteriaSplitter.split(
      "Inclusion Criteria:\n\n* Inclusion in another trial is allowed\n* Age ≥ 18")
    #expect(items.map(\.text) == ["Inclusion in another trial is allowed", "Age ≥ 18"])
  }

  /// Seed NCT05350787: item 4's paragraph, its A)–E) list and its bullet sub-list are one item, and
  /// the numbering carries on after them (5. is I5, not a sub-item).
  @Test func nestedListsOfTheReconstructedSeedJoinTheirParent() throws {
    let record = try ImportFixtures.record(
      try ImportFixtures.requireShared().appendingPathComponent("NCT05350787.reconstructed.json"))
    let items = CriteriaSplitter.split(record.eligibility.criteria)
    #expect(items.filter { $0.kind == .inclusion }.count == 8)
    #expect(items.filter { $0.kind == .exclusion }.count == 12)
    let i4 = try #require(items.first { $0.id == "I4" })
    #expect(i4.text.hasPrefix("Consistent with the diagnosis of recurrent refractory B-ALL."))
    #expect(i4.text.contains("The following factors can coexist: A) Failure to prepare autologous CAR-T"))
    #expect(i4.text.contains("[200/ML]"))  // the record's `\[200/ML\]` unescaped
    #expect(i4.text.hasSuffix("* Alterations of IKZF1; E) Extramedullary lesions."))
    #expect(items.first { $0.id == "I5" }?.text == "The expected survival time is ≥12 weeks;")
  }
}
