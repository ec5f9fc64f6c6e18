// wordfreq prints the most frequent words of its input files (or of a built-in sample).
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"example.com/wordfreq/internal/freq"
)

//go:embed sample.txt
var sample string

func main() {
	top := flag.Int("top", 5, "how many words to print")
	flag.Parse()
	var readers []io.Reader
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "wordfreq:", err)
			os.Exit(1)
		}
		defer f.Close()
		readers = append(readers, f)
	}
	if len(readers) == 0 {
		readers = append(readers, strings.NewReader(sample))
	}
	pairs, err := freq.Count(io.MultiReader(readers...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordfreq:", err)
		os.Exit(1)
	}
	for i, p := range pairs {
		if i == *top {
			break
		}
		fmt.Printf("%-12s %d\n", p.Word, p.Count)
	}
}
