import Foundation

/// How the finder cuts text into search terms, the same for records and for queries: words and
/// numbers, case and accents folded (`Lymphome` → `lymphome`), a hyphenated word also kept whole
/// (`CAR-T` → `car`, `t`, `cart`), a short list of English stop words left out, British spellings
/// mapped to American ones (`leukaemia` → `leukemia`), and plurals reduced by the S-stemmer of
/// Harman (1991, "How effective is suffixing?", JASIS 42:7–15): `-ies` → `-y`, `-es` → `-e`,
/// `-s` → `` (not after `-aies`, `-eies`, `-aes`, `-ees`, `-oes`, `-us`, `-ss`).
public enum SearchText {
  /// One term and where it stands in the text it was cut from.
  public struct Token: Sendable, Hashable {
    public var term: String
    public var range: Range<String.Index>
  }

  /// Words too common to tell records apart.
  static let stopWords: Set<String> = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "that", "the", "this", "to", "with", "who", "will", "was", "were", "has", "have", "had", "been",
  ]

  /// British spellings of clinical words, as their American ones.
  static let spellings: [String: String] = [
    "leukaemia": "leukemia", "leukaemic": "leukemic", "anaemia": "anemia", "haematologic": "hematologic",
    "haematological": "hematologic", "hematological": "hematologic", "haemoglobin": "hemoglobin",
    "tumour": "tumor", "oedema": "edema", "paediatric": "pediatric", "haematopoietic": "hematopoietic",
    "oesophageal": "esophageal", "centre": "center", "randomised": "randomized",
  ]

  /// The terms of `text`, in order.
  public static func tokens(_ text: String) -> [Token] {
    var out: [Token] = []
    var index = text.startIndex
    while index < text.endIndex {
      guard isWordCharacter(text[index]) else {
        index = text.index(after: index)
        continue
      }
      // A run of words joined by single hyphens is one compound: its parts, then the whole.
      let compoundStart = index
      var parts: [Range<String.Index>] = []
      while true {
        let start = index
        while index < text.endIndex, isWordCharacter(text[index]) { index = text.index(after: index) }
        parts.append(start..<index)
        let next = index < text.endIndex ? text.index(after: index) : index
        guard index < text.endIndex, text[index] == "-", next < text.endIndex, isWordCharacter(text[next])
        else { break }
        index = next
      }
      for part in parts { if let term = term(text[part]) { out.append(Token(term: term, range: part)) } }
      if parts.count > 1, let term = term(parts.map { text[$0] }.joined()) {
        out.append(Token(term: term, range: compoundStart..<index))
      }
    }
    return out
  }

  /// The terms of `text`, without positions.
  public static func terms(_ text: String) -> [String] { tokens(text).map(\.term) }

  /// The search term of one word, or nil for a stop word.
  static func term<S: StringProtocol>(_ word: S) -> String? {
    // Most words are ASCII: lower-casing them is folding them, and much cheaper.
    let folded =
      word.utf8.allSatisfy { $0 < 0x80 }
      ? word.lowercased()
      : String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    guard !stopWords.contains(folded) else { return nil }
    let stemmed = stem(folded)
    return spellings[stemmed] ?? stemmed
  }

  /// Harman's S-stemmer (numbers and words of three letters or fewer are kept as they are).
  static func stem(_ word: String) -> String {
    guard word.count > 3, word.last == "s", !word.contains(where: \.isNumber) else { return word }
    if word.hasSuffix("ies"), !word.hasSuffix("eies"), !word.hasSuffix("aies") {
      return String(word.dropLast(3)) + "y"
    }
    if word.hasSuffix("es"), !word.hasSuffix("aes"), !word.hasSuffix("ees"), !word.hasSuffix("oes") {
      return String(word.dropLast())
    }
    if !word.hasSuffix("us"), !word.hasSuffix("ss") { return String(word.dropLast()) }
    return word
  }

  static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
