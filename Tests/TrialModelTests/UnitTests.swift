import Testing

@testable import TrialModel

@Suite struct UnitTests {
  @Test func creatinineConvertsWithTheAdmiralFactor() throws {
    let mgdl = Quantity(1.0, .mgPerDL)
    #expect(try mgdl.converted(to: .micromolPerL, analyte: .creatinine).value == 88.42)
    let back = try Quantity(176.84, .micromolPerL).converted(to: .mgPerDL, analyte: .creatinine)
    #expect(abs(back.value - 2.0) < 1e-12)
  }

  @Test func bilirubinConverts() throws {
    let umol = try Quantity(2.0, .mgPerDL).converted(to: .micromolPerL, analyte: .bilirubin)
    #expect(abs(umol.value - 34.2) < 1e-12)
  }

  @Test func massConcentrationsConvertWithinTheirDimension() throws {
    #expect(try Quantity(12, .gPerDL).converted(to: .gPerL).value == 120)
    #expect(abs(try Quantity(150, .mgPerDL).converted(to: .gPerL).value - 1.5) < 1e-12)
    #expect(try Quantity(1.5, .gigaPerLitre).converted(to: .perMicrolitre).value == 1500)
    #expect(try Quantity(2, .weeks).converted(to: .days).value == 14)
  }

  @Test func incompatibleUnitsAndMissingAnalyteAreErrors() {
    #expect(throws: UnitConversionError.self) { try Quantity(1, .mgPerDL).converted(to: .micromolPerL) }
    #expect(throws: UnitConversionError.self) { try Quantity(1, .cells).converted(to: .cellsPerKg) }
  }

  @Test func parsingAcceptsCommonSpellings() {
    #expect(Quantity(parsing: "3.0e6 cells/kg") == Quantity(3.0e6, .cellsPerKg))
    #expect(Quantity(parsing: "1.5×10^8 cells") == Quantity(1.5e8, .cells))
    #expect(Quantity(parsing: "88 umol/L") == Quantity(88, .micromolPerL))
    #expect(Quantity(parsing: "1.2 x10^9/L") == Quantity(1.2, .gigaPerLitre))
    #expect(Quantity(parsing: "30 mg/m2") == Quantity(30, .mgPerSquareMetre))
    #expect(Quantity(parsing: "3.0e6") == nil)
    #expect(Quantity(parsing: "3 furlongs") == nil)
  }

  @Test func formatting() {
    #expect(Quantity(3.0e8, .cells).description == "3.0e8 cells")
    #expect(Quantity(1.9, .mgPerDL).description == "1.9 mg/dL")
  }
}

@Suite struct LabUnitTests {
  @Test func enzymeActivityAndSecondsParse() throws {
    #expect(MeasurementUnit(parsing: "U/L") == .unitsPerLitre)
    #expect(MeasurementUnit(parsing: "IU/L") == .unitsPerLitre)
    #expect(MeasurementUnit(parsing: "s") == .seconds)
    #expect(MeasurementUnit(parsing: "sec") == .seconds)
    #expect(try Quantity(86_400, .seconds).converted(to: .days).value == 1)
    #expect(throws: UnitConversionError.self) { try Quantity(40, .unitsPerLitre).converted(to: .timesULN) }
  }
}
