/// An open-addressing hash set of node indices, keyed by the nodes' ``PackedState`` (linear
/// probing, load ≤ ½). The keys themselves live in the caller's array; a slot holds only a 32-bit
/// node index, so the table stays small (256 KiB for 32,768 states).
///
/// Replaces `Dictionary` on the hottest path of the exact enumeration: the hash is a few
/// multiply–xorshift steps over the four words instead of SipHash, and look-ups allocate nothing.
struct StateIndex {
  private var slots: [Int32]
  private var mask: Int
  private var shift: UInt64
  private(set) var count = 0

  init(capacity: Int = 1024) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  /// The home slot of `key`: the words are combined by multiply–xorshift steps (SplitMix64
  /// constants) and the slot is taken from the TOP bits of a final Fibonacci multiplication, the
  /// best-mixed bits of a product.
  private func home(_ key: PackedState) -> Int {
    var h: UInt64 = 0
    for i in 0..<4 {
      h = (h ^ key.words[i]) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
    }
    return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The index `i` with `keys[i] == key`, if stored.
  func index(of key: PackedState, in keys: [PackedState]) -> Int32? {
    var slot = home(key)
    while true {
      let value = slots[slot]
      if value < 0 { return nil }
      if keys[Int(value)] == key { return value }
      slot = (slot &+ 1) & mask
    }
  }

  /// Stores index `value`, whose key `keys[value]` is not yet present.
  mutating func insert(_ value: Int32, in keys: [PackedState]) {
    if 2 * (count + 1) > slots.count { grow(keys) }
    var slot = home(keys[Int(value)])
    while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
    slots[slot] = value
    count += 1
  }

  private mutating func grow(_ keys: [PackedState]) {
    let old = slots
    self = StateIndex(capacity: old.count)
    for value in old where value >= 0 { insert(value, in: keys) }
  }
}
