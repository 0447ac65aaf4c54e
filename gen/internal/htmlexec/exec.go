// Package htmlexec executes html/template templates, once html/template has
// escaped them, with the same output and less work.
//
// html/template checks a template's contexts once and rewrites its tree so
// that every value goes through an escaping function; text/template then
// walks that tree for every execution, looking up each field and method by
// name and calling every function, escapers included, through reflection.
// A Set walks the same escaped trees, but remembers where each field and
// method of a type is, calls the escapers and the comparison built-ins
// directly, and evaluates constants once.
//
// It does not cover all of text/template: the built-ins other than and, or,
// not, eq, ne, lt, le, gt, ge, len and print are refused by Compile, and
// values it does not know how to print (floats, values with a Format or
// Error method, trusted HTML inside an attribute...) make Execute return an
// error. Every error, whatever its cause, means: run the page with
// html/template, which gives the same bytes or its own error message.
package htmlexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// Set is a compiled set of escaped templates, safe for concurrent use.
type Set struct {
	tmpls map[string]*tmpl
}

type tmpl struct {
	name string
	root []node
}

// ErrUnsupported wraps what Compile or Execute leave to html/template.
var ErrUnsupported = errors.New("not supported by htmlexec")

// Compile escapes the named templates of t (by executing each once on nil
// data, the only way html/template offers) and compiles them with the
// templates they call. funcs is the FuncMap t was given. An escaping error
// is returned as html/template reports it.
func Compile(t *template.Template, funcs template.FuncMap, names ...string) (*Set, error) {
	c := &compiler{t: t, funcs: funcs, set: &Set{tmpls: map[string]*tmpl{}}}
	for _, name := range names {
		if err := t.ExecuteTemplate(io.Discard, name, nil); err != nil {
			var te *template.Error
			if errors.As(err, &te) {
				return nil, err
			}
		}
	}
	for _, name := range names {
		if err := c.template(name); err != nil {
			return nil, err
		}
	}
	return c.set, nil
}

// Execute writes the named template applied to data to w. On error, what
// it wrote is to be discarded.
func (s *Set) Execute(w *bytes.Buffer, name string, data any) (err error) {
	t := s.tmpls[name]
	if t == nil {
		return fmt.Errorf("%w: template %q not compiled", ErrUnsupported, name)
	}
	defer func() {
		if r := recover(); r != nil {
			switch r := r.(type) {
			case execError:
				err = r.err
			default:
				err = fmt.Errorf("%s: %v", name, r)
			}
		}
	}()
	v, ok := data.(reflect.Value)
	if !ok {
		v = reflect.ValueOf(data)
	}
	st := &state{w: w, vars: make([]variable, 1, 16)}
	st.vars[0] = variable{"$", v}
	st.walk(v, t.root)
	return nil
}

// The compiled tree: text/template's parse nodes with what can be worked
// out before execution.
type (
	node       any
	textNode   struct{ text []byte }
	actionNode struct {
		pipe *pipe
		// When the pipeline declares nothing and ends with escapers
		// (always, in an escaped template): the commands before them, and
		// the escapers, applied to a string with no reflect.Value made.
		value []*command
		escs  []escaper
	}
	ifNode struct {
		with           bool
		pipe           *pipe
		list, elseList []node
	}
	rangeNode struct {
		pipe           *pipe
		list, elseList []node
	}
	templateNode struct {
		name string
		set  *Set
		pipe *pipe
	}
	breakNode    struct{}
	continueNode struct{}

	pipe struct {
		isAssign bool
		decl     []string
		cmds     []*command
	}
	command struct {
		first operand
		args  []operand // after the first
	}
)

