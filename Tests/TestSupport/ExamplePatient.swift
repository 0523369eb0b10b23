import Foundation

/// `Examples/patients/P-0001.json` made eligible for the conduct tests of NCT05350787 and
/// NCT07470073: the conditions those protocols ask about set (found by screening the example
/// against them), its own attestations removed (an investigator attests in the trial), and the
/// birth date, weight and further conditions given.
public enum ExamplePatient {
  public struct Malformed: Error, CustomStringConvertible {
    public let description: String
  }

  public static func record(
    id: String? = nil, birthDate: String = "1964-03-02", weightKg: Double = 58,
    conditions extra: [String: Any] = [:]
  ) throws -> String {
    guard var record = try FixtureDirectory.examples.json("patients/P-0001.json") as? [String: Any],
      var conditions = record["conditions"] as? [String: Any],
      var demographics = record["demographics"] as? [String: Any]
    else { throw Malformed(description: "Examples/patients/P-0001.json lacks conditions or demographics") }
    record.removeValue(forKey: "attestations")
    if let id { record["id"] = id }
    let absent = """
      lymphodepletionAllergy severeCerebrovascularDisease clinicallySignificantHeartDisease geneticDisease \
      cnsInvolvementOnImaging cnsSymptoms activeHepatitisB antiviralProphylaxis activeHepatitisC hiv syphilis \
      longTermImmunosuppressionNeeded receivingGvhdTreatment partnerChildbearingPotential activeTuberculosis \
      boneMarrowFailureSyndrome studyDrugAllergy studyDrugIntolerance studyDrugHypersensitivity \
      severeAllergyHistory uncontrolledArrhythmia nonIschemicCardiomyopathy organTransplantRecipient
      """
    for key in absent.split(separator: " ") { conditions[String(key)] = false }
    conditions["contraceptionAgreed"] = true
    conditions["noSpermDonationAgreed"] = true
    for (key, value) in extra { conditions[key] = value }
    record["conditions"] = conditions
    demographics["birthDate"] = birthDate
    demographics["weight"] = ["value": weightKg, "unit": "kg"]
    record["demographics"] = demographics
    let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }
}
