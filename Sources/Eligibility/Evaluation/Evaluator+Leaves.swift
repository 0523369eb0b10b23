import TrialModel

extension Evaluator {
  /// The truth of the leaf instruction at `pc`.
  func leaf<S: EvidenceSink>(_ pc: Int, _ sink: inout S) -> Truth {
    let label = Int(code[pc].label)
    switch code[pc].op {
    case .fact:
      let fact = code[pc].fact
      guard let value = record[fact] else {
        // Pregnancy, lactation and childbearing potential are not asked of men, a partner of
        // childbearing potential not of women: false for the other sex without being recorded.
        if let askedOf = fact.askedOf {
          guard let sex = record.sex else {
            sink.missing(fact.recordPath)
            sink.missing("demographics.sex")
            return .unknown
          }
          if sex != askedOf {
            sink.note("\(fact.expressionName): not applicable (\(sex.rawValue))")
            return .no
          }
        }
        sink.missing(fact.recordPath)
        return .unknown
      }
      sink.note(
        "\(fact.expressionName): \(value ? (fact.isViralTest ? "positive" : "yes") : (fact.isViralTest ? "negative" : "no"))"
      )
      return Truth(value)
    case .compare:
      return compare(code[pc].source, code[pc].comparison, code[pc].threshold, label, &sink)
    case .age:
      return age(code[pc].comparison, code[pc].span, label, &sink)
    case .since:
      return since(code[pc].selection, code[pc].comparison, code[pc].span, code[pc].anchor, label, &sink)
    case .within:
      return within(code[pc].selection, code[pc].span, code[pc].anchor, code[pc].direction, label, &sink)
    case .ever:
      return within(code[pc].selection, nil, .screening, .before, label, &sink)
    case .ongoing:
      return ongoing(code[pc].selection, label, &sink)
    case .sex:
      let sex = code[pc].sex
      guard let recorded = record.sex else {
        sink.missing("demographics.sex")
        return .unknown
      }
      sink.note("sex \(recorded.rawValue)")
      return Truth(recorded == sex)
    case .cnsStatus:
      let status = code[pc].cnsStatus
      guard let recorded = record.cnsStatus else {
        sink.missing("disease.cnsStatus")
        return .unknown
      }
      sink.note("CNS status \(recorded.rawValue.uppercased())")
      return Truth(recorded == status)
    case .antigen:
      return latestAntigen(
        code[pc].selection, code[pc].hasSpan ? code[pc].span : nil, code[pc].anchor, label, &sink)
    default:
      return .unknown
    }
  }

  private func age<S: EvidenceSink>(_ op: Comparison, _ span: CalendarSpan, _ label: Int, _ sink: inout S)
    -> Truth
  {
    if let birth = record.birthDate {
      let holds = op.holds(span.before(screening).dayNumber, birth.dayNumber)
      if S.records {
        let exact = ageAtScreening()?.exact ?? 0
        sink.note(
          "age \(number: (exact * 100).rounded(.down) / 100) y (born \(birth)) \((holds ? op : op.negated).symbol) \(labels[label])"
        )
      }
      return Truth(holds)
    }
    guard let years = record[.ageYears] else {
      sink.missing("demographics.birthDate")
      return .unknown
    }
    let holds = op.holds(years, span.years)
    sink.note("age \(number: years) y \((holds ? op : op.negated).symbol) \(labels[label])")
    return Truth(holds)
  }

  /// Age in completed years at screening, if known.
  func completedAge() -> Double? {
    if let age = ageAtScreening() { return Double(age.completed) }
    return record[.ageYears].map { $0.rounded(.down) }
  }

  private func compare<S: EvidenceSink>(
    _ source: NumericSource, _ op: Comparison, _ threshold: Double, _ label: Int, _ sink: inout S
  ) -> Truth {
    guard let value = numericValue(source, &sink) else {
      if S.records { explainUnusable(source, &sink) }
      return .unknown
    }
    let holds = op.holds(value, threshold)
    if S.records {
      sink.note("\(describe(source, value)) \((holds ? op : op.negated).symbol) \(labels[label])")
    }
    return Truth(holds)
  }

