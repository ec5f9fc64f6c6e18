/// Slides runs of changed lines to canonical positions, as GNU diff's `shift_boundaries` does.
///
/// When a run of changed lines could equally sit a few lines earlier or later (for example an
/// inserted line identical to its neighbour), Myers' algorithm picks one position arbitrarily. This
/// pass merges runs that can be made adjacent, moves each run as far down as possible, and then back up
/// to line up with a change in the other file when that is possible. The edit stays minimal and valid:
/// a line only swaps its changed flag with an identical line.
enum BoundaryShifter {
    /// Adjusts `removed` (flags for `old`) and `added` (flags for `new`) in place.
    static func shift(removed: inout [Bool], added: inout [Bool], old: [Int], new: [Int]) {
        // Padded copies: index 0 and count + 1 are permanent `false` sentinels.
        var oldChanged = [false] + removed + [false]
        var newChanged = [false] + added + [false]
        shift(changed: &oldChanged, otherChanged: newChanged, lines: old)
        shift(changed: &newChanged, otherChanged: oldChanged, lines: new)
        removed = Array(oldChanged[1..<old.count + 1])
        added = Array(newChanged[1..<new.count + 1])
    }

    /// Shifts the runs of one file. `changed` and `otherChanged` are padded with a `false` sentinel at
    /// both ends, so flag of line `i` (0-based) is at index `i + 1`.
    private static func shift(changed: inout [Bool], otherChanged: [Bool], lines: [Int]) {
        let end = lines.count
        var i = 0
        var j = 0
        func isChanged(_ index: Int) -> Bool { changed[index + 1] }
        func isOtherChanged(_ index: Int) -> Bool { otherChanged[index + 1] }

        while true {
            // Find the start of the next run of changes, tracking the corresponding other-file line.
            while i < end && !isChanged(i) {
                while isOtherChanged(j) { j += 1 }
                j += 1
                i += 1
            }
            if i == end {
                break
            }
            var start = i
            i += 1
            while isChanged(i) { i += 1 }
            while isOtherChanged(j) { j += 1 }

            var corresponding: Int
            var runLength: Int
            repeat {
                runLength = i - start

                // Move the run back while the line before it equals its last line, merging with
                // earlier runs.
                while start > 0 && lines[start - 1] == lines[i - 1] {
                    start -= 1
                    changed[start + 1] = true
                    i -= 1
                    changed[i + 1] = false
                    while isChanged(start - 1) { start -= 1 }
                    j -= 1
                    while isOtherChanged(j) { j -= 1 }
                }

                // The end of the run at the last point where it lines up with a run in the other file.
                corresponding = isOtherChanged(j - 1) ? i : end

                // Move the run forward while its first line equals the line after it, merging with
                // later runs.
                while i != end && lines[start] == lines[i] {
                    changed[start + 1] = false
                    start += 1
                    changed[i + 1] = true
                    i += 1
                    while isChanged(i) { i += 1 }
                    j += 1
                    while isOtherChanged(j) {
                        j += 1
                        corresponding = i
                    }
                }
            } while runLength != i - start

            // Move the merged run back to line up with a run in the other file, if there is one.
            while corresponding < i {
                start -= 1
                changed[start + 1] = true
                i -= 1
                changed[i + 1] = false
                j -= 1
                while isOtherChanged(j) { j -= 1 }
            }
        }
    }
}
