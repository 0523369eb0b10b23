import Foundation
import Registry
import Testing

/// The haversine distance against closed forms on the sphere and the metric's laws.
@Suite struct GeoPointTests {
  let r = GeoPoint.earthRadiusKm

  @Test func closedFormsOnTheSphere() {
    let equator0 = GeoPoint(latitude: 0, longitude: 0)
    // A quarter of a great circle along the equator, and from the equator to a pole: πR/2.
    #expect(abs(equator0.distanceKm(to: GeoPoint(latitude: 0, longitude: 90)) - .pi * r / 2) < 1e-6)
    #expect(abs(equator0.distanceKm(to: GeoPoint(latitude: 90, longitude: 37)) - .pi * r / 2) < 1e-6)
    // Antipodes and pole to pole: πR.
    #expect(abs(equator0.distanceKm(to: GeoPoint(latitude: 0, longitude: 180)) - .pi * r) < 1e-6)
    #expect(
      abs(
        GeoPoint(latitude: 90, longitude: 0).distanceKm(to: GeoPoint(latitude: -90, longitude: 0)) - .pi * r)
        < 1e-6)
    // One degree of latitude on a meridian: πR/180 ≈ 111.195 km.
    let oneDegree = GeoPoint(latitude: 45, longitude: 7).distanceKm(to: GeoPoint(latitude: 46, longitude: 7))
    #expect(abs(oneDegree - .pi * r / 180) < 1e-6)
    // Along a parallel at latitude φ, a short step of Δλ is close to R·cos φ·Δλ.
    let step = GeoPoint(latitude: 60, longitude: 10).distanceKm(to: GeoPoint(latitude: 60, longitude: 10.01))
    #expect(abs(step - r * cos(60 * .pi / 180) * 0.01 * .pi / 180) < 1e-4)
  }

  @Test func metricLaws() {
    let beijing = GeoPoint(latitude: 39.9042, longitude: 116.4074)
    let shanghai = GeoPoint(latitude: 31.2304, longitude: 121.4737)
    let wuhan = GeoPoint(latitude: 30.5928, longitude: 114.3055)
    #expect(beijing.distanceKm(to: beijing) == 0)
    #expect(abs(beijing.distanceKm(to: shanghai) - shanghai.distanceKm(to: beijing)) < 1e-9)
    #expect(
      beijing.distanceKm(to: shanghai) <= beijing.distanceKm(to: wuhan) + wuhan.distanceKm(to: shanghai))
    // Beijing–Shanghai is about 1,067 km as the crow flies (great circle on the mean sphere).
    #expect(abs(beijing.distanceKm(to: shanghai) - 1067) < 5)
  }

  @Test func validity() {
    #expect(GeoPoint(latitude: 90, longitude: -180).isValid)
    #expect(!GeoPoint(latitude: 90.5, longitude: 0).isValid)
    #expect(!GeoPoint(latitude: 0, longitude: 181).isValid)
    #expect(!GeoPoint(latitude: .nan, longitude: 0).isValid)
  }
}

@Suite struct GeoPointTextTests {
  @Test func readsLatitudeCommaLongitude() {
    #expect(GeoPoint(text: "48.8566,2.3522") == GeoPoint(latitude: 48.8566, longitude: 2.3522))
    #expect(GeoPoint(text: " -33.9 , 151.2 ") == GeoPoint(latitude: -33.9, longitude: 151.2))
    for bad in ["", "48.8", "48.8,", "a,b", "91,0", "0,181", "1,2,3"] {
      #expect(GeoPoint(text: bad) == nil, "\(bad)")
    }
  }

  @Test func patientSex() {
    #expect(RegistryListing.Sex(patient: "female") == .female)
    #expect(RegistryListing.Sex(patient: "MALE") == .male)
    #expect(RegistryListing.Sex(patient: "all") == nil)
    #expect(RegistryListing.Sex(patient: "x") == nil)
  }
}
