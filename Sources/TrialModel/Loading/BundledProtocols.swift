import Foundation

/// The protocol files shipped with cartrial (the five seed trials), and resolution of a
/// `--protocol` argument that is either a bundled id or a file path.
public enum BundledProtocols {
  /// URLs of the bundled protocol files, sorted by file name.
  public static var urls: [URL] {
    guard let folder = Bundle.module.url(forResource: "Protocols", withExtension: nil),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// Ids of the bundled protocols (file names without `.yaml`).
  public static var ids: [String] { urls.map { $0.deletingPathExtension().lastPathComponent } }

  /// Loads every bundled protocol.
  public static func all() throws(ProtocolErrors) -> [TrialProtocol] {
    var protocols: [TrialProtocol] = []
    for url in urls { protocols.append(try ProtocolLoader.load(contentsOf: url)) }
    return protocols
  }

  /// Loads a bundled protocol by id (case-insensitive), or the protocol file at that path.
  public static func resolve(_ idOrPath: String) throws(ProtocolErrors) -> TrialProtocol {
    if let url = urls.first(where: {
      $0.deletingPathExtension().lastPathComponent.lowercased() == idOrPath.lowercased()
    }) {
      return try ProtocolLoader.load(contentsOf: url)
    }
    if FileManager.default.fileExists(atPath: idOrPath) {
      return try ProtocolLoader.load(contentsOf: URL(fileURLWithPath: idOrPath), displayName: idOrPath)
    }
    throw ProtocolErrors([
      ProtocolError(
        location: nil, path: "--protocol",
        message: "no bundled protocol '\(idOrPath)' and no such file; bundled: \(ids.joined(separator: ", "))"
      )
    ])
  }
}
