import TrialModel

/// How registry values map onto the protocol format's closed sets, with the reason written in
/// the draft when the mapping is not one to one.
enum RecordMapping {
  /// The protocol phase of the registry's phases: `[PHASE1, PHASE2]` is PHASE1_PHASE2; a phase the
  /// format lacks (phase 2/3, 3, 4, NA, none) maps to the nearest it has, with a note.
  static func phase(_ phases: [RegistryPhase]) -> (TrialPhase, note: String?) {
    let set = Set(phases)
    let written = phases.isEmpty ? "none" : phases.map(\.rawValue).joined(separator: ", ")
    if set.contains(.phase1) && set.contains(.phase2) { return (.phase1Phase2, nil) }
    if set == [.earlyPhase1] { return (.earlyPhase1, nil) }
    if set == [.phase1] { return (.phase1, nil) }
    if set == [.phase2] { return (.phase2, nil) }
    if set.contains(.phase2) || set.contains(.phase3) || set.contains(.phase4) {
      return (
        .phase2, "registry phase \(written): the protocol format has phases up to PHASE2; PHASE2 written"
      )
    }
    if set.contains(.phase1) || set.contains(.earlyPhase1) {
      return (.phase1, "registry phase \(written); PHASE1 written")
    }
    return (
      .phase1,
      "registry phase \(written): not a phased drug trial; PHASE1 written for the dose-finding format"
    )
  }

  /// The protocol status of a registry status; the expanded-access statuses map to UNKNOWN.
  static func status(_ status: RegistryStatus) -> (TrialStatus, note: String?) {
    if let same = TrialStatus(rawValue: status.rawValue) { return (same, nil) }
    return (.unknown, "registry status \(status.rawValue) has no protocol equivalent; UNKNOWN written")
  }

  /// The cell source named in the record's texts: universal, then allogeneic, then autologous.
  static func cellSource(in text: String) -> CellSource? {
    let lower = text.lowercased()
    if lower.contains("universal") || lower.contains("off-the-shelf") { return .universal }
    if lower.contains("allogeneic") || lower.contains("allogenic") || lower.contains("donor-derived") {
      return .allogeneic
    }
    if lower.contains("autologous") { return .autologous }
    return nil
  }

  /// Antigens named in the text (`CD19`, `CD20`, `CD22`, `BCMA`, …), in order of first mention.
  static func targets(in text: String) -> [String] {
    var found: [String] = []
    for m in text.matches(of: /\b(CD[0-9]{1,3}[a-z]?|BCMA|GPRC5D|GD2|HER2|CLL-?1|GPC3|Claudin18\.2|MSLN)\b/) {
      let antigen = String(m.output.1)
      if !found.contains(antigen) { found.append(antigen) }
    }
    return found
  }
}
