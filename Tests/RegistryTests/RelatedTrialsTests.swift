import Foundation
import Registry
import Testing

/// Related trials: the similarity by its definition, its laws, and the order on a small registry.
@Suite struct RelatedTrialsTests {
  let allogeneicCD19 = RegistryListing(
    nctId: "NCT00000001", title: "Allogeneic CD19 CAR-T cells in relapsed B-ALL", status: "RECRUITING",
    phases: ["PHASE1"], conditions: ["B-cell Acute Lymphoblastic Leukemia"], ageGroups: ["ADULT"])
  let autologousCD19 = RegistryListing(
    nctId: "NCT00000002", title: "Autologous CD19 chimeric antigen receptor T cells", status: "RECRUITING",
    phases: ["PHASE1", "PHASE2"], conditions: ["Acute Lymphoblastic Leukemia"], ageGroups: ["CHILD", "ADULT"])
  let bcma = RegistryListing(
    nctId: "NCT00000003", title: "BCMA CAR-T in myeloma", status: "COMPLETED", phases: ["PHASE1"],
    conditions: ["Multiple Myeloma"], ageGroups: ["ADULT", "OLDER_ADULT"])
  let psilocybin = RegistryListing(
    nctId: "NCT00000004", title: "Psilocybin for depression", status: "RECRUITING", phases: ["PHASE2"],
    conditions: ["Depression"], ageGroups: ["ADULT"])

  var related: RelatedTrials {
    RelatedTrials(SearchIndex([allogeneicCD19, autologousCD19, bcma, psilocybin]))
  }

  @Test func featuresAreRead() {
    let f = TrialFeatures(allogeneicCD19)
    #expect(f.antigens == ["CD19"])
    #expect(f.modalities == ["CAR-T"])
    #expect(f.productTypes == ["allogeneic"])
    #expect(TrialFeatures(autologousCD19).modalities == ["CAR-T"])
    #expect(TrialFeatures(bcma).antigens == ["BCMA"])
    #expect(TrialFeatures(psilocybin).modalities.isEmpty)
    let universal = RegistryListing(
      nctId: "NCT00000005", title: "Universal off-the-shelf CD19/CD22 CAR-T", status: "RECRUITING")
    #expect(TrialFeatures(universal).productTypes == ["universal", "allogeneic"])
    #expect(TrialFeatures(universal).antigens == ["CD19", "CD22"])
    let ages = RegistryListing(
      nctId: "NCT00000006", title: "t", status: "RECRUITING", minimumAge: AgeLimit(3, .years),
      maximumAge: AgeLimit(25, .years))
    #expect(TrialFeatures(ages).ageGroups == ["CHILD", "ADULT"])
  }

  @Test func similarityByItsDefinition() {
    let r = related
    let (s, shared) = r.compare(TrialFeatures(allogeneicCD19), TrialFeatures(autologousCD19))
    // Conditions: terms {b, cell, acute, lymphoblastic, leukemia, bcell} vs {acute, lymphoblastic,
    // leukemia}; over 4 records, acute/lymphoblastic/leukemia are held by 2, the others by 1.
    let idf2 = log(1 + (4 - 2 + 0.5) / 2.5)
    let idf1 = log(1 + (4 - 1 + 0.5) / 1.5)
    let conditions = 3 * idf2 / (3 * idf2 + 3 * idf1)
    // Antigens {CD19} = {CD19}; modality {CAR-T} = {CAR-T}; product {allogeneic} vs {autologous}:
    // nothing shared; phase {1} vs {1, 2}: 1/2; ages {ADULT} vs {CHILD, ADULT}: 1/2.
    let want = 0.25 * conditions + 0.25 + 0.20 + 0.10 * 0.5 + 0.10 * 0.5
    #expect(abs(s - want) < 1e-12, "\(s) vs \(want)")
    #expect(shared[.antigens] == ["CD19"])
    #expect(shared[.modality] == ["CAR-T"])
    #expect(shared[.productType] == nil)
    #expect(shared[.conditions] == ["acute", "leukemia", "lymphoblastic"])
  }

  @Test func similarityIsSymmetricAndBoundedAndOneWithItself() {
    let r = related
    let all = [allogeneicCD19, autologousCD19, bcma, psilocybin].map(TrialFeatures.init)
    for a in all {
      for b in all {
        let ab = r.compare(a, b).0
        #expect(abs(ab - r.compare(b, a).0) < 1e-12)
        #expect(ab >= 0 && ab <= 1 + 1e-12)
      }
    }
    // The allogeneic trial states every feature: 1 against itself.
    #expect(abs(r.compare(all[0], all[0]).0 - 1) < 1e-12)
  }

  @Test func theMostSimilarComeFirst() throws {
    let matches = try related.related(to: "NCT00000001")
    #expect(matches.map(\.listing.nctId) == ["NCT00000002", "NCT00000003", "NCT00000004"])
    #expect(matches.map(\.similarity) == matches.map(\.similarity).sorted(by: >))
    #expect(try related.related(to: "NCT00000001", limit: 1).count == 1)
  }

  @Test func unknownTrialAndBadLimitAreRefused() {
    #expect(throws: (any Error).self) { try related.related(to: "NCT99999999") }
    #expect(throws: (any Error).self) { try related.related(to: "NCT00000001", limit: 0) }
  }
}
