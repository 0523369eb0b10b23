import Foundation
import Testing

@Suite struct SkeletonCommandTests {
  /// dfcrm getprior(0.05, 0.3, 3, 5) = 0.1225 0.2040 0.3000 0.4018 0.5013.
  @Test func matchesGetprior() throws {
    let result = try CLIRunner.run([
      "skeleton", "--halfwidth", "0.05", "--target", "0.3", "--prior-mtd", "3", "--doses", "5",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("0.1225 0.2040 0.3000 0.4018 0.5013\n"))
    let json = try CLIRunner.run([
      "skeleton", "--halfwidth", "0.05", "--target", "0.3", "--prior-mtd", "3", "--doses", "5", "--format",
      "json",
    ])
    let object = try #require(try json.json() as? [String: Any])
    let skeleton = try #require(object["skeleton"] as? [Double])
    #expect(abs(skeleton[2] - 0.3) < 1e-15)
  }

  @Test(arguments: [
    (["--halfwidth", "0.4", "--target", "0.3", "--prior-mtd", "3", "--doses", "5"], "--halfwidth"),
    (["--halfwidth", "0.05", "--target", "0.3", "--prior-mtd", "6", "--doses", "5"], "--prior-mtd"),
    (["--halfwidth", "0.05", "--target", "1.3", "--prior-mtd", "3", "--doses", "5"], "--target"),
  ])
  func badInputFails(arguments: [String], option: String) throws {
    let result = try CLIRunner.run(["skeleton"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(option), "\(result.stderr)")
  }
}
