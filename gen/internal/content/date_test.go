package content

import "testing"

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{"2022-10-17", "2022-10-17", ""},
		{"2020-09", "2020-09", ""},
		{"2021", "2021", ""},
		{"2024-02-29", "2024-02-29", ""},
		{"2023-02-29", "", `"2023-02-29" is not a day of the calendar: 2023-02 has 28 days`},
		{"2023-02-30", "", `"2023-02-30" is not a day of the calendar: 2023-02 has 28 days`},
		{"2022-00", "", `"2022-00" has no month 0`},
		{"17/10/2022", "", `"17/10/2022" is not a date`},
		{"2022-1-7", "", `"2022-1-7" is not a date`},
		{"22-10-17", "", `"22-10-17" is not a date`},
		{"0999-10-17", "", `"0999-10-17" is not a date`},
		{"+202-10-17", "", `"+202-10-17" is not a date`},
		{"2022-+1-17", "", `"2022-+1-17" is not a date`},
		{"2022-10-17T00:00:00Z", "", `"2022-10-17T00:00:00Z" is not a date`},
		{"", "", `"" is not a date`},
	} {
		d, err := ParseDate(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseDate(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
}

func TestDateOrder(t *testing.T) {
	must := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if must("2020-09").Compare(must("2020-09-11")) >= 0 || must("2020").Compare(must("2020-01")) >= 0 {
		t.Error("a less precise date does not sort first within its period")
	}
	now := must("2026-02-20")
	for s, want := range map[string]bool{"2026-02-21": true, "2026-02-20": false, "2026-02": false, "2026-03": true, "2026": false, "2027": true} {
		if got := must(s).After(now); got != want {
			t.Errorf("%s.After(%s) = %v, want %v", s, now, got, want)
		}
	}
	if n := must("2022-12-19").DaysUntil(must("2023-02-09")); n != 52 {
		t.Errorf("days from 2022-12-19 to 2023-02-09 = %d, want 52", n)
	}
}
