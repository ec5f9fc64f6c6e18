// Package freq counts words.
package freq

import (
	"bufio"
	"io"
	"sort"
	"strings"
	"unicode"
)

// Pair is a word and how often it occurs.
type Pair struct {
	Word  string
	Count int
}

// Count returns the words of r, most frequent first (ties alphabetical).
func Count(r io.Reader) ([]Pair, error) {
	counts := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimFunc(sc.Text(), func(c rune) bool { return !unicode.IsLetter(c) }))
		if w != "" {
			counts[w]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	pairs := make([]Pair, 0, len(counts))
	for w, n := range counts {
		pairs = append(pairs, Pair{w, n})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].Count != pairs[j].Count {
			return pairs[i].Count > pairs[j].Count
		}
		return pairs[i].Word < pairs[j].Word
	})
	return pairs, nil
}