// operand is one word of a command.
type (
	operand any
	fieldOp struct {
		idents []string
		caches []lookupCache
	}
	chainOp struct {
		node   operand
		fields []string
		caches []lookupCache
	}
	varOp struct {
		name   string
		fields []string
		caches []lookupCache
	}
	funcOp struct {
		name    string
		esc     escaper
		builtin builtin
		fn      reflect.Value
	}
	pipeOp   struct{ p *pipe }
	dotOp    struct{}
	nilOp    struct{}
	constOp  struct{ v reflect.Value } // bool and string
	numberOp struct {
		n     *parse.NumberNode
		ideal reflect.Value // invalid when text/template would refuse it
	}
)

type compiler struct {
	t     *template.Template
	funcs template.FuncMap
	set   *Set
}

func (c *compiler) template(name string) error {
	if _, ok := c.set.tmpls[name]; ok {
		return nil
	}
	ht := c.t.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		return fmt.Errorf("%w: template %q not defined", ErrUnsupported, name)
	}
	t := &tmpl{name: name}
	c.set.tmpls[name] = t
	root, err := c.list(ht.Tree.Root)
	if err != nil {
		return err
	}
	t.root = root
	return nil
}

func (c *compiler) list(l *parse.ListNode) ([]node, error) {
	if l == nil {
		return nil, nil
	}
	var out []node
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn != nil {
			out = append(out, cn)
		}
	}
	return out, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		return &textNode{n.Text}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		a := &actionNode{pipe: p}
		if len(p.decl) == 0 {
			k := len(p.cmds)
			for k > 1 {
				f, ok := p.cmds[k-1].first.(*funcOp)
				if !ok || f.esc == nil || len(p.cmds[k-1].args) > 0 {
					break
				}
				k--
			}
			if k < len(p.cmds) {
				a.value = p.cmds[:k]
				for _, cmd := range p.cmds[k:] {
					a.escs = append(a.escs, cmd.first.(*funcOp).esc)
				}
			}
		}
		return a, nil
	case *parse.IfNode:
		return c.branch(false, &n.BranchNode)
	case *parse.WithNode:
		return c.branch(true, &n.BranchNode)
	case *parse.RangeNode:
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		r := &rangeNode{pipe: p}
		if r.list, err = c.list(n.List); err != nil {
			return nil, err
		}
		r.elseList, err = c.list(n.ElseList)
		return r, err
	case *parse.TemplateNode:
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		if err := c.template(n.Name); err != nil {
			return nil, err
		}
		return &templateNode{name: n.Name, set: c.set, pipe: p}, nil
	case *parse.BreakNode:
		return breakNode{}, nil
	case *parse.ContinueNode:
		return continueNode{}, nil
	}
	return nil, fmt.Errorf("%w: node %s", ErrUnsupported, n)
}

func (c *compiler) branch(with bool, b *parse.BranchNode) (node, error) {
	p, err := c.pipe(b.Pipe)
	if err != nil {
		return nil, err
	}
	n := &ifNode{with: with, pipe: p}
	if n.list, err = c.list(b.List); err != nil {
		return nil, err
	}
	n.elseList, err = c.list(b.ElseList)
	return n, err
}

func (c *compiler) pipe(p *parse.PipeNode) (*pipe, error) {
	if p == nil {
		return nil, nil
	}
	out := &pipe{isAssign: p.IsAssign}
	for _, d := range p.Decl {
		out.decl = append(out.decl, d.Ident[0])
	}
	for _, cmd := range p.Cmds {
		var ops []operand
		for _, a := range cmd.Args {
			op, err := c.operand(a)
			if err != nil {
				return nil, err
			}
			ops = append(ops, op)
		}
		out.cmds = append(out.cmds, &command{first: ops[0], args: ops[1:]})
	}
	return out, nil
}

