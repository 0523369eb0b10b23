import Eligibility
import FuzzSupport
import ProtocolFiles

// The protocol loader on arbitrary YAML: YAML syntax, the model's keys, the validator and the
// criteria compiler. A protocol that loads is compiled for each group and screens the example
// patient, as `cartrial screen` does.
runFuzzer { bytes in
  guard let trial = try? ProtocolLoader.load(yaml: text(bytes), file: "fuzz.yaml") else { return }
  for group in [nil] + trial.groups.map(Optional.some) {
    guard let criteria = try? CriteriaCompiler.compile(trial, group: group) else { continue }
    _ = criteria.screen(examplePatient)
    _ = criteria.screen(emptyPatient)
  }
}
