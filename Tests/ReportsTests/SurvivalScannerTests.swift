import Analysis
import Inputs
import Testing

@testable import Reports

/// The one-pass survival reader (`SurvivalGroup.scan`) gives exactly what `CSVTable` gives, or
/// declines (nil) so that the general reader answers.
@Suite struct SurvivalScannerTests {
  /// The general reader's answer: groups, or the error's text.
  static func general(_ text: String, group: String?) -> Result<[SurvivalGroup], InputError> {
    Result { () throws(InputError) in
      try CSVTable(text: text, file: "km.csv").survivalGroups(time: "t", event: "e", group: group)
    }
  }

  static func scan(_ text: String, group: String?) -> [SurvivalGroup]? {
    SurvivalGroup.scan(csv: Array(text.utf8), time: "t", event: "e", group: group)
  }

  /// xorshift64*, seeded: the random files are the same on every run.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 2_685_821_657_736_338_717
    }
  }

  @Test func plainFilesAreReadInOnePassAsTheGeneralReaderReadsThem() throws {
    var random = Generator(state: 0x9E37_79B9_7F4A_7C15)
    let times = [
      "0", "3", "17.5", "0.0001", "1459.9859", "007", "12.", ".5", "1e2", "2.5E1", "-0",
      "123456789012345678901",
    ]
    let flags = ["1", "0", "true", "FALSE", "Yes", "no", "y", "N"]
    let arms = ["A", "B", "10", "2", "", "arm one"]
    for trial in 0..<300 {
      let newline = ["\n", "\r\n", "\r"][trial % 3]
      var text = (trial % 7 == 0 ? "\u{FEFF}" : "") + "id, t ,e,arm" + newline
      for row in 0..<Int.random(in: 1...40, using: &random) {
        let time = times.randomElement(using: &random)!
        let flag = flags.randomElement(using: &random)!
        let arm = arms.randomElement(using: &random)!
        let pad = row % 5 == 0 ? " \t" : ""
        text += "S\(row),\(pad)\(time)\(pad),\(flag)\(pad),\(pad)\(arm)" + newline
        if row % 11 == 3 { text += newline }  // a blank line
      }
      if trial % 2 == 1 { text.removeLast(newline.count) }  // no final line end
      for group in ["arm", nil] {
        let expected = try Self.general(text, group: group).get()
        let scanned = try #require(Self.scan(text, group: group), "declined: \(text.debugDescription)")
        #expect(scanned == expected, "\(text.debugDescription)")
      }
    }
  }

  @Test(arguments: [
    "t,e,arm\n5,1,\"A\"\n",  // a quote
    "t,e,arm\n5,1,Bras é\n",  // a non-ASCII group name
    "t,e,arm\n-3,1,A\n",  // a negative time: the general reader locates the error
    "t,e,arm\nabc,1,A\n",
    "t,e,arm\n5,2,A\n",
    "t,e,arm\n5,1\n",  // too few fields
    "t,e,arm\n",  // no data row
    "t,t,arm\n5,1,A\n",  // a repeated column
    "time,e,arm\n5,1,A\n",  // no column t
  ])
  func unusualOrBadFilesAreLeftToTheGeneralReader(text: String) {
    #expect(Self.scan(text, group: "arm") == nil)
  }

  @Test func nonASCIIOutsideTheNeededColumnsIsReadAndChecked() throws {
    let text = "id,t,e,arm\nÉmile,5,1,A\nZoë,7,0,B\n"
    #expect(try Self.scan(text, group: "arm") == Self.general(text, group: "arm").get())
    // Bytes that are not UTF-8 are left to the general reader (which the CLI reports).
    var bytes = Array("id,t,e\nx".utf8) + [0xFF] + Array(",5,1\n".utf8)
    #expect(SurvivalGroup.scan(csv: bytes, time: "t", event: "e", group: nil) == nil)
    bytes = Array("id,t,e\nx".utf8) + [0xC3, 0xA9] + Array(",5,1\n".utf8)
    #expect(SurvivalGroup.scan(csv: bytes, time: "t", event: "e", group: nil)?.first?.observations.count == 1)
  }

  @Test func decimalsAreCorrectlyRounded() {
    var random = Generator(state: 42)
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...17, using: &random)
      let mantissa = String(UInt64.random(in: 0..<UInt64(pow10(digits)), using: &random))
      let point = Int.random(in: 0...mantissa.count, using: &random)
      let text =
        point == 0 || point == mantissa.count
        ? mantissa
        : String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
      let parsed = Array(text.utf8).withUnsafeBufferPointer { SurvivalCSVScanner.number($0) }
      #expect(parsed == Double(text), "\(text)")
    }
  }

  func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
