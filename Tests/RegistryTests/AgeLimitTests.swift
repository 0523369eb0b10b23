import Registry
import Testing

/// Registry age limits: the text read, and admission by completed units.
@Suite struct AgeLimitTests {
  @Test(arguments: [
    ("18 Years", AgeLimit(18, .years)), ("1 Year", AgeLimit(1, .years)), ("6 Months", AgeLimit(6, .months)),
    ("28 Days", AgeLimit(28, .days)), ("2 Weeks", AgeLimit(2, .weeks)),
  ])
  func readsTheRegistryText(_ text: String, _ limit: AgeLimit) {
    #expect(AgeLimit(registryText: text) == limit)
  }

  @Test(arguments: ["N/A", "", "18", "Years", "-1 Years", "18 Decades", "eighteen Years"])
  func refusesOtherText(_ text: String) { #expect(AgeLimit(registryText: text) == nil) }

  @Test func aMinimumAdmitsFromTheBirthday() {
    let eighteen = AgeLimit(18, .years)
    #expect(eighteen.admitsAsMinimum(years: 18))
    #expect(!eighteen.admitsAsMinimum(years: 18 - 1 / 365.25))
    #expect(eighteen.admitsAsMinimum(years: 40))
  }

  @Test func aMaximumAdmitsUntilTheNextBirthday() {
    let sixtyFive = AgeLimit(65, .years)
    #expect(sixtyFive.admitsAsMaximum(years: 65))
    #expect(sixtyFive.admitsAsMaximum(years: 66 - 1 / 365.25))
    #expect(!sixtyFive.admitsAsMaximum(years: 66))
  }

  @Test func monthsAreTwelfthsOfAYear() {
    let sixMonths = AgeLimit(6, .months)
    #expect(sixMonths.admitsAsMinimum(years: 0.5))
    #expect(!sixMonths.admitsAsMinimum(years: 0.49))
    #expect(AgeLimit(216, .months).admitsAsMinimum(years: 18))
  }

  @Test func aListingWithoutLimitsAdmitsEveryAge() {
    let open = RegistryListing(nctId: "NCT00000001", title: "t", status: "RECRUITING")
    #expect(open.admits(ageYears: 0) && open.admits(ageYears: 120))
    let adults = RegistryListing(
      nctId: "NCT00000002", title: "t", status: "RECRUITING", minimumAge: AgeLimit(18, .years),
      maximumAge: AgeLimit(70, .years))
    #expect(!adults.admits(ageYears: 17.9) && adults.admits(ageYears: 18) && adults.admits(ageYears: 70.5))
    #expect(!adults.admits(ageYears: 71))
  }
}
