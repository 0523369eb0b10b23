import TestSupport
import Testing

/// The comparison helpers fail where a bare `zip` or `abs(a − b) < t` would pass or mislead:
/// each case runs inside `withKnownIssue`, which itself fails unless the helper recorded an issue.
@Suite struct CheckedComparisonTests {
  @Test func checkedZipRejectsAnEmptyExpectation() {
    withKnownIssue { _ = checkedZip([0.1, 0.2], [Double]()) }
    withKnownIssue { _ = checkedZip([Double](), [Double]()) }
  }

  @Test func checkedZipAcceptsAnEmptyExpectationOnlyWhenAllowed() {
    #expect(Array(checkedZip([Int](), [Int](), allowEmpty: true)).isEmpty)
  }

  @Test func checkedZipRejectsDifferentLengthsAndStillPairsThePrefix() {
    withKnownIssue {
      let pairs = Array(checkedZip([1, 2, 3], [1, 2]))
      #expect(pairs.map(\.0) == [1, 2])
    }
  }

  @Test func checkedZipPassesEqualLengths() {
    #expect(Array(checkedZip([1, 2], ["a", "b"])).map(\.1) == ["a", "b"])
  }

  @Test func expectCloseOnArraysChecksLengthAndEveryElement() {
    expectClose([1, 2, 3], [1, 2, 3.0000001], absolute: 1e-6)
    withKnownIssue { expectClose([1, 2], [1, 2, 3], absolute: 1) }
    withKnownIssue { expectClose([Double](), [], absolute: 1) }
    withKnownIssue { expectClose([1, 2.1], [1, 2], absolute: 0.01) }
  }

  @Test func tolerances() {
    #expect(Tolerance.absolute(0.1).accepts(1.05, 1))
    #expect(!Tolerance.absolute(0.01).accepts(1.05, 1))
    #expect(Tolerance.relative(1e-3).accepts(1000.5, 1000))
    #expect(!Tolerance.relative(1e-3).accepts(0.0015, 0.001))
    #expect(Tolerance.relative(0).accepts(.infinity, .infinity))
    // NaN matches only NaN (an undefined reference statistic must stay undefined).
    #expect(Tolerance.absolute(1).accepts(.nan, .nan))
    #expect(!Tolerance.absolute(1).accepts(.nan, 0))
    #expect(!Tolerance.absolute(.infinity).accepts(0, .nan))
    withKnownIssue { expectClose(1.2, 1, relative: 0.1) }
    withKnownIssue { expectClose(.nan, 1, absolute: 10) }
  }
}
