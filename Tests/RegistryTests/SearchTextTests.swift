import Registry
import Testing

/// How text is cut into search terms.
@Suite struct SearchTextTests {
  @Test func compoundsKeepTheirPartsAndTheWhole() {
    #expect(SearchText.terms("CAR-T cells") == ["car", "t", "cart", "cell"])
    #expect(SearchText.terms("anti-CD19") == ["anti", "cd19", "anticd19"])
  }

  @Test func caseAccentsAndBritishSpellingsFold() {
    #expect(SearchText.terms("Leukaemia") == SearchText.terms("leukemia"))
    #expect(SearchText.terms("Lymphôme") == ["lymphome"])
    #expect(SearchText.terms("Paediatric Haematological Tumours") == ["pediatric", "hematologic", "tumor"])
  }

  @Test func harmansSStemmer() {
    #expect(SearchText.terms("therapies") == ["therapy"])
    #expect(SearchText.terms("diseases") == ["disease"])
    #expect(SearchText.terms("lymphomas") == ["lymphoma"])
    #expect(SearchText.terms("status") == ["status"])  // -us kept
    #expect(SearchText.terms("illness") == ["illness"])  // -ss kept
    #expect(SearchText.terms("shoes") == ["shoe"])  // -oes: only the s
    #expect(SearchText.terms("CD19s") == ["cd19s"])  // words with digits kept
  }

  @Test func stopWordsAreLeftOut() {
    #expect(
      SearchText.terms("the treatment of leukemia in children") == ["treatment", "leukemia", "children"])
  }

  @Test func tokensKnowWhereTheyStand() {
    let text = "Relapsed B-ALL"
    let tokens = SearchText.tokens(text)
    #expect(tokens.map(\.term) == ["relapsed", "b", "all", "ball"])
    #expect(tokens.map { String(text[$0.range]) } == ["Relapsed", "B", "ALL", "B-ALL"])
  }
}
