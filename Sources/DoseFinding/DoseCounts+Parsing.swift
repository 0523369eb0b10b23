import Inputs

extension DoseCounts {
  /// Parses "n1/y1,n2/y2,…" (patients/DLTs per dose, lowest dose first), e.g. "3/0,6/1,3/2".
  /// Throws for `field[k]` (0-based entry) when an entry is not two non-negative integers or has
  /// y > n.
  public static func parseList(_ text: String, field: String = "counts") throws(InputError) -> [DoseCounts] {
    var counts: [DoseCounts] = []
    for (index, entry) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
      counts.append(try parse(String(entry), field: "\(field)[\(index)]"))
    }
    return counts
  }

  /// Parses one "n/y".
  public static func parse(_ text: String, field: String) throws(InputError) -> DoseCounts {
    let trimmed = String(text.filter { $0 != " " && $0 != "\t" })
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let n = Int(parts[0]), let y = Int(parts[1]), n >= 0, y >= 0 else {
      throw InputError(
        .malformed, field: field, expected: "patients/DLTs such as 3/1", found: "\"\(trimmed)\"")
    }
    let counts = DoseCounts(patients: n, dlts: y)
    try counts.validate(field: field)
    return counts
  }

  /// The most patients a dose's counts may hold (``DesignSetup/maximumSampleSize``).
  public static let maximumPatients = DesignSetup.maximumSampleSize

  /// Fails unless 0 ≤ y ≤ n ≤ ``maximumPatients``.
  public func validate(field: String) throws(InputError) {
    guard patients <= Self.maximumPatients else {
      throw InputError(
        .limitExceeded, field: field, expected: "at most \(Self.maximumPatients) patients at a dose",
        found: "\(patients)/\(dlts)")
    }
    guard patients >= 0, dlts >= 0 else {
      throw InputError(field: field, expected: "non-negative counts", found: "\(patients)/\(dlts)")
    }
    guard dlts <= patients else {
      throw InputError(
        field: field, expected: "DLTs y ≤ patients n",
        found: "\(patients)/\(dlts) (y = \(dlts) > n = \(patients))")
    }
  }
}
