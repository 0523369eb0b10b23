import Assessment

/// One adverse event as AE records it (SDTMIG 3.4 §6.2.1: one record per event, not per
/// assessment): the graded assessments of one term, from the first graded ≥ 1 to the last before
/// an assessment of the same term graded 0, with the worst grade between.
///
/// The event starts on the day of its first assessment graded ≥ 1 and ends on the day of its last
/// one when a later assessment of the term is graded 0 (resolved); without one it is ongoing (no
/// end date). Two episodes of a term are two events. Related when any of its assessments was
/// attributed to the product; not related only when every attributed one says so.
public struct AdverseEventEpisode: Sendable, Hashable {
  public var kind: EventKind
  public var term: String
  /// Days after infusion.
  public var start: Double
  public var lastGraded: Double
  public var resolved: Bool
  public var worstGrade: Int
  public var related: Bool?

  /// The episodes of `events` (any order), by start day, then kind and term.
  public static func episodes(_ events: [GradedEvent]) -> [AdverseEventEpisode] {
    var open: [String: AdverseEventEpisode] = [:]
    var done: [AdverseEventEpisode] = []
    for e in events.sorted(by: { $0.day < $1.day }) {
      let key = "\(e.kind.rawValue)|\(e.term)"
      if e.grade >= 1 {
        if var episode = open[key] {
          episode.lastGraded = e.day
          episode.worstGrade = max(episode.worstGrade, e.grade)
          episode.related = combine(episode.related, e.related)
          open[key] = episode
        } else {
          open[key] = AdverseEventEpisode(
            kind: e.kind, term: e.term, start: e.day, lastGraded: e.day, resolved: false, worstGrade: e.grade,
            related: e.related)
        }
      } else if var episode = open.removeValue(forKey: key) {
        episode.resolved = true
        done.append(episode)
      }
    }
    done += open.values
    return done.sorted {
      ($0.start, $0.kind.rawValue, $0.term) < ($1.start, $1.kind.rawValue, $1.term)
    }
  }

  static func combine(_ a: Bool?, _ b: Bool?) -> Bool? {
    switch (a, b) {
    case (true?, _), (_, true?): true
    case (nil, nil): nil
    default: false
    }
  }
}
