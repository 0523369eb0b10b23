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

// The patient record reader on arbitrary JSON (as written, and with the screening date given as
// `screen --on` gives it); a record that reads is screened against every bundled protocol.
runFuzzer { bytes in
  let given = CivilDate(year: 2026, month: 11, day: 20)!
  if let record = try? PatientRecord(json: Data(bytes)) { _ = PatientScreening(record, against: bundled) }
  guard let record = try? PatientRecord(json: Data(bytes), screeningDate: given) else { return }
  _ = PatientScreening(record, against: bundled)
}
