import Foundation
import TrialModel

/// Finds cell doses in free text (arm labels and descriptions, intervention descriptions).
///
/// Registry records have no structured dose field: a phase I CAR-T record writes its levels in
/// prose. Recognised: a coefficient times a power of ten
/// (`5×10^6`, `3.0 × 10^8`, `1 x 10e6`, `2*10^7`, `10^6` alone, `3×106` where a superscript was
/// lost in copying, `10⁶`), scientific notation (`2.0E+06`, `1E6`), a coefficient range sharing
/// one power (`0.5-1.0×10^6`, `1~3×10^6`); then the unit in the words that follow, up to the
/// next amount or the end of the clause: `/kg` or `per kg` (after "cells", "CAR-T cells",
/// "CAR+ T cells" or nothing) gives `cells/kg`, "cells"/"CAR-T" without `/kg` gives flat `cells`.
/// An amount without a unit takes the unit of the next amount in its sentence ("dl1:3.0 × 10^8,
/// dl2:4.5 × 10^8, dl3:6.0 × 10^8 car-t cells"). Amounts outside 10³–10¹³, or followed by
/// another unit (`×10^9/L`, a blood count), are not doses. A flat amount is a cap when a cap word
/// ("maximum", "not more than", "no more than", "not exceed", "up to", "cap", "≤") stands
/// between it and a per-kg dose earlier in the same sentence.
public enum DoseTextParser {
  /// The doses in `text`, in order.
  public static func mentions(in rawText: String) -> [DoseMention] {
    let text = normalise(rawText)
    var found: [(range: Range<String.Index>, values: [Double], range2: Bool)] = []
    for match in text.matches(of: amountPattern) {
      let out = match.output
      guard let exponent = Int(out.exp) else { continue }
      let power = pow(10, Double(exponent))
      let low = out.coefficient.flatMap { Double($0) } ?? 1
      var values = [low * power]
      if let high = out.high.flatMap({ Double($0) }) { values.append(high * power) }
      found.append((match.range, values, out.high != nil))
    }
    var mentions: [DoseMention?] = []
    var units: [MeasurementUnit??] = []  // .some(nil): no unit; nil: not a dose
    for (i, item) in found.enumerated() {
      let end = i + 1 < found.count ? found[i + 1].range.lowerBound : text.endIndex
      units.append(unit(following: text[item.range.upperBound..<end]))
      mentions.append(nil)
    }
    // Borrow the unit of the next amount in the sentence, else of the previous one.
    var resolved: [MeasurementUnit?] = units.map { $0 ?? nil }
    for i in found.indices where units[i] != nil && resolved[i] == nil {
      var j = i + 1
      while j < found.count, sameSentence(text, found[i].range, found[j].range) {
        if let u = resolved[j] { resolved[i] = u; break }
        j += 1
      }
      if resolved[i] == nil, i > 0, units[i - 1] != nil,
        sameSentence(text, found[i - 1].range, found[i].range)
      {
        resolved[i] = resolved[i - 1]
      }
    }
    var result: [DoseMention] = []
    var lastPerKg: (index: Int, quantity: Quantity)?
    for (i, item) in found.enumerated() {
      guard units[i] != nil, let unit = resolved[i] else { continue }
      let gapStart = i > 0 ? found[i - 1].range.upperBound : text.startIndex
      let gap = text[gapStart..<item.range.lowerBound]
      let words = String(text[item.range]) + String(text[item.range.upperBound...].prefix(24))
      for value in item.values where (1e3...1e13).contains(value) {
        var mention = DoseMention(
          quantity: Quantity(value, unit), role: .dose, isRangeEnd: item.range2,
          statedLevel: statedLevel(in: gap), caps: nil,
          text: words.trimmingCharacters(in: .whitespacesAndNewlines))
        if unit == .cells, let previous = lastPerKg,
          sameSentence(text, found[previous.index].range, item.range),
          gap.lowercased().contains(capWords)
        {
          mention.role = .cap
          mention.caps = previous.quantity
          mention.statedLevel = nil
        }
        result.append(mention)
        if unit == .cellsPerKg { lastPerKg = (i, mention.quantity) }
      }
    }
    return result
  }

  /// Superscript digits to `^digits`, markdown escapes resolved, `·`/`•` products to `×`.
  static func normalise(_ text: String) -> String {
    let superscripts: [Character: Character] = [
      "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
      "⁺": "+", "⁻": "-",
    ]
    var out = ""
    var inSuperscript = false
    for character in CriteriaSplitter.unescapeMarkdown(text) {
      if let digit = superscripts[character] {
        if !inSuperscript { out.append("^") }
        out.append(digit)
        inSuperscript = true
      } else {
        inSuperscript = false
        out.append(character)
      }
    }
    return out
  }

  nonisolated(unsafe) static let amountPattern =
    /(?i)(?:(?<coefficient>\d+(?:\.\d+)?)(?:\s*(?:-|–|~|to)\s*(?<high>\d+(?:\.\d+)?))?\s*(?:[×xX*]\s*10\s*(?:\^|e|\*\*)?\s*|[eE]\s*)|10\s*\^\s*)(?<exp>[+-]?\d{1,2})(?!\d)(?![.,]\d)/

  nonisolated(unsafe) static let capWords =
    /(?i)max|not\s+(?:be\s+)?more\s+than|no\s+more\s+than|not\s+exceed|up\s+to|\bcap|≤|<=|at\s+most|upper\s+limit/

  /// The unit of an amount from the words after it: `cells/kg`, `cells`, `.some(nil)` when none
  /// is written, `nil` when another unit follows (not a cell dose).
  static func unit(following tail: Substring) -> MeasurementUnit?? {
    var clause = tail.lowercased()
    if let stop = clause.firstIndex(where: { ";；。\n".contains($0) }) { clause = String(clause[..<stop]) }
    if let sentenceEnd = clause.range(of: #"\.(\s|$)"#, options: .regularExpression) {
      clause = String(clause[..<sentenceEnd.lowerBound])
    }
    clause = String(clause.prefix(48))
    if clause.range(of: #"^\s*/\s*(?:l|ml|µl|ul|mm3|mm³|dl)\b"#, options: .regularExpression) != nil {
      return nil
    }
    if clause.range(
      of: #"^\s*(?:mg|g|mcg|µg|ug|iu|u|ml|l|copies|%|vg|pfu|tcid)"#, options: .regularExpression) != nil
    {
      return nil
    }
    if clause.range(of: #"(?:/|\bper\s+)\s*kg"#, options: .regularExpression) != nil {
      return .some(.cellsPerKg)
    }
    if clause.range(of: #"cell|car[\s-]?t\b|\bcar\+"#, options: .regularExpression) != nil {
      return .some(.cells)
    }
    return .some(nil)
  }

  static func statedLevel(in gap: Substring) -> Int? {
    let tail = String(gap.suffix(30)).lowercased()
    guard let m = tail.firstMatch(of: /(?:dose\s*level|\bdl|\blevel)\s*(-?\d{1,2})\s*[:：=)]?\s*$/) else {
      return nil
    }
    return Int(m.output.1)
  }

  static func sameSentence(_ text: String, _ a: Range<String.Index>, _ b: Range<String.Index>) -> Bool {
    let between = text[a.upperBound..<b.lowerBound]
    return between.range(of: #"[;；。\n]|\.\s"#, options: .regularExpression) == nil
  }
}
