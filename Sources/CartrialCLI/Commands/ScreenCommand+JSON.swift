import Eligibility
import Foundation

/// NDJSON encoding of batch screening results, written directly as UTF-8. The output is byte
/// for byte what `Output.jsonLine` (JSONEncoder, sorted keys, unescaped slashes) produces —
/// `ScreenCommandTests` compares the two — at a fraction of the cost: with JSONEncoder, encoding
/// took longer than screening.
enum ScreeningJSON {
  /// `{"line":N,"patient":"ID","results":[REPORT,…],"screeningDate":"YYYY-MM-DD"}` and a newline
  /// (`line`, `patient` and `screeningDate` omitted if nil).
  static func appendLine(_ screening: PatientScreening, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    if let line = screening.line {
      append("\"line\":", to: &out)
      out += String(line).utf8
      out.append(UInt8(ascii: ","))
    }
    if let patient = screening.patient {
      append("\"patient\":", to: &out)
      appendString(patient, to: &out)
      out.append(UInt8(ascii: ","))
    }
    append("\"results\":[", to: &out)
    for (i, report) in screening.results.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendReport(report, to: &out)
    }
    out.append(UInt8(ascii: "]"))
    if let date = screening.screeningDate {
      append(",\"screeningDate\":", to: &out)
      appendString(date.description, to: &out)
    }
    append("}\n", to: &out)
  }

  /// A report with keys in sorted order: assumptions, criteria, protocol, status; each
  /// assumption's keys too: assumption, setting, value.
  static func appendReport(_ report: ScreeningReport, to out: inout [UInt8]) {
    append("{\"assumptions\":[", to: &out)
    for (i, assumption) in report.assumptions.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      append("{\"assumption\":", to: &out)
      appendString(assumption.assumption, to: &out)
      append(",\"setting\":", to: &out)
      appendString(assumption.setting, to: &out)
      append(",\"value\":", to: &out)
      appendString(assumption.value, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    append("],\"criteria\":[", to: &out)
    for (i, criterion) in report.criteria.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      append("{\"evidence\":", to: &out)
      appendString(criterion.evidence, to: &out)
      append(",\"id\":", to: &out)
      appendString(criterion.id, to: &out)
      append(",\"missing\":[", to: &out)
      for (j, path) in criterion.missing.enumerated() {
        if j > 0 { out.append(UInt8(ascii: ",")) }
        appendString(path, to: &out)
      }
      append("],\"verdict\":\"", to: &out)
      append(criterion.verdict.rawValue, to: &out)
      append("\"}", to: &out)
    }
    append("],\"protocol\":", to: &out)
    appendString(report.protocolID, to: &out)
    append(",\"status\":\"", to: &out)
    append(report.status.rawValue, to: &out)
    append("\"}", to: &out)
  }

  /// A JSON string literal: `"` and `\` escaped; strings with control characters (rare in
  /// records) are escaped by JSONEncoder itself so that the spelling of every escape matches.
  static func appendString(_ text: String, to out: inout [UInt8]) {
    var contiguous = text
    contiguous.withUTF8 { bytes in
      if bytes.contains(where: { $0 < 0x20 }) {
        out += encodedByFoundation(text)
        return
      }
      out.append(UInt8(ascii: "\""))
      var start = 0
      for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        out += bytes[start..<i]
        out.append(UInt8(ascii: "\\"))
        out.append(byte)
        start = i + 1
      }
      out += bytes[start...]
      out.append(UInt8(ascii: "\""))
    }
  }

  private static func encodedByFoundation(_ text: String) -> [UInt8] {
    Array((try? Output.jsonEncoder(pretty: false).encode(text)) ?? Data("\"\"".utf8))
  }

  private static func append(_ text: String, to out: inout [UInt8]) { out += text.utf8 }
}
