import Analysis
import Inputs

/// One subject's concentration–time profile as read from a kinetics CSV.
public struct KineticProfile: Sendable, Hashable {
  /// Subject identifier.
  public var subject: String
  public var profile: ConcentrationProfile
  /// Where the subject's first sample is.
  public var location: SourceLocation?

  public init(subject: String, profile: ConcentrationProfile, location: SourceLocation? = nil) {
    self.subject = subject
    self.profile = profile
    self.location = location
  }
}

extension CSVTable {
  /// Concentration–time profiles from the columns `subject,time,conc` (time in days since infusion,
  /// conc ≥ 0 with 0 = BLQ; other columns are ignored), in order of first appearance.
  /// - Throws: ``InputError`` at the field for a missing column, an empty subject, a non-numeric or
  ///   negative value, or a time repeated within a subject.
  public func concentrationProfiles() throws(InputError) -> [KineticProfile] {
    try check(required: ["subject", "time", "conc"])
    var order: [String] = []
    var samples: [String: [(time: Double, conc: Double, line: Int)]] = [:]
    var first: [String: SourceLocation] = [:]
    for row in rows {
      let subject = string(row, "subject")
      guard !subject.isEmpty else {
        throw error(row, "subject", expected: "a subject identifier", kind: .missing)
      }
      let time = try nonNegative(row, "time")
      let conc = try nonNegative(row, "conc")
      if let earlier = samples[subject]?.first(where: { $0.time == time }) {
        throw InputError(
          .conflict, field: "time", expected: "one sample per time for subject \(subject)",
          found: "time \(string(row, "time")) again (also on line \(earlier.line))",
          location: location(row, "time"))
      }
      if samples[subject] == nil {
        order.append(subject)
        first[subject] = location(row, "subject")
      }
      samples[subject, default: []].append((time, conc, row.line))
    }
    return order.map { subject in
      let list = samples[subject]!
      // Times and concentrations were checked above (finite, ≥ 0, distinct): this cannot fail.
      let profile = try! ConcentrationProfile(times: list.map(\.time), concentrations: list.map(\.conc))
      return KineticProfile(subject: subject, profile: profile, location: first[subject])
    }
  }
}
