import Foundation
import Registry

/// The registry's answers as terminal text.
enum RegistryText {
  static func results(_ r: SearchResults, words: String) -> String {
    let pages = max(1, (r.total + r.pageSize - 1) / r.pageSize)
    var lines = [
      "\(r.total) trial\(r.total == 1 ? "" : "s") match\(r.total == 1 ? "es" : "")"
        + (words.isEmpty ? "" : " \"\(words)\"") + " (page \(r.page) of \(pages))"
    ]
    for (i, hit) in r.hits.enumerated() {
      let l = hit.listing
      let score = hit.score > 0 ? String(format: "  score %.2f", hit.score) : ""
      lines.append(
        "\((r.page - 1) * r.pageSize + i + 1). \(l.nctId)  \(l.status)  \(l.phases.joined(separator: "/"))\(score)"
      )
      lines.append("   \(l.title)")
      for m in hit.matches { lines.append("   \(m.field.rawValue): \(marked(m))") }
      if let site = hit.nearestSite, let km = hit.distanceKm {
        lines.append("   nearest site: \(site.place) — \(String(format: "%.1f", km)) km")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The passage with its marked words in brackets.
  static func marked(_ m: SearchHit.FieldMatch) -> String {
    var chars = Array(m.passage)
    for mark in m.marks.sorted(by: { $0.lowerBound > $1.lowerBound }) {
      chars.insert("]", at: mark.upperBound)
      chars.insert("[", at: mark.lowerBound)
    }
    return String(chars)
  }

  static func related(_ matches: [RelatedTrials.Match], to nctId: String) -> String {
    var lines = ["Trials most like \(nctId):"]
    if matches.isEmpty { lines.append("  none share a feature") }
    for (i, m) in matches.enumerated() {
      lines.append(
        "\(i + 1). \(m.listing.nctId)  similarity \(String(format: "%.3f", m.similarity))  \(m.listing.title)"
      )
      for feature in RelatedTrials.Feature.allCases {
        if let values = m.shared[feature] {
          lines.append("   \(feature.rawValue): \(values.joined(separator: ", "))")
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  static func fit(_ r: TrialFit.Ranking) -> String {
    var lines = [
      "Trials you may fit (\(r.mayFit.count) listed): the study team decides; this is not a verdict."
    ]
    if r.mayFit.isEmpty { lines.append("  none of the trials found") }
    for (i, m) in r.mayFit.enumerated() {
      let km = m.distanceKm.map { String(format: "  %.0f km", $0) } ?? ""
      lines.append("\(i + 1). \(m.nctId)  \(m.status)\(km)  \(m.title)")
      lines.append(
        "   \(m.likelyMet) of \(m.criteria) criteria likely met, \(m.mustCheck) for the study team to check")
    }
    lines.append("Likely not eligible: \(r.likelyNot.count) trial\(r.likelyNot.count == 1 ? "" : "s")")
    for m in r.likelyNot.prefix(10) {
      lines.append("   \(m.nctId): \(m.reasons.joined(separator: "; "))")
    }
    if r.likelyNot.count > 10 { lines.append("   … and \(r.likelyNot.count - 10) more") }
    return lines.joined(separator: "\n")
  }
}
