/// Myers' O(ND) difference algorithm, linear-space ("middle snake") variant.
///
/// The implementation follows the divide-and-conquer formulation used by GNU diff: common prefixes
/// and suffixes are stripped, the midpoint of an optimal edit path is found by running the greedy
/// search forwards and backwards at the same time, and both halves are solved recursively. It always
/// produces a minimal edit script and uses O(N + M) memory.
struct MyersDiff: Sendable {
    /// Which elements of each sequence are not part of the longest common subsequence.
    struct Result: Sendable, Equatable {
        /// `removed[i]` is true when `old[i]` is deleted.
        var removed: [Bool]
        /// `added[j]` is true when `new[j]` is inserted.
        var added: [Bool]
    }

    private let old: [Int]
    private let new: [Int]
    private var removed: [Bool]
    private var added: [Bool]
    /// Furthest-reaching forward x per diagonal (`x - y`), shifted by `offset`.
    private var forward: [Int]
    /// Furthest-reaching backward x per diagonal (`x - y`), shifted by `offset`.
    private var backward: [Int]
    private let offset: Int

    private init(old: [Int], new: [Int]) {
        self.old = old
        self.new = new
        removed = Array(repeating: false, count: old.count)
        added = Array(repeating: false, count: new.count)
        // Diagonals range over -new.count ... old.count, plus one sentinel on each side.
        offset = new.count + 1
        forward = Array(repeating: 0, count: old.count + new.count + 3)
        backward = forward
    }

    /// Computes a minimal edit script turning `old` into `new`.
    static func diff(old: [Int], new: [Int]) -> Result {
        var state = MyersDiff(old: old, new: new)
        state.compare(oldRange: 0..<old.count, newRange: 0..<new.count)
        return Result(removed: state.removed, added: state.added)
    }

    private mutating func compare(oldRange: Range<Int>, newRange: Range<Int>) {
        var xoff = oldRange.lowerBound
        var xlim = oldRange.upperBound
        var yoff = newRange.lowerBound
        var ylim = newRange.upperBound
        while xoff < xlim && yoff < ylim && old[xoff] == new[yoff] {
            xoff += 1
            yoff += 1
        }
        while xoff < xlim && yoff < ylim && old[xlim - 1] == new[ylim - 1] {
            xlim -= 1
            ylim -= 1
        }
        if xoff == xlim {
            for y in yoff..<ylim { added[y] = true }
            return
        }
        if yoff == ylim {
            for x in xoff..<xlim { removed[x] = true }
            return
        }
        // Both ranges are non-empty and differ at both ends, so the edit distance is at least 2 and
        // each half below has a strictly smaller edit distance.
        let (xmid, ymid) = midpoint(xoff: xoff, xlim: xlim, yoff: yoff, ylim: ylim)
        compare(oldRange: xoff..<xmid, newRange: yoff..<ymid)
        compare(oldRange: xmid..<xlim, newRange: ymid..<ylim)
    }

    /// A point `(x, y)` on a minimal edit path from `(xoff, yoff)` to `(xlim, ylim)`.
    private mutating func midpoint(xoff: Int, xlim: Int, yoff: Int, ylim: Int) -> (Int, Int) {
        let dmin = xoff - ylim
        let dmax = xlim - yoff
        let fmid = xoff - yoff
        let bmid = xlim - ylim
        var fmin = fmid
        var fmax = fmid
        var bmin = bmid
        var bmax = bmid
        let odd = (fmid - bmid) & 1 != 0
        forward[offset + fmid] = xoff
        backward[offset + bmid] = xlim

        while true {
            // Extend the forward search by one edit on every active diagonal.
            if fmin > dmin {
                fmin -= 1
                forward[offset + fmin - 1] = -1
            } else {
                fmin += 1
            }
            if fmax < dmax {
                fmax += 1
                forward[offset + fmax + 1] = -1
            } else {
                fmax -= 1
            }
            for d in stride(from: fmax, through: fmin, by: -2) {
                let low = forward[offset + d - 1]
                let high = forward[offset + d + 1]
                var x = low < high ? high : low + 1
                var y = x - d
                while x < xlim && y < ylim && old[x] == new[y] {
                    x += 1
                    y += 1
                }
                forward[offset + d] = x
                if odd && bmin <= d && d <= bmax && backward[offset + d] <= x {
                    return (x, y)
                }
            }

            // Extend the backward search likewise.
            if bmin > dmin {
                bmin -= 1
                backward[offset + bmin - 1] = Int.max
            } else {
                bmin += 1
            }
            if bmax < dmax {
                bmax += 1
                backward[offset + bmax + 1] = Int.max
            } else {
                bmax -= 1
            }
            for d in stride(from: bmax, through: bmin, by: -2) {
                let low = backward[offset + d - 1]
                let high = backward[offset + d + 1]
                var x = low < high ? low : high - 1
                var y = x - d
                while x > xoff && y > yoff && old[x - 1] == new[y - 1] {
                    x -= 1
                    y -= 1
                }
                backward[offset + d] = x
                if !odd && fmin <= d && d <= fmax && x <= forward[offset + d] {
                    return (x, y)
                }
            }
        }
    }
}
