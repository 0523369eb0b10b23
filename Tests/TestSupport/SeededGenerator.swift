import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA; constants of Vigna's `splitmix64.c`): a tiny seeded generator that makes the tests'
/// random inputs (fuzzing, noise, synthetic records) reproducible.
///
/// Its outputs equal those of the production `Simulation.SplitMix64` for the same seed; it lives
/// here so that test targets need not link `Simulation`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  public var state: UInt64

  /// A generator started at `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64-bit output.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in the open interval (0, 1): the top 53 bits of the next output, centred in
  /// their cell, so that `log` of it is always finite.
  public mutating func nextOpenUnitInterval() -> Double {
    (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
  }

  /// A standard normal deviate by the Box–Muller transform (Box & Muller 1958), from two
  /// ``nextOpenUnitInterval()`` draws.
  public mutating func nextNormal() -> Double {
    let radius = (-2 * log(nextOpenUnitInterval())).squareRoot()
    return radius * cos(2 * Double.pi * nextOpenUnitInterval())
  }
}
