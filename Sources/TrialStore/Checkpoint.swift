import Crypto
import Foundation

/// A signed statement that a trial's log had `sequence` events ending in `headHash` at `signedAt`,
/// as Certificate Transparency's signed tree heads.
///
/// Signed message (integers big-endian): the ASCII tag `cartrial-checkpoint-v1`, `0x00`, the trial
/// identifier's UTF-8 length (UInt32) and bytes, the sequence (UInt64), the 32-byte head hash, and
/// `signedAt` in whole seconds since 1970-01-01T00:00:00Z (Int64). The signature is Ed25519 (64 bytes).
///
/// A checkpoint proves the log up to `sequence` only to someone who trusts `publicKey` through
/// another channel: the key stored beside it is a hint, never evidence.
public struct Checkpoint: Sendable, Hashable, Codable {
  public let trial: String
  public let sequence: Int
  public let headHash: [UInt8]
  /// When it was signed (UTC, whole seconds).
  public let signedAt: Date
  /// The signer's Ed25519 public key (raw, 32 bytes).
  public let publicKey: [UInt8]
  /// Ed25519 signature over ``message`` (64 bytes).
  public let signature: [UInt8]

  public init(
    trial: String, sequence: Int, headHash: [UInt8], signedAt: Date, publicKey: [UInt8], signature: [UInt8]
  ) {
    self.trial = trial
    self.sequence = sequence
    self.headHash = headHash
    self.signedAt = signedAt
    self.publicKey = publicKey
    self.signature = signature
  }

  /// The domain tag that starts every signed checkpoint message.
  public static let domainTag = "cartrial-checkpoint-v1"

  /// Seconds since 1970 as signed (the signing time is truncated to whole seconds).
  var signedAtSeconds: Int64 { Int64(signedAt.timeIntervalSince1970.rounded(.down)) }

  /// The exact bytes signed.
  public var message: [UInt8] {
    Checkpoint.message(trial: trial, sequence: sequence, headHash: headHash, signedAtSeconds: signedAtSeconds)
  }

  static func message(trial: String, sequence: Int, headHash: [UInt8], signedAtSeconds: Int64) -> [UInt8] {
    var out = Array(domainTag.utf8)
    out.append(0)
    Encoding.append(UInt32(truncatingIfNeeded: trial.utf8.count), to: &out)
    out += Array(trial.utf8)
    Encoding.append(UInt64(truncatingIfNeeded: sequence), to: &out)
    out += headHash
    Encoding.append(signedAtSeconds, to: &out)
    return out
  }

  /// Whether the signature is valid under `key` (raw Ed25519 public key). The key must come from
  /// somewhere the log's writer cannot change.
  public func isSigned(by key: [UInt8]) -> Bool {
    guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
    return publicKey.isValidSignature(signature, for: message)
  }

  // JSON: hashes in hex, key and signature in base64, time as ISO 8601 UTC — whatever the
  // encoder's strategies, so a checkpoint printed for safe keeping reads back identically.
  enum CodingKeys: String, CodingKey {
    case trial, sequence, headHash, signedAt, publicKey, signature
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(trial, forKey: .trial)
    try container.encode(sequence, forKey: .sequence)
    try container.encode(Encoding.hex(headHash), forKey: .headHash)
    try container.encode(Checkpoint.iso8601(signedAt), forKey: .signedAt)
    try container.encode(Data(publicKey).base64EncodedString(), forKey: .publicKey)
    try container.encode(Data(signature).base64EncodedString(), forKey: .signature)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    trial = try container.decode(String.self, forKey: .trial)
    sequence = try container.decode(Int.self, forKey: .sequence)
    func field(_ key: CodingKeys, _ expected: String, _ parse: (String) -> [UInt8]?) throws -> [UInt8] {
      let text = try container.decode(String.self, forKey: key)
      guard let value = parse(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container, debugDescription: "expected \(expected), found '\(text)'")
      }
      return value
    }
    headHash = try field(.headHash, "64 hexadecimal digits") { text in
      Encoding.unhex(text).flatMap { $0.count == 32 ? $0 : nil }
    }
    publicKey = try field(.publicKey, "a base64 Ed25519 public key") {
      Data(base64Encoded: $0).map(Array.init)
    }
    signature = try field(.signature, "a base64 signature") { Data(base64Encoded: $0).map(Array.init) }
    let time = try container.decode(String.self, forKey: .signedAt)
    guard let date = ISO8601DateFormatter().date(from: time) else {
      throw DecodingError.dataCorruptedError(
        forKey: .signedAt, in: container,
        debugDescription: "expected a UTC time such as 2026-01-31T09:30:00Z, found '\(time)'")
    }
    signedAt = date
  }

  static func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

