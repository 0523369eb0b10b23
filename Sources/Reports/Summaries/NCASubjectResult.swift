import Analysis

/// One subject's NCA as `cartrial nca` answers it (PKNCA's names); every key is always present
/// (null when not computable).
public struct NCASubjectResult: Encodable, Sendable {
  public var subject: String
  public var result: NCAResult

  public init(subject: String, result: NCAResult) {
    self.subject = subject
    self.result = result
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case subject, cmax, tmax, auclast, aucInterval, lambdaZ, halfLife, lambdaZPoints, aucinfObs, aucinfPred
    case tlast, clast, lambdaZTimes, lambdaZFirst, lambdaZLast
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(subject, forKey: .subject)
    try c.encode(result.cmax, forKey: .cmax)
    try c.encode(result.tmax, forKey: .tmax)
    try c.encode(result.auclast, forKey: .auclast)
    try c.encode(result.aucInterval, forKey: .aucInterval)
    try c.encode(result.lambdaZ, forKey: .lambdaZ)
    try c.encode(result.halfLife, forKey: .halfLife)
    // PKNCA's lambda.z.n.points is a count; the times themselves go under lambdaZTimes.
    let times = result.terminalPhase?.pointTimes
    try c.encode(times?.count, forKey: .lambdaZPoints)
    try c.encode(times, forKey: .lambdaZTimes)
    try c.encode(times?.first, forKey: .lambdaZFirst)
    try c.encode(times?.last, forKey: .lambdaZLast)
    try c.encode(result.aucinfObserved, forKey: .aucinfObs)
    try c.encode(result.aucinfPredicted, forKey: .aucinfPred)
    try c.encode(result.tlast, forKey: .tlast)
    try c.encode(result.clast, forKey: .clast)
  }

  /// The columns of the CSV output: every JSON key but the list `lambdaZTimes`, in order.
  public static let csvKeys = CodingKeys.allCases.filter { $0 != .lambdaZTimes }.map(\.stringValue)

  /// The CSV fields, one per ``csvKeys`` entry; empty for none.
  public var csvFields: [String] {
    let r = result
    let times = r.terminalPhase?.pointTimes
    let values: [Double?] = [
      r.cmax, r.tmax, r.auclast, r.aucInterval, r.lambdaZ, r.halfLife, nil, r.aucinfObserved,
      r.aucinfPredicted, r.tlast, r.clast, times?.first, times?.last,
    ]
    var fields = [subject] + values.map { $0.map { String($0) } ?? "" }
    // lambdaZPoints is a count.
    fields[7] = times.map { String($0.count) } ?? ""
    return fields
  }
}
