package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

// wellFormed parses an SVG as XML.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, svg)
			}
			return
		}
	}
}

func TestTimelineEscapesAndPlaces(t *testing.T) {
	svg := Timeline(`Events <by> "country"`, []Row{
		{Label: "France & <script>", Points: []Point{{T: 2022.8, Class: "k-fine", Label: "17 octobre 2022 — Amende"}}},
		{Label: "Royaume-Uni", Points: []Point{{T: 2020.0, Class: "k-court"}, {T: 2026.99, Class: "k-other"}}},
	}, 2020, 2026)
	wellFormed(t, svg)
	if strings.Contains(svg, "<script>") || !strings.Contains(svg, "France &amp; &lt;script&gt;") {
		t.Error("labels not escaped")
	}
	if strings.Count(svg, "<circle") != 3 || strings.Count(svg, `class="row"`) != 2 {
		t.Errorf("marks or rows missing:\n%s", svg)
	}
	// The first year's line and the axis end are at the plot's edges.
	if !strings.Contains(svg, `x1="150.0"`) || !strings.Contains(svg, `x1="744.0"`) {
		t.Errorf("axis not spanning the plot:\n%s", svg)
	}
}

func TestBarsScale(t *testing.T) {
	svg := Bars("Fines", []Bar{{Label: "A", Value: 30, Text: "30"}, {Label: "B", Value: 15, Text: "15"}})
	wellFormed(t, svg)
	// 760 wide, 150 on each side: the largest bar is 460 long, half of it 230.
	if !strings.Contains(svg, `width="460.0"`) || !strings.Contains(svg, `width="230.0"`) {
		t.Errorf("bars not to scale:\n%s", svg)
	}
}

func TestCumulativeSteps(t *testing.T) {
	svg := Cumulative("Total", []Step{{T: 2022.1, Total: 20}, {T: 2022.8, Total: 40}}, 2022, 2023, func(v int64) string { return "€" })
	wellFormed(t, svg)
	if strings.Count(svg, `class="mark"`) != 2 || !strings.Contains(svg, `class="step" d="M110.0 236.0`) {
		t.Errorf("steps:\n%s", svg)
	}
}