/// Signs checkpoints with an Ed25519 key kept outside the database: a key file created on first
/// use with mode 0600, or the base64 32-byte seed in `CARTRIAL_SIGNING_KEY`.
public struct CheckpointSigner: Sendable {
  /// The environment variable whose base64 32-byte seed overrides the key file.
  public static let environmentVariable = "CARTRIAL_SIGNING_KEY"

  /// The 32-byte seed (the key itself is rebuilt from it when signing).
  private let seed: [UInt8]
  /// The signer's raw Ed25519 public key (32 bytes): give it to verifiers through another channel.
  public let publicKey: [UInt8]

  private var key: Curve25519.Signing.PrivateKey {
    // The seed was checked when the signer was made.
    try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
  }

  /// A signer from a 32-byte seed.
  public init(seed: [UInt8]) throws {
    do {
      let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
      self.seed = seed
      publicKey = Array(key.publicKey.rawRepresentation)
    } catch {
      throw StoreError.signingKey("expected a 32-byte Ed25519 seed, found \(seed.count) bytes")
    }
  }

  /// A signer whose key lives in `keyFile` (base64 seed on one line). The file is created with mode
  /// 0600 on first use; a key file that its group or others may read or write is refused.
  public init(keyFile: String) throws {
    let fm = FileManager.default
    if !fm.fileExists(atPath: keyFile) {
      try CheckpointSigner.create(keyFile: keyFile)
    }
    var info = stat()
    guard stat(keyFile, &info) == 0 else {
      throw StoreError.signingKey("cannot read the key file \(keyFile)")
    }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw StoreError.signingKey(
        "the key file \(keyFile) has mode \(String(mode, radix: 8)), so others may read it; expected mode 600 (chmod 600 \(keyFile))"
      )
    }
    guard let data = fm.contents(atPath: keyFile) else {
      throw StoreError.signingKey("cannot read the key file \(keyFile)")
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    try self.init(base64Seed: text, source: "the key file \(keyFile)")
  }

  /// `CARTRIAL_SIGNING_KEY` (a base64 32-byte seed) when set, otherwise the key file.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment, keyFile: String) throws {
    if let seed = environment[CheckpointSigner.environmentVariable], !seed.isEmpty {
      try self.init(base64Seed: seed, source: CheckpointSigner.environmentVariable)
    } else {
      try self.init(keyFile: keyFile)
    }
  }

  private init(base64Seed: String, source: String) throws {
    guard let seed = Data(base64Encoded: base64Seed.trimmingCharacters(in: .whitespacesAndNewlines)),
      seed.count == 32
    else {
      throw StoreError.signingKey("\(source): expected a base64 32-byte Ed25519 seed")
    }
    try self.init(seed: Array(seed))
  }

  /// Writes a fresh key, failing rather than overwriting when another process created it first.
  private static func create(keyFile: String) throws {
    let directory = (keyFile as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let seed = Curve25519.Signing.PrivateKey().rawRepresentation.base64EncodedString() + "\n"
    let fd = open(keyFile, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    if fd < 0 {
      if errno == EEXIST { return }
      throw StoreError.signingKey(
        "cannot create the key file \(keyFile): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    let bytes = Array(seed.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count, fsync(fd) == 0 else {
      throw StoreError.signingKey("cannot write the key file \(keyFile)")
    }
  }

  /// A checkpoint of `head` for `trial`, signed now or at `at` (truncated to whole seconds).
  public func sign(_ head: ChainHead, trial: String, at date: Date = Date()) -> Checkpoint {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let message = Checkpoint.message(
      trial: trial, sequence: head.sequence, headHash: head.hash, signedAtSeconds: seconds)
    // Ed25519 signing with a valid key does not fail.
    let signature = (try? key.signature(for: message)).map(Array.init) ?? []
    return Checkpoint(
      trial: trial, sequence: head.sequence, headHash: head.hash,
      signedAt: Date(timeIntervalSince1970: TimeInterval(seconds)), publicKey: publicKey, signature: signature
    )
  }
}