  /// A numeric value in its canonical unit; the fields that would give it are noted as missing.
  /// (Its evidence is ``describe(_:_:)``: keeping the text out of the result keeps the fast
  /// path free of the text buffer.)
  private func numericValue<S: EvidenceSink>(_ source: NumericSource, _ sink: inout S) -> Double? {
    switch source {
    case .fact(let fact):
      guard let v = record[fact] else {
        sink.missing(fact.recordPath)
        return nil
      }
      return v
    case .lab(let test, let index):
      guard let lab = record.lab(at: index) else {
        sink.missing("labs.\(test.rawValue)")
        return nil
      }
      return lab.value
    case .labTimesULN(let test, let index):
      guard let lab = record.lab(at: index) else {
        sink.missing("labs.\(test.rawValue)")
        return nil
      }
      guard let uln = lab.upperLimitOfNormal else {
        sink.missing("labs.\(test.rawValue).uln")
        return nil
      }
      return lab.recordedValue / uln
    case .completedAge:
      guard let years = completedAge() else {
        sink.missing("demographics.birthDate")
        return nil
      }
      return years
    case .measuredLab(let test, let index, let filter):
      guard let lab = record.lab(at: index) else {
        sink.missing("labs.\(test.rawValue)")
        return nil
      }
      if filter.methods != 0 {
        guard let method = lab.method else {
          sink.missing("labs.\(test.rawValue).method")
          return nil
        }
        guard method.admitted(by: filter.methods) else {
          sink.missing("labs.\(test.rawValue)")
          return nil
        }
      }
      if filter.oxygen != 0 {
        guard let oxygen = lab.oxygen else {
          sink.missing("labs.\(test.rawValue).oxygen")
          return nil
        }
        guard oxygen.admitted(by: filter.oxygen) else {
          sink.missing("labs.\(test.rawValue)")
          return nil
        }
      }
      return lab.value
    case .viralLoad(let fact):
      let path = fact.recordPath
      guard let positive = record[fact] else {
        sink.missing(path)
        return nil
      }
      guard let load = record.viralLoads[fact.rawValue] else {
        // A negative (undetectable) result without a value is below the detection limit.
        if !positive { return 0 }
        sink.missing("\(path).value")
        return nil
      }
      guard load.unit == .iuPerML else {
        sink.missing("\(path).value")
        return nil
      }
      return load.value
    case .creatinineClearance:
      let age = completedAge()
      let weight = record[.weight]
      let sex = record.sex
      let creatinine = record.lab(at: 0)  // LabTest.creatinine is the first case
      if age == nil { sink.missing("demographics.birthDate") }
      if weight == nil { sink.missing(NumericFact.weight.recordPath) }
      if sex == nil { sink.missing("demographics.sex") }
      if creatinine == nil { sink.missing("labs.creatinine") }
      guard let age, let weight, let sex, let creatinine else { return nil }
      return ClinicalFormulas.cockcroftGault(
        ageYears: age, weightKg: weight, creatinineMgPerDL: creatinine.value, female: sex == .female)
    case .bsaMosteller, .bsaDuBois:
      let w = record[.weight]
      let h = record[.height]
      if w == nil { sink.missing(NumericFact.weight.recordPath) }
      if h == nil { sink.missing(NumericFact.height.recordPath) }
      guard let w, let h else { return nil }
      return source == .bsaMosteller
        ? ClinicalFormulas.bsaMosteller(heightCm: h, weightKg: w)
        : ClinicalFormulas.bsaDuBois(heightCm: h, weightKg: w)
    }
  }

