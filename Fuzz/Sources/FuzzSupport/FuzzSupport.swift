#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libFuzzer's driver (compiler-rt `FuzzerDriver.cpp`): parses libFuzzer's options from the
/// command line and calls `callback` once per input.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The entry point of the running fuzz target (set once by ``runFuzzer(_:)`` before any input).
nonisolated(unsafe) private var entry: ([UInt8]) -> Void = { _ in }

/// libFuzzer's entry point: one input. The target's closure must return normally for every input
/// (a thrown input error is a normal answer); a trap, overflow, hang or memory blow-up is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  entry(bytes)
  return 0
}

/// Runs libFuzzer with `body` as the entry point and exits with libFuzzer's status.
///
/// SwiftPM renames an executable's `main`, so libFuzzer's own `main` is not used: each target's
/// `main.swift` calls this instead.
public func runFuzzer(_ body: @escaping ([UInt8]) -> Void) -> Never {
  entry = body
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
}

/// `bytes` as text: invalid UTF-8 is repaired (U+FFFD), as the readers see only decoded text.
public func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
