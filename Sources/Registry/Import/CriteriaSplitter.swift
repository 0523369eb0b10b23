import TrialModel

/// One inclusion or exclusion criterion cut out of a record's `eligibilityCriteria` text.
public struct CriteriaItem: Sendable, Hashable {
  /// `I1`, `I2`, … or `E1`, … in the order of the text.
  public var id: String
  public var kind: CriterionKind
  /// The item's text as written, with its leading bullet or number removed, markdown
  /// backslash-escapes (`\>`, `\[`) resolved and the lines of its sub-items joined with one space.
  public var text: String
}

/// Splits the one markdown string of `eligibilityModule.eligibilityCriteria` into items.
///
/// The rules (ClinicalTrials.gov gives the text free-form; these are read off the 1,527 corpus
/// records and the five seed records):
/// - **Sections.** A short line naming "Inclusion Criteria" or "Exclusion Criteria" (any case,
///   with words before such as "Key", a trailing colon, bold or heading marks) opens a section;
///   text before any header is inclusion.
/// - **Items.** The first bulleted (`*`, `-`, `+`, `•`) or numbered (`1.`, `1)`, `(1)`) line of
///   a section fixes the section's item marker and indentation; each later line with that marker
///   kind at that indentation or less starts an item.
/// - **Sub-items are joined to their parent.** Deeper or differently marked lines (`A)`, indented
///   bullets, `1.` under bullets) and unmarked paragraphs ("The following factors can coexist:")
///   are appended to the item above, verbatim with their markers, separated by one space: a
///   nested list often states alternatives ("one of the following"), which only a reader can
///   split safely. Sub-item ids (`I7a`) are therefore left to the person who edits the draft.
/// - A section without any marked line has one item per non-empty line.
/// - Items with no letter or digit (an empty `7. ;`) are dropped.
public enum CriteriaSplitter {
  /// The items of `text`, inclusion first in text order, then exclusion.
  public static func split(_ text: String) -> [CriteriaItem] {
    var inclusion: [String] = []
    var exclusion: [String] = []
    var section = Section()
    var kind = CriterionKind.inclusion
    func flush() {
      let items = section.items()
      if kind == .inclusion { inclusion += items } else { exclusion += items }
      section = Section()
    }
    for rawLine in unescapeMarkdown(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    {
      let line = String(rawLine)
      if let header = headerKind(line) {
        flush()
        kind = header
      } else {
        section.lines.append(line)
      }
    }
    flush()
    return inclusion.enumerated().map {
      CriteriaItem(id: "I\($0.offset + 1)", kind: .inclusion, text: $0.element)
    }
      + exclusion.enumerated().map {
        CriteriaItem(id: "E\($0.offset + 1)", kind: .exclusion, text: $0.element)
      }
  }

  /// Resolves CommonMark backslash-escapes of ASCII punctuation (`\>` → `>`), as the registry's
  /// own pages display them.
  public static func unescapeMarkdown(_ text: String) -> String {
    text.replacing(/\\([!-\/:-@\[-`{-~])/) { String($0.output.1) }
  }

  /// The section a header line opens, or `nil` when the line is not a header.
  static func headerKind(_ line: String) -> CriterionKind? {
    var words = line.lowercased()
    words.removeAll { "*#_:•-".contains($0) }
    words = words.trimmingCharacters(in: .whitespaces)
    guard !words.isEmpty, words.count <= 70 else { return nil }
    let header =
      /^(?:(?:key|main|major|general|other|additional|specific|patient|participant|subject)s?\s+)?(inclusion|exclusion)(?:\s+(?:criteria|criterion|criterias))?(?:\s+(?:for|of|in)\b.*)?$/
    guard let match = words.wholeMatch(of: header) else { return nil }
    let namesCriteria = words.contains("criteri") || words == "inclusion" || words == "exclusion"
    guard namesCriteria else { return nil }
    return match.output.1 == "inclusion" ? .inclusion : .exclusion
  }
}

/// The lines of one section and how they group into items.
private struct Section {
  var lines: [String] = []

  enum Marker: Equatable { case bullet, number }

  struct MarkedLine {
    var indent: Int
    var marker: Marker?
    /// The text after the marker (the whole trimmed line when unmarked).
    var body: String
    /// The trimmed line, marker included.
    var whole: String
  }

  static func parse(_ line: String) -> MarkedLine {
    let indent = line.prefix { $0 == " " || $0 == "\t" }.count
    let whole = line.trimmingCharacters(in: .whitespaces)
    if let m = whole.prefixMatch(of: /[*\-+•·▪]\s+(.*)/) {
      return MarkedLine(indent: indent, marker: .bullet, body: String(m.output.1), whole: whole)
    }
    if let m = whole.prefixMatch(of: /(?:\(\d{1,3}\)|\d{1,3}[.)、](?!\d))\s*(.*)/) {
      return MarkedLine(indent: indent, marker: .number, body: String(m.output.1), whole: whole)
    }
    return MarkedLine(indent: indent, marker: nil, body: whole, whole: whole)
  }

  func items() -> [String] {
    let parsed = lines.map(Self.parse).filter { !$0.whole.isEmpty }
    guard let first = parsed.first(where: { $0.marker != nil }) else {
      return parsed.map(\.whole).filter(Self.hasContent)
    }
    var items: [[String]] = []
    for line in parsed {
      if line.marker == first.marker && line.indent <= first.indent {
        items.append([line.body])
      } else if items.isEmpty {
        items.append([line.whole])
      } else {
        items[items.count - 1].append(line.whole)
      }
    }
    return items.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.filter(Self.hasContent)
  }

  static func hasContent(_ text: String) -> Bool {
    text.contains { $0.isLetter || $0.isNumber }
  }
}
