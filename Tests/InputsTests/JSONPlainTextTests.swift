import Inputs
import Testing

/// ``JSONValue/plainText``: a submitted record in words, for the timeline and the audit log.
struct JSONPlainTextTests {
  @Test(arguments: [
    (
      #"{"day": 1, "crs": {"temperatureCelsius": 38.2, "hypotension": "none"}}"#,
      "day 1, crs (temperatureCelsius 38.2, hypotension none)"
    ),
    (
      #"{"day": 28, "mrdNegative": true, "sites": ["marrow", "blood"], "note": null}"#,
      "day 28, mrdNegative yes, sites [marrow, blood], note —"
    ),
    (#"[1, 2.5, false]"#, "[1, 2.5, no]"),
    (#""text""#, "text"),
  ])
  func recordsReadAsWords(json: String, words: String) throws {
    #expect(try JSONDocument(parsing: json).root.plainText == words)
  }
}
