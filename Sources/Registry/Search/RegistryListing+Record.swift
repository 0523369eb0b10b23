extension RegistryListing {
  /// The finder's view of a registry record: the titles (and acronym), conditions with keywords
  /// and MeSH terms, interventions with their arms, the criteria verbatim, the age limits as the
  /// registry states them (a limit it does not state is no limit), and every site.
  public init(_ record: RegistryRecord) {
    let official = [record.officialTitle, record.acronym].compactMap { $0 }.filter { $0 != record.briefTitle }
    let interventions =
      record.interventions.map { i in
        ([i.type.rawValue.capitalized + ": " + i.name] + i.otherNames + [i.description].compactMap { $0 })
          .joined(separator: " — ")
      }
      + record.armGroups.map { arm in
        ([arm.label] + [arm.description].compactMap { $0 }).joined(separator: ": ")
      }
    let sites = record.locations.map { l in
      RegistryListing.Site(
        facility: l.facility ?? l.city ?? "Unnamed site", city: l.city, country: l.country,
        status: l.status?.rawValue, point: Self.point(l))
    }
    self.init(
      nctId: record.nctId, title: record.briefTitle,
      officialTitle: official.isEmpty ? nil : official.joined(separator: " — "),
      status: record.overallStatus.rawValue, phases: record.phases.map(\.rawValue),
      conditions: Self.unique(record.conditions + record.keywords + record.conditionMeshTerms),
      interventions: interventions + record.interventionMeshTerms, criteria: record.eligibility.criteria,
      summary: record.briefSummary ?? "",
      minimumAge: record.eligibility.minimumAge.flatMap(AgeLimit.init(registryText:)),
      maximumAge: record.eligibility.maximumAge.flatMap(AgeLimit.init(registryText:)),
      sex: record.eligibility.sex.flatMap { Sex(rawValue: $0.rawValue) } ?? .all,
      ageGroups: record.eligibility.stdAges.map(\.rawValue), sites: sites)
  }

  static func point(_ location: RegistryLocation) -> GeoPoint? {
    guard let lat = location.latitude, let lon = location.longitude else { return nil }
    let point = GeoPoint(latitude: lat, longitude: lon)
    return point.isValid ? point : nil
  }

  /// The texts in order, each once (case folded).
  static func unique(_ texts: [String]) -> [String] {
    var seen = Set<String>()
    return texts.filter { seen.insert($0.lowercased()).inserted }
  }
}
