package content

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Precision is how much of a Date is known.
type Precision uint8

const (
	// Year: only the year is known ("2021").
	Year Precision = iota + 1
	// Month: the year and month are known ("2020-09").
	Month
	// Day: the calendar day is known ("2022-10-17").
	Day
)

// Date is a calendar day, or a month or year when that is all that is known.
// It is never converted through a time zone: "2022-10-17" is the 17th
// wherever the build runs. The zero Date means "no date".
type Date struct {
	Y    int
	M    time.Month
	D    int
	Prec Precision
}

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY. It refuses days that do not
// exist (2023-02-30) and any other shape (17/10/2022).
func ParseDate(s string) (Date, error) {
	if !dateRE.MatchString(s) || s[0] == '0' { // a year from 1000 on
		return Date{}, fmt.Errorf("%q is not a date", s)
	}
	y, _ := strconv.Atoi(s[:4])
	d := Date{Y: y, Prec: Year}
	if len(s) >= 7 {
		m, _ := strconv.Atoi(s[5:7])
		if m < 1 || m > 12 {
			return Date{}, fmt.Errorf("%q has no month %d", s, m)
		}
		d.M, d.Prec = time.Month(m), Month
	}
	if len(s) == 10 {
		day, _ := strconv.Atoi(s[8:10])
		if n := daysIn(d.Y, d.M); day < 1 || day > n {
			return Date{}, fmt.Errorf("%q is not a day of the calendar: %d-%02d has %d days", s, d.Y, d.M, n)
		}
		d.D, d.Prec = day, Day
	}
	return d, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// DateOf returns the calendar day of t in UTC.
func DateOf(t time.Time) Date {
	t = t.UTC()
	return Date{Y: t.Year(), M: t.Month(), D: t.Day(), Prec: Day}
}

// IsZero reports whether d is the zero Date (no date given).
func (d Date) IsZero() bool { return d.Prec == 0 }

// String gives the date at its precision: 2022-10-17, 2020-09 or 2021.
// It is the value of the datetime attribute of <time>.
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// MarshalText writes d as String does, for the open data.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Compare orders dates in time. A date known only to the month sorts
// before the days of that month, and a year before its months: the
// timeline shows what is less precise first within its period.
func (d Date) Compare(o Date) int {
	return cmp.Or(cmp.Compare(d.Y, o.Y), cmp.Compare(d.M, o.M), cmp.Compare(d.D, o.D))
}

// After reports whether every day d may stand for is after o's last day,
// so that a date is upcoming only when it surely is.
func (d Date) After(o Date) bool {
	last := o.Time()
	switch o.Prec {
	case Year:
		last = time.Date(o.Y, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		last = time.Date(o.Y, o.M, daysIn(o.Y, o.M), 0, 0, 0, 0, time.UTC)
	}
	return d.Time().After(last)
}

// Time is the first instant of d in UTC (for feeds, which need a time).
func (d Date) Time() time.Time {
	return time.Date(d.Y, max(d.M, 1), max(d.D, 1), 0, 0, 0, 0, time.UTC) // January, the 1st, when not known
}

// DaysUntil counts the days from d to o (o − d); both must be days.
func (d Date) DaysUntil(o Date) int {
	return int(o.Time().Sub(d.Time()).Hours() / 24)
}
