import Inputs
import TrialModel

/// The subjects a report covers, and the dose levels its tables show them by.
///
/// With a group, every table (levels and totals, ORR, time-to-event, follow-up, kinetics) covers
/// that group's subjects only; without one, every group. With a protocol, each subject's group must
/// be one of the protocol's (a subject without one belongs to the protocol's only group) and its
/// dose level one of its group's, so that the level rows always add up to the "All" row.
public struct ReportScope: Sendable, Hashable {
  /// One row of the level tables: a (group, dose level) with its label.
  public struct Level: Sendable, Hashable {
    /// The group, when the data or the protocol has groups.
    public let group: String?
    /// The dose level; `nil` for the subjects whose level is not recorded.
    public let level: Int?
    /// "L1: 3.0e8 cells", "A L2", "Level not recorded".
    public let label: String
  }

  /// The selected group's id as the protocol spells it (or as given, without a protocol).
  public let group: String?
  /// The protocol groups covered: the selected one, or all (empty without a protocol).
  public let groups: [PopulationGroup]
  /// The covered subjects, in file order.
  public let subjects: [SubjectRecord]
  /// The level rows, in the protocol's order (groups, then levels), that have subjects.
  public let levels: [Level]
  /// Every dose level of the covered groups, with or without subjects (the protocol's levels;
  /// without a protocol, the recorded ones): the axis of an escalation chart.
  public let doseLevels: [Level]

  /// Selects the subjects of `group` (all when `nil`).
  /// - Throws: ``InputError`` for a group that neither the protocol nor the data has (field
  ///   `group`, listing the allowed groups), a subject in a group the protocol does not have, a
  ///   subject without a group when the protocol has several, or a dose level its group lacks.
  public init(subjects: [SubjectRecord], trial: TrialProtocol?, group: String?) throws(InputError) {
    let recorded = Self.distinct(subjects.compactMap(\.group))
    let allowed = trial.map { $0.groups.map(\.id) } ?? recorded
    var selected: String?
    if let group {
      guard let match = allowed.first(where: { $0.lowercased() == group.lowercased() }) else {
        var error = InputError.notOneOf(
          "group", allowed: allowed, found: "\"\(group)\"")
        error.kind = .notFound
        if allowed.isEmpty { error.expected = "a group recorded in the subjects' group column (none is)" }
        throw error
      }
      selected = match
    }
    var covered = subjects
    if let trial {
      covered = try subjects.map { (subject) throws(InputError) in try Self.placed(subject, in: trial) }
    }
    if let selected { covered = covered.filter { $0.group?.lowercased() == selected.lowercased() } }
    self.group = selected
    self.groups = trial.map { trial in trial.groups.filter { selected == nil || $0.id == selected } } ?? []
    self.subjects = covered
    let all = Self.levels(covered, groups: groups)
    self.doseLevels = all.filter { $0.level != nil }
    self.levels = all.filter { level in
      covered.contains { $0.group == level.group && $0.doseLevel == level.level }
    }
  }

  /// The subjects of one level row.
  public func subjects(at level: Level) -> [SubjectRecord] {
    subjects.filter { $0.group == level.group && $0.doseLevel == level.level }
  }

  /// `subject` with its group spelt as in `trial`, checked against the protocol's groups and levels.
  private static func placed(_ subject: SubjectRecord, in trial: TrialProtocol) throws(InputError)
    -> SubjectRecord
  {
    var subject = subject
    let ids = trial.groups.map(\.id)
    let group: PopulationGroup
    if let id = subject.group {
      guard let match = trial.groups.first(where: { $0.id.lowercased() == id.lowercased() }) else {
        throw InputError.notOneOf("group", allowed: ids, found: "\"\(id)\" for subject \(subject.subject)")
          .located(at: subject.location)
      }
      group = match
    } else {
      guard trial.groups.count == 1 else {
        throw InputError(
          .missing, field: "group",
          expected:
            "the group of subject \(subject.subject) (\(trial.id) has groups \(ids.joined(separator: ", ")))",
          found: "nothing", location: subject.location)
      }
      group = trial.groups[0]
    }
    subject.group = group.id
    if let level = subject.doseLevel, group.doseLevel(level) == nil {
      throw InputError.notOneOf(
        "dose_level", allowed: group.orderedLevels.map(String.init),
        found: "\(level) for subject \(subject.subject) in group \(group.id)"
      ).located(at: subject.location)
    }
    return subject
  }

  private static func levels(_ subjects: [SubjectRecord], groups: [PopulationGroup]) -> [Level] {
    let grouped = Set(subjects.map(\.group)).count > 1 || groups.count > 1
    func label(_ group: String?, _ level: Int?, dose: Quantity?) -> String {
      guard let level else { return (grouped ? "\(group ?? "no group") " : "") + "Level not recorded" }
      let name = (grouped ? "\(group ?? "no group") " : "") + "L\(level)"
      return dose.map { "\(name): \($0)" } ?? name
    }
    var keys: [(group: String?, level: Int?, dose: Quantity?)] = []
    if groups.isEmpty {
      let pairs = Set(subjects.map { Pair(group: $0.group, level: $0.doseLevel) })
      keys = pairs.sorted().map { ($0.group, $0.level, nil) }
    } else {
      for group in groups {
        keys += group.doseLevels.map { (group.id, $0.level, $0.dose) }
        keys.append((group.id, nil, nil))  // kept only when a subject has no recorded level
      }
    }
    return keys.map { key in
      Level(group: key.group, level: key.level, label: label(key.group, key.level, dose: key.dose))
    }
  }

  /// A (group, level) key ordered by group, then level (unrecorded last).
  private struct Pair: Hashable, Comparable {
    let group: String?
    let level: Int?
    static func < (a: Pair, b: Pair) -> Bool {
      if a.group != b.group { return (a.group ?? "\u{10FFFF}") < (b.group ?? "\u{10FFFF}") }
      return (a.level ?? .max) < (b.level ?? .max)
    }
  }

  private static func distinct(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0.lowercased()).inserted }
  }
}
