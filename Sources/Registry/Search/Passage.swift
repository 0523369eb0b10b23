/// A passage of a text around one place in it, for a search hit: about 60 characters before and
/// 100 after, cut at word boundaries, `…` where the text goes on, whitespace runs made one space,
/// and the marked ranges given as character offsets in the passage.
struct Passage {
  var text: String
  var marks: [Range<Int>]

  init(_ source: String, around anchor: Range<String.Index>, marking ranges: [Range<String.Index>]) {
    var start =
      source.index(anchor.lowerBound, offsetBy: -60, limitedBy: source.startIndex) ?? source.startIndex
    var end = source.index(anchor.upperBound, offsetBy: 100, limitedBy: source.endIndex) ?? source.endIndex
    while start > source.startIndex, !source[source.index(before: start)].isWhitespace {
      start = source.index(before: start)
    }
    while end < source.endIndex, !source[end].isWhitespace { end = source.index(after: end) }
    var out = start > source.startIndex ? "…" : ""
    var marks: [Range<Int>] = []
    var offset = out.count
    var index = start
    var openMark: Int?
    let wanted = ranges.filter { $0.lowerBound >= start && $0.upperBound <= end }
    var lastWasSpace = false
    while index < end {
      if wanted.contains(where: { $0.lowerBound == index }), openMark == nil { openMark = offset }
      let c = source[index]
      if c.isWhitespace {
        if !lastWasSpace {
          out.append(" ")
          offset += 1
        }
        lastWasSpace = true
      } else {
        out.append(c)
        offset += 1
        lastWasSpace = false
      }
      index = source.index(after: index)
      if let open = openMark, wanted.contains(where: { $0.upperBound == index }) {
        marks.append(open..<offset)
        openMark = nil
      }
    }
    if end < source.endIndex { out += "…" }
    text = out
    self.marks = marks
  }
}
