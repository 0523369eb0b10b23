/// One SDTM domain as a table: the variables in order and one row per record (SDTMIG 3.4 §2.2:
/// one record per observation, variables in the domain's specification order).
public struct SDTMDataset: Sendable, Hashable {
  /// The domain code (`DM`, `EX`, `AE`).
  public var domain: String
  public var variables: [String]
  public var rows: [[String]]

  public init(domain: String, variables: [String], rows: [[String]]) {
    self.domain = domain
    self.variables = variables
    self.rows = rows
  }

  /// The values of `variable` down the rows (empty when the domain has no such variable).
  public func column(_ variable: String) -> [String] {
    guard let i = variables.firstIndex(of: variable) else { return [] }
    return rows.map { $0[i] }
  }

  /// CSV (RFC 4180): a header of the variable names, a field quoted when it holds a comma, a quote
  /// or a line break, lines ended by CRLF.
  public var csv: String {
    func field(_ s: String) -> String {
      guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return ([variables] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }
}
