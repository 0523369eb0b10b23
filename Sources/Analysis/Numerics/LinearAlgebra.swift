/// Small dense linear algebra for the few-parameter problems in this module.
enum LinearAlgebra {
  /// Solves A·x = b for a symmetric positive (semi-)definite A by Gaussian elimination with
  /// partial pivoting; pivots below 1e-12 of the largest diagonal are treated as 0 (a generalised
  /// inverse, as R's `survdiff` does for singular variance matrices).
  static func solveSymmetric(_ a: [[Double]], _ b: [Double]) -> [Double] {
    let n = b.count
    var m = a
    var rhs = b
    let scale = (0..<n).map { abs(a[$0][$0]) }.max() ?? 0
    var usable = [Bool](repeating: true, count: n)
    for column in 0..<n {
      let pivotRow = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
      if abs(m[pivotRow][column]) <= 1e-12 * scale {
        usable[column] = false
        continue
      }
      m.swapAt(column, pivotRow)
      rhs.swapAt(column, pivotRow)
      for row in (column + 1)..<n where m[row][column] != 0 {
        let factor = m[row][column] / m[column][column]
        for c in column..<n { m[row][c] -= factor * m[column][c] }
        rhs[row] -= factor * rhs[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) where usable[row] {
      var sum = rhs[row]
      for c in (row + 1)..<n { sum -= m[row][c] * x[c] }
      x[row] = sum / m[row][row]
    }
    return x
  }

  /// The inverse of a small symmetric positive-definite matrix (columns solved one at a time);
  /// nil if it is singular.
  static func inverse(_ a: [[Double]]) -> [[Double]]? {
    let n = a.count
    var columns: [[Double]] = []
    for j in 0..<n {
      var unit = [Double](repeating: 0, count: n)
      unit[j] = 1
      let column = solveSymmetric(a, unit)
      if column.contains(where: { !$0.isFinite }) { return nil }
      columns.append(column)
    }
    let inverse = (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
    // A singular matrix leaves rows of zeros; reject it.
    for i in 0..<n where inverse[i][i] <= 0 { return nil }
    return inverse
  }
}
