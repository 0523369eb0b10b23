import Eligibility
import Foundation
import FuzzSupport
import ProtocolFiles

/// The bundled protocols' criteria, compiled once.
let bundled: [CompiledCriteria] = {
  do { return try ProtocolLibrary.bundled().map { trial in try CriteriaCompiler.compile(trial) } } catch {
    fatalError("the bundled protocols no longer load: \(error)")
  }
}()

// The patient record reader on arbitrary JSON (with and without a screening date to fall back
// on); a record that reads is screened against every bundled protocol.
runFuzzer { bytes in
  let fallback = CivilDate(year: 2026, month: 11, day: 20)!
  guard let record = try? PatientRecord(json: Data(bytes), fallbackScreeningDate: fallback) else { return }
  _ = try? PatientRecord(json: Data(bytes))
  _ = PatientScreening(record, against: bundled)
}