  /// Evidence for a value that ``numericValue(_:_:)`` found (so its inputs are recorded): the
  /// value with its unit and how it was derived.
  private func describe(_ source: NumericSource, _ value: Double) -> EvidenceText {
    switch source {
    case .fact(let fact):
      switch fact {
      case .weight: return "weight \(number: value) kg"
      case .height: return "height \(number: value) cm"
      case .marrowBlasts: return "marrow blasts \(number: value) %"
      case .bloodBlasts: return "blood blasts \(number: value) %"
      case .lifeExpectancyDays: return "life expectancy \(number: value) days"
      case .ecog: return "ECOG \(number: value)"
      case .karnofsky: return "Karnofsky \(number: value)"
      case .lansky: return "Lansky \(number: value)"
      default: return "\(fact.expressionName) \(number: value)"
      }
    case .lab(let test, let index):
      let lab = record.lab(at: index)!
      var text: EvidenceText = "\(test.rawValue) \(number: lab.recordedValue) \(lab.recordedUnit)"
      if lab.value != lab.recordedValue {
        text.append(" (\(number: lab.value) \(test.canonicalUnit.description))")
      }
      return text
    case .labTimesULN(let test, let index):
      let lab = record.lab(at: index)!
      return
        "\(test.rawValue) \(number: lab.recordedValue) \(lab.recordedUnit) = \(number: value) ×ULN (ULN \(number: lab.upperLimitOfNormal!))"
    case .completedAge:
      return "age \(number: value) completed years"
    case .measuredLab(let test, let index, _):
      let lab = record.lab(at: index)!
      var text: EvidenceText = "\(test.rawValue) \(number: lab.recordedValue) \(lab.recordedUnit)"
      if let method = lab.method { text.append(" by \(method.rawValue)") }
      if let oxygen = lab.oxygen {
        text.append(" on \(oxygen == .roomAir ? "room air" : "supplemental oxygen")")
      }
      return text
    case .viralLoad(let fact):
      guard let load = record.viralLoads[fact.rawValue] else {
        return "\(fact.expressionName) negative, taken as 0 IU/mL (below the detection limit)"
      }
      return "\(fact.expressionName) \(number: load.value) IU/mL"
    case .creatinineClearance:
      let creatinine = record.lab(at: 0)!
      let scr: EvidenceText =
        creatinine.recordedUnit == "mg/dL"
        ? "\(number: creatinine.value) mg/dL"
        : "\(number: creatinine.recordedValue) \(creatinine.recordedUnit) = \(number: creatinine.value, decimals: 3) mg/dL"
      return
        "CrCl \(number: value, decimals: 1) mL/min (Cockcroft–Gault, \(number: completedAge()!) y, \(number: record[.weight]!) kg, \(scr), \(record.sex!.rawValue))"
    case .bsaMosteller, .bsaDuBois:
      return
        "BSA \(number: value, decimals: 3) m² (\(source == .bsaMosteller ? "Mosteller" : "DuBois"), \(number: record[.height]!) cm, \(number: record[.weight]!) kg)"
    }
  }
}

extension Evaluator {
  /// Why a recorded value cannot be used (measured by another method or condition, a viral load
  /// in copies/mL), so that `missing` is explained by a true sentence.
  fileprivate func explainUnusable<S: EvidenceSink>(_ source: NumericSource, _ sink: inout S) {
    switch source {
    case .measuredLab(let test, let index, let filter):
      guard let lab = record.lab(at: index) else { return }
      if let method = lab.method, !method.admitted(by: filter.methods) {
        sink.note(
          "\(test.rawValue) \(number: lab.recordedValue) \(lab.recordedUnit) by \(method.rawValue) does not count: needs \(LabMethod.names(in: filter.methods))"
        )
      }
      if let oxygen = lab.oxygen, !oxygen.admitted(by: filter.oxygen) {
        sink.note(
          "\(test.rawValue) \(number: lab.recordedValue) \(lab.recordedUnit) on \(oxygen.rawValue) does not count: needs \(OxygenCondition.names(in: filter.oxygen))"
        )
      }
    case .viralLoad(let fact):
      if let load = record.viralLoads[fact.rawValue], load.unit != .iuPerML {
        sink.note(
          "\(fact.expressionName) \(number: load.value) \(load.unit.rawValue) does not convert to IU/mL without the assay's factor"
        )
      }
    default: return
    }
  }
}
