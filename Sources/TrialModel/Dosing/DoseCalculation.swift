/// The number of CAR+ cells to infuse for one patient at one dose level.
public struct DoseCalculation: Codable, Sendable, Hashable {
  /// Group id.
  public var group: String
  /// Dose level number.
  public var level: Int
  /// The level's dose as the protocol states it.
  public var dose: Quantity
  /// Body weight used, in kg.
  public var weightKg: Double
  /// CAR+ cells to infuse (after the cap).
  public var cells: Double
  /// The dose actually given per kg of body weight (`cells / weightKg`).
  public var cellsPerKg: Double
  /// Cells the weight-based dose would have given before the cap (equal to `cells` when not capped).
  public var uncappedCells: Double
  /// Whether the level's maximum total cells limited the dose.
  public var capped: Bool
  /// The level's cap, if any.
  public var maximumTotal: Quantity?

  /// Computes the dose for `weightKg` at `level` of `group`.
  ///
  /// Per-kg levels: cells = dose × weight, limited to the level's maximum total cells.
  /// Flat levels: cells = the stated number, whatever the weight (`cellsPerKg` is informative).
  /// - Throws: ``DosingError`` when the weight is not a plausible body weight (``PlausibleRanges``,
  ///   by default 0.5–500 kg) or the level does not exist.
  public init(
    group: PopulationGroup, level: Int, weightKg: Double, ranges: PlausibleRanges = .standard
  ) throws(DosingError) {
    do {
      try ranges.check(.weight, weightKg, unit: .kg, field: "weightKg")
    } catch {
      throw DosingError(field: "weightKg", message: "expected \(error.expected), found \(error.found)")
    }
    guard let doseLevel = group.doseLevel(level) else {
      throw DosingError(
        field: "level",
        message:
          "group \(group.id) has no dose level \(level); expected one of: \(group.orderedLevels.map(String.init).joined(separator: ", "))"
      )
    }
    let uncapped: Double
    switch doseLevel.dose.unit {
    case .cellsPerKg: uncapped = doseLevel.dose.value * weightKg
    case .cells: uncapped = doseLevel.dose.value
    default:
      throw DosingError(
        field: "dose", message: "expected cells or cells/kg, found \(doseLevel.dose.unit.rawValue)")
    }
    let cap = doseLevel.maximumTotal?.value ?? .infinity
    self.group = group.id
    self.level = level
    self.dose = doseLevel.dose
    self.weightKg = weightKg
    self.uncappedCells = uncapped
    self.cells = min(uncapped, cap)
    self.capped = uncapped > cap
    self.cellsPerKg = cells / weightKg
    self.maximumTotal = doseLevel.maximumTotal
  }
}

/// A dosing input that cannot be used.
public struct DosingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The input field at fault.
  public var field: String
  public var message: String

  public var description: String { "\(field): \(message)" }
}
