import TrialModel

/// Maps a registry outcome to the protocol's endpoint measure and window.
enum EndpointReading {
  /// The measure an outcome's words name, first match wins (the order puts specific names before
  /// general ones: "duration of response" before "response"), or `nil`.
  static func measure(_ outcome: RegistryOutcome) -> EndpointMeasure? {
    let text = (outcome.measure + " " + (outcome.description ?? "")).lowercased()
    let rules: [(String, EndpointMeasure)] = [
      (#"dose[- ]limiting|\bdlts?\b|maximum tolerated dose|\bmtd\b"#, .dlt),
      (#"duration of (?:response|remission)|\bdor\b"#, .dor),
      (#"progression[- ]free|\bpfs\b"#, .pfs),
      (#"event[- ]free|\befs\b"#, .efs),
      (#"relapse[- ]free|leuka?emia[- ]free|\brfs\b"#, .rfs),
      (#"overall survival|\bos\b"#, .os),
      (#"minimal residual|measurable residual|\bmrd\b"#, .mrdNegativity),
      (#"overall (?:response|remission)|objective response|\borr\b"#, .orr),
      (#"complete (?:response|remission)|\bcr\b"#, .cr),
      (#"pharmacokinetic|kinetics|expansion|persistence|\bcmax\b|\bauc\b|\bpk\b"#, .kinetics),
      (#"pharmacodynamic|\bpd\b|cytokine"#, .pharmacodynamics),
      (#"adverse event|safety|toxicit|side effect|\bcrs\b|icans|\baes?\b"#, .adverseEvents),
    ]
    return rules.first { text.range(of: $0.0, options: .regularExpression) != nil }?.1
  }

  /// The window in days of a time frame that names one duration ("28 days", "Day 28",
  /// "3 months after infusion": months of 30 days, weeks of 7, years of 365); with several, the
  /// longest and the reason; `nil` with none.
  static let unitDays: [String: Double] = ["day": 1, "week": 7, "month": 30, "year": 365]

  static func window(_ timeFrame: String?) -> (days: Int, assumption: String?)? {
    guard let timeFrame else { return nil }
    let text = timeFrame.lowercased()
    var days: [Int] = []
    for m in text.matches(of: /(\d+(?:\.\d+)?)\s*-?\s*(day|week|month|year)s?/) {
      guard let n = Double(m.output.1) else { continue }
      let factor = unitDays[String(m.output.2)] ?? 1
      days.append(Int((n * factor).rounded()))
    }
    for m in text.matches(of: /(day|week|month|year)\s*(\d+)/) {
      guard let n = Double(m.output.2) else { continue }
      let factor = unitDays[String(m.output.1)] ?? 1
      days.append(Int((n * factor).rounded()))
    }
    let positive = Set(days.filter { $0 > 0 })
    guard let longest = positive.max() else { return nil }
    if positive.count == 1 { return (longest, nil) }
    return (longest, "time frame \"\(timeFrame)\" names several durations; the longest is taken")
  }
}
