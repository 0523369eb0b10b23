/// What to do with a below-the-limit-of-quantification (BLQ) value, coded as 0.
public enum BLQAction: String, Sendable, Hashable, Codable, CaseIterable {
  /// Keep the sample with concentration 0.
  case keep
  /// Remove the sample.
  case drop
}

/// BLQ handling by position relative to the measurable samples.
///
/// PKNCA 0.11.0 default `conc.blq = list(first = "keep", middle = "drop", last = "keep")`
/// (`R/PKNCA.options.R`).
public struct BLQHandling: Sendable, Hashable, Codable {
  /// BLQ samples before the first measurable one.
  public var first: BLQAction
  /// BLQ samples between measurable ones.
  public var middle: BLQAction
  /// BLQ samples after the last measurable one.
  public var last: BLQAction

  public init(first: BLQAction = .keep, middle: BLQAction = .drop, last: BLQAction = .keep) {
    self.first = first
    self.middle = middle
    self.last = last
  }

  /// PKNCA's default: keep first and last as 0, drop the middle ones.
  public static let pkncaDefault = BLQHandling()
}

/// One subject's concentration–time profile after a single dose (time 0 = infusion).
///
/// Times are in days for CAR-T kinetics (any unit works as long as it is consistent);
/// concentrations in the assay's unit (e.g. transgene copies/µg genomic DNA).
public struct ConcentrationProfile: Sendable, Hashable {
  /// Sample times, strictly increasing, ≥ 0.
  public let times: [Double]
  /// Concentrations, ≥ 0; 0 means BLQ.
  public let concentrations: [Double]

  /// Errors in a profile's values.
  public struct InvalidProfile: Error, CustomStringConvertible {
    public let description: String
  }

  /// Creates a profile, sorting by time.
  /// - Throws: ``InvalidProfile`` for mismatched lengths, negative or duplicate times, negative or
  ///   non-finite concentrations.
  public init(times: [Double], concentrations: [Double]) throws {
    guard times.count == concentrations.count else {
      throw InvalidProfile(description: "\(times.count) times but \(concentrations.count) concentrations")
    }
    let order = times.indices.sorted { times[$0] < times[$1] }
    let t = order.map { times[$0] }
    let c = order.map { concentrations[$0] }
    for i in t.indices {
      guard t[i].isFinite, t[i] >= 0 else {
        throw InvalidProfile(description: "time must be a finite number ≥ 0, found \(t[i])")
      }
      guard c[i].isFinite, c[i] >= 0 else {
        throw InvalidProfile(description: "concentration must be a finite number ≥ 0, found \(c[i])")
      }
      if i > 0, t[i] == t[i - 1] {
        throw InvalidProfile(description: "duplicate time \(t[i])")
      }
    }
    self.times = t
    self.concentrations = c
  }

  /// The profile with values below `lloq` set to 0 (BLQ).
  public func censoring(belowLLOQ lloq: Double) -> ConcentrationProfile {
    ConcentrationProfile(
      uncheckedTimes: times, concentrations: concentrations.map { $0 < lloq ? 0 : $0 })
  }

  /// The profile after BLQ handling (PKNCA `clean.conc.blq`). A profile without any measurable
  /// value is returned unchanged.
  public func applying(_ handling: BLQHandling) -> ConcentrationProfile {
    guard let firstPositive = concentrations.firstIndex(where: { $0 > 0 }),
      let lastPositive = concentrations.lastIndex(where: { $0 > 0 })
    else { return self }
    var t: [Double] = []
    var c: [Double] = []
    for i in times.indices {
      if concentrations[i] == 0 {
        let action =
          i < firstPositive ? handling.first : (i > lastPositive ? handling.last : handling.middle)
        if action == .drop { continue }
      }
      t.append(times[i])
      c.append(concentrations[i])
    }
    return ConcentrationProfile(uncheckedTimes: t, concentrations: c)
  }

  init(uncheckedTimes: [Double], concentrations: [Double]) {
    self.times = uncheckedTimes
    self.concentrations = concentrations
  }
}
