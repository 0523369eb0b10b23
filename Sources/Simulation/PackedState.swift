import DoseFinding
import Inputs

/// A trial state packed into 256 bits, used as a hash key when states are merged.
///
/// Holds what a count-driven design's decision and final selection depend on (per-dose counts,
/// current dose, eliminated doses, last cohort) and, for finished trials, the selected dose and the
/// stop reason. Hashing four words is far cheaper than hashing a ``TrialHistory`` with its array.
public struct PackedState: Hashable, Sendable {
  var words: SIMD4<UInt64>

  init(words: SIMD4<UInt64>) { self.words = words }
}

/// Where each field of a ``PackedState`` lives: a fixed bit layout derived from the number of
/// doses and the maximum sample size. Fields never straddle a word boundary.
struct StateLayout: Sendable {
  struct Field: Sendable {
    let word: Int
    let shift: UInt64
    let mask: UInt64
  }

  let doseCount: Int
  let patients: [Field]
  let dlts: [Field]
  let currentDose: Field
  let eliminatedFrom: Field  // stores index + 1; 0 = none
  let lastCohortPresent: Field
  let lastCohortPatients: Field
  let lastCohortDLTs: Field
  let selection: Field  // stores index + 1; 0 = no MTD
  let stopReason: Field  // 0 = running, 1… = StopReason
  /// The bits of all per-dose count fields.
  let countsMask: SIMD4<UInt64>
  /// Cohort size the increments are tabulated for.
  let cohortSize: Int
  /// `cohortIncrement[d * (c + 1) + y]`: what adding a cohort of c with y DLTs at dose d adds to
  /// the words (the count fields are wide enough never to carry into a neighbour).
  let cohortIncrement: [SIMD4<UInt64>]

  /// A layout for `doseCount` doses and at most `maxSampleSize` patients, or an error when it does
  /// not fit in 256 bits.
  init(doseCount: Int, maxSampleSize: Int, cohortSize: Int) throws(InputError) {
    func bits(_ maxValue: Int) -> Int { max(1, Int.bitWidth - max(maxValue, 1).leadingZeroBitCount) }
    var word = 0
    var used = 0
    var overflow = false
    func field(_ width: Int) -> Field {
      if used + width > 64 {
        word += 1
        used = 0
      }
      if word > 3 { overflow = true }
      let result = Field(
        word: min(word, 3), shift: UInt64(used), mask: width == 64 ? .max : (1 << UInt64(width)) - 1)
      used += width
      return result
    }
    let countBits = bits(maxSampleSize)
    let doseBits = bits(doseCount)
    var patients: [Field] = []
    var dlts: [Field] = []
    for _ in 0..<doseCount {
      patients.append(field(countBits))
      dlts.append(field(countBits))
    }
    self.doseCount = doseCount
    self.patients = patients
    self.dlts = dlts
    currentDose = field(doseBits)
    eliminatedFrom = field(doseBits)
    lastCohortPresent = field(1)
    lastCohortPatients = field(countBits)
    lastCohortDLTs = field(countBits)
    selection = field(doseBits)
    stopReason = field(2)
    var countsMask = SIMD4<UInt64>.zero
    for f in patients + dlts { countsMask[f.word] |= f.mask << f.shift }
    self.countsMask = countsMask
    self.cohortSize = cohortSize
    var increments: [SIMD4<UInt64>] = []
    for d in 0..<doseCount {
      for y in 0...cohortSize {
        var delta = SIMD4<UInt64>.zero
        delta[patients[d].word] &+= UInt64(cohortSize) << patients[d].shift
        delta[dlts[d].word] &+= UInt64(y) << dlts[d].shift
        increments.append(delta)
      }
    }
    cohortIncrement = increments
    guard !overflow else {
      throw InputError(
        .limitExceeded, field: "maxSampleSize",
        expected: "a trial whose states fit the exact state key (256 bits); simulate instead",
        found: "\(doseCount) doses with up to \(maxSampleSize) patients")
    }
  }

  /// The number of 64-bit words the layout uses (the stop reason is the last field laid out); 2
  /// or fewer lets ``ExactOperatingCharacteristics`` use two-word keys.
  var wordCount: Int { stopReason.word + 1 }

  func get<W: SIMD>(_ f: Field, _ w: W) -> Int where W.Scalar == UInt64 {
    Int(truncatingIfNeeded: (w[f.word] >> f.shift) & f.mask)
  }

  func set<W: SIMD>(_ f: Field, _ value: Int, _ w: inout W) where W.Scalar == UInt64 {
    let v = UInt64(truncatingIfNeeded: value) & f.mask
    w[f.word] = (w[f.word] & ~(f.mask << f.shift)) | (v << f.shift)
  }

  func get(_ f: Field, _ s: PackedState) -> Int { get(f, s.words) }

  func set(_ f: Field, _ value: Int, _ s: inout PackedState) { set(f, value, &s.words) }

  /// The packed form of a running trial's history.
  func pack(_ history: TrialHistory) -> PackedState { PackedState(words: pack(history)) }

