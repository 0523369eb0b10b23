import Foundation
import Inputs

/// A measured quantity that has a physiological plausibility range (``PlausibleRanges``).
public enum PlausibleQuantity: String, Sendable, Hashable, CaseIterable {
  case creatinine, bilirubin, alanineAminotransferase, aspartateAminotransferase, inr, aptt
  case lvef, spo2, neutrophils, platelets, whiteBloodCells, lymphocytes, haemoglobin, fibrinogen
  case weight, height, age, temperature, systolicBloodPressure, oxygenFlow, viralLoad

  /// How the quantity is named in messages ("a plausible creatinine").
  public var name: String {
    switch self {
    case .alanineAminotransferase: "ALT"
    case .aspartateAminotransferase: "AST"
    case .inr: "INR"
    case .aptt: "APTT"
    case .lvef: "LVEF"
    case .spo2: "SpO₂"
    case .neutrophils: "neutrophil count"
    case .platelets: "platelet count"
    case .whiteBloodCells: "white blood cell count"
    case .lymphocytes: "lymphocyte count"
    case .systolicBloodPressure: "systolic blood pressure"
    case .oxygenFlow: "oxygen flow"
    case .viralLoad: "viral load"
    default: rawValue
    }
  }

  /// The analyte for mass ↔ molar conversion, if any.
  public var analyte: Analyte? {
    switch self {
    case .creatinine: .creatinine
    case .bilirubin: .bilirubin
    default: nil
    }
  }
}

/// A unit a value may have been typed in by mistake, with how a value in it converts to the
/// range's unit (`canonical = value × scale + offset`).
public struct UnitReading: Sendable, Hashable {
  public var unit: String
  public var scale: Double
  public var offset: Double

  public init(unit: String, scale: Double, offset: Double = 0) {
    self.unit = unit
    self.scale = scale
    self.offset = offset
  }

  /// A reading in a ``MeasurementUnit`` convertible to `target` (for `analyte`).
  static func unit(_ unit: MeasurementUnit, to target: MeasurementUnit, analyte: Analyte? = nil)
    -> UnitReading
  {
    let scale = (try? Quantity(1, unit).converted(to: target, analyte: analyte).value) ?? 1
    return UnitReading(unit: unit.rawValue, scale: scale)
  }
}

/// The physiologically plausible values of one quantity: a value outside is a typing or unit
/// error, never a measurement to grade or screen.
public struct PlausibilityRange: Sendable, Hashable {
  /// Inclusive bounds in ``unitLabel``.
  public var bounds: ClosedRange<Double>
  /// The unit of the bounds; `nil` for a ratio (INR) or a unit values are not converted from (mmHg).
  public var unit: MeasurementUnit?
  /// The unit as printed (`mg/dL`, `mmHg`, empty for a ratio).
  public var unitLabel: String
  /// Units a value outside the range was likely typed in instead, tried in order for the hint.
  public var misreadings: [UnitReading]
  /// Where the bounds come from.
  public var source: String

  public init(
    _ bounds: ClosedRange<Double>, _ unit: MeasurementUnit?, unitLabel: String? = nil,
    misreadings: [UnitReading] = [], source: String
  ) {
    self.bounds = bounds
    self.unit = unit
    self.unitLabel = unitLabel ?? unit?.rawValue ?? ""
    self.misreadings = misreadings
    self.source = source
  }

  /// `0.05 to 30 mg/dL`.
  public var text: String {
    let unit = unitLabel.isEmpty ? "" : " \(unitLabel)"
    return "\(Quantity.format(bounds.lowerBound)) to \(Quantity.format(bounds.upperBound))\(unit)"
  }
}

/// Physiological plausibility ranges of every measured quantity read from a patient record, an
/// observation or a subject record, or given on the command line. A value outside its range is an
/// ``InputError`` naming the field, the value, its unit and the likely unit mix-up ("did you mean
/// 168 µmol/L (1.9 mg/dL)?") — never a grade, a response or an eligibility verdict.
///
/// A settings value: ``standard`` is the default, and a caller may pass its own table. The bounds
/// of ``standard`` are generous multiples of the adult reference ranges and of the CTCAE v5.0
/// grade 4 bounds (NCI, 27 Nov 2017), wide enough for every survivable extreme reported, so that
/// only impossible values — most often a value typed in the wrong unit — are refused. README:
/// "Plausibility ranges" lists them with their sources.
public struct PlausibleRanges: Sendable, Hashable {
  public var ranges: [PlausibleQuantity: PlausibilityRange]

