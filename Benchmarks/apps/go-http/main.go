// bench-server: a small JSON HTTP service (standard library only).
// `bench-server -selfcheck` starts it on a loopback port, calls it, and prints what it got.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

var hits atomic.Int64

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"status": "ok", "hits": hits.Add(1)})
	})
	mux.HandleFunc("/upper", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		fmt.Fprint(w, strings.ToUpper(string(body)))
	})
	return mux
}

func selfcheck() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: routes(), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return err
	}
	var health map[string]any
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	resp, err = http.Post(base+"/upper", "text/plain", strings.NewReader("whittle"))
	if err != nil {
		return err
	}
	upper, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("selfcheck ok: status=%v upper=%s\n", health["status"], upper)
	return nil
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	check := flag.Bool("selfcheck", false, "serve on loopback, call the endpoints, exit")
	flag.Parse()
	if *check {
		if err := selfcheck(); err != nil {
			fmt.Fprintln(os.Stderr, "selfcheck failed:", err)
			os.Exit(1)
		}
		return
	}
	log.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, routes()))
}
