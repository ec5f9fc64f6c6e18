package freq

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	got, err := Count(strings.NewReader("a b, A! c b a"))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != (Pair{"a", 3}) || got[1] != (Pair{"b", 2}) || got[2] != (Pair{"c", 1}) {
		t.Fatalf("got %v", got)
	}
}
