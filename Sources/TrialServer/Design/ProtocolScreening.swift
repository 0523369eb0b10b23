import Eligibility
import Foundation
import Inputs
import TrialModel

/// `POST /api/v1/protocols/{protocol}/screen`: a patient record screened against a protocol's
/// criteria without a trial — nothing is stored — with the same library calls as `cartrial screen
/// --protocol ID [--group G] [--on DATE] --json` (``Eligibility/CriteriaCompiler``,
/// ``Eligibility/PatientRecord``, ``Eligibility/PatientScreening``) and the same answer.
enum ProtocolScreening {
  /// Fields: `patient` (the record, an object or its JSON text), `group` (its age range for the
  /// age criterion), `screeningDate` (over the record's own, as `--on`).
  static func screen(_ trial: TrialProtocol, fields: any CommandFields) throws -> PatientScreening {
    let group = try fields.string("group").map { id throws(InputError) in try trial.group(id) }
    let date = try fields.string("screeningDate").map { text throws(InputError) -> CivilDate in
      guard let date = CivilDate(iso: text) else {
        throw InputError(
          .invalidValue, field: "screeningDate", expected: "a date YYYY-MM-DD", found: "\"\(text)\"")
      }
      return date
    }
    let text = try fields.requiredJSON("patient", "the patient record (JSON, as for `cartrial screen`)")
    let record = try PatientRecord(json: Data(text.utf8), screeningDate: date, file: "patient")
    let criteria: CompiledCriteria
    do { criteria = try CriteriaCompiler.compile(trial, group: group) } catch {
      throw InputError(
        .invalidValue, field: "protocol", expected: "criteria that compile", found: error.description)
    }
    return PatientScreening(record, against: [criteria])
  }
}
