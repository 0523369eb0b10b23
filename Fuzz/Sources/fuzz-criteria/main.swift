import Eligibility
import FuzzSupport
import TrialModel

// The criteria language on an arbitrary expression: lexer, parser and type checker; an expression
// that compiles is evaluated (with its evidence text) against the example patient and a record
// with every fact unknown.
runFuzzer { bytes in
  let criterion = Criterion(id: "I1", text: "fuzz", kind: .inclusion, expression: text(bytes))
  guard let criteria = try? CriteriaCompiler.compile(protocolID: "FUZZ", criteria: [criterion]) else {
    return
  }
  _ = criteria.screen(examplePatient)
  _ = criteria.screen(emptyPatient)
}
