/// Status names in words for the pages: `inDLTWindow` → "in DLT window", `awaitingDecision` →
/// "awaiting decision", `noDlt` → "no DLT". The API keeps the names themselves.
enum StatusWords {
  /// Abbreviations written in capitals whatever their case in the name.
  static let acronyms: Set<String> = ["dlt", "crs", "icans", "ae", "orr", "cr", "cri"]

  static func words(_ name: String) -> String {
    var parts: [String] = []
    var current = ""
    let chars = Array(name)
    for (i, c) in chars.enumerated() {
      let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
      let previousIsLower = i > 0 && chars[i - 1].isLowercase
      // A new word at a capital after a lowercase letter, or at the last capital of a run that a
      // lowercase letter follows (`DLTWindow` → `DLT`, `Window`).
      if c.isUppercase, !current.isEmpty, previousIsLower || nextIsLower {
        parts.append(current)
        current = ""
      }
      current.append(c)
    }
    if !current.isEmpty { parts.append(current) }
    return parts.map { part in
      acronyms.contains(part.lowercased())
        ? part.uppercased() : part.allSatisfy(\.isUppercase) && part.count > 1 ? part : part.lowercased()
    }.joined(separator: " ")
  }
}