func (c *compiler) operand(n parse.Node) (operand, error) {
	switch n := n.(type) {
	case *parse.FieldNode:
		return &fieldOp{n.Ident, make([]lookupCache, len(n.Ident))}, nil
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return nil, fmt.Errorf("%w: indirection through explicit nil in %s", ErrUnsupported, n)
		}
		inner, err := c.operand(n.Node)
		if err != nil {
			return nil, err
		}
		return &chainOp{inner, n.Field, make([]lookupCache, len(n.Field))}, nil
	case *parse.VariableNode:
		return &varOp{n.Ident[0], n.Ident[1:], make([]lookupCache, len(n.Ident)-1)}, nil
	case *parse.IdentifierNode:
		return c.function(n.Ident)
	case *parse.PipeNode:
		p, err := c.pipe(n)
		return &pipeOp{p}, err
	case *parse.DotNode:
		return dotOp{}, nil
	case *parse.NilNode:
		return nilOp{}, nil
	case *parse.BoolNode:
		return &constOp{reflect.ValueOf(n.True)}, nil
	case *parse.StringNode:
		return &constOp{reflect.ValueOf(n.Text)}, nil
	case *parse.NumberNode:
		return &numberOp{n, idealConstant(n)}, nil
	}
	return nil, fmt.Errorf("%w: operand %s", ErrUnsupported, n)
}

// function resolves a name as text/template does: the template's
// functions (html/template's escapers among them) before the built-ins.
func (c *compiler) function(name string) (operand, error) {
	if e, ok := escapers[name]; ok {
		return &funcOp{name: name, esc: e}, nil
	}
	if strings.HasPrefix(name, "_html_template_") || name == "_eval_args_" {
		return nil, fmt.Errorf("%w: function %s", ErrUnsupported, name)
	}
	if f, ok := c.funcs[name]; ok {
		v := reflect.ValueOf(f)
		if v.Kind() != reflect.Func {
			return nil, fmt.Errorf("%w: %s is not a function", ErrUnsupported, name)
		}
		if err := goodFunc(v.Type()); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrUnsupported, name, err)
		}
		return &funcOp{name: name, fn: v}, nil
	}
	if b, ok := builtins[name]; ok {
		return &funcOp{name: name, builtin: b}, nil
	}
	return nil, fmt.Errorf("%w: function %s", ErrUnsupported, name)
}

// idealConstant is text/template's reading of a number with no type to
// go by; the invalid Value where it would fail.
func idealConstant(n *parse.NumberNode) reflect.Value {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128)
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64)
	case n.IsInt:
		if i := int(n.Int64); int64(i) == n.Int64 {
			return reflect.ValueOf(i)
		}
	}
	return reflect.Value{}
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// lookupCache remembers, for the last type a field name was looked up
// in, whether it names a method or a field. One name in a template meets
// one type nearly always.
type lookupCache struct{ p atomic.Pointer[lookup] }

type lookup struct {
	typ      reflect.Type // the type the method set was taken from: T or *T
	method   int          // index in typ's method set, or -1
	field    []int        // the struct field, if any
	exported bool
}

func (c *lookupCache) get(t reflect.Type, name string) *lookup {
	if l := c.p.Load(); l != nil && l.typ == t {
		return l
	}
	l := &lookup{typ: t, method: -1}
	if m, ok := t.MethodByName(name); ok {
		l.method = m.Index
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		if f, ok := st.FieldByName(name); ok {
			l.field, l.exported = f.Index, f.IsExported()
		}
	}
	c.p.Store(l)
	return l
}

// Execution.

type variable struct {
	name  string
	value reflect.Value
}

type state struct {
	w     *bytes.Buffer
	vars  []variable
	depth int
}

type execError struct{ err error }

func (s *state) errorf(format string, args ...any) {
	panic(execError{fmt.Errorf(format, args...)})
}

func unsupported(format string, args ...any) {
	panic(execError{fmt.Errorf("%w: "+format, append([]any{ErrUnsupported}, args...)...)})
}

// control is how a list ended: normally, or by break or continue.
type control uint8

const (
	ctlNone control = iota
	ctlBreak
	ctlContinue
)

const maxExecDepth = 100000 // text/template's

