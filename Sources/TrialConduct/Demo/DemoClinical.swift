/// The clinical entries the demo records, as the JSON the conduct commands take (the shapes of a
/// subject record's `assessments` and of a response record's `assessments`).
enum DemoClinical {
  /// A simulated dose-limiting toxicity.
  enum Toxicity: String {
    /// ASTCT 2019 grade 4 CRS: hypotension needing more than one vasopressor and hypoxia needing
    /// positive pressure (BiPAP) (Lee et al., Biol Blood Marrow Transplant 2019;25:625–638).
    case crsGrade4
    /// ASTCT 2019 grade 4 ICANS: unarousable, ICE not possible (Lee et al. 2019).
    case icansGrade4
  }

  /// How a subject's CRS runs when it is not dose-limiting.
  enum CRSCourse: Int {
    case none, fever, grade2
  }

  static func crs(
    day: Int, temperature: Double, hypotension: Bool = false, vasopressors: Int = 0,
    oxygen: String? = nil, flow: Double? = nil
  ) -> String {
    var crs: [(String, DemoJSON)] = [("temperatureCelsius", .rounded(temperature, 1))]
    if hypotension { crs += [("hypotension", .bool(true)), ("vasopressors", .number(Double(vasopressors)))] }
    if let oxygen { crs.append(("oxygenDevice", .string(oxygen))) }
    if let flow { crs.append(("oxygenFlowLitresPerMinute", .number(flow))) }
    return DemoJSON.object([("day", .number(Double(day))), ("crs", .object(crs))]).text
  }

  /// An ICANS assessment: ICE score (`nil`: unable to perform) and level of consciousness.
  static func icans(day: Int, ageYears: Double, ice: Int?, consciousness: String) -> String {
    let score: DemoJSON =
      ice.map { .object([("total", .number(Double($0)))]) }
      ?? .object([("unableToPerform", .bool(true))])
    return DemoJSON.object([
      ("day", .number(Double(day))),
      (
        "icans",
        .object([
          ("ageYears", .rounded(ageYears, 1)), ("ice", score), ("consciousness", .string(consciousness)),
        ])
      ),
    ]).text
  }

  /// A blood count in 10⁹/L with its lower limit of normal.
  static func lab(day: Int, term: String, value: Double, lln: Double) -> String {
    DemoJSON.object([
      ("day", .number(Double(day))),
      (
        "lab",
        .object([
          ("term", .string(term)), ("value", .rounded(value, 2)), ("unit", .string("x10^9/L")),
          ("lln", .number(lln)),
        ])
      ),
    ]).text
  }

  /// The response a subject's day-28 marrow shows.
  enum Response: String {
    case mrdNegativeCR, cr, cri, noResponse
  }

  /// A marrow assessment (blasts, counts, transfusion independence, MRD by flow at 10⁻⁵).
  static func marrow(day: Int, response: Response) -> String {
    func count(_ value: Double) -> DemoJSON {
      .object([("value", .number(value)), ("unit", .string("x10^9/L"))])
    }
    var members: [(String, DemoJSON)] = [("day", .number(Double(day)))]
    switch response {
    case .mrdNegativeCR, .cr:
      members += [
        ("marrowBlastsPercent", .number(response == .cr ? 2 : 0.5)), ("circulatingBlasts", .bool(false)),
        ("extramedullaryDisease", .bool(false)), ("anc", count(1.6)), ("platelets", count(120)),
        ("transfusionIndependent", .bool(true)),
        (
          "mrd",
          .object([
            ("value", .number(response == .cr ? 0.003 : 0)), ("sensitivity", .number(1e-5)),
            ("unit", .string("fraction")), ("method", .string("flow")),
          ])
        ),
      ]
    case .cri:
      members += [
        ("marrowBlastsPercent", .number(2)), ("circulatingBlasts", .bool(false)),
        ("extramedullaryDisease", .bool(false)), ("anc", count(0.6)), ("platelets", count(40)),
        ("transfusionIndependent", .bool(false)),
      ]
    case .noResponse:
      members += [
        ("marrowBlastsPercent", .number(48)), ("circulatingBlasts", .bool(true)),
        ("extramedullaryDisease", .bool(false)), ("anc", count(0.4)), ("platelets", count(22)),
        ("transfusionIndependent", .bool(false)),
      ]
    }
    return DemoJSON.object(members).text
  }
}
