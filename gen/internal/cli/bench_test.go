package cli

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// synthEvents adds n synthetic events (each in both languages, with a
// body of about 3 KB) to the tree at root.
func synthEvents(tb testing.TB, root string, n int) {
	tb.Helper()
	para := strings.Repeat("La formation restreinte a retenu plusieurs manquements au RGPD, dont l'absence de base légale et le non-respect des droits des personnes ; voir [la décision](2022-10-17-cnil-sanction.md). ", 4)
	body := "## Les faits\n\n" + para + "\n\n- premier point ;\n- second point.\n\n> Une citation.\n\n## La suite\n\n" + para + "\n\n" + para + "\n"
	kinds := []string{"fine", "notice", "ruling", "order"}
	for i := range n {
		id := fmt.Sprintf("%04d-%02d-%02d-synthetique-%05d", 2015+i%10, 1+i%12, 1+i%28, i)
		fr := fmt.Sprintf(`---
date: %s
country: FR
authority: cnil
kind: %s
status: final
confirmation: press
sources:
  - url: https://example.org/%d
    title: Source %d
    publisher: Exemple
    language: fr
    primary: true
title: "Événement synthétique %d"
summary: "Un résumé d'une phrase pour l'événement %d."
---
%s`, id[:10], kinds[i%len(kinds)], i, i, i, i, body)
		en := fmt.Sprintf("---\ntitle: \"Synthetic event %d\"\nsummary: \"A one-line summary of event %d.\"\n---\n%s", i, i, body)
		if err := os.WriteFile(filepath.Join(root, "content/events", id+".md"), []byte(fr), 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "content/events", id+".en.md"), []byte(en), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkServeReload measures, end to end, the time from writing an
// edit of one event to the reload event reaching a client of gen serve.
func BenchmarkServeReload(b *testing.B) {
	for _, n := range []int{0, 1000} {
		name := "real"
		if n > 0 {
			name = fmt.Sprintf("real+%d", n)
		}
		b.Run(name, func(b *testing.B) {
			root := copyTree(b)
			synthEvents(b, root, n)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			var out syncBuffer
			go func() { done <- ServeOn(ctx, root, ln, &out, &out) }()
			defer func() { cancel(); <-done }()
			base := "http://" + ln.Addr().String()
			resp, err := http.Get(base + "/_gen/events")
			if err != nil {
				b.Fatal(err)
			}
			defer resp.Body.Close()
			events := make(chan struct{}, 64)
			go func() {
				sc := bufio.NewScanner(resp.Body)
				for sc.Scan() {
					if sc.Text() == "event: reload" {
						events <- struct{}{}
					}
				}
			}()
			time.Sleep(50 * time.Millisecond) // the watcher is set up after the first build
			file := filepath.Join(root, "content/events/2022-10-17-cnil-sanction.md")
			orig, _ := os.ReadFile(file)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				edited := strings.Replace(string(orig), "Le lundi 17 octobre 2022", fmt.Sprintf("Le lundi 17 octobre 2022 (%d)", i), 1)
				if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
					b.Fatal(err)
				}
				select {
				case <-events:
				case <-time.After(10 * time.Second):
					b.Fatal("no reload event")
				}
			}
		})
	}
}