func (s *state) walk(dot reflect.Value, list []node) control {
	for _, n := range list {
		switch n := n.(type) {
		case *textNode:
			s.w.Write(n.text)
		case *actionNode:
			if n.escs != nil {
				str, t := stringify(s.evalCommands(dot, n.value))
				for _, esc := range n.escs {
					str, t = esc(str, t), contentPlain
				}
				s.w.WriteString(str)
				continue
			}
			val := s.evalPipeline(dot, n.pipe)
			if len(n.pipe.decl) == 0 {
				s.print(val)
			}
		case *ifNode:
			if c := s.walkIfOrWith(dot, n); c != ctlNone {
				return c
			}
		case *rangeNode:
			s.walkRange(dot, n)
		case *templateNode:
			s.walkTemplate(dot, n)
		case breakNode:
			return ctlBreak
		case continueNode:
			return ctlContinue
		}
	}
	return ctlNone
}

func (s *state) walkIfOrWith(dot reflect.Value, n *ifNode) control {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	val := s.evalPipeline(dot, n.pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		s.errorf("if/with can't use %v", val)
	}
	if truth {
		if n.with {
			return s.walk(val, n.list)
		}
		return s.walk(dot, n.list)
	}
	if n.elseList != nil {
		return s.walk(dot, n.elseList)
	}
	return ctlNone
}

func (s *state) walkRange(dot reflect.Value, r *rangeNode) {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	val, _ := indirect(s.evalPipeline(dot, r.pipe))
	inner := len(s.vars)
	decl := r.pipe.decl
	// one runs the body for one element; false means break.
	one := func(index func() reflect.Value, elem reflect.Value) bool {
		if len(decl) > 0 {
			if r.pipe.isAssign {
				if len(decl) > 1 {
					s.setVar(decl[0], index())
				} else {
					s.setVar(decl[0], elem)
				}
			} else {
				s.vars[len(s.vars)-1].value = elem
			}
		}
		if len(decl) > 1 {
			if r.pipe.isAssign {
				s.setVar(decl[1], elem)
			} else {
				s.vars[len(s.vars)-2].value = index()
			}
		}
		c := s.walk(elem, r.list)
		s.vars = s.vars[:inner]
		return c != ctlBreak
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			if !one(func() reflect.Value { return reflect.ValueOf(i) }, val.Index(i)) {
				break
			}
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(decl) > 1 {
			s.errorf("can't use %v to iterate over more than one variable", val)
		}
		n := 0
		if val.CanInt() {
			n = int(val.Int())
		} else {
			n = int(val.Uint())
		}
		if n <= 0 {
			break
		}
		for i := range n {
			v := reflect.ValueOf(i).Convert(val.Type())
			if !one(func() reflect.Value { return v }, v) {
				break
			}
		}
		return
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		keys := val.MapKeys()
		switch val.Type().Key().Kind() {
		case reflect.String:
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Int(), b.Int()) })
		default:
			unsupported("range over a map keyed by %s", val.Type().Key())
		}
		for _, k := range keys {
			if !one(func() reflect.Value { return k }, val.MapIndex(k)) {
				break
			}
		}
		return
	case reflect.Invalid:
	default:
		unsupported("range over %s", val.Type())
	}
	if r.elseList != nil {
		s.walk(dot, r.elseList)
	}
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *state) walkTemplate(dot reflect.Value, t *templateNode) {
	tm := t.set.tmpls[t.name]
	if s.depth == maxExecDepth {
		s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
	}
	dot = s.evalPipeline(dot, t.pipe)
	// The callee sees only $; the caller's variables are kept below it.
	saved := s.vars
	s.vars = append(s.vars[len(s.vars):len(s.vars)], variable{"$", dot})
	s.depth++
	s.walk(dot, tm.root)
	s.depth--
	s.vars = saved
}

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return reflect.Value{}
}

// final is the value the previous command of a pipeline passes on.
type final struct {
	v  reflect.Value
	ok bool
}

func (s *state) evalPipeline(dot reflect.Value, p *pipe) reflect.Value {
	if p == nil {
		return reflect.Value{}
	}
	value := s.evalCommands(dot, p.cmds)
	for _, name := range p.decl {
		if p.isAssign {
			s.setVar(name, value)
		} else {
			s.vars = append(s.vars, variable{name, value})
		}
	}
	return value
}