  public init(_ ranges: [PlausibleQuantity: PlausibilityRange]) {
    self.ranges = ranges
  }

  /// The default table (README: plausibility ranges).
  public static let standard = PlausibleRanges(standardTable)

  private static let counts: [UnitReading] = [
    .unit(.perMicrolitre, to: .perMicrolitre), .unit(.gigaPerLitre, to: .perMicrolitre),
  ]

  private static let standardTable: [PlausibleQuantity: PlausibilityRange] = [
    .creatinine: PlausibilityRange(
      0.05...30, .mgPerDL,
      misreadings: [
        .unit(.micromolPerL, to: .mgPerDL, analyte: .creatinine), .unit(.mgPerDL, to: .mgPerDL),
        .unit(.mgPerL, to: .mgPerDL),
      ],
      source:
        "reference 0.6–1.2 mg/dL (adults; lower in children); CTCAE v5.0 grade 4 > 6 × ULN (≈ 7 mg/dL); bound ≈ 4 × that"
    ),
    .bilirubin: PlausibilityRange(
      0...60, .mgPerDL,
      misreadings: [
        .unit(.micromolPerL, to: .mgPerDL, analyte: .bilirubin), .unit(.mgPerDL, to: .mgPerDL),
        .unit(.mgPerL, to: .mgPerDL),
      ],
      source: "reference ≤ 1.2 mg/dL; CTCAE v5.0 grade 4 > 10 × ULN (12 mg/dL); bound 5 × that"),
    .alanineAminotransferase: PlausibilityRange(
      0...20_000, .unitsPerLitre,
      source: "reference ≤ 40 U/L; CTCAE v5.0 grade 4 > 20 × ULN (800 U/L); bound 25 × that"),
    .aspartateAminotransferase: PlausibilityRange(
      0...20_000, .unitsPerLitre,
      source: "reference ≤ 40 U/L; CTCAE v5.0 grade 4 > 20 × ULN (800 U/L); bound 25 × that"),
    .inr: PlausibilityRange(
      0.5...20, nil, source: "reference 0.8–1.2; CTCAE v5.0 grade 3 > 2.5 × ULN (3); bound ≈ 7 × that"),
    .aptt: PlausibilityRange(
      10...300, .seconds, source: "reference 25–40 s; CTCAE v5.0 grade 3 > 2.5 × ULN (100 s); bound 3 × that"),
    .lvef: PlausibilityRange(5...90, .percent, source: "reference 50–70 %; a living heart ejects 5–90 %"),
    .spo2: PlausibilityRange(
      40...100, .percent, source: "reference ≥ 95 %; pulse oximetry reads no lower than about 40 %"),
    .neutrophils: PlausibilityRange(
      0...200_000, .perMicrolitre, misreadings: counts,
      source: "reference 1,500–8,000 /µL; leukaemoid reactions reach ≈ 100,000 /µL; bound 25 × ULN"),
    .platelets: PlausibilityRange(
      0...5_000_000, .perMicrolitre, misreadings: counts,
      source: "reference 150,000–450,000 /µL; thrombocythaemia reaches ≈ 2–3 × 10⁶ /µL; bound ≈ 10 × ULN"),
    .whiteBloodCells: PlausibilityRange(
      0...1_000_000, .perMicrolitre, misreadings: counts,
      source: "reference 4,000–11,000 /µL; hyperleukocytosis in ALL reaches ≈ 500,000 /µL; bound 2 × that"),
    .lymphocytes: PlausibilityRange(
      0...1_000_000, .perMicrolitre, misreadings: counts,
      source: "reference 1,000–4,000 /µL; CLL reaches ≈ 500,000 /µL; bound 2 × that"),
    .haemoglobin: PlausibilityRange(
      1...25, .gPerDL,
      misreadings: [.unit(.gPerL, to: .gPerDL), .unit(.gPerDL, to: .gPerDL)],
      source: "reference 12–17 g/dL; CTCAE v5.0 grade 3 < 8 g/dL; bounds ≈ 1/8 of and 1.5 × the reference"),
    .fibrinogen: PlausibilityRange(
      10...2000, .mgPerDL,
      misreadings: [.unit(.gPerL, to: .mgPerDL), .unit(.mgPerDL, to: .mgPerDL)],
      source:
        "reference 200–400 mg/dL; CTCAE v5.0 grade 4 < 50 mg/dL (assays read down to ≈ 30); upper 5 × ULN"),
    .weight: PlausibilityRange(
      0.5...500, .kg,
      misreadings: [UnitReading(unit: "g", scale: 0.001), UnitReading(unit: "lb", scale: 0.4536)],
      source: "a preterm newborn of 0.5 kg to beyond every recorded human weight"),
    .height: PlausibilityRange(
      20...260, .cm, misreadings: [UnitReading(unit: "m", scale: 100), UnitReading(unit: "in", scale: 2.54)],
      source: "a preterm newborn of 20 cm to beyond every recorded human height"),
    .age: PlausibilityRange(0...130, .years, source: "beyond every recorded human age"),
    .temperature: PlausibilityRange(
      25...45, .celsius, misreadings: [UnitReading(unit: "°F", scale: 5.0 / 9.0, offset: -160.0 / 9.0)],
      source: "normal 36.1–37.2 °C; survived hypothermia and hyperthermia lie within 25–45 °C"),
    .systolicBloodPressure: PlausibilityRange(
      20...300, nil, unitLabel: "mmHg",
      misreadings: [UnitReading(unit: "kPa", scale: 7.50062)],
      source: "normal 90–120 mmHg; hypertensive emergencies stay below 300 mmHg"),
    .oxygenFlow: PlausibilityRange(
      0...80, .litresPerMin, source: "nasal cannula ≤ 6 L/min, high-flow devices ≤ 60–80 L/min"),
    .viralLoad: PlausibilityRange(
      0...1e11, .iuPerML,
      source: "untreated HBeAg-positive hepatitis B reaches 10⁸–10¹⁰ IU/mL; bound 10 × that"),
  ]

