import Testing
import TrialConduct
import TrialModel

@testable import TrialServer

/// How the pages put the state's names into words, and which forms they offer.
struct PageWordingTests {
  @Test(arguments: [
    ("inDLTWindow", "in DLT window"), ("awaitingDecision", "awaiting decision"), ("noDlt", "no DLT"),
    ("dlt", "DLT"), ("offStudy", "off study"), ("notEvaluable", "not evaluable"), ("open", "open"),
    ("productReleased", "product released"),
  ])
  func statusNamesReadAsWords(name: String, words: String) {
    #expect(StatusWords.words(name) == words)
  }

  @Test func everySubjectStatusReadsAsLowercaseWordsWithoutCamelCase() {
    for status in SubjectState.Status.allCases {
      let words = StatusWords.words(status.rawValue)
      #expect(!words.isEmpty)
      #expect(words.split(separator: " ").allSatisfy { $0 == "DLT" || $0 == $0.lowercased() }, "\(words)")
    }
  }
}
