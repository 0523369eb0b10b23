import ArgumentParser
import Eligibility
import Foundation
import TrialModel

/// Helpers shared by `screen` and `protocol criteria`.
enum ScreeningSupport {
  /// Compiles a protocol's criteria (with `group`'s age range, if given), turning an expression
  /// error into a CLI error at FILE:LINE:COLUMN.
  static func compile(_ trial: TrialProtocol, group: PopulationGroup? = nil) throws -> CompiledCriteria {
    do {
      return try CriteriaCompiler.compile(trial, group: group)
    } catch {
      throw CLIError("\(error)")
    }
  }

  /// Reads a patient record screened on `date` (`--on`), else on its `screeningDate`; a record
  /// with neither is an error naming both (there is no implicit "today": a screening result must
  /// be reproducible).
  static func record(_ data: Data, on date: CivilDate?, file: String, firstLine: Int = 1) throws(CLIError)
    -> PatientRecord
  {
    do {
      return try PatientRecord(json: data, screeningDate: date, file: file, firstLine: firstLine)
    } catch {
      var shown = error
      if error.kind == .missing, error.field == "screeningDate" {
        shown.expected = PatientRecord.screeningDateExpected + " (or --on YYYY-MM-DD)"
      }
      throw CLIError(shown.description)
    }
  }

  /// A readable summary: one block per protocol, one line per criterion.
  static func text(_ screening: PatientScreening) -> String {
    var out =
      "patient \(screening.patient ?? "(no id)"), screening \(screening.screeningDate.map { "\($0)" } ?? "?")\n"
    for report in screening.results {
      out += "\n\(report.protocolID): \(report.status.rawValue)\n"
      for c in report.criteria {
        let verdict = c.verdict.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        out += "  \(c.id.padding(toLength: 5, withPad: " ", startingAt: 0)) \(verdict) \(c.evidence)\n"
      }
      for assumption in report.assumptions { out += "  [assumption: \(assumption)]\n" }
    }
    return out
  }
}

/// Reads a text file (or standard input for `-`) line by line without loading it whole.
enum LineReader {
  static func forEachLine(_ path: String, _ body: (Int, String) throws -> Void) throws {
    let handle: FileHandle
    if path == "-" {
      handle = .standardInput
    } else {
      guard let h = FileHandle(forReadingAtPath: path), InputFile.exists(path), !InputFile.isDirectory(path)
      else { throw InputFile.cannotRead(path) }
      handle = h
    }
    var buffer: [UInt8] = []
    var number = 0
    while true {
      let chunk = handle.readData(ofLength: 1 << 16)
      buffer += chunk
      // Consumed lines are dropped once per chunk, not once per line.
      var start = 0
      while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        number += 1
        try body(number, String(decoding: buffer[start..<newline], as: UTF8.self))
        start = newline + 1
      }
      buffer.removeSubrange(0..<start)
      if chunk.isEmpty { break }
    }
    if !buffer.isEmpty { try body(number + 1, String(decoding: buffer, as: UTF8.self)) }
  }
}
