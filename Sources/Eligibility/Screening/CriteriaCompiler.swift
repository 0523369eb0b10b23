import TrialModel

/// An error in a protocol's criteria: where it is (file:line:column when the protocol was
/// loaded from a file), which criterion, and what is wrong.
public struct CriteriaError: Error, Sendable, Hashable, CustomStringConvertible {
  public var location: SourceLocation?
  public var protocolID: String
  public var criterionID: String
  public var message: String

  public var description: String {
    let place = location.map { "\($0): " } ?? "\(protocolID): "
    return "\(place)criterion \(criterionID): \(message)"
  }
}

/// Parses and type-checks criteria expressions when a protocol loads.
public enum CriteriaCompiler {
  /// Compiles every criterion of `trial`, with the age criterion `AGE` first (see
  /// ``ageCriterion(_:group:)``).
  /// - Parameter group: the population group the patient is screened for; its age range replaces
  ///   the registry's in `AGE`.
  /// - Throws: ``CriteriaError`` at the expression's file:line:column for the first bad expression.
  public static func compile(
    _ trial: TrialProtocol, group: PopulationGroup? = nil,
    settings: EligibilitySettings = EligibilitySettings()
  ) throws(CriteriaError) -> CompiledCriteria {
    var criteria = try compile(protocolID: trial.id, criteria: trial.criteria.all, settings: settings)
      .criteria
    if let age = ageCriterion(trial, group: group) {
      let node = try? ExpressionCompiler(settings: settings).compile(age.expression!)
      criteria.insert(
        CompiledCriterion(
          id: age.id, kind: .inclusion, text: age.text, expression: age.expression, needsAttestation: false,
          node: node, isRegistryAgeRange: true), at: 0)
    }
    return CompiledCriteria(protocolID: trial.id, criteria: criteria, settings: settings)
  }

  /// The age criterion `AGE` of a screening:
  /// - for a named group, the group's age range;
  /// - otherwise the registry's range (`TrialProtocol.ages`) when the groups together admit every
  ///   age in it (true of the five seed protocols, whose groups are contiguous);
  /// - otherwise the registry's range and the range of at least one group, so that an age that
  ///   falls between the groups is not met.
  static func ageCriterion(_ trial: TrialProtocol, group: PopulationGroup?) -> Criterion? {
    if let group {
      return ageCriterion(text: "Group \(group.id) age range: \(group.ages)", ageTerms(group.ages))
    }
    let registry = ageTerms(trial.ages)
    let ranges = trial.groups.map(\.ages)
    guard !ranges.isEmpty, !AgeRange.cover(trial.ages, with: ranges) else {
      return ageCriterion(text: "Registry age range: \(trial.ages)", registry)
    }
    let groups = ranges.map { range in ageTerms(range).map { "(\($0))" } ?? "age >= 0 years" }
    let text =
      "Registry age range: \(trial.ages), and that of a group: "
      + zip(trial.groups, ranges).map { "\($0.id) \($1)" }.joined(separator: "; ")
    return ageCriterion(
      text: text, (registry.map { "(\($0)) and " } ?? "") + "(" + groups.joined(separator: " or ") + ")")
  }

  private static func ageCriterion(text: String, _ expression: String?) -> Criterion? {
    expression.map { Criterion(id: "AGE", text: text, kind: .inclusion, expression: $0) }
  }

  /// An age range as an expression with the semantics of `AgeRange`: the minimum compares exact
  /// age, an inclusive maximum compares completed years ("12–75 inclusive" admits 75 y 11 m), an
  /// exclusive one exact age; `nil` for no limit.
  static func ageTerms(_ ages: AgeRange) -> String? {
    var terms: [String] = []
    if let minimum = ages.minimum { terms.append("age >= \(Quantity.format(minimum)) years") }
    if let maximum = ages.maximum {
      terms.append(
        ages.maximumInclusive
          ? "completedAge <= \(Quantity.format(maximum)) years" : "age < \(Quantity.format(maximum)) years")
    }
    return terms.isEmpty ? nil : terms.joined(separator: " and ")
  }

  /// Compiles a list of criteria (inclusion and exclusion, in order).
  public static func compile(
    protocolID: String, criteria: [Criterion], settings: EligibilitySettings = EligibilitySettings()
  ) throws(CriteriaError) -> CompiledCriteria {
    let compiler = ExpressionCompiler(settings: settings)
    var compiled: [CompiledCriterion] = []
    var seen = Set<String>()
    for criterion in criteria {
      guard seen.insert(criterion.id).inserted else {
        throw CriteriaError(
          location: criterion.expressionLocation, protocolID: protocolID, criterionID: criterion.id,
          message: "duplicate criterion id")
      }
      func compile(_ text: String?, at location: SourceLocation?) throws(CriteriaError) -> Node? {
        guard let text else { return nil }
        do {
          return try compiler.compile(text)
        } catch {
          throw CriteriaError(
            location: location.map { locate(error.offset, in: text, from: $0) },
            protocolID: protocolID, criterionID: criterion.id, message: error.message)
        }
      }
      let node = try compile(criterion.expression, at: criterion.expressionLocation)
      var entry = CompiledCriterion(
        id: criterion.id, kind: criterion.kind, text: criterion.text, expression: criterion.expression,
        needsAttestation: criterion.attestation || node == nil, node: node, note: criterion.note)
      entry.attestationWhen = criterion.attestationWhen
      entry.attestationCondition = try compile(
        criterion.attestationWhen, at: criterion.attestationWhenLocation)
      compiled.append(entry)
    }
    return CompiledCriteria(protocolID: protocolID, criteria: compiled, settings: settings)
  }

  /// The file position of character `offset` of an expression whose first character is at
  /// `start` (lines after a line break in the scalar count from column 1).
  static func locate(_ offset: Int, in text: String, from start: SourceLocation) -> SourceLocation {
    var line = start.line
    var column = start.column
    for (i, c) in text.enumerated() {
      if i == offset { break }
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return SourceLocation(file: start.file, line: line, column: column)
  }
}