// evalCommands runs commands, each given the value of the one before.
func (s *state) evalCommands(dot reflect.Value, cmds []*command) reflect.Value {
	var value reflect.Value
	f := final{}
	for _, cmd := range cmds {
		value = s.evalCommand(dot, cmd, f)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = reflect.ValueOf(value.Interface())
		}
		f = final{value, true}
	}
	return value
}

func (s *state) notAFunction(args []operand, f final) {
	if len(args) > 0 || f.ok {
		s.errorf("can't give argument to non-function")
	}
}

func (s *state) evalCommand(dot reflect.Value, cmd *command, f final) reflect.Value {
	switch op := cmd.first.(type) {
	case *fieldOp:
		return s.evalFieldChain(dot, dot, op.idents, op.caches, cmd.args, f)
	case *chainOp:
		return s.evalFieldChain(dot, s.evalArg(dot, nil, op.node), op.fields, op.caches, cmd.args, f)
	case *funcOp:
		return s.evalFunction(dot, op, cmd.args, f)
	case *pipeOp:
		s.notAFunction(cmd.args, f)
		return s.evalPipeline(dot, op.p)
	case *varOp:
		v := s.varValue(op.name)
		if len(op.fields) == 0 {
			s.notAFunction(cmd.args, f)
			return v
		}
		return s.evalFieldChain(dot, v, op.fields, op.caches, cmd.args, f)
	}
	s.notAFunction(cmd.args, f)
	switch op := cmd.first.(type) {
	case *constOp:
		return op.v
	case dotOp:
		return dot
	case nilOp:
		s.errorf("nil is not a command")
	case *numberOp:
		if !op.ideal.IsValid() {
			s.errorf("%s overflows int", op.n.Text)
		}
		return op.ideal
	}
	s.errorf("can't evaluate command %v", cmd.first)
	return reflect.Value{}
}

func (s *state) evalFieldChain(dot, receiver reflect.Value, idents []string, caches []lookupCache, args []operand, f final) reflect.Value {
	n := len(idents)
	for i := 0; i < n-1; i++ {
		receiver = s.evalField(dot, idents[i], &caches[i], nil, final{}, receiver)
	}
	return s.evalField(dot, idents[n-1], &caches[n-1], args, f, receiver)
}

func (s *state) evalField(dot reflect.Value, name string, c *lookupCache, args []operand, f final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	l := c.get(ptr.Type(), name)
	if l.method >= 0 {
		return s.evalCall(dot, ptr.Method(l.method), name, args, f)
	}
	hasArgs := len(args) > 0 || f.ok
	switch receiver.Kind() {
	case reflect.Struct:
		if l.field != nil {
			if !l.exported {
				s.errorf("%s is an unexported field of struct type %s", name, typ)
			}
			field, err := receiver.FieldByIndexErr(l.field)
			if err != nil {
				s.errorf("%v", err)
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", name)
			}
			return field
		}
	case reflect.Map:
		if receiver.Type().Key() == stringType {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", name)
			}
			return receiver.MapIndex(reflect.ValueOf(name))
		}
		unsupported("a map keyed by %s", receiver.Type().Key())
	case reflect.Pointer:
		if l.field == nil && receiver.Type().Elem().Kind() == reflect.Struct {
			break
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, name)
		}
	}
	s.errorf("can't evaluate field %s in type %s", name, typ)
	return reflect.Value{}
}

var reflectValueType = reflect.TypeFor[reflect.Value]()

