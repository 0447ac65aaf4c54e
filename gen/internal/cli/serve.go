package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"timeline/gen/internal/cardcache"
	"timeline/gen/internal/serve"
)

func serveCmd(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	root := fs.String("root", ".", "the project folder, holding content/, layouts/ and static/")
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on; only this address is bound")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen serve: unexpected argument %q\n", fs.Arg(0))
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Serve(ctx, *root, *addr, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "gen serve: %v\n", err)
		return ExitContent
	}
	return ExitOK
}

// Serve runs the dev server on addr until ctx is done, then stops cleanly.
func Serve(ctx context.Context, root, addr string, stdout, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return ServeOn(ctx, root, ln, stdout, stderr)
}

// ServeOn runs the dev server on a listener until ctx is done.
func ServeOn(ctx context.Context, root string, ln net.Listener, stdout, stderr io.Writer) error {
	base := "http://" + ln.Addr().String()
	logger := log.New(stderr, "gen serve: ", 0)
	srv := serve.New(os.DirFS(root), base, logger.Printf)
	srv.Cards = cardcache.Dir(filepath.Join(root, CardsCache))
	srv.Build()
	fmt.Fprintf(stdout, "gen serve: %s/ (drafts shown; Ctrl-C stops)\n", base)

	// The watcher and the requests end with ctx, or when ServeOn returns:
	// the event streams end before Shutdown, which does not wait for them.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	watchDone := make(chan error, 1)
	// The folders are watched before the first request is served, so that
	// an edit made as soon as the page shows is seen.
	watching := make(chan struct{})
	go func() { watchDone <- srv.Watch(ctx, root, func() { close(watching) }) }()
	select {
	case <-watching:
	case err := <-watchDone:
		return err
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shut, cancelShut := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancelShut()
	err := hs.Shutdown(shut) // never http.ErrServerClosed: Serve returns that
	<-watchDone
	fmt.Fprintln(stdout, "gen serve: stopped")
	return err
}
