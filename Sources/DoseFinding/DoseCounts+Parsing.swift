import Foundation

extension DoseCounts {
  /// Parses "n1/y1,n2/y2,…" (patients/DLTs per dose, lowest dose first), e.g. "3/0,6/1,3/2".
  /// Throws naming `field` and the offending entry when an entry is not two non-negative integers
  /// or has y > n.
  public static func parseList(_ text: String, field: String = "counts") throws(DesignSettingsError)
    -> [DoseCounts]
  {
    let entries = text.split(separator: ",", omittingEmptySubsequences: false)
    var counts: [DoseCounts] = []
    for (index, entry) in entries.enumerated() {
      let trimmed = entry.trimmingCharacters(in: .whitespaces)
      let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let n = Int(parts[0]), let y = Int(parts[1]), n >= 0, y >= 0 else {
        throw DesignSettingsError(
          field: "\(field) entry \(index + 1)", expected: "patients/DLTs such as 3/1", found: "\"\(trimmed)\""
        )
      }
      guard y <= n else {
        throw DesignSettingsError(
          field: "\(field) entry \(index + 1) (dose \(index + 1))", expected: "DLTs y ≤ patients n",
          found: "\(n)/\(y) (y = \(y) > n = \(n))")
      }
      counts.append(DoseCounts(patients: n, dlts: y))
    }
    return counts
  }
}
