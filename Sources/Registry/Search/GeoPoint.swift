import Foundation

/// A place on the Earth in decimal degrees (a registry location's `geoPoint`).
public struct GeoPoint: Sendable, Hashable, Codable {
  public var latitude: Double
  public var longitude: Double

  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }

  /// The mean Earth radius in km (IUGG mean radius R₁ = 6371.0088 km; Moritz 2000, Geodetic
  /// Reference System 1980).
  public static let earthRadiusKm = 6371.0088

  /// The great-circle distance to `other` in km, by the haversine formula (Sinnott 1984, "Virtues
  /// of the haversine", Sky & Telescope 68:159), on a sphere of ``earthRadiusKm``.
  public func distanceKm(to other: GeoPoint) -> Double {
    let φ1 = latitude * .pi / 180
    let φ2 = other.latitude * .pi / 180
    let Δφ = φ2 - φ1
    let Δλ = (other.longitude - longitude) * .pi / 180
    let h = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
    return 2 * GeoPoint.earthRadiusKm * asin(min(1, h.squareRoot()))
  }

  /// Whether the coordinates are a place (latitude in −90…90, longitude in −180…180).
  public var isValid: Bool {
    latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
  }
}

extension GeoPoint {
  /// Reads `latitude,longitude` in decimal degrees (`48.8566,2.3522`); nil for anything else or a
  /// point off the globe.
  public init?(text: String) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    guard parts.count == 2, let lat = parts[0], let lon = parts[1] else { return nil }
    self.init(latitude: lat, longitude: lon)
    guard isValid else { return nil }
  }
}
