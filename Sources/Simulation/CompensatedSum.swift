/// A sum of many doubles with Neumaier's compensation (Neumaier 1974, an improved Kahan sum):
/// the rounding error of each addition is carried separately, so the total of the ~10⁷
/// probabilities an exact enumeration of 60 patients adds is exact to a few units in the last
/// place instead of drifting by up to n·ε.
struct CompensatedSum {
  private var sum = 0.0
  private var compensation = 0.0

  mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  var value: Double { sum + compensation }
}
