/// One question of a trial's pre-screening questionnaire, in plain words, and where its answer goes
/// in a patient record (README: patient record). A question is asked when a trial's computable
/// criteria read what it answers. Earlier treatments (transplant, CAR-T, washout windows) are not
/// asked: their criteria need dates and a complete history, which only the study team has.
public struct PreScreeningQuestion: Sendable, Hashable, Identifiable {
  /// The form field (`age`, `ecog`).
  public var id: String
  /// What the patient is asked.
  public var prompt: String
  /// The choices (value, words), or none for a number.
  public var choices: [(value: String, label: String)]
  /// For a number: its unit in words (`years`, `mg/dL`).
  public var unit: String?
  /// The names in criteria expressions this question answers.
  public var reads: Set<String>

  public static func == (a: Self, b: Self) -> Bool { a.id == b.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  static let yesNo: [(value: String, label: String)] = [
    ("yes", "yes"), ("no", "no"), ("unknown", "I don't know"),
  ]

  /// Every question, in the order they are asked.
  public static let all: [PreScreeningQuestion] = [
    PreScreeningQuestion(
      id: "age", prompt: "How old are you?", choices: [], unit: "years",
      reads: ["age", "completedAge", "crcl"]),
    PreScreeningQuestion(
      id: "sex", prompt: "Your sex", choices: [("female", "female"), ("male", "male")], unit: nil,
      reads: ["sex", "pregnant", "lactating", "childbearingPotential", "crcl"]),
    PreScreeningQuestion(
      id: "diagnosis",
      prompt: "Has a doctor told you that you have B-cell acute lymphoblastic leukaemia (B-ALL)?",
      choices: yesNo, unit: nil, reads: ["bAll"]),
    PreScreeningQuestion(
      id: "status", prompt: "Where is the leukaemia now?",
      choices: [
        ("relapsed", "it came back after treatment had cleared it"),
        ("refractory", "treatment did not clear it"),
        ("relapsedAndRefractory", "it came back, and treatment since has not cleared it"),
        ("remission", "it is in remission"), ("newlyDiagnosed", "it was just found, not yet treated"),
        ("unknown", "I don't know"),
      ], unit: nil, reads: ["relapsed", "refractory"]),
    PreScreeningQuestion(
      id: "cd19", prompt: "Was the leukaemia found to carry CD19 (a marker on the cells)?", choices: yesNo,
      unit: nil, reads: ["cd19"]),
    PreScreeningQuestion(
      id: "cd20", prompt: "Was the leukaemia found to carry CD20?", choices: yesNo, unit: nil, reads: ["cd20"]
    ),
    PreScreeningQuestion(
      id: "ecog", prompt: "Which describes your day best?",
      choices: [
        ("0", "fully active, as before the illness"), ("1", "light work only, no strenuous activity"),
        ("2", "up and about more than half the day, no work"),
        ("3", "in bed or a chair more than half the day"),
        ("4", "in bed or a chair all day"), ("unknown", "I don't know"),
      ], unit: nil, reads: ["ecog"]),
    PreScreeningQuestion(
      id: "pregnant", prompt: "Are you pregnant?", choices: yesNo, unit: nil, reads: ["pregnant"]),
    PreScreeningQuestion(
      id: "lactating", prompt: "Are you breastfeeding?", choices: yesNo, unit: nil, reads: ["lactating"]),
    PreScreeningQuestion(
      id: "infection", prompt: "Do you have an infection that is being treated now?", choices: yesNo,
      unit: nil,
      reads: ["activeInfection", "uncontrolledInfection"]),
    PreScreeningQuestion(
      id: "hiv", prompt: "Have you tested positive for HIV?", choices: yesNo, unit: nil, reads: ["hiv"]),
    PreScreeningQuestion(
      id: "creatinine", prompt: "Your latest creatinine, if you know it", choices: [], unit: "mg/dL",
      reads: ["creatinine", "crcl"]),
    PreScreeningQuestion(
      id: "bilirubin", prompt: "Your latest total bilirubin, if you know it", choices: [], unit: "mg/dL",
      reads: ["bilirubin"]),
  ]
}
