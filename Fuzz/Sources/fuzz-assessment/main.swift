import Assessment
import FuzzSupport
import Inputs
import TrialModel

/// Reads `T` from `document` and, when it reads, runs `use` on it (thrown input errors are answers).
func attempt<T: JSONReadable>(_ type: T.Type, _ document: JSONDocument, _ use: (T) throws(InputError) -> Void)
{
  guard let value = try? T(json: document.reader) else { return }
  try? use(value)
}

// The assessment readers on arbitrary JSON, each followed by what the CLI does with a value that
// reads: a subject record (or an array of them) is adjudicated for DLT and classified for response;
// CRS and ICANS observations and lab results are graded.
runFuzzer { bytes in
  guard let document = try? JSONDocument(parsing: bytes, file: "fuzz.json") else { return }
  let settings = AssessmentSettings()
  attempt(SubjectRecord.self, document) { (record) throws(InputError) in
    _ = try? record.adjudicateDLT(settings: settings, designWindowDays: 28)
    _ = try record.bestOverallResponse(settings: settings.response, endpointWindowDays: 90)
  }
  attempt([SubjectRecord].self, document) { (records) throws(InputError) in
    for record in records { _ = try record.bestOverallResponse(settings: settings.response) }
  }
  attempt(CRSObservation.self, document) { (observation) throws(InputError) in
    _ = try CRSGrader(settings: settings.crs).grade(observation)
  }
  attempt(ICANSObservation.self, document) { (observation) throws(InputError) in
    _ = try ICANSGrader(settings: settings.icans).grade(observation)
  }
  attempt(LabResult.self, document) { (result) throws(InputError) in _ = try CTCAELabGrader().grade(result) }
}