// evalCall calls a function or method of the data through reflection,
// as text/template does.
func (s *state) evalCall(dot, fun reflect.Value, name string, args []operand, f final) reflect.Value {
	typ := fun.Type()
	numIn := len(args)
	if f.ok {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		s.errorf("wrong number of args for %s: want %d got %d", name, typ.NumIn(), numIn)
	}
	if err := goodFunc(typ); err != nil {
		s.errorf("%s: %v", name, err)
	}
	var buf [4]reflect.Value
	argv := buf[:0]
	if numIn > len(buf) {
		argv = make([]reflect.Value, 0, numIn)
	}
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv = append(argv, s.evalArg(dot, typ.In(i), args[i]))
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv = append(argv, s.evalArg(dot, argType, args[i]))
		}
	}
	if f.ok {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv = append(argv, s.validateType(f.v, t))
	}
	out := fun.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		s.errorf("error calling %s: %w", name, out[1].Interface().(error))
	}
	v := out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

func goodFunc(typ reflect.Type) error {
	switch {
	case typ.NumOut() == 1:
		return nil
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
		return nil
	}
	return fmt.Errorf("function must return one value, or a value and an error")
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

func (s *state) evalArg(dot reflect.Value, typ reflect.Type, op operand) reflect.Value {
	switch op := op.(type) {
	case dotOp:
		return s.validateType(dot, typ)
	case nilOp:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	case *fieldOp:
		return s.validateType(s.evalFieldChain(dot, dot, op.idents, op.caches, nil, final{}), typ)
	case *varOp:
		v := s.varValue(op.name)
		if len(op.fields) > 0 {
			v = s.evalFieldChain(dot, v, op.fields, op.caches, nil, final{})
		}
		return s.validateType(v, typ)
	case *pipeOp:
		return s.validateType(s.evalPipeline(dot, op.p), typ)
	case *funcOp:
		return s.validateType(s.evalFunction(dot, op, nil, final{}), typ)
	case *chainOp:
		return s.validateType(s.evalFieldChain(dot, s.evalArg(dot, nil, op.node), op.fields, op.caches, nil, final{}), typ)
	}
	if typ == nil {
		s.errorf("can't handle %v", op)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if c, ok := op.(*constOp); ok && c.v.Kind() == reflect.Bool {
			return c.v.Convert(typ)
		}
		s.errorf("expected bool")
	case reflect.String:
		if c, ok := op.(*constOp); ok && c.v.Kind() == reflect.String {
			if typ == stringType {
				return c.v
			}
			return c.v.Convert(typ)
		}
		s.errorf("expected string")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := op.(*numberOp); ok && n.n.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(n.n.Int64)
			return v
		}
		s.errorf("expected integer")
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalEmptyInterface(op)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(s.evalEmptyInterface(op))
		}
	}
	unsupported("argument %v of type %s", op, typ)
	return reflect.Value{}
}

// evalEmptyInterface is what a constant means with no type to go by.
func (s *state) evalEmptyInterface(op operand) reflect.Value {
	switch op := op.(type) {
	case *constOp:
		return op.v
	case *numberOp:
		if !op.ideal.IsValid() {
			s.errorf("%s overflows int", op.n.Text)
		}
		return op.ideal
	}
	s.errorf("can't handle assignment of %v to empty interface argument", op)
	return reflect.Value{}
}

func (s *state) evalFunction(dot reflect.Value, fn *funcOp, args []operand, f final) reflect.Value {
	switch {
	case fn.esc != nil:
		// An escaper is only ever the last stages of a pipeline, given
		// what the stage before it wrote.
		if len(args) != 0 || !f.ok {
			unsupported("%s with arguments", fn.name)
		}
		return reflect.ValueOf(fn.esc(stringify(f.v)))
	case fn.builtin != nil:
		return fn.builtin(s, dot, args, f)
	}
	return s.evalCall(dot, fn.fn, fn.name, args, f)
}

// print writes what an action's pipeline gave: in an escaped template,
// the string its last escaper returned. Anything else is left to
// text/template's printing.
func (s *state) print(v reflect.Value) {
	if v.Kind() != reflect.String || v.Type() != stringType {
		unsupported("printing a %v", v)
	}
	s.w.WriteString(v.String())
}

// indirect returns the item at the end of indirection, and whether it
// is nil, as text/template's indirect.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}
