/// Evaluates compiled criteria against one patient on one screening date.
///
/// One code path serves both the fast verdict (``NoEvidence``) and the explained verdict
/// (``EvidenceRecorder``): composite nodes first decide with Kleene logic, then, only when
/// recording, explain the sub-terms that decided (the false terms of a false conjunction, the
/// unknown ones of an undecided one, …).
struct Evaluator {
  let record: PatientRecord
  let screening: CivilDate
  /// The protocol's instructions (see ``Program``), valid for the evaluator's lifetime.
  let code: UnsafeBufferPointer<Instruction>
  let labels: [String]
  /// Anchor dates as evidence text, in ``Anchor/all`` order; empty on the fast path.
  var anchorDescriptions: [String] = []
  /// Age at screening from the birth date, derived once per report rather than once per
  /// criterion (set by ``ageAtScreening()``; the fast paths, which stop at the first failing
  /// criterion, derive it only where needed).
  var birthAge: (completed: Int, exact: Double)?

  init(record: PatientRecord, screening: CivilDate, code: UnsafeBufferPointer<Instruction>, labels: [String])
  {
    self.record = record
    self.screening = screening
    self.code = code
    self.labels = labels
  }

  /// Age at screening from the birth date: the stored value, else derived now.
  func ageAtScreening() -> (completed: Int, exact: Double)? {
    birthAge ?? record.birthDate.map { ClinicalFormulas.age(born: $0, on: screening) }
  }

  func evaluate<S: EvidenceSink>(_ pc: Int, _ sink: inout S) -> Truth {
    // Fields are read through `code[pc]` rather than from a copy of the (large) instruction.
    switch code[pc].op {
    case .constant: return Truth(code[pc].count != 0)
    case .and, .or:
      if S.records { return explainJunction(pc, &sink) }
      let decisive: Truth = code[pc].op == .and ? .no : .yes
      var result: Truth = !decisive
      var child = pc + 1
      for _ in 0..<code[pc].count {
        var none = NoEvidence()
        let truth = evaluate(child, &none)
        result = decisive == .no ? result && truth : result || truth
        if result == decisive { break }
        child += Int(code[child].size)
      }
      return result
    case .not:
      return !evaluate(pc + 1, &sink)
    case .conditional:
      let condition = pc + 1
      let first = condition + Int(code[condition].size)
      let second = first + Int(code[first].size)
      var none = NoEvidence()
      let ct = evaluate(condition, &none)
      let at = ct == .no ? Truth.unknown : evaluate(first, &none)
      let bt = ct == .yes ? Truth.unknown : evaluate(second, &none)
      let result = Truth.choose(ct, at, bt)
      if S.records {
        _ = evaluate(condition, &sink)
        if ct == .unknown, result != .unknown {
          sink.note("condition not recorded, but both alternatives give the same verdict")
        }
        if ct != .no { _ = evaluate(first, &sink) }
        if ct != .yes { _ = evaluate(second, &sink) }
      }
      return result
    default:
      return leaf(pc, &sink)
    }
  }

  /// Decides a conjunction or disjunction and records the evidence of the terms that decided
  /// it: all terms of a true conjunction, the false ones of a false one, the unknown ones if
  /// undecided. Each term is first decided once without evidence (the truths are kept on the
  /// stack), then only the deciding terms are explained.
  private func explainJunction<S: EvidenceSink>(_ pc: Int, _ sink: inout S) -> Truth {
    let count = Int(code[pc].count)
    let decisive: Truth = code[pc].op == .and ? .no : .yes
    return withUnsafeTemporaryAllocation(of: Truth.self, capacity: count) { truths in
      var result: Truth = !decisive
      var child = pc + 1
      for i in 0..<count {
        var none = NoEvidence()
        truths[i] = evaluate(child, &none)
        result = decisive == .no ? result && truths[i] : result || truths[i]
        child += Int(code[child].size)
      }
      child = pc + 1
      for i in 0..<count {
        if truths[i] == result { _ = evaluate(child, &sink) }
        child += Int(code[child].size)
      }
      return result
    }
  }
}
