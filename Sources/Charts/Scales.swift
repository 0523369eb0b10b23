#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps data values to pixel positions.
public protocol Scale: Sendable {
  /// Pixel position of `value`.
  func position(_ value: Double) -> Double
  /// Tick values and their labels.
  func ticks() -> [(value: Double, label: String)]
}

/// A linear scale from `domain` to `range` (pixels; range may be descending, as for y).
public struct LinearScale: Scale {
  public var domain: ClosedRange<Double>
  public var range: (Double, Double)

  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    self.domain =
      domain.lowerBound == domain.upperBound
      ? domain.lowerBound...(domain.lowerBound + 1) : domain
    self.range = range
  }

  public func position(_ value: Double) -> Double {
    let fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    return range.0 + fraction * (range.1 - range.0)
  }

  /// Ticks at 1, 2 or 5 × 10ᵏ spacing, about five of them.
  public func ticks() -> [(value: Double, label: String)] {
    let step = Self.niceStep(domain.upperBound - domain.lowerBound)
    var ticks: [(Double, String)] = []
    var k = (domain.lowerBound / step).rounded(.up)
    while k * step <= domain.upperBound + step * 1e-9 {
      let value = k * step
      ticks.append((value, Format.label(abs(value) < step * 1e-9 ? 0 : value)))
      k += 1
    }
    return ticks
  }

  /// The 1–2–5 × 10ᵏ step giving about five intervals over `span`; an empty (or invalid) span is
  /// taken as 1, as the domain is widened in ``init(domain:range:)``, so the step is never 0.
  public static func niceStep(_ span: Double) -> Double {
    let raw = (span > 0 && span.isFinite ? span : 1) / 5
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
    return 10 * magnitude
  }
}

/// A base-10 logarithmic scale; the domain is widened to whole decades.
public struct LogScale: Scale {
  /// Lowest and highest decade exponents.
  public let decades: ClosedRange<Int>
  public let range: (Double, Double)

  /// - Precondition: the domain is positive.
  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    precondition(domain.lowerBound > 0, "a log scale needs positive values")
    let low = Int(log10(domain.lowerBound).rounded(.down))
    var high = Int(log10(domain.upperBound).rounded(.up))
    if high == low { high += 1 }
    decades = low...high
    self.range = range
  }

  public func position(_ value: Double) -> Double {
    let fraction =
      (log10(value) - Double(decades.lowerBound)) / Double(decades.upperBound - decades.lowerBound)
    return range.0 + fraction * (range.1 - range.0)
  }

  public func ticks() -> [(value: Double, label: String)] {
    decades.map { (Format.pow10Signed($0), Format.powerOfTen($0)) }
  }
}

extension Format {
  static func pow10Signed(_ k: Int) -> Double { k >= 0 ? pow10(k) : 1 / pow10(-k) }
}
