/// The states of one level of an exact enumeration (every trial after the same number of
/// cohorts) with their probabilities: an open-addressing hash table (linear probing, load ≤ 0.85)
/// whose slots hold the packed key's words and the probability side by side in one flat array
/// (24 bytes a state for two-word keys), so that adding a state's probability touches one place
/// in memory.
///
/// Trial states after k cohorts can only come from states after k − 1 cohorts, so a level is
/// built from the one before and cleared once its successors are built: the enumeration holds two
/// levels, never the whole tree (the "freed level by level" of issue 16). The table is sized to
/// the level (any number of slots, not a power of two) and reused from level to level.
///
/// The all-zero key marks an empty slot: every state after at least one cohort has patients.
struct LevelTable<Key: SIMD> where Key.Scalar == UInt64 {
  /// Slot i is `words[i * stride ..< i * stride + Key.scalarCount]` (the key) followed by the
  /// bit pattern of its probability.
  private var words: [UInt64] = []
  private let stride = Key.scalarCount + 1
  /// Slots in the table (occupied or not).
  private(set) var capacity = 0
  /// States stored.
  private(set) var count = 0

  /// An empty table with room for `expected` states before it grows.
  init(expected: Int) { reset(expected: expected) }

  /// Empties the table, keeping its memory when it is large enough for `expected` states (and
  /// not more than twice as large).
  mutating func reset(expected: Int) {
    let size = max(64, expected * 20 / 17 + 1)
    if capacity >= size && capacity <= 2 * size {
      words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    } else {
      words = []
      capacity = size
      words = Array(repeating: 0, count: size * stride)
    }
    count = 0
  }

  func isEmpty(_ slot: Int) -> Bool {
    let base = slot &* stride
    for i in 0..<Key.scalarCount where words[base &+ i] != 0 { return false }
    return true
  }

  /// The key and probability in `slot`.
  func entry(_ slot: Int) -> (key: Key, mass: Double) {
    let base = slot &* stride
    var key = Key()
    for i in 0..<Key.scalarCount { key[i] = words[base &+ i] }
    return (key, Double(bitPattern: words[base &+ Key.scalarCount]))
  }

  /// The home slot of `key`: the words combined by multiply–xorshift steps (SplitMix64
  /// constants), mapped onto the slots by the high half of a full-width product.
  func home(_ key: Key) -> Int {
    var h: UInt64 = 0
    for i in 0..<Key.scalarCount {
      h = (h ^ key[i]) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
    }
    return Int(truncatingIfNeeded: h.multipliedFullWidth(by: UInt64(capacity)).high)
  }

  /// Reads the home slot's first word: touching the homes of a batch of keys before adding them
  /// lets their cache misses overlap (the table is far larger than the caches).
  func touch(_ home: Int) -> UInt64 { words[home &* stride] }

  /// Adds probability `m` to state `key` (a non-zero key), storing the state if it is new.
  mutating func add(_ key: Key, _ m: Double) { add(key, m, home: home(key), capacity: capacity) }

  /// The same with `key`'s home slot computed for a table of `capacity` slots (recomputed if the
  /// table has grown since).
  mutating func add(_ key: Key, _ m: Double, home: Int, capacity: Int) {
    var slot = capacity == self.capacity ? home : self.home(key)
    while true {
      let base = slot &* stride
      var empty = true
      var equal = true
      for i in 0..<Key.scalarCount {
        let w = words[base &+ i]
        if w != 0 { empty = false }
        if w != key[i] { equal = false }
      }
      if equal {
        let mass = base &+ Key.scalarCount
        words[mass] = (Double(bitPattern: words[mass]) + m).bitPattern
        return
      }
      if empty { break }
      slot &+= 1
      if slot == self.capacity { slot = 0 }
    }
    if 20 * (count + 1) > 17 * self.capacity {
      grow()
      add(key, m)
      return
    }
    let base = slot &* stride
    for i in 0..<Key.scalarCount { words[base &+ i] = key[i] }
    words[base &+ Key.scalarCount] = m.bitPattern
    count += 1
  }

  private mutating func grow() {
    let old = self
    words = []
    capacity = 0
    reset(expected: count + count / 2)
    for slot in 0..<old.capacity where !old.isEmpty(slot) {
      let (key, m) = old.entry(slot)
      add(key, m)
    }
  }
}