  /// The range of `quantity`; every quantity has one in ``standard``.
  public subscript(quantity: PlausibleQuantity) -> PlausibilityRange? { ranges[quantity] }

  /// Throws unless `value`, in `unit` (`nil`: the range's own unit), is a plausible `quantity`.
  /// A value in a unit that does not convert to the range's (`×ULN`) is not checked here.
  ///
  /// - Throws: ``InputError`` at `field`: `expected a plausible creatinine, 0.05 to 30 mg/dL,
  ///   found 168 mg/dL; did you mean 168 µmol/L (1.9 mg/dL)?`.
  public func check(
    _ quantity: PlausibleQuantity, _ value: Double, unit: MeasurementUnit? = nil, field: String
  )
    throws(InputError)
  {
    guard let range = ranges[quantity] else { return }
    guard value.isFinite else {
      throw InputError(
        field: field, expected: "a plausible \(quantity.name), \(range.text)", found: Quantity.format(value))
    }
    var inRangeUnit = value
    if let unit, let target = range.unit {
      guard let converted = try? Quantity(value, unit).converted(to: target, analyte: quantity.analyte) else {
        return
      }
      inRangeUnit = converted.value
    }
    guard !range.bounds.contains(inRangeUnit) else { return }
    let given = unit?.rawValue ?? range.unitLabel
    var found = Quantity.format(value) + (given.isEmpty ? "" : " \(given)")
    if let reading = range.misreadings.first(where: {
      $0.unit != given && range.bounds.contains(value * $0.scale + $0.offset)
    }) {
      // The meant value in the unit the user wrote (168 µmol/L is 1.9 mg/dL).
      var meant = value * reading.scale + reading.offset
      if let unit, let target = range.unit {
        meant = (try? Quantity(meant, target).converted(to: unit, analyte: quantity.analyte).value) ?? meant
      }
      let shown = given.isEmpty ? Self.rounded(meant) : "\(Self.rounded(meant)) \(given)"
      found += "; did you mean \(Quantity.format(value)) \(reading.unit) (\(shown))?"
    }
    throw InputError(field: field, expected: "a plausible \(quantity.name), \(range.text)", found: found)
  }

  /// A hint's converted value to three significant digits (`1.9`, `38.3`, `0.042`).
  static func rounded(_ x: Double) -> String {
    Quantity.format(Double(String(format: "%.3g", x)) ?? x)
  }
}
