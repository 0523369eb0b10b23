import Foundation

/// The protocol files shipped with cartrial: the five seed trials, as resources of this module.
///
/// This type only finds the files; ``ProtocolLibrary`` loads them.
public enum BundledProtocols {
  /// URLs of the bundled protocol files, sorted by file name.
  public static var urls: [URL] {
    guard let folder = Bundle.module.url(forResource: "Protocols", withExtension: nil),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// Ids of the bundled protocols (file names without `.yaml`), sorted.
  public static var ids: [String] { urls.map(id(of:)) }

  /// The file of the bundled protocol `id` (case-insensitive), if there is one.
  public static func url(forID id: String) -> URL? {
    urls.first { self.id(of: $0).lowercased() == id.lowercased() }
  }

  private static func id(of url: URL) -> String { url.deletingPathExtension().lastPathComponent }
}
