import Foundation
import TrialModel

/// A draft computable protocol (protocol YAML that loads with `ProtocolFiles`' `ProtocolLoader`)
/// made from one registry record.
///
/// The record's facts are copied (ids, titles, phase, status, sponsor, sites with their
/// coordinates, conditions, arms as groups, interventions, dose levels read by
/// ``DoseTextParser``, outcomes with their time frames, ages, sex, every criterion split by
/// ``CriteriaSplitter`` with its verbatim text); what the protocol format needs and the record
/// leaves open (the design and its target, cohort size, sample size and DLT window, dose levels
/// when none are written, the DLT rules, the cell source) is filled with the defaults of
/// ``DraftDefaults`` and marked `assumption:` with the reason, or by a `# [assumption]` comment
/// where the format has no `assumption` field — as the bundled seed protocols do. Facts the format
/// has no field for (collaborators, site coordinates, time frames, sex, interventions) are written
/// as comments beside the values they qualify.
///
/// Criteria are `attestation: true` unless `suggest` proposes an expression for the text; then the
/// item gets `expression:`, `suggested: true` and a note naming the rule, for a person to review.
public enum ProtocolDraft {
  /// Proposes a criteria-language expression for a criterion's text (`isExclusion` for an
  /// exclusion criterion) and names the rule that produced it, or returns `nil`.
  public typealias Suggester =
    @Sendable (_ text: String, _ isExclusion: Bool) -> (expression: String, rule: String)?

  /// The suggester that proposes nothing: every criterion stays an attestation.
  public static let noSuggestion: Suggester = { _, _ in nil }

  /// The draft protocol YAML of `record`.
  public static func yaml(from record: RegistryRecord, suggest: Suggester = noSuggestion) -> String {
    var out = YAMLText()
    header(record, &out)
    trialSection(record, &out)
    groupsSection(record, &out)
    endpointsSection(record, &out)
    criteriaSection(record, suggest: suggest, &out)
    out.line("assessment:")
    out.text += DraftDefaults.dltRules + "\n"
    return out.text
  }

  private static func header(_ record: RegistryRecord, _ out: inout YAMLText) {
    out.comment(
      "Draft protocol for \(record.nctId), written by `cartrial protocol draft` from its ClinicalTrials.gov API v2 record"
    )
    out.comment(
      "(\(URL(fileURLWithPath: record.source).lastPathComponent), data version \(record.versionHolder ?? "not given"), last update \(record.lastUpdate ?? "not given"))."
    )
    out.comment(
      "Values the registry leaves open carry `assumption:` (or a `# [assumption]` comment) with the reason; review every one."
    )
  }

  private static func trialSection(_ record: RegistryRecord, _ out: inout YAMLText) {
    out.line("id: \(record.nctId)")
    let secondary = ([record.orgStudyId].compactMap { $0 } + record.secondaryIds)
      .filter { $0 != record.nctId }
      .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    out.line("secondaryIds: \(YAMLText.list(secondary))")
    out.line("title: \(YAMLText.quoted(record.officialTitle ?? record.briefTitle))")
    out.line("shortTitle: \(YAMLText.quoted(record.acronym ?? record.briefTitle))")
    let (phase, phaseNote) = RecordMapping.phase(record.phases)
    if let phaseNote { out.comment("[assumption] " + phaseNote) }
    out.line("phase: \(phase.rawValue)")
    let (status, statusNote) = RecordMapping.status(record.overallStatus)
    if let statusNote { out.comment("[assumption] " + statusNote) }
    out.line("status: \(status.rawValue)")
    if let start = record.startDate {
      out.line("startDate: \(YAMLText.quoted(start.date))  # \(start.type?.rawValue ?? "type not given")")
    }
    if let completion = record.completionDate {
      out.comment("completion date: \(completion.date) (\(completion.type?.rawValue ?? "type not given"))")
    }
    out.line("sponsor: \(YAMLText.quoted(record.leadSponsor))")
    if !record.collaborators.isEmpty {
      out.comment("collaborators: " + record.collaborators.joined(separator: "; "))
    }
    out.line(record.locations.isEmpty ? "sites: []" : "sites:")
    for (i, site) in record.locations.enumerated() {
      out.line("- name: \(YAMLText.quoted(site.facility ?? site.city ?? "Site \(i + 1)"))", indent: 2)
      if let city = site.city { out.line("city: \(YAMLText.quoted(city))", indent: 4) }
      if let country = site.country { out.line("country: \(YAMLText.quoted(country))", indent: 4) }
      var facts: [String] = []
      if let lat = site.latitude, let lon = site.longitude { facts.append("geoPoint \(lat), \(lon)") }
      if let state = site.state { facts.append("state \(state)") }
      if let zip = site.zip { facts.append("zip \(zip)") }
      if let status = site.status { facts.append("status \(status.rawValue)") }
      if !facts.isEmpty { out.comment(facts.joined(separator: "; "), indent: 4) }
    }
    out.line("conditions: \(YAMLText.list(record.conditions))")
    if !record.keywords.isEmpty { out.comment("keywords: " + record.keywords.joined(separator: "; ")) }
    if !record.conditionMeshTerms.isEmpty {
      out.comment("MeSH conditions: " + record.conditionMeshTerms.joined(separator: "; "))
    }
    product(record, &out)
    out.line("enrollment:")
    if let enrollment = record.enrollment, enrollment.count >= 1 {
      out.line("target: \(enrollment.count)  # \(enrollment.type?.rawValue ?? "type not given")", indent: 2)
    } else {
      let why =
        record.enrollment.map { "registry enrolment is \($0.count)" } ?? "registry record gives no enrolment"
      out.line(
        "target: \(YAMLText.assumed("1", why + "; 1 written, the format needs at least one participant"))",
        indent: 2)
    }
    out.line("ages:")
    ages(record, indent: 2, &out)
    if let sex = record.eligibility.sex, sex != .all {
      out.comment("sex: \(sex.rawValue) only (the format has no sex field; the criteria must say it)")
    }
    if let healthy = record.eligibility.healthyVolunteers {
      out.comment("healthy volunteers: \(healthy ? "yes" : "no")")
    }
    if !record.eligibility.stdAges.isEmpty {
      out.comment(
        "standard age groups: " + record.eligibility.stdAges.map(\.rawValue).joined(separator: ", "))
    }
  }

