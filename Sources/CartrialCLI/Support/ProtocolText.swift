import TrialModel

/// Plain-text rendering of a protocol for `protocol show`: every value, with `[assumption: …]`
/// beside each value the registry record does not state.
enum ProtocolText {
  static func render(_ trial: TrialProtocol) -> String {
    var out = ""
    func line(_ text: String = "") { out += text + "\n" }
    func flag(_ assumption: String?) -> String { assumption.map { "  [assumption: \($0)]" } ?? "" }

    line("\(trial.id)  \(trial.shortTitle ?? "")")
    line(trial.title)
    line(
      "phase \(trial.phase.rawValue) · \(trial.status.rawValue)"
        + (trial.startDate.map { " · started \($0)" } ?? ""))
    if !trial.secondaryIds.isEmpty { line("other ids: \(trial.secondaryIds.joined(separator: ", "))") }
    line("sponsor: \(trial.sponsor)")
    for site in trial.sites {
      line(
        "site: \(site.name)"
          + ([site.city, site.country].compactMap { $0 }.joined(separator: ", ").nonEmpty.map { " (\($0))" }
            ?? ""))
    }
    line(
      "product: \(trial.product.name), \(trial.product.source.rawValue), targets \(trial.product.targets.joined(separator: "/"))"
    )
    line(
      "enrolment: " + (trial.enrollment.minimum.map { "\($0)–" } ?? "") + "\(trial.enrollment.target.value)"
        + flag(trial.enrollment.target.assumption))
    line("ages: \(trial.ages)")
    for group in trial.groups {
      line()
      line("group \(group.id): \(group.label) — \(group.ages)")
      if let rule = group.opensWhen {
        line(
          "  opens when group \(rule.afterGroup) has cleared level \(rule.clearedLevel)"
            + flag(rule.assumption))
      }
      for level in group.doseLevels {
        let marker = level.level == group.startingLevel.value ? " (start)" : ""
        line(
          "  level \(level.level)\(marker): \(level.dose)"
            + (level.maximumTotal.map { ", max \($0) in total" } ?? "") + flag(level.assumption))
      }
      if group.startingLevel.isAssumption { line("  starting level\(flag(group.startingLevel.assumption))") }
      let design = group.design
      line("  design: \(design.name)")
      line("    target DLT rate: \(design.target.value)" + flag(design.target.assumption))
      line("    cohort size: \(design.cohortSize.value)" + flag(design.cohortSize.assumption))
      line("    maximum sample size: \(design.maxSampleSize.value)" + flag(design.maxSampleSize.assumption))
      line("    DLT window: \(design.dltWindowDays.value) days" + flag(design.dltWindowDays.assumption))
      for (name, value) in design.settings.sorted(by: { $0.key < $1.key }) {
        line("    \(name): \(value.value)" + flag(value.assumption))
      }
    }
    if let regimen = trial.lymphodepletion {
      line()
      line("lymphodepletion:" + flag(regimen.assumption))
      for agent in regimen.agents {
        line(
          "  \(agent.drug) \(agent.dailyDose)/day on days \(agent.days.map(String.init).joined(separator: ", "))"
        )
      }
    }
    if !trial.schedule.isEmpty {
      line()
      line("schedule (days after infusion):")
      for item in trial.schedule {
        line("  \(item.name): \(item.days.map(String.init).joined(separator: ", "))" + flag(item.assumption))
      }
    }
    if !trial.endpoints.isEmpty {
      line()
      line("endpoints:")
      for endpoint in trial.endpoints {
        line(
          "  \(endpoint.id) (\(endpoint.primary ? "primary" : "secondary")): \(endpoint.name)"
            + (endpoint.windowDays.map { ", within \($0.value) days" + flag($0.assumption) } ?? ""))
      }
    }
    for (title, list) in [("inclusion", trial.criteria.inclusion), ("exclusion", trial.criteria.exclusion)] {
      line()
      line("\(title) criteria:")
      for criterion in list {
        let form =
          criterion.expression.map { "  ⟶ \($0)" }
          ?? (criterion.attestation ? "  ⟶ investigator attestation" : "")
        line("  \(criterion.id). \(criterion.text)")
        if !form.isEmpty { line("     \(form.trimmingCharacters(in: .whitespaces))") }
      }
    }
    return out
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
