extension ConcentrationProfile {
  /// The median concentration at each sampling time of `profiles`, as drawn over the individual
  /// curves of a kinetics figure.
  ///
  /// A time is kept when at least half of the profiles were sampled there (so a single late sample
  /// does not make a "median") and the median is positive (a log axis cannot show BLQ).
  /// - Complexity: O(t · p) for t distinct times and p profiles.
  public static func medianProfile(_ profiles: [ConcentrationProfile]) -> [(
    time: Double, concentration: Double
  )] {
    let times = Set(profiles.flatMap(\.times)).sorted()
    return times.compactMap { time in
      let values = profiles.compactMap { profile in
        profile.times.firstIndex(of: time).map { profile.concentrations[$0] }
      }
      guard values.count * 2 >= profiles.count, let median = MedianRange.median(values), median > 0
      else { return nil }
      return (time, median)
    }
  }
}
