import Crypto

/// The SHA-256 that chains a trial's events.
///
/// Layout of the hashed message (all integers big-endian):
///
/// | bytes | content |
/// |---|---|
/// | 17 | the ASCII domain tag `cartrial-event-v1` |
/// | 1 | `0x00` |
/// | 4 | length of the trial identifier in UTF-8 bytes (UInt32) |
/// | n | the trial identifier, UTF-8 |
/// | 8 | the sequence (UInt64) |
/// | 32 | the previous event's hash (zeros for sequence 1) |
/// | 8 | length of the event bytes (UInt64) |
/// | m | the event bytes |
///
/// The length prefixes make the encoding unambiguous; the domain tag keeps an event hash from ever
/// equalling a hash computed for another purpose (checkpoints use their own tag).
public enum EventHash {
  /// The domain tag that starts every hashed event message.
  public static let domainTag = "cartrial-event-v1"
  /// The previous hash of sequence 1: 32 zero bytes.
  public static let zero = [UInt8](repeating: 0, count: 32)

  public static func hash(trial: String, sequence: Int, previousHash: [UInt8], bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(data: message(trial: trial, sequence: sequence, previousHash: previousHash, bytes: bytes))
    return Array(hasher.finalize())
  }

  /// The exact bytes hashed (exposed for documentation tests and independent verifiers).
  public static func message(trial: String, sequence: Int, previousHash: [UInt8], bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(17 + 1 + 4 + trial.utf8.count + 8 + 32 + 8 + bytes.count)
    out += Array(domainTag.utf8)
    out.append(0)
    Encoding.append(UInt32(truncatingIfNeeded: trial.utf8.count), to: &out)
    out += Array(trial.utf8)
    Encoding.append(UInt64(truncatingIfNeeded: sequence), to: &out)
    out += previousHash
    Encoding.append(UInt64(bytes.count), to: &out)
    out += bytes
    return out
  }
}

/// Big-endian integer and hex helpers shared by the hash and checkpoint layouts.
enum Encoding {
  static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.bigEndian) { out += $0 }
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func unhex(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
      default: return nil
      }
    }
    var out = [UInt8]()
    var index = 0
    while index < chars.count {
      guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
      out.append(high << 4 | low)
      index += 2
    }
    return out
  }
}
