import Foundation
import Inputs

extension RegistryRecord {
  /// Reads one API v2 study record (the JSON object of one study, as `GET /api/v2/studies/{nctId}`
  /// returns it); `source` names the file in errors.
  ///
  /// Unknown keys are ignored (the API adds fields); a known key of the wrong type, a missing
  /// `protocolSection.identificationModule.nctId` (or brief title, lead sponsor, overall status,
  /// eligibility criteria), an nctId that is not `NCT` + 8 digits, a partial date that is not
  /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a value outside a closed set (``RegistryStatus``,
  /// ``RegistryPhase``…) is an ``InputError`` naming the JSON path, located at `source:line:column`.
  /// - Throws: ``InputError``.
  public init(json: Data, source: String) throws(InputError) {
    let document = try JSONDocument(parsing: [UInt8](json), file: source)
    do {
      try self.init(document.reader, source: source)
    } catch {
      throw error.location == nil
        ? error.located(at: SourceLocation(file: source, line: 1, column: 1)) : error
    }
  }

  private init(_ root: JSONReader, source: String) throws(InputError) {
    let study = try root.registryObject(["protocolSection", "derivedSection"])
    let section = try study.required("protocolSection", expected: "the study's protocol section (an object)")
      .registryObject([
        "identificationModule", "statusModule", "sponsorCollaboratorsModule", "descriptionModule",
        "conditionsModule", "designModule", "armsInterventionsModule", "outcomesModule",
        "eligibilityModule", "contactsLocationsModule",
      ])
    let identification = try section.required("identificationModule", expected: "an object with the nctId")
      .registryObject([
        "nctId", "orgStudyIdInfo", "secondaryIdInfos", "acronym", "briefTitle", "officialTitle",
      ])
    let nctField = try identification.required("nctId", expected: "an NCT id (NCT followed by 8 digits)")
    let nctId = try nctField.string()
    guard nctId.wholeMatch(of: /NCT[0-9]{8}/) != nil else {
      throw nctField.invalid(expected: "an NCT id (NCT followed by 8 digits)")
    }
    self.nctId = nctId
    self.source = source
    orgStudyId = try identification.registryObject("orgStudyIdInfo", ["id"])?.string("id")
    secondaryIds = try identification.list("secondaryIdInfos") { (item) throws(InputError) in
      try item.registryObject(["id"]).required("id", expected: "the secondary id (a string)").string()
    }
    acronym = try identification.string("acronym")
    briefTitle = try identification.required("briefTitle", expected: "the study's brief title").string()
    officialTitle = try identification.string("officialTitle")

    let status = try section.required("statusModule", expected: "an object with overallStatus")
      .registryObject([
        "overallStatus", "startDateStruct", "primaryCompletionDateStruct", "completionDateStruct",
        "lastUpdatePostDateStruct",
      ])
    overallStatus = try status.required("overallStatus", expected: "the overall recruitment status")
      .enumeration(RegistryStatus.self)
    startDate = try status["startDateStruct"].map(RegistryDate.init(json:))
    primaryCompletionDate = try status["primaryCompletionDateStruct"].map(RegistryDate.init(json:))
    completionDate = try status["completionDateStruct"].map(RegistryDate.init(json:))
    lastUpdate = try status["lastUpdatePostDateStruct"].map(RegistryDate.init(json:))?.date

    let sponsors = try section.required("sponsorCollaboratorsModule", expected: "an object with leadSponsor")
      .registryObject(["leadSponsor", "collaborators"])
    leadSponsor = try sponsors.required("leadSponsor", expected: "the lead sponsor (an object with name)")
      .registryObject(["name"]).required("name", expected: "the lead sponsor's name").string()
    collaborators = try sponsors.list("collaborators") { (item) throws(InputError) in
      try item.registryObject(["name"]).required("name", expected: "the collaborator's name").string()
    }

    let description = try section.registryObject(
      "descriptionModule", ["briefSummary", "detailedDescription"])
    briefSummary = try description?.string("briefSummary")
    detailedDescription = try description?.string("detailedDescription")

    let conditionsModule = try section.registryObject("conditionsModule", ["conditions", "keywords"])
    conditions = try conditionsModule?.strings("conditions") ?? []
    keywords = try conditionsModule?.strings("keywords") ?? []

    let design = try section.registryObject("designModule", ["studyType", "phases", "enrollmentInfo"])
    studyType = try design?.string("studyType")
    phases =
      try design?.list("phases") { (item) throws(InputError) in try item.enumeration(RegistryPhase.self) }
      ?? []
    enrollment = try design?["enrollmentInfo"].map(RegistryEnrollment.init(json:))

    let arms = try section.registryObject("armsInterventionsModule", ["armGroups", "interventions"])
    armGroups = try arms?.list("armGroups", RegistryArmGroup.init(json:)) ?? []
    interventions = try arms?.list("interventions", RegistryIntervention.init(json:)) ?? []

    let outcomes = try section.registryObject(
      "outcomesModule", ["primaryOutcomes", "secondaryOutcomes", "otherOutcomes"])
    primaryOutcomes = try outcomes?.list("primaryOutcomes", RegistryOutcome.init(json:)) ?? []
    secondaryOutcomes = try outcomes?.list("secondaryOutcomes", RegistryOutcome.init(json:)) ?? []
    otherOutcomes = try outcomes?.list("otherOutcomes", RegistryOutcome.init(json:)) ?? []

    eligibility = try RegistryEligibility(
      json: section.required("eligibilityModule", expected: "an object with eligibilityCriteria"))

    let contacts = try section.registryObject("contactsLocationsModule", ["locations"])
    locations = try contacts?.list("locations", RegistryLocation.init(json:)) ?? []

    let derived = try study.registryObject(
      "derivedSection", ["miscInfoModule", "conditionBrowseModule", "interventionBrowseModule"])
    versionHolder = try derived?.registryObject("miscInfoModule", ["versionHolder"])?.string("versionHolder")
    conditionMeshTerms = try Self.meshTerms(derived?.registryObject("conditionBrowseModule", ["meshes"]))
    interventionMeshTerms = try Self.meshTerms(
      derived?.registryObject("interventionBrowseModule", ["meshes"]))
  }

  private static func meshTerms(_ browse: JSONObjectReader?) throws(InputError) -> [String] {
    try browse?.list("meshes") { (item) throws(InputError) in
      try item.registryObject(["term"]).required("term", expected: "the MeSH term (a string)").string()
    } ?? []
  }
}

extension RegistryDate {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject(["date", "type"])
    let field = try object.required("date", expected: "a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    date = try field.string()
    guard date.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil else {
      throw field.invalid(expected: "a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    }
    type = try object.enumeration("type", RegistryActuality.self)
  }
}

extension RegistryEnrollment {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject(["count", "type"])
    count = try object.required("count", expected: "the number of participants").int(in: 0...10_000_000)
    type = try object.enumeration("type", RegistryActuality.self)
  }
}

extension RegistryArmGroup {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject(["label", "type", "description", "interventionNames"])
    label = try object.required("label", expected: "the arm's label (a string)").string()
    type = try object.enumeration("type", RegistryArmGroupType.self)
    description = try object.string("description")
    interventionNames = try object.strings("interventionNames")
  }
}

extension RegistryIntervention {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject(["type", "name", "description", "armGroupLabels", "otherNames"])
    type = try object.required("type", expected: "the intervention type").enumeration(
      RegistryInterventionType.self)
    name = try object.required("name", expected: "the intervention's name (a string)").string()
    description = try object.string("description")
    armGroupLabels = try object.strings("armGroupLabels")
    otherNames = try object.strings("otherNames")
  }
}

