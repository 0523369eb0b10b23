import Inputs
import TrialModel
import Trials

/// `GET /api/v1/protocols/{protocol}`: a bundled protocol's groups, each with its dose levels and
/// its design as the application layer resolves it (the header every design answer carries, the
/// settings in force and the notes the CLI prints under its answers).
struct ProtocolDesigns: Encodable {
  struct Level: Encodable {
    var level: Int
    var dose: String
    var maximumTotal: String?
  }

  struct Group: Encodable {
    var id: String
    var label: String
    var levels: [Level]
    var startingLevel: Int
    var opensWhen: OpeningRule?
    /// `design`, `variant`, `source`, `levels`, `assumptions`, `overrides`, `defaults`.
    var design: DesignHeader
    var target: Double
    var cohortSize: Int
    var maxSampleSize: Int?
    /// The notes as the CLI prints them (`design of … group A (…)`, `assumed target 0.3: …`).
    var notes: [String]
  }

  var id: String
  var title: String
  var groups: [Group]

  init(_ trial: TrialProtocol) throws(InputError) {
    id = trial.id
    title = trial.title
    groups = []
    for group in trial.groups {
      let design = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: group.id)
      groups.append(
        Group(
          id: group.id, label: group.label,
          levels: group.doseLevels.map {
            Level(level: $0.level, dose: "\($0.dose)", maximumTotal: $0.maximumTotal.map { "\($0)" })
          },
          startingLevel: design.label(design.setup.startDose), opensWhen: group.opensWhen,
          design: DesignHeader(design), target: design.setup.target, cohortSize: design.setup.cohortSize,
          maxSampleSize: design.setup.maxSampleSize, notes: design.textNotes))
    }
  }
}
