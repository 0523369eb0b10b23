/// SplitMix64, the generator Vigna recommends for seeding the xoshiro family from one 64-bit seed.
///
/// Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA;
/// constants as in Vigna's reference `splitmix64.c` (prng.di.unimi.it).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  public var state: UInt64

  /// A generator whose first output is derived from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64-bit output.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// xoshiro256** 1.0, the all-purpose 64-bit generator of Blackman & Vigna (2021),
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4):36; reference code
/// `xoshiro256starstar.c` (prng.di.unimi.it).
///
/// Seeded through ``SplitMix64`` as the authors recommend. ``jump()`` advances the stream by 2¹²⁸
/// outputs, so streams obtained by successive jumps never overlap in practice: the Monte Carlo
/// engine gives every block of trials its own stream this way.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// A generator with the given raw state (not all zero).
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
    (s0, s1, s2, s3) = state
  }

  /// A generator whose state is four consecutive outputs of ``SplitMix64`` started at `seed`.
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    self.init(state: (seeder.next(), seeder.next(), seeder.next(), seeder.next()))
  }

  /// The raw state, for tests and for saving a stream position.
  public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

  @inlinable
  static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// The next 64-bit output.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// A uniform double in [0, 1) from the top 53 bits of the next output (Vigna's recommended
  /// conversion).
  @inlinable
  public mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Advances the generator by 2¹²⁸ steps (the reference `jump()` polynomial).
  public mutating func jump() {
    let polynomial: [UInt64] = [
      0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
    ]
    var (t0, t1, t2, t3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for word in polynomial {
      for bit in 0..<64 {
        if word & (1 << UInt64(bit)) != 0 {
          t0 ^= s0
          t1 ^= s1
          t2 ^= s2
          t3 ^= s3
        }
        _ = next()
      }
    }
    (s0, s1, s2, s3) = (t0, t1, t2, t3)
  }
}