extension RegistryOutcome {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject(["measure", "description", "timeFrame"])
    measure = try object.required("measure", expected: "the outcome measure (a string)").string()
    description = try object.string("description")
    timeFrame = try object.string("timeFrame")
  }
}

extension RegistryEligibility {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject([
      "eligibilityCriteria", "healthyVolunteers", "sex", "minimumAge", "maximumAge", "stdAges",
    ])
    criteria = try object.required("eligibilityCriteria", expected: "the criteria text (a string)").string()
    healthyVolunteers = try object.bool("healthyVolunteers")
    sex = try object.enumeration("sex", RegistrySex.self)
    minimumAge = try object.string("minimumAge")
    maximumAge = try object.string("maximumAge")
    stdAges = try object.list("stdAges") { (item) throws(InputError) in
      try item.enumeration(RegistryStandardAge.self)
    }
  }
}

extension RegistryLocation {
  init(json: JSONReader) throws(InputError) {
    let object = try json.registryObject([
      "facility", "city", "state", "zip", "country", "status", "geoPoint",
    ])
    facility = try object.string("facility")
    city = try object.string("city")
    state = try object.string("state")
    zip = try object.string("zip")
    country = try object.string("country")
    status = try object.enumeration("status", RegistryStatus.self)
    let point = try object.registryObject("geoPoint", ["lat", "lon"])
    latitude = try point?.number("lat", in: -90...90, what: "a latitude", unit: "degrees")
    longitude = try point?.number("lon", in: -180...180, what: "a longitude", unit: "degrees")
  }
}
