import Foundation

/// What related trials are compared on, read from a listing: its condition terms, the target
/// antigens its texts name, the cell-therapy modality, the product type, its phases and the age
/// groups it enrols.
///
/// Antigens are read as `CD` + digits (`CD19`, `CD22`) and a list of named targets (BCMA, GPRC5D,
/// …); the modality and product type by words of the titles, interventions and summary
/// (chimeric antigen receptor T cells are CAR-T); the product type by the titles and interventions
/// alone (`allogeneic`, `autologous`; `universal`, `off-the-shelf` or `UCAR` mark a universal
/// product, which is also allogeneic). The age groups
/// are the record's `stdAges`, or, when it gives none, those its age limits reach (CHILD < 18 ≤
/// ADULT < 65 ≤ OLDER_ADULT, the registry's own bands).
public struct TrialFeatures: Sendable, Hashable {
  public var conditionTerms: Set<String>
  public var antigens: Set<String>
  public var modalities: Set<String>
  public var productTypes: Set<String>
  public var phases: Set<String>
  public var ageGroups: Set<String>

  /// Named targets other than `CDnn`, in their usual spelling.
  static let namedAntigens = [
    "BCMA", "GPRC5D", "HER2", "GD2", "GPC3", "CLL1", "MESOTHELIN", "CLAUDIN18.2", "EGFR", "PSMA", "NKG2D",
    "ROR1", "SLAMF7", "TSLP", "FLT3",
  ]

  public init(_ listing: RegistryListing) {
    conditionTerms = Set(SearchText.terms(listing.conditions.joined(separator: "; ")))
    let text =
      ([listing.title, listing.officialTitle ?? "", listing.summary] + listing.interventions
      + listing.conditions)
      .joined(separator: " \n ")
    let upper = text.uppercased()
    antigens = Self.antigens(in: upper)
    modalities = Self.modalities(in: upper)
    // The product type is read from what is given, not from the summary, which often speaks of
    // other products ("after autologous stem cell transplantation").
    productTypes = Self.productTypes(
      in: ([listing.title, listing.officialTitle ?? ""] + listing.interventions).joined(separator: " \n ")
        .uppercased())
    phases = Set(listing.phases.filter { $0 != "NA" })
    ageGroups = listing.ageGroups.isEmpty ? Self.ageGroups(listing) : Set(listing.ageGroups)
  }

  static func antigens(in upper: String) -> Set<String> {
    var found = Set<String>()
    for match in upper.matches(of: /\bCD[ -]?(\d{1,3})(?![0-9])/) { found.insert("CD" + match.output.1) }
    for name in namedAntigens where upper.contains(name) { found.insert(name) }
    if upper.contains("B-CELL MATURATION ANTIGEN") { found.insert("BCMA") }
    return found
  }

  static func modalities(in upper: String) -> Set<String> {
    var found = Set<String>()
    let car =
      upper.contains("CHIMERIC ANTIGEN RECEPTOR") || upper.contains("CAR-") || upper.contains("CAR ")
      || upper.contains("CART")
    if car, upper.contains("NK") { found.insert("CAR-NK") }
    if car, !(found.contains("CAR-NK") && !upper.contains("T CELL") && !upper.contains("CAR-T")) {
      found.insert("CAR-T")
    }
    if upper.contains("TCR-T") || upper.contains("T CELL RECEPTOR") { found.insert("TCR-T") }
    if upper.contains("BISPECIFIC") || upper.contains("BLINATUMOMAB") { found.insert("bispecific antibody") }
    if upper.contains("STEM CELL TRANSPLANT") || upper.contains("HSCT")
      || upper.contains("BONE MARROW TRANSPLANT")
    {
      found.insert("stem cell transplantation")
    }
    return found
  }

  static func productTypes(in upper: String) -> Set<String> {
    var found = Set<String>()
    if upper.contains("AUTOLOGOUS") { found.insert("autologous") }
    if upper.contains("ALLOGENEIC") || upper.contains("ALLOGENIC") { found.insert("allogeneic") }
    if upper.contains("UNIVERSAL") || upper.contains("OFF-THE-SHELF") || upper.contains("UCAR") {
      found.formUnion(["universal", "allogeneic"])
    }
    return found
  }

  static func ageGroups(_ listing: RegistryListing) -> Set<String> {
    let bands: [(String, ClosedRange<Double>)] = [
      ("CHILD", 0...17.999), ("ADULT", 18...64.999), ("OLDER_ADULT", 65...150),
    ]
    let low = listing.minimumAge.map { Double($0.value) * $0.unit.days / AgeLimit.Unit.years.days } ?? 0
    let high =
      listing.maximumAge.map { (Double($0.value) + 1) * $0.unit.days / AgeLimit.Unit.years.days } ?? 150
    guard listing.minimumAge != nil || listing.maximumAge != nil else { return [] }
    return Set(bands.filter { $0.1.lowerBound < high && $0.1.upperBound >= low }.map(\.0))
  }
}
