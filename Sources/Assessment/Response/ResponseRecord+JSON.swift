import Inputs

extension ResponseRecord: JSONReadable {
  public static let jsonFields = ["baseline", "assessments"]

  /// `{"baseline": {…}, "assessments": [{…}, …]}`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      baseline: try r.read("baseline", DiseaseBaseline.self),
      assessments: try r.required("assessments", expected: "an array of disease assessments").read(
        [DiseaseAssessment].self))
  }
}

extension DiseaseBaseline: JSONReadable {
  public static let jsonFields = ["marrowBlastsPercent", "extramedullaryDisease"]

  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      marrowBlastsPercent: try r.number("marrowBlastsPercent"),
      extramedullaryDisease: try r.bool("extramedullaryDisease"))
  }
}

extension DiseaseAssessment: JSONReadable {
  public static let jsonFields = [
    "day", "date", "marrowBlastsPercent", "circulatingBlasts", "extramedullaryDisease", "anc", "platelets",
    "transfusionIndependent", "mrd",
  ]

  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      day: try r.number("day"), date: try r.string("date"),
      marrowBlastsPercent: try r.number("marrowBlastsPercent"),
      circulatingBlasts: try r.bool("circulatingBlasts"),
      extramedullaryDisease: try r.bool("extramedullaryDisease"),
      anc: try r.read("anc", MeasuredValue.self), platelets: try r.read("platelets", MeasuredValue.self),
      transfusionIndependent: try r.bool("transfusionIndependent"), mrd: try r.read("mrd", MRDResult.self))
  }
}

extension MRDResult: JSONReadable {
  public static let jsonFields = ["value", "sensitivity", "unit", "method"]

  /// `{"value": 0, "sensitivity": 1e-5, "unit": "fraction", "method": "flow"}`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      value: try r.required("value", expected: "the MRD level").number(),
      sensitivity: try r.number("sensitivity"), unit: try r.string("unit"), method: try r.string("method"))
  }
}
