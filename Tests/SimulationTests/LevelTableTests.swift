import Testing

@testable import Simulation

/// The level table against a dictionary: random keys added several times each (merging their
/// probabilities), through several growths from a deliberately small start, for both key widths.
@Test(arguments: [2, 4])
func levelTableMergesLikeADictionary(words: Int) {
  var generator = SplitMix64(seed: 7)
  func run<W: SIMD>(_: W.Type) where W.Scalar == UInt64 {
    var table = LevelTable<W>(expected: 1)
    var reference: [[UInt64]: Double] = [:]
    var keys: [W] = []
    for _ in 0..<3000 {
      var key = W()
      // Small words so that keys repeat; never the all-zero key (an empty slot).
      for i in 0..<W.scalarCount { key[i] = generator.next() % 40 }
      key[0] |= 1
      keys.append(key)
    }
    for (n, key) in keys.enumerated() {
      let m = Double(n % 17 + 1) / 64
      table.add(key, m)
      reference[(0..<W.scalarCount).map { key[$0] }, default: 0] += m
    }
    #expect(table.count == reference.count)
    #expect(table.count > 700)  // grew several times from 64 slots
    var seen = 0
    for slot in 0..<table.capacity where !table.isEmpty(slot) {
      let (key, m) = table.entry(slot)
      #expect(reference[(0..<W.scalarCount).map { key[$0] }] == m)
      seen += 1
    }
    #expect(seen == reference.count)
    table.reset(expected: 10)
    #expect(table.count == 0)
    #expect((0..<table.capacity).allSatisfy { table.isEmpty($0) })
  }
  if words == 2 { run(SIMD2<UInt64>.self) } else { run(SIMD4<UInt64>.self) }
}

/// Neumaier's sum keeps what a plain sum loses: 1 plus 10⁶ values of 1e-17 (each below half an
/// ulp of 1, so a plain running sum never moves).
@Test func compensatedSumKeepsSmallTerms() {
  var plain = 1.0
  var sum = CompensatedSum()
  sum.add(1)
  for _ in 0..<1_000_000 {
    plain += 1e-17
    sum.add(1e-17)
  }
  #expect(plain == 1)
  #expect(abs(sum.value - (1 + 1e-11)) < 1e-15)
}