  private static func product(_ record: RegistryRecord, _ out: inout YAMLText) {
    let cellular = record.interventions.first { $0.type == .biological || $0.type == .genetic }
    let main = cellular ?? record.interventions.first
    let everything =
      ([record.briefTitle, record.officialTitle ?? ""]
      + record.interventions.flatMap {
        [$0.name, $0.description ?? ""] + $0.otherNames
      }).joined(separator: "\n")
    out.line("product:")
    if main == nil {
      out.comment("[assumption] registry lists no intervention; the brief title names the product", indent: 2)
    }
    out.line("name: \(YAMLText.quoted(main?.name ?? record.briefTitle))", indent: 2)
    if let source = RecordMapping.cellSource(in: everything) {
      out.line("source: \(source.rawValue)", indent: 2)
    } else {
      out.comment(
        "[assumption] registry does not say autologous, allogeneic or universal; autologous assumed",
        indent: 2)
      out.line("source: autologous", indent: 2)
    }
    out.comment("targets: antigens named in the titles and interventions", indent: 2)
    out.line("targets: \(YAMLText.list(RecordMapping.targets(in: everything)))", indent: 2)
    for intervention in record.interventions {
      let arms =
        intervention.armGroupLabels.isEmpty
        ? "" : " (arms: \(intervention.armGroupLabels.joined(separator: "; ")))"
      out.comment("intervention \(intervention.type.rawValue): \(intervention.name)\(arms)", indent: 2)
    }
    if !record.interventionMeshTerms.isEmpty {
      out.comment("MeSH interventions: " + record.interventionMeshTerms.joined(separator: "; "), indent: 2)
    }
  }

  /// The record's age limits in years (minimum inclusive, maximum in completed years).
  static func ageLimits(_ record: RegistryRecord) -> (minimum: Double?, maximum: Double?, notes: [String]) {
    var notes: [String] = []
    var minimum = record.eligibility.minimumAge.flatMap(RegistryAge.years)
    var maximum = record.eligibility.maximumAge.flatMap(RegistryAge.years)
    if let text = record.eligibility.minimumAge, minimum == nil {
      notes.append("minimum age \"\(text)\" not read; no lower limit written")
    }
    if let text = record.eligibility.maximumAge, maximum == nil {
      notes.append("maximum age \"\(text)\" not read; no upper limit written")
    }
    if let hi = maximum, hi > 120 {
      notes.append("maximum age \(hi) years is above 120; no upper limit written"); maximum = nil
    }
    if let lo = minimum, let hi = maximum, hi < lo {
      notes.append("maximum age below the minimum; no upper limit written")
      maximum = nil
    }
    if let lo = minimum, lo > 120 {
      notes.append("minimum age above 120 years; no lower limit written"); minimum = nil
    }
    return (minimum, maximum, notes)
  }

  private static func ages(_ record: RegistryRecord, indent: Int, _ out: inout YAMLText) {
    let limits = ageLimits(record)
    out.comment(
      "registry: minimum \(record.eligibility.minimumAge ?? "none"), maximum \(record.eligibility.maximumAge ?? "none")",
      indent: indent)
    for note in limits.notes { out.comment("[assumption] " + note, indent: indent) }
    if let lo = limits.minimum { out.line("minimum: \(Quantity.format(lo))", indent: indent) }
    if let hi = limits.maximum { out.line("maximum: \(Quantity.format(hi))", indent: indent) }
    if limits.minimum == nil && limits.maximum == nil { out.line("maximumInclusive: true", indent: indent) }
  }
}
