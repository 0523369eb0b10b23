/// The design's notes as every shell prints them under an answer (the CLI's `[…]` lines, the
/// server's design page).
extension TrialDesign {
  /// `design of … group A (…)`, then each setting note, an assumption whose reason was already
  /// given shown as "as above".
  public var textNotes: [String] {
    var lines: [String] = []
    if case .protocolGroup(let trial, let group, let label) = source {
      lines.append("design of \(trial) group \(group) (\(label))")
    }
    return lines + SettingNote.text(notes)
  }
}

extension SettingNote {
  /// The notes as text lines, repeated assumption reasons shown as "as above".
  public static func text(_ notes: [SettingNote]) -> [String] {
    var seen = Set<String>()
    return notes.map { note in
      if note.kind == .assumption, let reason = note.reason, !seen.insert(reason).inserted {
        return "assumed \(note.setting) \(note.value): as above"
      }
      return note.description
    }
  }
}
