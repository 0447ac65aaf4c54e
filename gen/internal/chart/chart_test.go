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

// variants splits a chart into its wide and narrow drawings.
func variants(t *testing.T, svg string) (wide, narrow string) {
	t.Helper()
	wide, narrow, ok := strings.Cut(svg, "</svg>")
	if !ok || !strings.Contains(wide, "chart-wide") || !strings.Contains(narrow, "chart-narrow") || !strings.HasSuffix(narrow, "</svg>") {
		t.Fatalf("not a wide then a narrow drawing:\n%s", svg)
	}
	return wide + "</svg>", narrow
}

func TestTimelineEscapesAndPlaces(t *testing.T) {
	svg := Timeline(`Events <by> "country"`, []Row{
		{Label: "France & <script>", Points: []Point{{T: 2022.8, Class: "k-fine", Label: "17 octobre 2022 — Amende"}}},
		{Label: "Royaume-Uni", Points: []Point{{T: 2020.0, Class: "k-court"}, {T: 2026.99, Class: "k-other"}}},
	}, 2020, 2026)
	wide, narrow := variants(t, svg)
	for _, svg := range []string{wide, narrow} {
		wellFormed(t, svg)
		if strings.Contains(svg, "<script>") || !strings.Contains(svg, "France &amp; &lt;script&gt;") {
			t.Error("labels not escaped")
		}
		if strings.Count(svg, "<circle") != 3 || strings.Count(svg, `class="row"`) != 2 {
			t.Errorf("marks or rows missing:\n%s", svg)
		}
	}
	// The first year's line and the axis end are at the plot's edges.
	if !strings.Contains(wide, `x1="150.0"`) || !strings.Contains(wide, `x1="744.0"`) {
		t.Errorf("axis not spanning the plot:\n%s", wide)
	}
	// Narrow: the years run down the page, 64 units each, below the
	// column labels (18 characters); the last mark, at the end of 2026,
	// is at the foot of the axis.
	if !strings.Contains(narrow, `viewBox="0 0 100 614.5"`) || !strings.Contains(narrow, `cy="158.5"`) || !strings.Contains(narrow, `cy="605.9"`) {
		t.Errorf("narrow axis:\n%s", narrow)
	}
	if !strings.Contains(narrow, `transform="rotate(-90 84.0 152.5)">Royaume-Uni`) {
		t.Errorf("narrow column labels:\n%s", narrow)
	}
}

func TestBarsScale(t *testing.T) {
	svg := Bars("Fines", []Bar{{Label: "A", Value: 30, Text: "30"}, {Label: "B", Value: 15, Text: "15"}})
	wide, narrow := variants(t, svg)
	wellFormed(t, wide)
	wellFormed(t, narrow)
	// 760 wide, 150 on each side: the largest bar is 460 long, half of it 230.
	if !strings.Contains(wide, `width="460.0"`) || !strings.Contains(wide, `width="230.0"`) {
		t.Errorf("bars not to scale:\n%s", wide)
	}
	// 340 wide, 4 on each side, the longest value (2 characters) after
	// the bar: 340-8-17-6 = 309, half of it 154.5.
	if !strings.Contains(narrow, `width="309.0"`) || !strings.Contains(narrow, `width="154.5"`) {
		t.Errorf("narrow bars not to scale:\n%s", narrow)
	}
}

func TestCumulativeSteps(t *testing.T) {
	svg := Cumulative("Total", []Step{{T: 2022.1, Total: 20}, {T: 2022.8, Total: 40}}, 2022, 2023, func(v int64) string { return "€" })
	wide, narrow := variants(t, svg)
	for _, svg := range []string{wide, narrow} {
		wellFormed(t, svg)
		if strings.Count(svg, `class="mark"`) != 2 {
			t.Errorf("steps:\n%s", svg)
		}
	}
	if !strings.Contains(wide, `class="step" d="M110.0 242.0`) || !strings.Contains(narrow, `class="step" d="M4.0 242.0`) {
		t.Errorf("the step line does not start at the plot's origin:\n%s", svg)
	}
}
