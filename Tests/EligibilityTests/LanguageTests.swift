import Testing
import TrialModel

@testable import Eligibility

@Suite struct LanguageTests {
  private func error(_ expression: String) -> ExpressionError? {
    do {
      _ = try ExpressionCompiler(settings: EligibilitySettings()).compile(expression)
      return nil
    } catch { return error }
  }

  @Test(arguments: [
    "age >= 18 years and age < 70 years",
    "12 years <= age and completedAge <= 75 years",
    "creatinine <= 1.6 mg/dL or creatinine <= 141 µmol/L",
    "alt <= 3 ×ULN and ast <= 3 xULN and bilirubin <= 2.0 mg/dL",
    "crcl >= 30 mL/min",
    "if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70",
    "not (hsct within 3 months before screening)",
    "steroid[dose > 15] within 3 days before infusion",
    "since(hsct) >= 100 days",
    "ever(antiCD19) or ever(antiCD3)",
    "cd19 within 1 months before consent",
    "sex == female and (pregnant or lactating)",
    "cnsStatus != cns1",
    "marrowBlasts >= 5 % or bloodBlasts >= 5 %",
    "lifeExpectancy >= 12 weeks",
    "bsa.mosteller <= 2 m² and bsa.dubois > 0.5 m2",
    "viral.hbsag or viral.hbvDna",
    "18 years <= age < 70 years",
  ])
  func validExpressionsCompile(expression: String) throws {
    _ = try ExpressionCompiler(settings: EligibilitySettings()).compile(expression)
  }

  @Test func unknownUnitIsReportedAtItsColumn() {
    let e = error("age >= 18 yeers")
    #expect(e?.offset == 10)
    #expect(e?.message.contains("unknown unit 'yeers'") == true)
  }

  @Test func misspelledNameGetsASuggestion() {
    let e = error("creatinin <= 1.6 mg/dL")
    #expect(e?.offset == 0)
    #expect(e?.message.contains("did you mean 'creatinine'") == true)
  }

  @Test(arguments: [
    ("creatinine <= 30 mL/min", "mg/dL"),
    ("ecog <= 1 mg/dL", "plain number"),
    ("age", "condition"),
    ("crcl >= 30", "mL/min"),
    ("age >= 18 kg", "age"),
    ("alt <= 3 mg/dL", "U/L"),
    ("sex == other", "male or female"),
    ("hsct within 3 kg", "duration"),
    ("hsct within 3 days before lunch", "screening, infusion"),
    ("steroid[weight > 2] within 3 days", "dose or grade"),
    ("crcl >= weight", "cannot compare"),
    ("frobnicate(hsct)", "unknown function"),
    ("(age >= 18 years", "')'"),
    ("age >= 18 years and", "expected a value"),
    ("age $ 3", "unexpected character"),
  ])
  func typeAndSyntaxErrorsExplainThemselves(expression: String, expected: String) {
    let e = error(expression)
    #expect(e != nil)
    #expect(e?.message.contains(expected) == true, "\(e?.message ?? "no error")")
  }

  /// A bad expression in a protocol file is reported at file:line:column of the bad token.
  @Test func protocolErrorsCarryFileLineColumn() {
    let criterion = Criterion(
      id: "I3", text: "…", kind: .inclusion, expression: "ecog <= 1 and crcl >= 30 mg/dL",
      expressionLocation: SourceLocation(file: "NCT1.yaml", line: 40, column: 19))
    #expect(throws: CriteriaError.self) {
      try CriteriaCompiler.compile(protocolID: "NCT1", criteria: [criterion])
    }
    do {
      _ = try CriteriaCompiler.compile(protocolID: "NCT1", criteria: [criterion])
    } catch {
      #expect(error.location == SourceLocation(file: "NCT1.yaml", line: 40, column: 19 + 14))
      #expect(error.description.hasPrefix("NCT1.yaml:40:33: criterion I3:"))
    }
  }

  @Test func duplicateCriterionIdsAreRejected() {
    #expect(throws: CriteriaError.self) {
      try criteria([("I1", "consent"), ("I1", "consent")])
    }
  }
}
