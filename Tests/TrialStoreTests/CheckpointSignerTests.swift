import Foundation
import Inputs
import Testing

@testable import TrialStore

@Suite("Checkpoint signer")
struct CheckpointSignerTests {
  @Test("the key file is created on first use with mode 0600 and read back on the next")
  func keyFile() throws {
    let path = try temporaryDirectory().appendingPathComponent("keys/cartrial.key").path
    let first = try CheckpointSigner(keyFile: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let again = try CheckpointSigner(keyFile: path)
    #expect(again.publicKey == first.publicKey)
    #expect(first.publicKey.count == 32)
  }

  @Test("a key file that others may read is refused")
  func readableByOthers() throws {
    let path = try temporaryDirectory().appendingPathComponent("cartrial.key").path
    _ = try CheckpointSigner(keyFile: path)
    for mode in [0o644, 0o640, 0o604] {
      chmod(path, mode_t(mode))
      do {
        _ = try CheckpointSigner(keyFile: path)
        Issue.record("mode \(String(mode, radix: 8)) accepted")
      } catch let error as StoreError {
        #expect(error.description.contains("mode \(String(mode, radix: 8))"))
        #expect(error.description.contains("chmod 600"))
      }
    }
  }

  @Test("CARTRIAL_SIGNING_KEY overrides the key file; a malformed one is refused")
  func environment() throws {
    let seed = [UInt8](repeating: 9, count: 32)
    let path = try temporaryDirectory().appendingPathComponent("unused.key").path
    let fromEnvironment = try CheckpointSigner(
      environment: ["CARTRIAL_SIGNING_KEY": Data(seed).base64EncodedString()], keyFile: path)
    #expect(fromEnvironment.publicKey == (try CheckpointSigner(seed: seed)).publicKey)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(throws: StoreError.self) {
      try CheckpointSigner(environment: ["CARTRIAL_SIGNING_KEY": "not a key"], keyFile: path)
    }
  }

  @Test("a checkpoint signs whole seconds, verifies, and round-trips through JSON")
  func checkpointJSON() throws {
    let signer = try CheckpointSigner(seed: [UInt8](repeating: 2, count: 32))
    let head = ChainHead(sequence: 12, hash: [UInt8](repeating: 0xab, count: 32))
    let checkpoint = signer.sign(head, trial: "NCT-1", at: Date(timeIntervalSince1970: 1_790_000_000.9))
    #expect(checkpoint.signedAt == Date(timeIntervalSince1970: 1_790_000_000))
    #expect(checkpoint.signature.count == 64)
    #expect(checkpoint.isSigned(by: signer.publicKey))
    let json = try JSONEncoder().encode(checkpoint)
    let text = String(decoding: json, as: UTF8.self)
    #expect(text.contains("\"headHash\":\"" + String(repeating: "ab", count: 32) + "\""))
    #expect(text.contains("2026-09-21T"))
    let decoded = try JSONDecoder().decode(Checkpoint.self, from: json)
    #expect(decoded == checkpoint)
    #expect(decoded.isSigned(by: signer.publicKey))
  }
}

@Suite("Store location")
struct StoreLocationTests {
  @Test("paths and PostgreSQL URLs")
  func parse() throws {
    #expect(try StoreLocation.parse("cartrial.sqlite") == .sqlite(path: "cartrial.sqlite"))
    #expect(try StoreLocation.parse("/tmp/a b.sqlite") == .sqlite(path: "/tmp/a b.sqlite"))
    #expect(try StoreLocation.parse("sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db"))
    let url = "postgres://app:secret@127.0.0.1:5433/trials"
    #expect(try StoreLocation.parse(url) == .postgres(url: url))
    let settings = try PostgresSettings(url: url + "?schema=site_a")
    #expect(settings.port == 5433)
    #expect(settings.user == "app")
    #expect(settings.password == "secret")
    #expect(settings.database == "trials")
    #expect(settings.schema == "site_a")
  }

  @Test("malformed locations name what is expected")
  func malformed() {
    for text in [
      "", "mysql://x/y", "postgres://127.0.0.1/db", "postgres://u@host", "postgres://u@h/d?schema=Bad-Name",
    ] {
      do {
        _ = try StoreLocation.parse(text)
        Issue.record("accepted '\(text)'")
      } catch let error as InputError {
        #expect(error.field.hasPrefix("database"))
        #expect(!error.expected.isEmpty)
      } catch {
        Issue.record("\(text): \(error)")
      }
    }
  }
}
