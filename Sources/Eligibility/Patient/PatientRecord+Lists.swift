extension PatientRecord {
  /// Reads `labs`, `performance`, `antigens`, `viralTests`, `history` and `attestations`.
  mutating func readLists(_ root: inout JSONObjectReader, screening: CivilDate) throws(RecordError) {
    if var labs = try root.object("labs") {
      for test in LabTest.allCases {
        if var lab = try labs.object(test.rawValue) { try readLab(test, &lab, screening: screening) }
      }
      try labs.finish()
    }
    for (i, item) in (try root.array("performance") ?? []).enumerated() {
      var r = try JSONObjectReader(item, path: "performance[\(i)]")
      try readPerformance(&r, screening: screening)
    }
    for (i, item) in (try root.array("antigens") ?? []).enumerated() {
      var r = try JSONObjectReader(item, path: "antigens[\(i)]")
      guard let antigen = try r.string("antigen") else {
        throw RecordError(path: r.childPath("antigen"), message: "required (CD19 or CD20)")
      }
      guard ["CD19", "CD20", "CD22"].contains(antigen.uppercased()) else {
        throw RecordError(
          path: r.childPath("antigen"), message: "expected CD19, CD20 or CD22, found '\(antigen)'")
      }
      antigens.append(
        AntigenResult(
          antigen: antigen.uppercased(), positive: try Self.result(&r),
          date: try r.date("date", notAfter: screening),
          method: try r.string("method")))
      _ = try r.string("specimen")
      try r.finish()
    }
    for (i, item) in (try root.array("viralTests") ?? []).enumerated() {
      var r = try JSONObjectReader(item, path: "viralTests[\(i)]")
      let name = try r.string("test") ?? ""
      guard
        let fact = BooleanFact.viralTestsBySpelling[name.lowercased()]
      else {
        let known = BooleanFact.viralTests.values.sorted().joined(separator: ", ")
        throw RecordError(path: r.childPath("test"), message: "expected one of \(known), found '\(name)'")
      }
      self[fact] = try Self.result(&r)
      _ = try r.date("date", notAfter: screening)
      try r.finish()
    }
    if var history = try root.object("history") {
      historyComplete = try history.bool("complete") ?? false
      for (i, item) in (try history.array("events") ?? []).enumerated() {
        var r = try JSONObjectReader(item, path: "history.events[\(i)]")
        self.history.append(try Self.event(&r, screening: screening))
      }
      try history.finish()
    }
    for (i, item) in (try root.array("attestations") ?? []).enumerated() {
      var r = try JSONObjectReader(item, path: "attestations[\(i)]")
      guard let trial = try r.string("protocol"), let criterion = try r.string("criterion") else {
        throw RecordError(path: r.path, message: "protocol and criterion are required")
      }
      let verdict = try r.string("verdict")
      guard verdict == "met" || verdict == "notMet" else {
        throw RecordError(
          path: r.childPath("verdict"), message: "expected met or notMet, found '\(verdict ?? "nothing")'")
      }
      attestations.append(
        Attestation(
          protocolID: trial, criterionID: criterion, met: verdict == "met", by: try r.string("by"),
          date: try r.date("date", notAfter: screening)))
      try r.finish()
    }
  }

  private mutating func readLab(_ test: LabTest, _ r: inout JSONObjectReader, screening: CivilDate)
    throws(RecordError)
  {
    let range = -1e-300...Double.greatestFiniteMagnitude
    guard let value = try r.number("value", in: 0...Double.greatestFiniteMagnitude) else {
      throw RecordError(path: r.childPath("value"), message: "required")
    }
    let unit = try r.string("unit") ?? ""
    let uln = try r.number("uln", in: range)
    let lln = try r.number("lln", in: 0...Double.greatestFiniteMagnitude)
    if let uln, uln <= 0 {
      throw RecordError(path: r.childPath("uln"), message: "impossible value \(uln); expected > 0")
    }
    let date = try r.date("date", notAfter: screening)
    do {
      try setLab(test, value: value, unit: unit, uln: uln, lln: lln, date: date)
    } catch {
      throw RecordError(path: r.childPath("unit"), message: error.message)
    }
    if case .measurement(.percent) = test.canonicalUnit, self[test]!.value > 100 {
      throw RecordError(path: r.childPath("value"), message: "impossible value \(value) %; expected 0…100")
    }
    try r.finish()
  }

  private mutating func readPerformance(_ r: inout JSONObjectReader, screening: CivilDate) throws(RecordError)
  {
    let scale = try r.string("scale") ?? ""
    let (fact, range, step): (NumericFact, ClosedRange<Double>, Double) =
      switch scale.lowercased() {
      case "ecog": (.ecog, 0...5, 1)
      case "karnofsky", "kps": (.karnofsky, 0...100, 10)
      case "lansky": (.lansky, 0...100, 10)
      default:
        throw RecordError(
          path: r.childPath("scale"), message: "expected ECOG, Karnofsky or Lansky, found '\(scale)'")
      }
    guard let score = try r.number("score", in: range) else {
      throw RecordError(path: r.childPath("score"), message: "required")
    }
    guard (score / step).rounded() == score / step else {
      throw RecordError(
        path: r.childPath("score"),
        message: "impossible \(scale) score \(score); expected a multiple of \(Int(step))")
    }
    _ = try r.date("date", notAfter: screening)
    self[fact] = score
    try r.finish()
  }

  static func result(_ r: inout JSONObjectReader) throws(RecordError) -> Bool {
    let text = try r.string("result") ?? ""
    switch text.lowercased() {
    case "positive", "detected": return true
    case "negative", "not detected", "undetectable", "below detection limit": return false
    default:
      throw RecordError(
        path: r.childPath("result"), message: "expected positive or negative, found '\(text)'")
    }
  }

  static func event(_ r: inout JSONObjectReader, screening: CivilDate) throws(RecordError) -> HistoryEvent {
    var classes = EventClassSet()
    var names: [String] = []
    if let single = r.value("class") {
      switch single {
      case .string(let s): names = [s]
      case .array(let items):
        for case .string(let s) in items { names.append(s) }
      default: break
      }
    }
    guard !names.isEmpty else {
      throw RecordError(
        path: r.childPath("class"), message: "required: an event class name or a list of them")
    }
    for name in names {
      guard let c = EventClass.allCases.first(where: { $0.name == name }) else {
        throw RecordError(
          path: r.childPath("class"),
          message:
            "unknown event class '\(name)'; expected one of: \(EventClass.allCases.map(\.name).joined(separator: ", "))"
        )
      }
      classes.insert(c)
    }
    guard let date = try r.date("date", notAfter: screening) else {
      throw RecordError(path: r.childPath("date"), message: "required")
    }
    let event = HistoryEvent(
      classes: classes, date: date, dose: try r.number("prednisoneEquivalentMgPerDay", in: 0...100_000),
      grade: try r.number("grade", in: 0...5), note: try r.string("note"))
    _ = try r.string("site")
    _ = try r.string("agent")
    try r.finish()
    return event
  }
}
