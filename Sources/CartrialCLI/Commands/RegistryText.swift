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
}
