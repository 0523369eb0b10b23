import Foundation

/// Where the commands' output goes: standard output, or a buffer when a caller runs commands in
/// process (tests: ``Output/capturing(_:)``). Every command writes through here — `print` in this
/// module is ``print(_:separator:terminator:)`` below — so that what a test captures in process is
/// byte for byte what the binary prints.
public final class OutputBuffer: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes: [UInt8] = []

  public init() {}

  func append(_ buffer: UnsafeRawBufferPointer) {
    lock.withLock { bytes.append(contentsOf: buffer) }
  }

  /// Everything written so far, as UTF-8 text.
  public var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}

/// Where an in-process run's diagnostics go (see ``Output/errors``).
final class DiagnosticSink: Sendable {
  let write: @Sendable (String) -> Void

  init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }
}

extension Output {
  /// The buffer of an in-process run; `nil`: standard output.
  @TaskLocal public static var buffer: OutputBuffer?

  /// Where diagnostics of an in-process run go; `nil`: standard error. A reference, not the
  /// closure itself: binding an optional closure as a task-local value crashes optimised builds
  /// of Swift 6.3.1 on Linux in `swift_task_localValuePush` (reproduced in a ten-line package;
  /// the same class of `withValue` lowering fault as swiftlang/swift#65274), so the closure is
  /// carried in a ``DiagnosticSink``.
  @TaskLocal static var errors: DiagnosticSink?

  /// Runs `body` with every command output written to a buffer instead of standard output, and
  /// returns what was written (also when `body` throws, through `output`).
  public static func capturing(_ body: () throws -> Void) rethrows -> String {
    let buffer = OutputBuffer()
    try $buffer.withValue(buffer) { try body() }
    return buffer.text
  }

  /// Writes raw bytes (the NDJSON fast path) without copying them.
  static func write(bytes: UnsafeRawBufferPointer) {
    if let buffer { return buffer.append(bytes) }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    _ = fwrite(base, 1, bytes.count, standardOutput)
  }

  /// Sends what was written to standard output now (a long-running command's messages).
  static func flush() { fflush(standardOutput) }

  /// Writes text.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
  }
}

/// A buffered C stream on standard output (flushed by `exit`, as every open stream is). All the
/// commands' output goes through it, so nothing interleaves out of order.
nonisolated(unsafe) private let standardOutput = fdopen(STDOUT_FILENO, "w")

/// The commands' `print`: as `Swift.print`, through ``Output``.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  Output.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
