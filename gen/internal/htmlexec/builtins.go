package htmlexec

import (
	"errors"
	"fmt"
	"reflect"
)

// builtin is one of text/template's predefined functions, given its
// arguments unevaluated so that and and or can stop early.
type builtin func(s *state, dot reflect.Value, args []operand, f final) reflect.Value

var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and":   andOr(false),
		"or":    andOr(true),
		"not":   notBuiltin,
		"len":   lenBuiltin,
		"print": printBuiltin,
		"eq":    compare(eq, true),
		"ne":    compare(func(a, b reflect.Value) (bool, error) { t, err := eq(a, b); return !t, err }, false),
		"lt":    compare(lt, false),
		"le":    compare(le, false),
		"gt":    compare(func(a, b reflect.Value) (bool, error) { t, err := le(a, b); return !t, err }, false),
		"ge":    compare(func(a, b reflect.Value) (bool, error) { t, err := lt(a, b); return !t, err }, false),
	}
}

// values evaluates a built-in's arguments, the pipeline's value last; each
// must be a value (text/template's "invalid value; expected reflect.Value").
func (s *state) values(dot reflect.Value, args []operand, f final) []reflect.Value {
	out := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		out = append(out, s.builtinArg(dot, a))
	}
	if f.ok {
		if !f.v.IsValid() {
			s.errorf("invalid value; expected reflect.Value")
		}
		out = append(out, f.v)
	}
	return out
}

func (s *state) builtinArg(dot reflect.Value, a operand) reflect.Value {
	v := s.evalArg(dot, reflectValueType, a)
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

func andOr(or bool) builtin {
	return func(s *state, dot reflect.Value, args []operand, f final) reflect.Value {
		if len(args)+btoi(f.ok) < 1 {
			s.errorf("wrong number of args: want at least 1 got 0")
		}
		var v reflect.Value
		for _, a := range args {
			v = s.builtinArg(dot, a)
			if truth(v) == or {
				return v
			}
		}
		if f.ok {
			if !f.v.IsValid() {
				s.errorf("invalid value; expected reflect.Value")
			}
			v = f.v
		}
		return v
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func notBuiltin(s *state, dot reflect.Value, args []operand, f final) reflect.Value {
	vs := s.values(dot, args, f)
	if len(vs) != 1 {
		s.errorf("wrong number of args for not: want 1 got %d", len(vs))
	}
	return reflect.ValueOf(!truth(vs[0]))
}

func lenBuiltin(s *state, dot reflect.Value, args []operand, f final) reflect.Value {
	vs := s.values(dot, args, f)
	if len(vs) != 1 {
		s.errorf("wrong number of args for len: want 1 got %d", len(vs))
	}
	item, isNil := indirect(vs[0])
	if isNil {
		s.errorf("error calling len: len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len())
	}
	s.errorf("error calling len: len of type %s", item.Type())
	return reflect.Value{}
}

// printBuiltin is fmt.Sprint of the arguments, as text/template passes
// them to a ...any parameter.
func printBuiltin(s *state, dot reflect.Value, args []operand, f final) reflect.Value {
	anyType := reflect.TypeFor[any]()
	vals := make([]any, 0, len(args)+1)
	for _, a := range args {
		vals = append(vals, s.evalArg(dot, anyType, a).Interface())
	}
	if f.ok {
		vals = append(vals, s.validateType(f.v, anyType).Interface())
	}
	return reflect.ValueOf(fmt.Sprint(vals...))
}

// compare makes a comparison built-in; eq alone takes several values
// after the first, and is true if any of them equals it.
func compare(fn func(a, b reflect.Value) (bool, error), several bool) builtin {
	return func(s *state, dot reflect.Value, args []operand, f final) reflect.Value {
		vs := s.values(dot, args, f)
		if len(vs) < 2 || len(vs) > 2 && !several {
			s.errorf("wrong number of args for comparison: got %d", len(vs))
		}
		for _, b := range vs[1:] {
			t, err := fn(vs[0], b)
			if err != nil {
				s.errorf("error calling comparison: %v", err)
			}
			if t {
				return reflect.ValueOf(true)
			}
		}
		return reflect.ValueOf(false)
	}
}

type kind int

const (
	invalidKind kind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

var (
	errBadComparisonType = errors.New("invalid type for comparison")
	errBadComparison     = errors.New("incompatible types for comparison")
)

func basicKind(v reflect.Value) (kind, error) {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind, nil
	case reflect.Float32, reflect.Float64:
		return floatKind, nil
	case reflect.Complex64, reflect.Complex128:
		return complexKind, nil
	case reflect.String:
		return stringKind, nil
	}
	return invalidKind, errBadComparisonType
}

// eq compares two values of basic kinds as text/template's eq does; other
// kinds are left to html/template.
func eq(a, b reflect.Value) (bool, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	k1, _ := basicKind(a)
	k2, _ := basicKind(b)
	if k1 == invalidKind || k2 == invalidKind {
		unsupported("eq on %s and %s", a.Kind(), b.Kind())
	}
	if k1 != k2 {
		switch {
		case k1 == intKind && k2 == uintKind:
			return a.Int() >= 0 && uint64(a.Int()) == b.Uint(), nil
		case k1 == uintKind && k2 == intKind:
			return b.Int() >= 0 && a.Uint() == uint64(b.Int()), nil
		}
		return false, errBadComparison
	}
	switch k1 {
	case boolKind:
		return a.Bool() == b.Bool(), nil
	case complexKind:
		return a.Complex() == b.Complex(), nil
	case floatKind:
		return a.Float() == b.Float(), nil
	case intKind:
		return a.Int() == b.Int(), nil
	case stringKind:
		return a.String() == b.String(), nil
	}
	return a.Uint() == b.Uint(), nil
}

func lt(a, b reflect.Value) (bool, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	k1, err := basicKind(a)
	if err != nil {
		return false, err
	}
	k2, err := basicKind(b)
	if err != nil {
		return false, err
	}
	if k1 != k2 {
		switch {
		case k1 == intKind && k2 == uintKind:
			return a.Int() < 0 || uint64(a.Int()) < b.Uint(), nil
		case k1 == uintKind && k2 == intKind:
			return b.Int() >= 0 && a.Uint() < uint64(b.Int()), nil
		}
		return false, errBadComparison
	}
	switch k1 {
	case boolKind, complexKind:
		return false, errBadComparisonType
	case floatKind:
		return a.Float() < b.Float(), nil
	case intKind:
		return a.Int() < b.Int(), nil
	case stringKind:
		return a.String() < b.String(), nil
	}
	return a.Uint() < b.Uint(), nil
}

func le(a, b reflect.Value) (bool, error) {
	if t, err := lt(a, b); t || err != nil {
		return t, err
	}
	return eq(a, b)
}
