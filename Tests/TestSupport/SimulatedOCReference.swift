/// One row of `dosefinding/simulated_oc_10000.csv`: operating characteristics published by BOIN
/// 2.7.2, FIND 0.1.1 and dfcrm from 10,000 simulated trials (selection rounded to 0.1 %).
public struct SimulatedOCReference: Sendable, Hashable {
  /// The software and its function (`BOIN 2.7.2 get.oc`).
  public var software: String
  /// The design and the package that ran it (`BOIN(BOIN pkg)`, `i3+3(FIND)`, `CRM(dfcrm)`).
  public var design: String
  /// The scenario's name (A, L1, L2, L3).
  public var scenario: String
  /// The number of simulated trials.
  public var trials: Int
  /// Percent of trials selecting each dose (dose 1 first); "no MTD" is 100 − the sum.
  public var selectionPercent: [Double]
  /// Mean patients per dose.
  public var meanPatients: [Double]

  /// The file's name in ``FixtureDirectory/doseFinding``.
  public static let file = "simulated_oc_10000.csv"

  /// Every row, in file order.
  public static func all() throws -> [SimulatedOCReference] {
    try FixtureDirectory.doseFinding.csvRecords(file).enumerated().map { index, row in
      func field(_ key: String) throws -> String {
        guard let value = row[key] else {
          throw FixtureError(file: file, line: index + 2, message: "no column \(key)")
        }
        return value
      }
      func numbers(_ key: String) throws -> [Double] {
        try field(key).split(separator: " ").map {
          guard let value = Double($0) else {
            throw FixtureError(file: file, line: index + 2, message: "\(key): '\($0)' is not a number")
          }
          return value
        }
      }
      guard let trials = Int(try field("trials")) else {
        throw FixtureError(file: file, line: index + 2, message: "trials is not an integer")
      }
      return SimulatedOCReference(
        software: try field("software"), design: try field("design"), scenario: try field("scenario"),
        trials: trials, selectionPercent: try numbers("selection_percent"),
        meanPatients: try numbers("mean_patients"))
    }
  }

  /// The row for `design` (as spelled in the file) on `scenario`; throws when there is none.
  public static func row(design: String, scenario: String) throws -> SimulatedOCReference {
    guard let row = try all().first(where: { $0.design == design && $0.scenario == scenario }) else {
      throw FixtureError(file: file, line: 1, message: "no row for \(design) on scenario \(scenario)")
    }
    return row
  }
}
