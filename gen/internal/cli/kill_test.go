package cli

import (
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuilds kills gen build with SIGKILL at random moments, many
// times, alternating two versions of the content: the output folder must
// hold, after each kill, exactly one of the two complete sites.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("many builds in subprocesses")
	}
	root := copyTree(t)
	file := filepath.Join(root, "content/events/2022-10-17-cnil-sanction.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	versions := [][]byte{orig, []byte(strings.Replace(string(orig), "Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022 (version B)", 1))}
	build := func(out string) (*exec.Cmd, error) {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "GEN_TEST_ARGS=build -q -root "+root+" -out "+out)
		return cmd, cmd.Start()
	}
	// The two complete sites, and how long a build takes here.
	var trees []map[string]string
	var took time.Duration
	for i, v := range versions {
		os.WriteFile(file, v, 0o644)
		out := filepath.Join(root, "want", string(rune('a'+i)))
		start := time.Now()
		cmd, err := build(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
		took = max(took, time.Since(start))
		trees = append(trees, hashes(t, out))
	}
	public := filepath.Join(root, "public")
	os.WriteFile(file, versions[0], 0o644)
	if cmd, err := build(public); err != nil || cmd.Wait() != nil {
		t.Fatal("first build failed")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for i := range 25 {
		os.WriteFile(file, versions[(i+1)%2], 0o644)
		cmd, err := build(public)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took) + 1)))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		cmd.Wait()
		got := hashes(t, public)
		if !maps.Equal(got, trees[0]) && !maps.Equal(got, trees[1]) {
			t.Fatalf("after kill %d the output is neither site (%d files)", i, len(got))
		}
	}
	// Leftovers of killed runs are removed by the next build.
	if cmd, err := build(public); err != nil || cmd.Wait() != nil {
		t.Fatal("build after the kills failed")
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".publish-") {
			t.Errorf("leftover %s", e.Name())
		}
	}
	t.Logf("%d kills over builds of %s", kills, took.Round(time.Millisecond))
}
