import TrialModel

extension ProtocolDraft {
  /// The arms drafted as groups: the experimental arms (or those without a type), else every arm.
  static func draftedArms(_ record: RegistryRecord) -> [RegistryArmGroup] {
    let experimental = record.armGroups.filter { $0.type == nil || $0.type == .experimental }
    return experimental.isEmpty ? record.armGroups : experimental
  }

  /// The text in which an arm's doses are written: its label, its description and the
  /// descriptions of the interventions linked to it (by `interventionNames` "Type: name" or by the
  /// intervention's `armGroupLabels`), one per line.
  static func doseText(of arm: RegistryArmGroup, in record: RegistryRecord) -> String {
    let linked = record.interventions.filter { intervention in
      intervention.armGroupLabels.contains(arm.label)
        || arm.interventionNames.contains {
          $0.hasSuffix(": " + intervention.name) || $0 == intervention.name
        }
    }
    return ([arm.label, arm.description ?? ""] + linked.map { $0.description ?? "" })
      .filter { !$0.isEmpty }.joined(separator: "\n")
  }

  /// One group of the draft: an arm, or several arms that are the dose levels of one escalation.
  struct DraftGroup {
    var label: String
    var mentions: [DoseMention]
    var note: String?
  }

  /// The draft's groups. Arms given the same interventions that each state exactly one dose level
  /// ("ThisCART19A 5×10^6 cells/kg for dose level 1", "… 8×10^6 … as dose level 2") are the levels
  /// of one escalation and make one group (a level number written in an arm's label numbers its
  /// level); every other arm is a group of its own.
  static func draftGroups(_ record: RegistryRecord) -> [DraftGroup] {
    let arms = draftedArms(record)
    var groups: [DraftGroup] = []
    var used = Set<Int>()
    for (i, arm) in arms.enumerated() where !used.contains(i) {
      let mentions = DoseTextParser.mentions(in: doseText(of: arm, in: record))
      let siblings = arms.indices.filter { j in
        !used.contains(j) && !arm.interventionNames.isEmpty
          && Set(arms[j].interventionNames) == Set(arm.interventionNames)
      }
      let perArm = siblings.map { j in DoseTextParser.mentions(in: doseText(of: arms[j], in: record)) }
      if siblings.count >= 2, perArm.allSatisfy({ DoseLevelPlan($0).levels.count == 1 }) {
        used.formUnion(siblings)
        var merged: [DoseMention] = []
        for (j, armMentions) in zip(siblings, perArm) {
          let stated = arms[j].label.lowercased().firstMatch(
            of: /(?:dose\s*level|\bdl|\blevel)\s*(-?\d{1,2})/
          )
          .flatMap { Int($0.output.1) }
          merged += armMentions.map { mention in
            var m = mention
            if m.statedLevel == nil { m.statedLevel = stated }
            return m
          }
        }
        groups.append(
          DraftGroup(
            label: arm.interventionNames.map {
              $0.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? $0
            }
            .joined(separator: " + ") + " dose escalation",
            mentions: merged,
            note:
              "arms \(siblings.map { "\"" + arms[$0].label + "\"" }.joined(separator: ", ")) are the levels of one escalation"
          ))
      } else {
        used.insert(i)
        groups.append(
          DraftGroup(
            label: arm.label, mentions: mentions,
            note:
              "arm type \(arm.type?.rawValue ?? "not given"); interventions: \(arm.interventionNames.joined(separator: "; "))"
          ))
      }
    }
    return groups
  }

  static func groupsSection(_ record: RegistryRecord, _ out: inout YAMLText) {
    var groups = draftGroups(record)
    out.line("groups:")
    if groups.isEmpty {
      groups = [
        DraftGroup(
          label: record.acronym ?? record.briefTitle, mentions: [],
          note: "[assumption] registry lists no arm; one group for the whole trial")
      ]
    }
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for (i, group) in groups.enumerated() {
      let id = groups.count == 1 ? "main" : i < letters.count ? String(letters[i]) : "G\(i + 1)"
      if let note = group.note { out.comment(note, indent: 2) }
      self.group(id: id, label: group.label, mentions: group.mentions, record: record, &out)
    }
  }

  private static func group(
    id: String, label: String, mentions: [DoseMention], record: RegistryRecord, _ out: inout YAMLText
  ) {
    out.line("- id: \(YAMLText.quoted(id))", indent: 2)
    out.line("label: \(YAMLText.quoted(label))", indent: 4)
    out.line("ages:", indent: 4)
    let limits = ageLimits(record)
    if let lo = limits.minimum { out.line("minimum: \(Quantity.format(lo))", indent: 6) }
    if let hi = limits.maximum { out.line("maximum: \(Quantity.format(hi))", indent: 6) }
    if limits.minimum == nil && limits.maximum == nil { out.line("maximumInclusive: true", indent: 6) }
    let plan = DoseLevelPlan(mentions)
    var levels = plan.levels
    if levels.isEmpty {
      levels = DraftDefaults.levels.enumerated().map {
        DoseLevel(
          level: $0.offset + 1, dose: Quantity($0.element, .cellsPerKg),
          assumption: DraftDefaults.levelsAssumption)
      }
    }
    if !plan.ignored.isEmpty {
      out.comment(
        "doses also written in the other unit, not used as levels: "
          + plan.ignored.map(\.description).joined(separator: ", "), indent: 4)
    }
    out.line("doseLevels:", indent: 4)
    for level in levels {
      out.line("- level: \(level.level)", indent: 6)
      out.line("dose: \(level.dose.description)", indent: 8)
      if let cap = level.maximumTotal { out.line("maximumTotal: \(cap.description)", indent: 8) }
      if let assumption = level.assumption {
        out.line("assumption: \(YAMLText.quoted(assumption))", indent: 8)
      }
    }
    let start = levels.first { $0.level >= 1 } ?? levels[0]
    out.line("startingLevel: \(start.level)", indent: 4)
    out.line("design:", indent: 4)
    out.line("name: \(YAMLText.quoted(DraftDefaults.design))", indent: 6)
    out.line("variant: classic", indent: 6)
    out.line(
      "target: \(YAMLText.assumed(Quantity.format(DraftDefaults.target), DraftDefaults.targetAssumption))",
      indent: 6)
    out.line(
      "cohortSize: \(YAMLText.assumed(String(DraftDefaults.cohortSize), DraftDefaults.cohortAssumption))",
      indent: 6)
    let maximum = DraftDefaults.patientsPerLevel * levels.count
    out.line(
      "maxSampleSize: \(YAMLText.assumed(String(maximum), DraftDefaults.maxSampleAssumption(levels: levels.count)))",
      indent: 6)
    out.line(
      "dltWindowDays: \(YAMLText.assumed(String(DraftDefaults.dltWindowDays), DraftDefaults.dltWindowAssumption))",
      indent: 6)
  }

  /// Fludarabine and cyclophosphamide named without doses: the seed protocols' assumed regimen.
  static func lymphodepletionSection(_ record: RegistryRecord, _ out: inout YAMLText) {
    let names = record.interventions.map {
      ($0.name + " " + $0.otherNames.joined(separator: " ")).lowercased()
    }
    guard names.contains(where: { $0.contains("fludarabine") }),
      names.contains(where: { $0.contains("cyclophosphamide") })
    else { return }
    out.line("lymphodepletion:")
    out.line("agents:", indent: 2)
    for (drug, dose) in [("fludarabine", 30), ("cyclophosphamide", 300)] {
      out.line("- drug: \(drug)", indent: 4)
      out.line("dailyDose: \(dose) mg/m²", indent: 6)
      out.line("days: [-5, -4, -3]", indent: 6)
    }
    out.line("assumption: \(YAMLText.quoted(DraftDefaults.lymphodepletionAssumption))", indent: 2)
  }

  static func endpointsSection(_ record: RegistryRecord, _ out: inout YAMLText) {
    lymphodepletionSection(record, &out)
    let all =
      record.primaryOutcomes.enumerated().map { ("P\($0.offset + 1)", true, $0.element) }
      + record.secondaryOutcomes.enumerated().map { ("S\($0.offset + 1)", false, $0.element) }
      + record.otherOutcomes.enumerated().map { ("O\($0.offset + 1)", false, $0.element) }
    let mapped = all.compactMap { item in EndpointReading.measure(item.2).map { (item.0, item.1, item.2, $0) }
    }
    out.line(mapped.isEmpty ? "endpoints: []" : "endpoints:")
    for (id, primary, outcome, measure) in mapped {
      out.comment("time frame: \(outcome.timeFrame ?? "not given")", indent: 2)
      out.line("- id: \(id)", indent: 2)
      out.line("name: \(YAMLText.quoted(outcome.measure))", indent: 4)
      out.line("primary: \(primary)", indent: 4)
      out.line("measure: \(measure.rawValue)", indent: 4)
      if let window = EndpointReading.window(outcome.timeFrame) {
        out.line("windowDays: \(YAMLText.assumed(String(window.days), window.assumption))", indent: 4)
      }
    }
    let unmapped = all.filter { EndpointReading.measure($0.2) == nil }
    if !unmapped.isEmpty {
      out.comment("Outcomes with no measure in the protocol format (kept here verbatim):")
      for (id, primary, outcome) in unmapped {
        out.comment(
          "  \(id) (\(primary ? "primary" : "secondary")): \(outcome.measure) — time frame: \(outcome.timeFrame ?? "not given")"
        )
      }
    }
  }

  static func criteriaSection(_ record: RegistryRecord, suggest: Suggester, _ out: inout YAMLText) {
    let items = CriteriaSplitter.split(record.eligibility.criteria)
    out.line("criteria:")
    for (section, kind) in [("inclusion", CriterionKind.inclusion), ("exclusion", .exclusion)] {
      let list = items.filter { $0.kind == kind }
      out.line(list.isEmpty ? "\(section): []" : "\(section):", indent: 2)
      for item in list {
        out.line("- id: \(item.id)", indent: 4)
        out.line("text: \(YAMLText.quoted(item.text))", indent: 6)
        if let suggestion = suggest(item.text, kind == .exclusion) {
          out.line("expression: \(YAMLText.quoted(suggestion.expression))", indent: 6)
          out.line("suggested: true", indent: 6)
          out.line(
            "note: \(YAMLText.quoted("suggested by rule \(suggestion.rule); review against the text before use"))",
            indent: 6)
        } else {
          out.line("attestation: true", indent: 6)
        }
      }
    }
  }
}
