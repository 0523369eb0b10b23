import Inputs
import TrialModel

extension LabResult: JSONReadable {
  public static let jsonFields = ["term", "value", "unit", "lln", "uln", "baseline"]

  /// `{"term": "neutrophils", "value": 0.4, "unit": "x10^9/L", "lln": 1.8, …}`; `term` and `value`
  /// are required.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    let term = try r.required("term", expected: "a lab term").enumeration(LabTerm.self)
    var unit: MeasurementUnit?
    if let field = r["unit"] {
      guard let parsed = MeasurementUnit(parsing: try field.string()) else {
        throw field.invalid(expected: term.unitHint)
      }
      unit = parsed
    }
    self.init(
      term: term, value: try r.required("value", expected: "the lab value").number(), unit: unit,
      lln: try r.number("lln"), uln: try r.number("uln"), baseline: try r.number("baseline"))
  }
}