  /// The packed words of a running trial's history, in a key of `W`'s width (at least
  /// ``wordCount`` words).
  func pack<W: SIMD>(_ history: TrialHistory) -> W where W.Scalar == UInt64 {
    var s = W()
    for (d, c) in history.counts.enumerated() {
      set(patients[d], c.patients, &s)
      set(dlts[d], c.dlts, &s)
    }
    set(currentDose, history.currentDose, &s)
    set(eliminatedFrom, history.eliminatedFrom.map { $0 + 1 } ?? 0, &s)
    if let last = history.lastCohort {
      set(lastCohortPresent, 1, &s)
      set(lastCohortPatients, last.patients, &s)
      set(lastCohortDLTs, last.dlts, &s)
    }
    return s
  }

  /// Writes the packed state into `history`, reusing its storage (no allocation once `history`
  /// has the right number of doses).
  func unpack(_ s: PackedState, into history: inout TrialHistory) { unpack(s.words, into: &history) }

  func unpack<W: SIMD>(_ s: W, into history: inout TrialHistory) where W.Scalar == UInt64 {
    if history.counts.count != doseCount {
      history.counts = Array(repeating: DoseCounts(), count: doseCount)
    }
    for d in 0..<doseCount {
      history.counts[d] = DoseCounts(patients: get(patients[d], s), dlts: get(dlts[d], s))
    }
    history.currentDose = get(currentDose, s)
    let eliminated = get(eliminatedFrom, s)
    history.eliminatedFrom = eliminated == 0 ? nil : eliminated - 1
    history.lastCohort =
      get(lastCohortPresent, s) == 1
      ? DoseCounts(patients: get(lastCohortPatients, s), dlts: get(lastCohortDLTs, s)) : nil
  }

  /// The key of the state after one more cohort of ``cohortSize`` patients with `y` DLTs at
  /// `dose`, with the parent's decision's eliminated set (−1: none).
  func child(
    of s: PackedState, dose: Int, dlts y: Int, eliminatedFrom elim: Int, recordLastCohort: Bool
  ) -> PackedState {
    PackedState(
      words: child(of: s.words, dose: dose, dlts: y, eliminatedFrom: elim, recordLastCohort: recordLastCohort)
    )
  }

  func child<W: SIMD>(
    of s: W, dose: Int, dlts y: Int, eliminatedFrom elim: Int, recordLastCohort: Bool
  ) -> W where W.Scalar == UInt64 {
    let increment = cohortIncrement[dose &* (cohortSize &+ 1) &+ y]
    var c = W()
    for i in 0..<W.scalarCount { c[i] = (s[i] & countsMask[i]) &+ increment[i] }
    set(currentDose, dose, &c)
    set(eliminatedFrom, elim &+ 1, &c)
    if recordLastCohort {
      set(lastCohortPresent, 1, &c)
      set(lastCohortPatients, cohortSize, &c)
      set(lastCohortDLTs, y, &c)
    }
    return c
  }

  /// The patients and DLTs of state `s` at `dose`.
  func doseCounts<W: SIMD>(_ s: W, dose d: Int) -> DoseCounts where W.Scalar == UInt64 {
    DoseCounts(patients: get(patients[d], s), dlts: get(dlts[d], s))
  }

  func doseCounts(_ s: PackedState, dose d: Int) -> DoseCounts { doseCounts(s.words, dose: d) }

  /// The key of the counts alone (other fields cleared).
  func counts(of s: PackedState) -> PackedState { PackedState(words: s.words & countsMask) }

  /// The four-word key of the counts alone of a key of any width.
  func counts<W: SIMD>(of s: W) -> PackedState where W.Scalar == UInt64 {
    var words = SIMD4<UInt64>.zero
    for i in 0..<W.scalarCount { words[i] = s[i] & countsMask[i] }
    return PackedState(words: words)
  }

  /// The key of a finished trial: only what the operating characteristics need (counts,
  /// selection, stop reason), so that equal outcomes merge.
  func terminal(of s: PackedState, selected: Int?, reason: StopReason) -> PackedState {
    terminal(of: s.words, selected: selected, reason: reason)
  }

  func terminal<W: SIMD>(of s: W, selected: Int?, reason: StopReason) -> PackedState
  where W.Scalar == UInt64 {
    var t = counts(of: s)
    set(selection, selected.map { $0 + 1 } ?? 0, &t)
    set(stopReason, Self.code(reason), &t)
    return t
  }

  static func code(_ reason: StopReason) -> Int {
    switch reason {
    case .maxSampleSize: 1
    case .lowestDoseTooToxic: 2
    case .designRule: 3
    }
  }

  static func reason(_ code: Int) -> StopReason {
    switch code {
    case 2: .lowestDoseTooToxic
    case 3: .designRule
    default: .maxSampleSize
    }
  }

  /// Reads a terminal key back.
  func outcome(_ t: PackedState) -> TrialOutcome {
    var counts: [DoseCounts] = []
    counts.reserveCapacity(doseCount)
    for d in 0..<doseCount {
      counts.append(DoseCounts(patients: get(patients[d], t), dlts: get(dlts[d], t)))
    }
    let selected = get(selection, t)
    return TrialOutcome(
      counts: counts, selected: selected == 0 ? nil : selected - 1,
      stopReason: Self.reason(get(stopReason, t)))
  }
}

/// What the operating characteristics need from one finished trial.
public struct TrialOutcome: Sendable, Hashable {
  /// Patients and DLTs per dose.
  public var counts: [DoseCounts]
  /// The selected MTD index, `nil` for "no MTD".
  public var selected: Int?
  /// Why the trial stopped.
  public var stopReason: StopReason
}
