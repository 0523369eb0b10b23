import DoseFinding
import Foundation
import Hummingbird
import Inputs
import ProtocolFiles
import TrialModel
import Trials

/// Reading what the design routes take: the bundled protocol named in the path, the design
/// overrides the CLI offers (`--target`, `--cohort-size`, `--max-n`, `--cohorts`, `--start`, and
/// the design's own parameters, `--set`, `--ei`, `--skeleton`, `--phi1`… as `parameters`) from a
/// JSON body or a query string, counts by level and a scenario. Every design is then resolved by
/// the application layer (``Trials/TrialDesign/resolve(_:protocol:group:registry:doseCount:)``),
/// as the CLI resolves it.
enum DesignInputs {
  /// The override fields, named as ``Trials/DesignRequest`` and its errors name them.
  static let overrideFields = [
    "target", "cohortSize", "maxSampleSize", "cohorts", "startLevel", "parameters",
  ]

  /// The bundled protocols, read once.
  static let bundled: Result<[TrialProtocol], InputErrors> = Result { () throws(InputErrors) in
    try ProtocolLibrary.bundled()
  }

  /// The bundled protocol `id` (case-insensitive); only bundled ids, never a path.
  static func bundledProtocol(_ id: String) throws -> TrialProtocol {
    let all = try bundled.get()
    guard let trial = all.first(where: { $0.id.lowercased() == id.lowercased() }) else {
      throw InputError(
        .notFound, field: "protocol",
        expected: "a bundled protocol: one of " + all.map(\.id).joined(separator: ", "), found: id)
    }
    return trial
  }

  /// The overrides given in `fields`.
  static func request(_ fields: any CommandFields) throws(InputError) -> DesignRequest {
    DesignRequest(
      target: try fields.number("target"), cohortSize: try fields.int("cohortSize"),
      maxSampleSize: try fields.int("maxSampleSize"), cohorts: try fields.int("cohorts"),
      startLevel: try fields.int("startLevel"), parameters: try parameters(fields))
  }

  /// `parameters`: the design's own parameters by name (`{"phi1": 0.18, "skeleton": [0.1, 0.2],
  /// "variant": "korn", "restrict": false}`), as the CLI's `--set NAME=VALUE`; in a query string,
  /// that object as JSON text.
  static func parameters(_ fields: any CommandFields) throws(InputError) -> [String: SettingValue] {
    guard let text = try fields.json("parameters") else { return [:] }
    let expected = "an object of design parameters, each a number, a list of numbers, a word or true/false"
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw InputError(.invalidValue, field: "parameters", expected: expected, found: String(text.prefix(80)))
    }
    var parameters: [String: SettingValue] = [:]
    for name in object.keys.sorted() {
      if overrideFields.contains(name) || name == "design" || name == "doses" {
        throw InputError(
          .invalidValue, field: "parameters.\(name)",
          expected: "a design parameter (\(name) is a field of its own)", found: name)
      }
      let value =
        (try? JSONSerialization.data(withJSONObject: object[name]!, options: [.fragmentsAllowed])) ?? Data()
      guard let setting = try? JSONDecoder().decode(SettingValue.self, from: value) else {
        throw InputError(
          .invalidValue, field: "parameters.\(name)",
          expected: "a number, a list of numbers, a word or true/false",
          found: String(decoding: value, as: UTF8.self))
      }
      parameters[name] = setting
    }
    return parameters
  }

  /// The query string's fields; a name other than `allowed` is refused, as in a body.
  static func query(_ request: Hummingbird.Request, allowed: [String]) throws(InputError) -> FormCommandFields
  {
    let pairs = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
    return try FormCommandFields(FormFields(pairs: pairs), fields: allowed)
  }

  /// The design of `trial`'s group `group` with the overrides in `fields`.
  static func design(_ trial: TrialProtocol, group: String, fields: any CommandFields) throws -> TrialDesign {
    let request = try request(fields)
    do { return try TrialDesign.resolve(request, protocol: trial, group: group) } catch {
      throw placed(error, parameters: request.parameters)
    }
  }

  /// A design parameter at fault named where the request gave it (`parameters.phi1`).
  static func placed(_ error: InputError, parameters: [String: SettingValue]) -> InputError {
    let root = String(error.field.prefix { $0 != "." && $0 != "[" })
    guard parameters[root] != nil else { return error }
    return error.nested(under: "parameters")
  }

  /// `counts` (`[{level, patients, dlts}]`, each level at most once) as counts per dose, lowest
  /// level first, levels not given untreated.
  static func counts(_ object: JSONObjectReader, design: TrialDesign) throws(InputError) -> [DoseCounts] {
    var counts = Array(repeating: DoseCounts(), count: design.levels.count)
    var seen = Set<Int>()
    let elements = try object.elements("counts") ?? []
    for (i, element) in elements.enumerated() {
      let entry = try element.object(fields: ["level", "patients", "dlts"])
      let level = try entry.required("level", expected: "a dose level").int()
      let index = try design.index(ofLevel: level, field: "counts[\(i)].level")
      guard seen.insert(level).inserted else {
        throw InputError(
          .conflict, field: "counts[\(i)].level", expected: "each level at most once", found: "\(level) again"
        )
      }
      counts[index] = DoseCounts(
        patients: try entry.required("patients", expected: "the patients treated at the level").int(),
        dlts: try entry.required("dlts", expected: "the patients with a DLT at the level").int())
    }
    return counts
  }

  /// `lastCohort` (`{patients, dlts}`), if given.
  static func lastCohort(_ object: JSONObjectReader) throws(InputError) -> DoseCounts? {
    guard let last = try object.object("lastCohort", fields: ["patients", "dlts"]) else { return nil }
    return DoseCounts(
      patients: try last.required("patients", expected: "the last cohort's patients").int(),
      dlts: try last.required("dlts", expected: "the last cohort's DLTs").int())
  }
}
