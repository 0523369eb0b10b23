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

  /// Valid expressions, what each compiles to (written by hand from the language definition in
  /// the README: thresholds in the compared value's canonical unit, `a <= x` mirrored to
  /// `x >= a`, `!=` as `not(==)`, ×ULN as a ratio to the upper limit of normal, creatinine at
  /// 88.42 µmol/L per mg/dL, 12 weeks = 84 days) and its verdict on the README's example patient
  /// (62-year-old man, creatinine 168 µmol/L, ALT 52/40 U/L, allogeneic HSCT on 2025-06-03, CD19+
  /// on 2026-11-12, consent 2026-11-16, prednisone 10 mg/day on 2026-11-17, CNS1, life
  /// expectancy 6 months, HBsAg and HBV DNA negative); nil where the verdict rests on a derived
  /// value this test does not restate.
  @Test(
    arguments: [
      ("age >= 18 years and age < 70 years", "and(age >= 18 years; age < 70 years)", Verdict.met),
      ("12 years <= age and completedAge <= 75 years", "and(age >= 12 years; completedAge <= 75)", .met),
      (
        "creatinine <= 1.6 mg/dL or creatinine <= 141 µmol/L", "or(creatinine <= 1.6; creatinine <= 1.59466)",
        .notMet
      ),
      (
        "alt <= 3 ×ULN and ast <= 3 xULN and bilirubin <= 2.0 mg/dL",
        "and(alt/ULN <= 3; ast/ULN <= 3; bilirubin <= 2)", .met
      ),
      ("crcl >= 30 mL/min", "crcl >= 30", nil),
      (
        "if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70",
        "if(age < 16 years [lanskyAgeLimit]; lansky >= 50; karnofsky >= 70)", nil
      ),
      ("not (hsct within 3 months before screening)", "not(hsct within 3 months before screening)", .met),
      (
        "steroid[dose > 15] within 3 days before infusion",
        "steroid[dose > 15] within 3 days before infusion",
        .notMet
      ),
      ("since(hsct) >= 100 days", "since(hsct) >= 100 days", .met),
      ("ever(antiCD19) or ever(antiCD3)", "or(ever(antiCD19); ever(antiCD3))", .notMet),
      ("cd19 within 1 months before consent", "antigen CD19 within 1 months before consent", .met),
      ("sex == female and (pregnant or lactating)", "and(sex == female; or(pregnant; lactating))", .notMet),
      ("cnsStatus != cns1", "not(cnsStatus == cns1)", .notMet),
      ("marrowBlasts >= 5 % or bloodBlasts >= 5 %", "or(marrowBlasts >= 5; bloodBlasts >= 5)", .met),
      ("lifeExpectancy >= 12 weeks", "lifeExpectancyDays >= 84", .met),
      ("bsa.mosteller <= 2 m² and bsa.dubois > 0.5 m2", "and(bsa.mosteller <= 2; bsa.dubois > 0.5)", .met),
      ("viral.hbsag or viral.hbvDna", "or(hbsag; hbvDna)", .notMet),
      ("18 years <= age < 70 years", "and(age >= 18 years; age < 70 years)", .met),
    ] as [(String, String, Verdict?)])
  func validExpressionsCompile(expression: String, shape: String, verdict expected: Verdict?) throws {
    let node = try ExpressionCompiler(settings: EligibilitySettings()).compile(expression)
    #expect(NodeShape.describe(node) == shape)
    if let expected {
      #expect(try verdict(expression, try record(examplePatientJSON)).verdict == expected)
    }
  }

  @Test func unknownUnitIsReportedAtItsColumn() {
    let e = error("age >= 18 yeers")
    #expect(e?.offset == 10)
    #expect(e?.message.contains("unknown unit 'yeers'") == true)
  }

  /// Regression: an unknown name on the right of a comparison was reported at the comparison's
  /// first column (the left operand) instead of its own.
  @Test(arguments: [
    ("age >= frobnicate", 7, "unknown name 'frobnicate'"),
    ("18 years <= agee", 12, "unknown name 'agee'"),
    ("pregnant == female", 12, "unknown name 'female'"),
    ("sex == other", 7, "male or female"),
    ("cnsStatus != cns4", 13, "cns1, cns2 or cns3"),
  ])
  func unknownOperandIsReportedAtItsColumn(expression: String, offset: Int, message: String) {
    let e = error(expression)
    #expect(e?.offset == offset, "\(e?.description ?? "no error")")
    #expect(e?.message.contains(message) == true, "\(e?.description ?? "no error")")
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
    ("hsct within 3 days before lunch", "screening, enrollment, consent"),
    ("steroid[weight > 2] within 3 days", "dose, grade, route or type"),
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

  /// Found with the fuzz target `fuzz-criteria` (Fuzz/, on inputs written by hand): a span or age
  /// too large for a date trapped when the criterion was evaluated (Double → Int conversion, or overflow moving the date).
  @Test(arguments: [
    "steroid within 1e300 days before consent",
    "steroid within 99999999999999999999999 days before consent",
    "age >= 99999999999999999 years",
    "age >= 9999999999999999999999 years",
    "since(hsct) >= 1e20 weeks",
  ])
  func spansBeyondTwoHundredYearsAreRefused(expression: String) throws {
    let e = error(expression)
    #expect(e?.message.contains("at most 200 years") == true, "\(e?.message ?? "no error")")
  }

  /// Up to the limit a span compiles and evaluates against a patient.
  @Test(arguments: ["steroid within 73000 days before consent", "age <= 200 years", "age >= 2400 months"])
  func spansUpToTheLimitEvaluate(expression: String) throws {
    let patient = try record(examplePatientJSON)
    #expect([.met, .notMet].contains(try verdict(expression, patient).verdict))
  }

  @Test func duplicateCriterionIdsAreRejected() {
    #expect(throws: CriteriaError.self) {
      try criteria([("I1", "consent"), ("I1", "consent")])
    }
  }
}
