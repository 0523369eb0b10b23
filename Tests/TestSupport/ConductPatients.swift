import Foundation

/// Patient records for conduct tests, made from the README's example patient
/// (`Examples/patients/P-0001.json`).
public enum ConductPatients {
  /// The conditions NCT05350787 asks about that the example patient leaves unstated.
  public static let unstatedConditions = [
    "lymphodepletionAllergy", "severeCerebrovascularDisease", "clinicallySignificantHeartDisease",
    "geneticDisease", "cnsInvolvementOnImaging", "cnsSymptoms", "activeHepatitisB", "antiviralProphylaxis",
    "activeHepatitisC", "hiv", "syphilis", "longTermImmunosuppressionNeeded", "receivingGvhdTreatment",
  ]

  /// The example patient as subject `id` with ``unstatedConditions`` stated absent (JSON):
  /// eligible for NCT05350787 but for the criteria an investigator attests.
  public static func eligibleForNCT05350787(id: String) throws -> Data {
    let data = try FixtureDirectory.examples.data("patients/P-0001.json")
    guard var record = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      var conditions = record["conditions"] as? [String: Any]
    else {
      throw FixtureError(
        file: "Examples/patients/P-0001.json", line: 1, message: "expected an object with conditions")
    }
    record["id"] = id
    for name in unstatedConditions { conditions[name] = false }
    record["conditions"] = conditions
    return try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
  }
}
