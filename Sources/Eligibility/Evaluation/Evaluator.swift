/// Evaluates compiled criteria against one patient on one screening date.
///
/// One code path serves both the fast verdict (``NoEvidence``) and the explained verdict
/// (``EvidenceRecorder``): composite nodes first decide with Kleene logic, then, only when
/// recording, explain the sub-terms that decided (the false terms of a false conjunction, the
/// unknown ones of an undecided one, …).
struct Evaluator {
  let record: PatientRecord
  let screening: CivilDate
  let settings: EligibilitySettings

  func evaluate<S: EvidenceSink>(_ node: Node, _ sink: inout S) -> Truth {
    switch node {
    case .constant(let b): return Truth(b)
    case .and(let terms):
      if !S.records {
        var result = Truth.yes
        for t in terms {
          var none = NoEvidence()
          result = result && evaluate(t, &none)
          if result == .no { return .no }
        }
        return result
      }
      return explainJunction(terms, decisive: .no, &sink)
    case .or(let terms):
      if !S.records {
        var result = Truth.no
        for t in terms {
          var none = NoEvidence()
          result = result || evaluate(t, &none)
          if result == .yes { return .yes }
        }
        return result
      }
      return explainJunction(terms, decisive: .yes, &sink)
    case .not(let inner):
      var child = S()
      let t = evaluate(inner, &child)
      if S.records { sink.absorb(child) }
      return !t
    case .conditional(let c, let a, let b):
      var condition = S()
      let ct = evaluate(c, &condition)
      var first = S()
      var second = S()
      let at = ct == .no ? Truth.unknown : evaluate(a, &first)
      let bt = ct == .yes ? Truth.unknown : evaluate(b, &second)
      let result = Truth.choose(ct, at, bt)
      if S.records {
        if ct == .unknown, result != .unknown {
          sink.note("condition not recorded, but both alternatives give the same verdict")
        }
        sink.absorb(condition)
        if ct != .no { sink.absorb(first) }
        if ct != .yes { sink.absorb(second) }
      }
      return result
    default:
      return leaf(node, &sink)
    }
  }

  /// A conjunction (`decisive` = no) or disjunction (`decisive` = yes), explained: decide
  /// without evidence first, then record evidence only for the terms that decided (all terms
  /// of a true conjunction, the false ones of a false one, the unknown ones if undecided).
  private func explainJunction<S: EvidenceSink>(_ terms: [Node], decisive: Truth, _ sink: inout S) -> Truth {
    var result: Truth = !decisive
    for t in terms {
      var none = NoEvidence()
      let truth = evaluate(t, &none)
      result = decisive == .no ? result && truth : result || truth
    }
    for t in terms {
      var none = NoEvidence()
      guard evaluate(t, &none) == result else { continue }
      _ = evaluate(t, &sink)
    }
    return result
  }
}
