/// The people who run the demo trial.
enum DemoCast {
  static let sites = ["S01", "S02"]
  static let administrator = Actor(name: "A. Admin", role: .administrator)
  static let reviewer = Actor(name: "Dr E. Novak", role: .safetyReviewer)

  static func coordinator(_ site: String) -> Actor {
    Actor(name: site == sites[0] ? "C. Lopez" : "M. Okafor", role: .coordinator, site: site)
  }

  static func investigator(_ site: String) -> Actor {
    Actor(name: site == sites[0] ? "Dr H. Chen" : "Dr R. Patel", role: .investigator, site: site)
  }
}
