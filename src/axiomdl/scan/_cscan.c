/*
 * Native core of the static scanner: the per-character and per-declaration work of
 * axiomdl.scan.{clean,parse,binders}, compiled.
 *
 * The pure-Python modules are the reference. Every function here mirrors one of
 * them, including the exact matching behaviour of its regular expressions
 * (lookbehinds at string starts, lazy spans of at most 400 characters, finditer's
 * "continue after the match" rule), and tests check both give identical scans.
 * Rare, intricate paths (`where` helpers, anonymous instance names, docstring
 * headers with metadata, Lean 4's variable-inclusion rule) call back into Python.
 *
 * Text is handled as UCS4 so offsets are Python string indices.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define CSCAN_ABI 8
#define SPAN_MAX 400
#define STATEMENT_LIMIT 4000

typedef Py_UCS4 ch;

/* A view: a Python string slice. Its start and end are string boundaries. */
typedef struct {
    const ch *s;
    Py_ssize_t n;
} V;

static inline V vsub(V v, Py_ssize_t a, Py_ssize_t b)
{
    if (a < 0) a = 0;
    if (b > v.n) b = v.n;
    if (b < a) b = a;
    V r = {v.s + a, b - a};
    return r;
}

static PyObject *vstr(V v) { return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, v.s, v.n); }

/* ---------------------------------------------------------------- characters */

/* \w and \s as Python's re module defines them for str patterns; ASCII first. */
static inline int is_word(ch c)
{
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return Py_UNICODE_ISALNUM(c);
}
static inline int is_space(ch c)
{
    if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    return Py_UNICODE_ISSPACE(c);
}

static inline int is_sub(ch c) { return c >= 0x2080 && c <= 0x209c; }

/* ² ³ ¹ ⁰ ⁴…⁹: word characters to Python's \w, never part of a Lean name */
static inline int is_superscript_digit(ch c)
{
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079);
}

/* [^\W\d\u2080-\u2089\u00b2\u00b3\u00b9\u2070-\u2079λΠΣ] */
static inline int atom_start(ch c)
{
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (c == 0x3BB || c == 0x3A0 || c == 0x3A3) return 0;
    if (c >= 0x2080 && c <= 0x2089) return 0;
    if (is_superscript_digit(c)) return 0;
    return is_word(c) && !Py_UNICODE_ISDECIMAL(c);
}

/* (?:[^\W<superscript digits>]|['!?\u2080-\u209c\u1d62-\u1d6a\u2c7c]) */
static inline int atom_tail(ch c)
{
    return (is_word(c) && !is_superscript_digit(c)) || c == '\'' || c == '!' || c == '?' ||
           is_sub(c) || (c >= 0x1d62 && c <= 0x1d6a) || c == 0x2c7c;
}

/* IDENT_RE's lookbehind set [.\w'!?\u2080-\u209c] */
static inline int lb_ident(ch c) { return c == '.' || c == '\'' || c == '!' || c == '?' || is_sub(c) || is_word(c); }
/* TOKEN_RE's id lookbehind set [.\w'!?] */
static inline int lb_token(ch c) { return c == '.' || c == '\'' || c == '!' || c == '?' || is_word(c); }

static inline int is_open(ch c) { return c == '(' || c == '[' || c == '{' || c == 0x27E8 || c == 0x2983; }
static inline int is_close(ch c) { return c == ')' || c == ']' || c == '}' || c == 0x27E9 || c == 0x2984; }
static inline ch opener_of(ch c)
{
    switch (c) {
    case ')': return '(';
    case ']': return '[';
    case '}': return '{';
    case 0x27E9: return 0x27E8;
    default: return 0x2983;
    }
}

static inline int starts(V v, Py_ssize_t i, const char *lit)
{
    for (Py_ssize_t k = 0; lit[k]; k++)
        if (i + k >= v.n || v.s[i + k] != (ch)(unsigned char)lit[k]) return 0;
    return 1;
}

static int vhas(V v, ch c)
{
    for (Py_ssize_t i = 0; i < v.n; i++)
        if (v.s[i] == c) return 1;
    return 0;
}

static Py_ssize_t vfind(V v, const char *lit, Py_ssize_t from)
{
    const ch c0 = (ch)(unsigned char)lit[0];
    for (Py_ssize_t i = from; i < v.n; i++)
        if (v.s[i] == c0 && starts(v, i, lit)) return i;
    return -1;
}

static int set_update_iter(PyObject *set, PyObject *iterable);
static int need_str(PyObject *o, const char *what);

/* ---------------------------------------------------------------- identifiers */

static Py_ssize_t atom_end(V v, Py_ssize_t i)
{
    if (i >= v.n) return -1;
    ch c = v.s[i];
    if (c == 0xAB) { /* « */
        Py_ssize_t j = i + 1;
        while (j < v.n && v.s[j] != 0xBB && v.s[j] != '\n') j++;
        return (j < v.n && v.s[j] == 0xBB) ? j + 1 : -1;
    }
    if (!atom_start(c)) return -1;
    Py_ssize_t j = i + 1;
    while (j < v.n && atom_tail(v.s[j])) j++;
    return j;
}

/* End of IDENT matched at i (no lookbehind), or -1. */
static Py_ssize_t ident_end(V v, Py_ssize_t i)
{
    Py_ssize_t e = atom_end(v, i);
    if (e < 0) return -1;
    while (e < v.n && v.s[e] == '.') {
        Py_ssize_t e2 = atom_end(v, e + 1);
        if (e2 < 0) break;
        e = e2;
    }
    return e;
}

/* IDENT_RE.finditer: calls back with each match span. */
typedef int (*ident_cb)(void *ctx, V v, Py_ssize_t a, Py_ssize_t b);

static int each_ident(V v, ident_cb cb, void *ctx)
{
    Py_ssize_t i = 0;
    while (i < v.n) {
        ch c = v.s[i];
        if ((c == 0xAB || atom_start(c)) && (i == 0 || !lb_ident(v.s[i - 1]))) {
            Py_ssize_t e = ident_end(v, i);
            if (e > 0) {
                if (cb(ctx, v, i, e) < 0) return -1;
                i = e;
                continue;
            }
        }
        i++;
    }
    return 0;
}

/* Identifiers repeat within a file; one string per spelling saves allocations and
 * lets sets reuse the cached hash. The table lives for one call. */
typedef struct {
    Py_uhash_t h;
    Py_ssize_t n;
    PyObject *s;
} Slot;

typedef struct {
    Slot *slots;
    Py_ssize_t cap, used;
} Intern;

static void intern_free(Intern *t)
{
    if (!t || !t->slots) return;
    for (Py_ssize_t i = 0; i < t->cap; i++) Py_XDECREF(t->slots[i].s);
    PyMem_Free(t->slots);
    t->slots = NULL;
    t->cap = t->used = 0;
}

static int same_chars(PyObject *s, const ch *p, Py_ssize_t n)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyUnicode_READ(kind, data, i) != p[i]) return 0;
    return 1;
}

static PyObject *intern_span(Intern *t, const ch *p, Py_ssize_t n)
{
    if (!t) return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, p, n);
    unsigned long long h64 = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < n; i++) h64 = (h64 ^ p[i]) * 1099511628211ULL;
    Py_uhash_t h = (Py_uhash_t)h64;
    if (t->used * 2 >= t->cap) {
        Py_ssize_t cap = t->cap ? t->cap * 2 : 256;
        Slot *ns = PyMem_Calloc(cap, sizeof(Slot));
        if (!ns) return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < t->cap; i++) {
            Slot *o = &t->slots[i];
            if (!o->s) continue;
            Py_ssize_t j = (Py_ssize_t)(o->h & (cap - 1));
            while (ns[j].s) j = (j + 1) & (cap - 1);
            ns[j] = *o;
        }
        PyMem_Free(t->slots);
        t->slots = ns;
        t->cap = cap;
    }
    Py_ssize_t j = (Py_ssize_t)(h & (t->cap - 1));
    while (t->slots[j].s) {
        Slot *sl = &t->slots[j];
        if (sl->h == h && sl->n == n && same_chars(sl->s, p, n)) {
            Py_INCREF(sl->s);
            return sl->s;
        }
        j = (j + 1) & (t->cap - 1);
    }
    PyObject *str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, p, n);
    if (!str) return NULL;
    t->slots[j].h = h;
    t->slots[j].n = n;
    t->slots[j].s = str;
    t->used++;
    Py_INCREF(str);
    return str;
}

typedef struct {
    Intern *intern; /* may be NULL */
    PyObject *keywords; /* frozenset */
    PyObject *reserved; /* frozenset */
    PyObject *pre_parts, *fields, *where_aux, *instance_name, *parse_doc;
} Cfg;

/* Sink for identifiers: into a set and/or list, optionally skipping keywords. */
typedef struct {
    Cfg *cfg;
    PyObject *set;  /* may be NULL */
    PyObject *list; /* may be NULL */
    int skip_keywords;
    int skip_dotted;
    unsigned long long *gate; /* binding keywords seen, may be NULL */
    int *saw_where;           /* set when the identifier `where` is seen, may be NULL */
} Sink;

static int kw_index(V v, Py_ssize_t a, Py_ssize_t b);

static int sink_cb(void *vctx, V v, Py_ssize_t a, Py_ssize_t b)
{
    Sink *sk = (Sink *)vctx;
    if (sk->saw_where && b - a == 5 && v.s[a] == 'w' && v.s[a + 1] == 'h' && v.s[a + 2] == 'e' &&
        v.s[a + 3] == 'r' && v.s[a + 4] == 'e')
        *sk->saw_where = 1;
    if (sk->gate) {
        int k = kw_index(v, a, b);
        if (k >= 0) *sk->gate |= (1ULL << k);
    }
    if (!sk->set && !sk->list) return 0;
    if (sk->skip_dotted)
        for (Py_ssize_t i = a; i < b; i++)
            if (v.s[i] == '.') return 0;
    PyObject *t = intern_span(sk->cfg->intern, v.s + a, b - a);
    if (!t) return -1;
    if (sk->skip_keywords) {
        int r = PySet_Contains(sk->cfg->keywords, t);
        if (r != 0) {
            Py_DECREF(t);
            return r < 0 ? -1 : 0;
        }
    }
    int rc = 0;
    if (sk->set && PySet_Add(sk->set, t) < 0) rc = -1;
    if (!rc && sk->list && PyList_Append(sk->list, t) < 0) rc = -1;
    Py_DECREF(t);
    return rc;
}

/* {t for t in IDENT_RE.findall(v) if t not in KEYWORDS} into set */
static int idents_into(Cfg *cfg, V v, PyObject *set)
{
    Sink sk = {cfg, set, NULL, 1, 0, NULL, NULL};
    return each_ident(v, sink_cb, &sk);
}

/* ---------------------------------------------------------------- binding spans */

enum { SP_ARROW, SP_COMMA, SP_EOL, SP_COLON, SP_WITH, SP_CASE, SP_IF, SP_GEN };

static const struct {
    const char *kw;
    int span;
} BIND_KW[] = {
    {"fun", SP_ARROW},         {"forall", SP_COMMA},   {"exists", SP_COMMA},
    {"intro", SP_EOL},         {"intros", SP_EOL},     {"rintro", SP_EOL},
    {"rintros", SP_EOL},       {"rename_i", SP_EOL},   {"next", SP_EOL},
    {"funext", SP_EOL},        {"ext", SP_EOL},        {"by_contra", SP_EOL},
    {"by_contra!", SP_EOL},    {"introv", SP_EOL},     {"generalizing", SP_EOL},
    {"choose", SP_EOL},        {"obtain", SP_COLON},   {"have", SP_COLON},
    {"haveI", SP_COLON},       {"let", SP_COLON},      {"letI", SP_COLON},
    {"suffices", SP_COLON},    {"set", SP_COLON},      {"by_cases", SP_COLON},
    {"with", SP_WITH},         {"case", SP_CASE},      {"case'", SP_CASE},
    {"if", SP_IF},             {"generalize", SP_GEN},
};
#define N_BIND_KW ((int)(sizeof(BIND_KW) / sizeof(BIND_KW[0])))

static int kw_index(V v, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t len = b - a;
    if (len < 2 || len > 12 || v.s[a] > 127) return -1;
    for (int k = 0; k < N_BIND_KW; k++) {
        const char *w = BIND_KW[k].kw;
        if (w[0] != (char)v.s[a] || (Py_ssize_t)strlen(w) != len) continue;
        Py_ssize_t i = 0;
        while (i < len && v.s[a + i] == (ch)(unsigned char)w[i]) i++;
        if (i == len) return k;
    }
    return -1;
}

/* A span match: up to two groups, and where the match ends. */
typedef struct {
    Py_ssize_t a1, b1, a2, b2, end;
} Span;

static int span_until(V t, Py_ssize_t j, int kind, Span *m)
{
    /* (.{0,400}?)(?:=>|↦) ; (.{0,400}?), ; EOL ; COLON */
    for (Py_ssize_t k = 0; k <= SPAN_MAX; k++) {
        Py_ssize_t p = j + k;
        if (p > t.n) return 0;
        ch c = p < t.n ? t.s[p] : 0;
        Py_ssize_t end = -1;
        switch (kind) {
        case SP_ARROW:
            if (p + 1 < t.n && c == '=' && t.s[p + 1] == '>') end = p + 2;
            else if (p < t.n && c == 0x21A6) end = p + 1;
            break;
        case SP_COMMA:
            if (p < t.n && c == ',') end = p + 1;
            break;
        case SP_EOL:
            if (p == t.n) end = p;
            else if (c == '=' && p + 1 < t.n && t.s[p + 1] == '>') end = p + 2;
            else if (c == '<' && p + 2 < t.n && t.s[p + 1] == ';' && t.s[p + 2] == '>') end = p + 3;
            else if (c == ';' || c == '\n') end = p + 1;
            break;
        case SP_COLON:
            if (p == t.n) end = p;
            else if (c == ':') end = (p + 1 < t.n && t.s[p + 1] == '=') ? p + 2 : p + 1;
            else if (c == '\n') end = p + 1;
            break;
        }
        if (end >= 0) {
            m->a1 = j, m->b1 = p, m->a2 = m->b2 = -1, m->end = end;
            return 1;
        }
        if (p >= t.n) return 0;
        if ((kind == SP_EOL || kind == SP_COLON) && c == '\n') return 0;
        if (kind == SP_EOL && c == ';') return 0;
    }
    return 0;
}

static Py_ssize_t word_end(V t, Py_ssize_t i) /* \w[\w']* at i, or -1 */
{
    if (i >= t.n || !is_word(t.s[i])) return -1;
    i++;
    while (i < t.n && (is_word(t.s[i]) || t.s[i] == '\'')) i++;
    return i;
}

static Py_ssize_t skip_ws(V t, Py_ssize_t i)
{
    while (i < t.n && is_space(t.s[i])) i++;
    return i;
}

/* [^\n]{0,400}?=\s*(\w[\w']*) from x */
static int gen_tail(V t, Py_ssize_t x, Span *m)
{
    for (Py_ssize_t p = x; p < t.n && p <= x + SPAN_MAX; p++) {
        ch c = t.s[p];
        if (c == '=') {
            Py_ssize_t r = skip_ws(t, p + 1);
            Py_ssize_t e = word_end(t, r);
            if (e > 0) {
                m->a2 = r, m->b2 = e, m->end = e;
                return 1;
            }
        }
        if (c == '\n') return 0;
    }
    return 0;
}

static int span_at(V t, Py_ssize_t j, int kind, Span *m)
{
    m->a1 = m->b1 = m->a2 = m->b2 = -1;
    switch (kind) {
    case SP_ARROW:
    case SP_COMMA:
    case SP_EOL:
    case SP_COLON:
        return span_until(t, j, kind, m);
    case SP_WITH: { /* [ \t]*([^|\s][^\n]{0,400}?)(?:\n|\Z) */
        Py_ssize_t q = j;
        while (q < t.n && (t.s[q] == ' ' || t.s[q] == '\t')) q++;
        if (q >= t.n || t.s[q] == '|' || is_space(t.s[q])) return 0;
        for (Py_ssize_t p = q + 1; p <= q + 1 + SPAN_MAX; p++) {
            if (p == t.n) {
                m->a1 = q, m->b1 = p, m->end = p;
                return 1;
            }
            if (t.s[p] == '\n') {
                m->a1 = q, m->b1 = p, m->end = p + 1;
                return 1;
            }
        }
        return 0;
    }
    case SP_CASE: { /* \s+([^\n]{0,400}?)=> */
        Py_ssize_t q = skip_ws(t, j);
        if (q == j) return 0;
        for (Py_ssize_t p = q; p <= q + SPAN_MAX; p++) {
            if (p + 1 < t.n && t.s[p] == '=' && t.s[p + 1] == '>') {
                m->a1 = q, m->b1 = p, m->end = p + 2;
                return 1;
            }
            if (p >= t.n || t.s[p] == '\n') return 0;
        }
        return 0;
    }
    case SP_IF: { /* \s+(\w[\w']*)\s*:(?!=) */
        Py_ssize_t q = skip_ws(t, j);
        if (q == j) return 0;
        Py_ssize_t e = word_end(t, q);
        if (e < 0) return 0;
        Py_ssize_t r = skip_ws(t, e);
        if (r < t.n && t.s[r] == ':' && !(r + 1 < t.n && t.s[r + 1] == '=')) {
            m->a1 = q, m->b1 = e, m->end = r + 1;
            return 1;
        }
        return 0;
    }
    case SP_GEN: { /* \s+(?:(\w[\w']*)\s*:)?[^\n]{0,400}?=\s*(\w[\w']*) */
        Py_ssize_t q = skip_ws(t, j);
        if (q == j) return 0;
        Py_ssize_t e = word_end(t, q);
        if (e > 0) {
            Py_ssize_t r = skip_ws(t, e);
            if (r < t.n && t.s[r] == ':' && gen_tail(t, r + 1, m)) {
                m->a1 = q, m->b1 = e;
                return 1;
            }
        }
        m->a1 = m->b1 = -1;
        return gen_tail(t, q, m);
    }
    }
    return 0;
}

/* \s*(\w[\w']*)\s*(?::[^|}\n]{0,400})?(?:\||//) after `{` */
static int span_setb(V t, Py_ssize_t j, Span *m)
{
    m->a2 = m->b2 = -1;
    Py_ssize_t q = skip_ws(t, j);
    Py_ssize_t e = word_end(t, q);
    if (e < 0) return 0;
    Py_ssize_t r = skip_ws(t, e);
    m->a1 = q, m->b1 = e;
    if (r < t.n && t.s[r] == ':') { /* (?::[^|}\n]{0,400})? then | or //, backtracking */
        Py_ssize_t stop = r + 1, lim = r + 1 + SPAN_MAX;
        while (stop < t.n && stop < lim && t.s[stop] != '|' && t.s[stop] != '}' && t.s[stop] != '\n') stop++;
        for (Py_ssize_t p = stop; p >= r + 1; p--) {
            if (p < t.n && t.s[p] == '|') {
                m->end = p + 1;
                return 1;
            }
            if (p + 1 < t.n && t.s[p] == '/' && t.s[p + 1] == '/') {
                m->end = p + 2;
                return 1;
            }
        }
    }
    if (r < t.n && t.s[r] == '|') {
        m->end = r + 1;
        return 1;
    }
    if (r + 1 < t.n && t.s[r] == '/' && t.s[r + 1] == '/') {
        m->end = r + 2;
        return 1;
    }
    return 0;
}

/* ([^|\n]{0,400}?)=> after a `|` not followed by `|` */
static int span_arm(V t, Py_ssize_t j, Span *m)
{
    m->a2 = m->b2 = -1;
    for (Py_ssize_t p = j; p <= j + SPAN_MAX; p++) {
        if (p + 1 < t.n && t.s[p] == '=' && t.s[p + 1] == '>') {
            m->a1 = j, m->b1 = p, m->end = p + 2;
            return 1;
        }
        if (p >= t.n || t.s[p] == '|' || t.s[p] == '\n') return 0;
    }
    return 0;
}

/* _atoms_before_colon: names a binder span binds (identifiers not in a type). */
static int atoms_before_colon(Cfg *cfg, V sp, PyObject *bound)
{
    char small[64];
    char *types = small;
    Py_ssize_t cap = sizeof(small), depth = 0;
    int in_type_top = 0, rc = 0;
    Py_ssize_t i = 0;
    while (i < sp.n) {
        ch c = sp.s[i];
        if ((c == 0xAB || atom_start(c)) && (i == 0 || !lb_token(sp.s[i - 1]))) {
            Py_ssize_t e = ident_end(sp, i);
            if (e > 0) {
                int in_type = depth ? types[depth - 1] : in_type_top;
                if (!in_type) {
                    int dotted = 0;
                    for (Py_ssize_t k = i; k < e; k++)
                        if (sp.s[k] == '.') dotted = 1;
                    if (!dotted) {
                        PyObject *nm = intern_span(cfg->intern, sp.s + i, e - i);
                        if (!nm || PySet_Add(bound, nm) < 0) {
                            Py_XDECREF(nm);
                            rc = -1;
                            break;
                        }
                        Py_DECREF(nm);
                    }
                }
                i = e;
                continue;
            }
        }
        ch d = i + 1 < sp.n ? sp.s[i + 1] : 0;
        if ((c == ':' && (d == '=' || d == ':')) || (c == '=' && d == '>') || (c == '-' && d == '>')) {
            i += 2;
            continue;
        }
        if (is_open(c)) {
            if (depth == cap) {
                char *nt = (types == small) ? PyMem_Malloc(cap * 2) : PyMem_Realloc(types, cap * 2);
                if (!nt) {
                    rc = -1;
                    PyErr_NoMemory();
                    break;
                }
                if (types == small) memcpy(nt, small, cap);
                types = nt;
                cap *= 2;
            }
            types[depth++] = 0;
        } else if (is_close(c)) {
            if (depth) depth--;
        } else if (c == ':' || c == 0x2208 || c == 0x2209 || c == 0x2286 || c == '<' || c == '>' ||
                   c == 0x2264 || c == 0x2265 || c == 0x2260 || c == '=') {
            if (depth) types[depth - 1] = 1;
            else in_type_top = 1;
        } else if (c == ',' && depth && types[depth - 1]) {
            types[depth - 1] = 0;
        }
        i++;
    }
    if (types != small) PyMem_Free(types);
    return rc;
}

static int add_span(Cfg *cfg, V t, Span *m, PyObject *bound)
{
    if (m->a1 >= 0 && m->b1 > m->a1 && atoms_before_colon(cfg, vsub(t, m->a1, m->b1), bound) < 0) return -1;
    if (m->a2 >= 0 && m->b2 > m->a2 && atoms_before_colon(cfg, vsub(t, m->a2, m->b2), bound) < 0) return -1;
    return 0;
}

static inline int is_bigop(ch c)
{
    return c == 0x2211 || c == 0x220F || c == 0x22C3 || c == 0x22C2 || c == 0x2A06 || c == 0x2A05;
}

/* binders.py _ends_a_type: is the word at i, just before a `:=`, the end of a type
   annotation (`(n : Foo := d)`, `let x : T := v`) rather than the name `:=` binds? */
static int ends_a_type(V t, Py_ssize_t i)
{
    Py_ssize_t depth = 0, lo = i - 401 < -1 ? -1 : i - 401;
    for (Py_ssize_t j = i - 1; j > lo; j--) {
        ch c = t.s[j];
        if (c == ')' || c == ']' || c == '}' || c == 0x2984 || c == 0x27E9) {
            depth++;
        } else if (c == '(' || c == '[' || c == '{' || c == 0x2983 || c == 0x27E8) {
            if (depth == 0) return 0;
            depth--;
        } else if (depth == 0) {
            if (c == ',' || c == ';' || c == '\n') return 0;
            if (c == ':') {
                ch nxt = j + 1 < t.n ? t.s[j + 1] : 0;
                if (nxt == '=') return 0;
                if (nxt != ':' && (j == 0 || t.s[j - 1] != ':')) return 1;
            }
        }
    }
    return 0;
}

/* body_bound_names(t): every name bound in t by terms or tactics. */
static int body_bound(Cfg *cfg, V t, PyObject *bound, const unsigned long long *known_gate)
{
    unsigned long long gate = 0;
    if (known_gate) {
        gate = *known_gate; /* the binding keywords among t's identifiers, already collected */
    } else {
        Sink sk = {cfg, NULL, NULL, 0, 0, &gate, NULL};
        if (each_ident(t, sink_cb, &sk) < 0) return -1;
    }
    Span m;
    for (int k = 0; k < N_BIND_KW && gate; k++) {
        if (!(gate & (1ULL << k))) continue;
        const char *w = BIND_KW[k].kw;
        Py_ssize_t len = (Py_ssize_t)strlen(w);
        Py_ssize_t i = 0;
        const ch w0 = (ch)(unsigned char)w[0];
        while (i + len <= t.n) {
            if (t.s[i] != w0) {
                i++;
                continue;
            }
            if (starts(t, i, w) && (i == 0 || !(is_word(t.s[i - 1]) || t.s[i - 1] == '.' || t.s[i - 1] == '\'')) &&
                (i + len == t.n || !(is_word(t.s[i + len]) || t.s[i + len] == '\'' || t.s[i + len] == '!' ||
                                     t.s[i + len] == '?')) &&
                span_at(t, i + len, BIND_KW[k].span, &m)) {
                if (add_span(cfg, t, &m, bound) < 0) return -1;
                i = m.end > i ? m.end : i + 1;
                continue;
            }
            i++;
        }
    }
    int has_big = 0;
    for (Py_ssize_t i = 0; i < t.n; i++) {
        ch c = t.s[i];
        if (c == 0x2211 || c == 0x220F || c == 0x22C3 || c == 0x2A06) {
            has_big = 1;
            break;
        }
    }
    /* the symbol regexes: one walk, each regex resuming after its own last match */
    Py_ssize_t resume[6] = {0, 0, 0, 0, 0, 0};
    for (Py_ssize_t i = 0; i < t.n; i++) {
        ch c = t.s[i];
        int which;
        switch (c) {
        case 0x3BB: which = 0; break;
        case 0x2200: which = 1; break;
        case 0x2203: which = 2; break;
        case '|': which = 3; break;
        case '{': which = 4; break;
        default:
            if (!has_big || !is_bigop(c)) continue;
            which = 5;
        }
        if (i < resume[which]) continue;
        int ok = 0;
        switch (which) {
        case 0: ok = span_until(t, i + 1, SP_ARROW, &m); break;
        case 1: ok = span_until(t, i + 1, SP_COMMA, &m); break;
        case 2:
            if (i + 1 < t.n && t.s[i + 1] == '!') ok = span_until(t, i + 2, SP_COMMA, &m);
            if (!ok) ok = span_until(t, i + 1, SP_COMMA, &m);
            break;
        case 3: ok = !(i + 1 < t.n && t.s[i + 1] == '|') && span_arm(t, i + 1, &m); break;
        case 4: ok = span_setb(t, i + 1, &m); break;
        case 5: ok = span_until(t, i + 1, SP_COMMA, &m); break;
        }
        if (ok) {
            if (add_span(cfg, t, &m, bound) < 0) return -1;
            resume[which] = m.end;
        }
    }
    /* (?<![\w.'])(\w[\w'!?]*)[ \t]*:=(?!=) */
    if (vfind(t, ":=", 0) >= 0) {
        Py_ssize_t i = 0;
        while (i < t.n) {
            if (is_word(t.s[i]) && (i == 0 || !(is_word(t.s[i - 1]) || t.s[i - 1] == '.' || t.s[i - 1] == '\''))) {
                Py_ssize_t e = i + 1;
                while (e < t.n && (is_word(t.s[e]) || t.s[e] == '\'' || t.s[e] == '!' || t.s[e] == '?')) e++;
                Py_ssize_t r = e;
                while (r < t.n && (t.s[r] == ' ' || t.s[r] == '\t')) r++;
                if (r + 1 < t.n && t.s[r] == ':' && t.s[r + 1] == '=' && !(r + 2 < t.n && t.s[r + 2] == '=')) {
                    if (!ends_a_type(t, i)) {
                        PyObject *nm = intern_span(cfg->intern, t.s + i, e - i);
                        if (!nm || PySet_Add(bound, nm) < 0) {
                            Py_XDECREF(nm);
                            return -1;
                        }
                        Py_DECREF(nm);
                    }
                    i = r + 2;
                    continue;
                }
            }
            i++;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- buffers */

typedef struct {
    ch *s;
    Py_ssize_t n, cap;
} Buf;

static int buf_put(Buf *b, const ch *s, Py_ssize_t n)
{
    if (n <= 0) return 0;
    if (b->n + n > b->cap) {
        Py_ssize_t cap = (b->n + n) * 2 + 16;
        ch *ns = PyMem_Realloc(b->s, cap * sizeof(ch));
        if (!ns) {
            PyErr_NoMemory();
            return -1;
        }
        b->s = ns, b->cap = cap;
    }
    memcpy(b->s + b->n, s, n * sizeof(ch));
    b->n += n;
    return 0;
}

static int buf_putc(Buf *b, ch c) { return buf_put(b, &c, 1); }

static V buf_view(Buf *b)
{
    V v = {b->s, b->n};
    return v;
}

/* body_bound_names(sep + a + "\n" + mid + b), or (close_comma) of sep + a + "," */
static int body_bound_concat(Cfg *cfg, V a, ch sep, ch mid, V b, PyObject *bound, int close_comma,
                             const unsigned long long *known_gate)
{
    Buf buf = {NULL, 0, 0};
    int rc = -1;
    if (sep && buf_putc(&buf, sep) < 0) goto done;
    if (buf_put(&buf, a.s, a.n) < 0) goto done;
    if (close_comma) {
        if (buf_putc(&buf, ',') < 0) goto done;
    } else {
        if (buf_putc(&buf, '\n') < 0) goto done;
        if (mid && buf_putc(&buf, mid) < 0) goto done;
        if (buf_put(&buf, b.s, b.n) < 0) goto done;
    }
    rc = body_bound(cfg, buf_view(&buf), bound, known_gate);
done:
    PyMem_Free(buf.s);
    return rc;
}

/* ---------------------------------------------------------------- binder groups */

typedef struct {
    PyObject *names;     /* list */
    PyObject *type_refs; /* set */
    ch bracket;
    PyObject *head; /* str or NULL */
} Group;

static void group_clear(Group *g)
{
    Py_CLEAR(g->names);
    Py_CLEAR(g->type_refs);
    Py_CLEAR(g->head);
}

static Py_ssize_t top_level_colon(V s)
{
    Py_ssize_t depth = 0;
    for (Py_ssize_t j = 0; j < s.n; j++) {
        ch c = s.s[j];
        if (is_open(c)) depth++;
        else if (is_close(c)) depth--;
        else if (c == ':' && depth == 0) {
            ch nxt = j + 1 < s.n ? s.s[j + 1] : 0;
            ch prev = j ? s.s[j - 1] : 0;
            if (nxt != '=' && nxt != ':' && prev != ':') return j;
        }
    }
    return -1;
}

static int make_group(Cfg *cfg, V inner, ch bracket, Group *g)
{
    g->names = PyList_New(0);
    g->type_refs = PySet_New(NULL);
    g->bracket = bracket;
    g->head = NULL;
    PyObject *idents = PyList_New(0);
    int rc = -1;
    Buf tmp = {NULL, 0, 0};
    if (!g->names || !g->type_refs || !idents) goto done;
    Py_ssize_t colon = top_level_colon(inner);
    if (colon < 0) {
        Sink sk = {cfg, NULL, idents, 1, 0, NULL, NULL};
        if (each_ident(inner, sink_cb, &sk) < 0) goto done;
        Py_ssize_t k = PyList_GET_SIZE(idents);
        if (bracket == '[') {
            for (Py_ssize_t i = 0; i < k; i++)
                if (PySet_Add(g->type_refs, PyList_GET_ITEM(idents, i)) < 0) goto done;
            if (k) {
                g->head = PyList_GET_ITEM(idents, 0);
                Py_INCREF(g->head);
            }
        } else {
            for (Py_ssize_t i = 0; i < k; i++) {
                PyObject *t = PyList_GET_ITEM(idents, i);
                if (PyUnicode_FindChar(t, '.', 0, PyUnicode_GET_LENGTH(t), 1) < 0 && PyList_Append(g->names, t) < 0)
                    goto done;
            }
        }
        rc = 0;
        goto done;
    }
    Sink names = {cfg, NULL, g->names, 1, 1, NULL, NULL};
    if (each_ident(vsub(inner, 0, colon), sink_cb, &names) < 0) goto done;
    V type = vsub(inner, colon + 1, inner.n);
    Py_ssize_t dflt = vfind(type, ":=", 0);
    if (dflt >= 0) { /* type_part[:dflt] + " " + type_part[dflt + 2:] */
        if (buf_put(&tmp, type.s, dflt) < 0 || buf_putc(&tmp, ' ') < 0 ||
            buf_put(&tmp, type.s + dflt + 2, type.n - dflt - 2) < 0)
            goto done;
        type = buf_view(&tmp);
    }
    Sink ty = {cfg, g->type_refs, idents, 1, 0, NULL, NULL};
    if (each_ident(type, sink_cb, &ty) < 0) goto done;
    if (PyList_GET_SIZE(idents)) {
        g->head = PyList_GET_ITEM(idents, 0);
        Py_INCREF(g->head);
    }
    rc = 0;
done:
    PyMem_Free(tmp.s);
    Py_XDECREF(idents);
    if (rc < 0) group_clear(g);
    return rc;
}

typedef struct {
    Group *g;
    Py_ssize_t n, cap;
} Groups;

static void groups_free(Groups *gs)
{
    for (Py_ssize_t i = 0; i < gs->n; i++) group_clear(&gs->g[i]);
    PyMem_Free(gs->g);
    gs->g = NULL;
    gs->n = gs->cap = 0;
}

static int binder_groups(Cfg *cfg, V text, Groups *out)
{
    Py_ssize_t depth = 0, start = 0;
    ch opener = 0;
    for (Py_ssize_t i = 0; i < text.n; i++) {
        ch c = text.s[i];
        if (is_open(c)) {
            if (depth == 0) start = i + 1, opener = c;
            depth++;
        } else if (is_close(c)) {
            depth--;
            if (depth == 0) {
                if (opener != 0x27E8) {
                    V inner = vsub(text, start, i);
                    if (opener == '{' && inner.n >= 1 && inner.s[0] == '{' && inner.s[inner.n - 1] == '}')
                        inner = vsub(inner, 1, inner.n - 1);
                    if (out->n == out->cap) {
                        Py_ssize_t cap = out->cap * 2 + 4;
                        Group *ng = PyMem_Realloc(out->g, cap * sizeof(Group));
                        if (!ng) {
                            PyErr_NoMemory();
                            return -1;
                        }
                        out->g = ng, out->cap = cap;
                    }
                    if (make_group(cfg, inner, opener, &out->g[out->n]) < 0) return -1;
                    out->n++;
                }
            } else if (depth < 0) {
                depth = 0;
            }
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- header and type */

/* _split_header: (sig end, term start, term end, colon), term kind in *term */
enum { T_NONE, T_ASSIGN, T_WHERE, T_DERIVING, T_BAR };

static void split_header(V body, int bar_ends, Py_ssize_t *sig_end, Py_ssize_t *tail_start, int *term,
                         Py_ssize_t *colon)
{
    Py_ssize_t depth = 0;
    *colon = -1;
    Py_ssize_t i = 0;
    while (i < body.n) {
        ch c = body.s[i];
        if (c == ':' && i + 1 < body.n && body.s[i + 1] == '=') {
            if (depth <= 0) {
                *sig_end = i, *tail_start = i + 2, *term = T_ASSIGN;
                return;
            }
            i += 2;
            continue;
        }
        if (is_open(c)) depth++;
        else if (is_close(c)) depth--;
        else if (c == '|' || c == ':') {
            if (depth <= 0) {
                if (c == ':') {
                    if (*colon < 0) *colon = i;
                } else if (bar_ends) {
                    *sig_end = i, *tail_start = i + 1, *term = T_BAR;
                    return;
                }
            }
        } else if ((c == 'w' || c == 'd') && (i == 0 || !(is_word(body.s[i - 1]) || body.s[i - 1] == '.' ||
                                                           body.s[i - 1] == '\''))) {
            const char *w = c == 'w' ? "where" : "deriving";
            Py_ssize_t len = c == 'w' ? 5 : 8;
            if (starts(body, i, w) && !(i + len < body.n && (is_word(body.s[i + len]) || body.s[i + len] == '\''))) {
                if (depth <= 0) {
                    *sig_end = i, *tail_start = i + len, *term = c == 'w' ? T_WHERE : T_DERIVING;
                    return;
                }
                i += len;
                continue;
            }
        }
        i++;
    }
    *sig_end = body.n, *tail_start = body.n, *term = T_NONE;
}

static int balanced_inner(V s)
{
    Py_ssize_t depth = 0;
    for (Py_ssize_t i = 0; i + 1 < s.n; i++) {
        ch c = s.s[i];
        if (is_open(c)) depth++;
        else if (is_close(c)) depth--;
        else continue;
        if (depth == 0) return 0;
    }
    return 1;
}

static V vlstrip(V v)
{
    Py_ssize_t i = 0;
    while (i < v.n && is_space(v.s[i])) i++;
    return vsub(v, i, v.n);
}

static V vrstrip(V v)
{
    Py_ssize_t e = v.n;
    while (e > 0 && is_space(v.s[e - 1])) e--;
    return vsub(v, 0, e);
}

static int is_type_tok(V s, Py_ssize_t i, Py_ssize_t *len)
{
    ch c = s.s[i];
    if (is_open(c) || is_close(c) || c == ',' || c == 0x2192 || c == 0x2194 || c == 0x2203) {
        *len = 1;
        return 1;
    }
    if (c == '-' && i + 1 < s.n && s.s[i + 1] == '>') {
        *len = 2;
        return 1;
    }
    return 0;
}

/* _split_type: calls back with binder segments (kind 0), premises (1), conclusion (2). */
typedef int (*seg_cb)(void *ctx, int kind, V seg);

static int split_type(V type, seg_cb cb, void *ctx)
{
    V rest = type;
    for (int iter = 0; iter < 64; iter++) {
        V st = vlstrip(rest);
        int is_forall = (st.n && st.s[0] == 0x2200) || starts(st, 0, "forall ");
        Py_ssize_t depth = 0, ncut = 0, first_a = -1, first_b = -1;
        Py_ssize_t prev = 0;
        /* premises are emitted as found (non-forall), binder cut recorded (forall) */
        for (Py_ssize_t i = 0; i < st.n;) {
            Py_ssize_t len;
            if (!is_type_tok(st, i, &len)) {
                i++;
                continue;
            }
            ch c = st.s[i];
            if (len == 1 && is_open(c)) depth++;
            else if (len == 1 && is_close(c)) depth--;
            else if (depth <= 0) {
                if (is_forall) {
                    if (c == ',') {
                        first_a = i, first_b = i + 1, ncut = 1;
                        break;
                    }
                } else if (len == 1 && (c == 0x2203 || c == 0x2194)) {
                    break;
                } else if (len == 2 || c == 0x2192) {
                    if (cb(ctx, 1, vsub(st, prev, i)) < 0) return -1;
                    prev = i + len;
                    ncut++;
                }
            }
            i += len;
        }
        if (is_forall) {
            if (!ncut) return cb(ctx, 2, st);
            Py_ssize_t start = st.s[0] == 0x2200 ? 1 : 6;
            if (cb(ctx, 0, vsub(st, start, first_a)) < 0) return -1;
            rest = vsub(st, first_b, st.n);
            continue;
        }
        if (!ncut) {
            V s2 = vrstrip(st);
            if (s2.n && s2.s[0] == '(' && s2.s[s2.n - 1] == ')' && balanced_inner(s2)) {
                V inner = vsub(s2, 1, s2.n - 1);
                V li = vlstrip(inner);
                if (vhas(inner, 0x2192) || vfind(inner, "->", 0) >= 0 || (li.n && li.s[0] == 0x2200)) {
                    rest = inner;
                    continue;
                }
            }
            return cb(ctx, 2, st);
        }
        rest = vsub(st, prev, st.n);
    }
    return cb(ctx, 2, rest);
}

/* _fields: constructor names of an inductive, or field names of a structure. */
static int fields_add_idents(Cfg *cfg, V head, PyObject *names)
{
    PyObject *lst = PyList_New(0);
    if (!lst) return -1;
    Sink sk = {cfg, NULL, lst, 0, 1, NULL, NULL};
    int rc = each_ident(head, sink_cb, &sk);
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(lst); i++) {
        PyObject *t = PyList_GET_ITEM(lst, i);
        int r = PySet_Contains(cfg->reserved, t);
        if (r < 0 || (!r && PyList_Append(names, t) < 0)) rc = -1;
    }
    Py_DECREF(lst);
    return rc;
}

static PyObject *fields_c(Cfg *cfg, V text, int inductive)
{
    PyObject *names = PyList_New(0);
    if (!names) return NULL;
    if (inductive) {
        Py_ssize_t p = 0;
        while (p < text.n) {
            Py_ssize_t q = -1;
            if (p == 0 && text.s[0] == '|') q = 1;
            else if (is_space(text.s[p]) && p + 1 < text.n && text.s[p + 1] == '|') q = p + 2;
            if (q >= 0) {
                Py_ssize_t r = skip_ws(text, q), e = ident_end(text, r);
                if (e > 0) {
                    int dotted = 0;
                    for (Py_ssize_t k = r; k < e; k++) dotted |= text.s[k] == '.';
                    PyObject *nm = dotted ? NULL : vstr(vsub(text, r, e));
                    if (!dotted && (!nm || PyList_Append(names, nm) < 0)) {
                        Py_XDECREF(nm);
                        goto fail;
                    }
                    Py_XDECREF(nm);
                    p = e;
                    continue;
                }
            }
            p++;
        }
        return names;
    }
    /* the smallest indentation among non-blank lines */
    Py_ssize_t indent = -1;
    for (Py_ssize_t a = 0; a <= text.n;) {
        Py_ssize_t b = a;
        while (b < text.n && text.s[b] != '\n') b++;
        V ln = vsub(text, a, b), ls = vlstrip(ln);
        if (ls.n && (indent < 0 || ln.n - ls.n < indent)) indent = ln.n - ls.n;
        a = b + 1;
    }
    if (indent < 0) return names;
    int has_mk = 0;
    for (Py_ssize_t a = 0; a <= text.n;) {
        Py_ssize_t b = a;
        while (b < text.n && text.s[b] != '\n') b++;
        V ln = vsub(text, a, b), ls = vlstrip(ln);
        a = b + 1;
        if (!ls.n || ln.n - ls.n != indent) continue;
        V st = vrstrip(ls);
        if (starts(st, 0, "deriving")) continue;
        Py_ssize_t dc = vfind(st, "::", 0);
        if (dc >= 0) {
            PyObject *first = vstr(vrstrip(vlstrip(vsub(st, 0, dc))));
            if (!first) goto fail;
            int ident = PyUnicode_IsIdentifier(first);
            if (ident < 0 || (ident && PyList_Append(names, first) < 0)) {
                Py_DECREF(first);
                goto fail;
            }
            Py_DECREF(first);
            if (ident) {
                st = vrstrip(vlstrip(vsub(st, dc + 2, st.n)));
                if (!st.n) continue;
            }
        }
        Py_ssize_t h = 0;
        while (h < st.n && st.s[h] != ':' && st.s[h] != '(' && st.s[h] != '{' && st.s[h] != '[' && st.s[h] != 0x2983)
            h++;
        if (fields_add_idents(cfg, vsub(st, 0, h), names) < 0) goto fail;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++)
        if (PyUnicode_CompareWithASCIIString(PyList_GET_ITEM(names, i), "mk") == 0) has_mk = 1;
    if (!has_mk) {
        PyObject *mk = PyUnicode_FromString("mk");
        if (!mk || PyList_Append(names, mk) < 0) {
            Py_XDECREF(mk);
            goto fail;
        }
        Py_DECREF(mk);
    }
    return names;
fail:
    Py_DECREF(names);
    return NULL;
}

/* ---------------------------------------------------------------- declarations */

typedef struct {
    Cfg *cfg;
    PyObject *hyp, *concl, *bound;
} TypeCtx;

static int type_seg(void *vctx, int kind, V seg)
{
    TypeCtx *tc = (TypeCtx *)vctx;
    if (kind == 2) return idents_into(tc->cfg, seg, tc->concl);
    if (idents_into(tc->cfg, seg, tc->hyp) < 0) return -1;
    if (kind == 0) {
        V none = {NULL, 0};
        return body_bound_concat(tc->cfg, seg, 0x2200, 0, none, tc->bound, 1, NULL);
    }
    return 0;
}

/* keep(): drop bound names, except dotted uses of a binder whose type is known */
/* The part of a name before its first dot, interned (a new reference). */
static PyObject *first_part(Intern *in, PyObject *t, Py_ssize_t *dot_out)
{
    if (need_str(t, "a name") < 0) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(t);
    Py_ssize_t dot = PyUnicode_FindChar(t, '.', 0, n, 1);
    *dot_out = dot;
    if (dot == -2) return NULL;
    if (dot < 0) {
        Py_INCREF(t);
        return t;
    }
    ch small[64];
    if (!in || dot > 64) return PyUnicode_Substring(t, 0, dot);
    int kind = PyUnicode_KIND(t);
    const void *data = PyUnicode_DATA(t);
    for (Py_ssize_t i = 0; i < dot; i++) small[i] = PyUnicode_READ(kind, data, i);
    return intern_span(in, small, dot);
}

/* Is `first` bound: locally, a universe, or (when variables are in scope) a variable? */
static int is_bound(PyObject *first, PyObject *bound, PyObject *universes, PyObject *varnames)
{
    int r = PySet_Contains(bound, first);
    if (r == 0 && PySet_GET_SIZE(universes)) r = PySet_Contains(universes, first);
    if (r == 0 && varnames) r = PySet_Contains(varnames, first);
    return r;
}

/* keep(): drop bound names, except dotted uses of a binder whose type is known */
static PyObject *keep(Intern *in, PyObject *names, PyObject *bound, PyObject *universes, PyObject *varnames,
                      PyObject *heads)
{
    PyObject *out = PySet_New(NULL), *it = PyObject_GetIter(names), *t;
    if (!out || !it) goto fail;
    while ((t = PyIter_Next(it))) {
        Py_ssize_t dot;
        PyObject *first = first_part(in, t, &dot);
        int keepit = -1;
        if (first) {
            int in_bound = is_bound(first, bound, universes, varnames);
            if (in_bound == 0) keepit = 1;
            else if (in_bound > 0) keepit = dot >= 0 ? PyDict_Contains(heads, first) : 0;
            Py_DECREF(first);
        }
        if (keepit < 0 || (keepit && PySet_Add(out, t) < 0)) {
            Py_DECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    if (PyErr_Occurred()) goto fail;
    Py_DECREF(it);
    return out;
fail:
    Py_XDECREF(it);
    Py_XDECREF(out);
    return NULL;
}

/* dst |= {first part of t for t in names if it is in varnames} */
static int add_mentioned(Intern *in, PyObject *dst, PyObject *names, PyObject *varnames)
{
    PyObject *it = PyObject_GetIter(names), *t;
    if (!it) return -1;
    while ((t = PyIter_Next(it))) {
        Py_ssize_t dot;
        PyObject *first = first_part(in, t, &dot);
        int r = first ? PySet_Contains(varnames, first) : -1;
        if (r > 0) r = PySet_Add(dst, first);
        Py_XDECREF(first);
        Py_DECREF(t);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Does a proof build a term Lean infers the type of -- an anonymous constructor, a
   structure instance, a `where` block or a tactic block? Then it may construct any
   structure inline, which a static reading cannot see (derivation.py). */
static int builds_inline(V v)
{
    for (Py_ssize_t i = 0; i < v.n; i++) {
        ch c = v.s[i];
        if (c == 0x27E8 || c == '{') return 1;
        if ((c == 'b' || c == 'w') && (i == 0 || !(is_word(v.s[i - 1]) || v.s[i - 1] == '.' || v.s[i - 1] == '\''))) {
            Py_ssize_t e = -1;
            if (starts(v, i, "by")) e = i + 2;
            else if (starts(v, i, "where")) e = i + 5;
            if (e >= 0 && !(e < v.n && (is_word(v.s[e]) || v.s[e] == '\'' || v.s[e] == '!' || v.s[e] == '?'))) return 1;
        }
    }
    return 0;
}

static int flag_scan(V v, PyObject *flags)
{
    static const char *words[] = {"sorry", "admit", "native_decide"};
    static const Py_ssize_t lens[] = {5, 5, 13};
    Py_ssize_t i = 0;
    while (i < v.n) {
        ch c = v.s[i];
        int hit = 0;
        if ((c == 's' || c == 'a' || c == 'n') && (i == 0 || !(is_word(v.s[i - 1]) || v.s[i - 1] == '.' || v.s[i - 1] == '\''))) {
            for (int k = 0; k < 3 && !hit; k++) {
                Py_ssize_t len = lens[k];
                if (c == (ch)(unsigned char)words[k][0] && starts(v, i, words[k])) {
                    Py_ssize_t e = i + len;
                    if (e < v.n && (is_word(v.s[e]) || v.s[e] == '\'' || v.s[e] == '!' || v.s[e] == '?')) continue;
                    PyObject *f = PyUnicode_FromString(words[k]);
                    if (!f) return -1;
                    int r = PySet_Add(flags, f);
                    Py_DECREF(f);
                    if (r < 0) return -1;
                    i = e;
                    hit = 1;
                }
            }
            if (hit) continue;
        }
        if (c == 'd' && (i == 0 || !is_word(v.s[i - 1])) && starts(v, i, "decide")) {
            Py_ssize_t r = skip_ws(v, i + 6);
            if (starts(v, r, ":=")) {
                r = skip_ws(v, r + 2);
                if (starts(v, r, "true") && !(r + 4 < v.n && is_word(v.s[r + 4]))) {
                    PyObject *f = PyUnicode_FromString("decide_true");
                    if (!f) return -1;
                    int rr = PySet_Add(flags, f);
                    Py_DECREF(f);
                    if (rr < 0) return -1;
                    i = r + 4;
                    continue;
                }
            }
        }
        i++;
    }
    return 0;
}

/* " ".join(v.split())[:limit] */
static PyObject *squash(V v, Py_ssize_t limit)
{
    Buf b = {NULL, 0, 0};
    int pending = 0;
    for (Py_ssize_t i = 0; i < v.n && b.n < limit; i++) {
        ch c = v.s[i];
        if (is_space(c)) {
            pending = b.n > 0;
            continue;
        }
        if (pending) {
            if (buf_putc(&b, ' ') < 0) goto fail;
            pending = 0;
            if (b.n >= limit) break;
        }
        if (buf_putc(&b, c) < 0) goto fail;
    }
    {
        static const ch none = 0;
        PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b.s ? b.s : &none, b.n);
        PyMem_Free(b.s);
        return r;
    }
fail:
    PyMem_Free(b.s);
    return NULL;
}

static int cfg_from(PyObject *t, Cfg *cfg)
{
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 7) {
        PyErr_SetString(PyExc_TypeError, "cfg must be a 7-tuple");
        return -1;
    }
    cfg->intern = NULL;
    cfg->keywords = PyTuple_GET_ITEM(t, 0);
    cfg->reserved = PyTuple_GET_ITEM(t, 1);
    cfg->pre_parts = PyTuple_GET_ITEM(t, 2);
    cfg->fields = PyTuple_GET_ITEM(t, 3);
    cfg->where_aux = PyTuple_GET_ITEM(t, 4);
    cfg->instance_name = PyTuple_GET_ITEM(t, 5);
    cfg->parse_doc = PyTuple_GET_ITEM(t, 6);
    return 0;
}

static ch *ucs4(PyObject *s, Py_ssize_t *n)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return NULL;
    }
    *n = PyUnicode_GET_LENGTH(s);
    return PyUnicode_AsUCS4Copy(s);
}

static int str_starts_ascii(PyObject *s, const char *lit)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t k = 0; lit[k]; k++)
        if (k >= n || PyUnicode_READ_CHAR(s, k) != (Py_UCS4)(unsigned char)lit[k]) return 0;
    return 1;
}

/* Records from a foreign or corrupt cache may hold anything: never assume a str. */
static int need_str(PyObject *o, const char *what)
{
    if (PyUnicode_Check(o)) return 0;
    PyErr_Format(PyExc_TypeError, "%s must be a str, not %.100s", what, Py_TYPE(o)->tp_name);
    return -1;
}

static int kind_is(PyObject *kind, const char *w) { return PyUnicode_CompareWithASCIIString(kind, w) == 0; }

static int set_update_iter(PyObject *set, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable), *x;
    if (!it) return -1;
    while ((x = PyIter_Next(it))) {
        int r = PySet_Add(set, x);
        Py_DECREF(x);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Interned dict keys of a RawDecl. */
static PyObject *K_name, *K_kind, *K_line, *K_end_line, *K_ctx, *K_role, *K_doc, *K_meta, *K_statement, *K_hyp,
    *K_concl, *K_proof, *K_flags, *K_attrs, *K_modifiers, *K_subnames, *K_binder_heads;

/* Does a docstring mention any header word? Without one, parse_doc gives the defaults. */
static int doc_has_header(PyObject *doc)
{
    static const char *words[] = {"Assumption", "Conjecture", "Discharge", "Witness", "Separation",
                                  "Area",       "Status",     "Evidence",  "Refs",    "Probe"};
    for (int k = 0; k < 10; k++) {
        PyObject *w = PyUnicode_FromString(words[k]);
        if (!w) return -1;
        Py_ssize_t r = PyUnicode_Find(doc, w, 0, PY_SSIZE_T_MAX, 1);
        Py_DECREF(w);
        if (r != -1) return r == -2 ? -1 : 1;
    }
    return 0;
}

/*
 * One declaration as a RawDecl: cmd is the cleaned command text
 * from its header start, orig the same span of source, kw_off where the keyword
 * starts in both.
 */
static PyObject *decl_object(Cfg *cfgp, PyTypeObject *raw_type, PyObject *kind, PyObject *pre, V cmd, V orig,
                             Py_ssize_t kw_off, long line, PyObject *ns, PyObject *cid, PyObject *doc,
                             PyObject *module, PyObject *vars)
{
    Cfg cfg = *cfgp;
    PyObject *hyp = NULL, *concl = NULL, *proof = NULL, *bound = NULL, *heads = NULL, *flags = NULL;
    PyObject *subnames = NULL, *attrs = NULL, *modifiers = NULL, *name = NULL, *full = NULL;
    PyObject *res = NULL, *tmp = NULL, *statement = NULL, *role_meta = NULL;
    Groups gs = {NULL, 0, 0};

    Py_ssize_t kwlen = PyUnicode_GET_LENGTH(kind);
    Py_ssize_t body_off = kw_off + kwlen;

    int is_struct = kind_is(kind, "structure") || kind_is(kind, "class");
    int is_sci = is_struct || kind_is(kind, "inductive");
    int is_inst = kind_is(kind, "instance"), is_example = kind_is(kind, "example");

    /* attributes and modifiers (cached in Python) */
    if (PyUnicode_GET_LENGTH(pre)) {
        PyObject *pm = PyObject_CallOneArg(cfg.pre_parts, pre);
        if (!pm) goto fail;
        if (!PyTuple_Check(pm) || PyTuple_GET_SIZE(pm) != 2) {
            Py_DECREF(pm);
            PyErr_SetString(PyExc_TypeError, "pre_parts must return (attributes, modifiers)");
            goto fail;
        }
        attrs = PySequence_List(PyTuple_GET_ITEM(pm, 0));
        modifiers = PySequence_List(PyTuple_GET_ITEM(pm, 1));
        Py_DECREF(pm);
        if (!attrs || !modifiers) goto fail;
    } else {
        attrs = PyList_New(0);
        modifiers = PyList_New(0);
        if (!attrs || !modifiers) goto fail;
    }

    /* rest: the text after the keyword, then after the name */
    Py_ssize_t rs = body_off; /* rest start in cmd coordinates */
    if (is_inst) {
        V r = vlstrip(vsub(cmd, rs, cmd.n));
        rs = r.s - cmd.s;
        if (starts(r, 0, "(priority")) {
            Py_ssize_t close = -1;
            for (Py_ssize_t i = 0; i < r.n; i++)
                if (r.s[i] == ')') {
                    close = i;
                    break;
                }
            if (close > 0) rs += close + 1;
        }
    }
    if (!is_example) {
        V st = vlstrip(vsub(cmd, rs, cmd.n));
        Py_ssize_t e = ident_end(st, 0);
        if (e > 0) {
            PyObject *cand = vstr(vsub(st, 0, e));
            if (!cand) goto fail;
            int r = PySet_Contains(cfg.reserved, cand);
            if (r < 0) {
                Py_DECREF(cand);
                goto fail;
            }
            if (!r) {
                name = cand;
                rs = (st.s - cmd.s) + e;
            } else {
                Py_DECREF(cand);
            }
        }
    }
    V rest = vsub(cmd, rs, cmd.n);
    Py_ssize_t sig_end, tail_start, colon;
    int term;
    split_header(rest, !is_struct, &sig_end, &tail_start, &term, &colon);
    V sig = vsub(rest, 0, sig_end), tail = vsub(rest, tail_start, rest.n);
    V binder_text = colon >= 0 ? vsub(sig, 0, colon) : sig;
    V type_text = colon >= 0 ? vsub(sig, colon + 1, sig.n) : vsub(sig, sig.n, sig.n);
    V extends = {NULL, 0};
    int has_extends = 0;
    if (is_struct) {
        Py_ssize_t x = vfind(binder_text, "extends", 0);
        if (x >= 0) {
            extends = vsub(binder_text, x + 7, binder_text.n);
            binder_text = vsub(binder_text, 0, x);
            has_extends = 1;
        }
    }
    if (vlstrip(binder_text).n && binder_groups(&cfg, binder_text, &gs) < 0) goto fail;

    hyp = PySet_New(NULL);
    concl = PySet_New(NULL);
    heads = PyDict_New();
    flags = PySet_New(NULL);
    if (!hyp || !concl || !heads || !flags) goto fail;
    if (!PyTuple_Check(vars) || PyTuple_GET_SIZE(vars) != 5 || !PyAnySet_Check(PyTuple_GET_ITEM(vars, 0)) ||
        !PyAnySet_Check(PyTuple_GET_ITEM(vars, 1)) || !PyDict_Check(PyTuple_GET_ITEM(vars, 4))) {
        PyErr_SetString(PyExc_TypeError, "vars must be (universes, names, has_groups, included, memo)");
        goto fail;
    }
    /* bound holds the local names only; universes and variables are tested in place */
    PyObject *universes = PyTuple_GET_ITEM(vars, 0), *varnames = NULL;
    bound = PySet_New(NULL);
    if (!bound) goto fail;
    for (Py_ssize_t i = 0; i < gs.n; i++) {
        Group *g = &gs.g[i];
        if (set_update_iter(bound, g->names) < 0 || set_update_iter(hyp, g->type_refs) < 0) goto fail;
        if (g->head && PyUnicode_GET_LENGTH(g->head))
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(g->names); k++)
                if (PyDict_SetItem(heads, PyList_GET_ITEM(g->names, k), g->head) < 0) goto fail;
    }
    if (has_extends && extends.n && idents_into(&cfg, extends, hyp) < 0) goto fail;
    if (type_text.n) {
        TypeCtx tc = {&cfg, hyp, concl, bound};
        if (split_type(type_text, type_seg, &tc) < 0) goto fail;
    }

    PyObject *proof_text_obj = NULL;
    if (is_sci) {
        /* fields_text = "| " + tail, or tail after where/:=, else "" */
        Buf ft = {NULL, 0, 0};
        int ok = 0;
        do {
            if (term == T_BAR) {
                if (buf_putc(&ft, '|') < 0 || buf_putc(&ft, ' ') < 0) break;
            }
            if ((term == T_BAR || term == T_WHERE || term == T_ASSIGN) && buf_put(&ft, tail.s, tail.n) < 0) break;
            V fv = buf_view(&ft);
            if (idents_into(&cfg, fv, concl) < 0) break;
            subnames = fields_c(&cfg, fv, kind_is(kind, "inductive"));
            if (!subnames) break;
            if (set_update_iter(bound, subnames) < 0) break;
            if (vhas(fv, '(') || vhas(fv, '{')) {
                Groups fg = {NULL, 0, 0};
                int r = binder_groups(&cfg, fv, &fg);
                for (Py_ssize_t i = 0; r == 0 && i < fg.n; i++) r = set_update_iter(bound, fg.g[i].names);
                groups_free(&fg);
                if (r < 0) break;
            }
            if (body_bound_concat(&cfg, sig, 0, 0, fv, bound, 0, NULL) < 0) break;
            ok = 1;
        } while (0);
        PyMem_Free(ft.s);
        if (!ok) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "structure fields failed without an error");
            goto fail;
        }
        proof = PySet_New(NULL);
        if (!proof) goto fail;
    } else {
        proof = PySet_New(NULL);
        if (!proof) goto fail;
        int has_where = 0;
        unsigned long long gate = 0; /* binding keywords among the identifiers of sig and tail */
        Sink gsk = {&cfg, NULL, NULL, 0, 0, &gate, NULL};
        /* like the reference: binder text and type text apart (a «name» may hold the colon) */
        if (each_ident(binder_text, sink_cb, &gsk) < 0 || each_ident(type_text, sink_cb, &gsk) < 0) goto fail;
        if (tail.n) { /* proof = the tail's identifiers minus keywords, in one pass */
            Sink sk = {&cfg, proof, NULL, 1, 0, &gate, &has_where};
            if (each_ident(tail, sink_cb, &sk) < 0) goto fail;
        }
        /* equations `def f : T | pat => …`: the first arm keeps its bar, so its pattern binds */
        if (body_bound_concat(&cfg, sig, 0, term == T_BAR ? '|' : 0, tail, bound, 0, &gate) < 0) goto fail;
        if (!is_inst && (term == T_ASSIGN || term == T_BAR) && has_where) {
            proof_text_obj = vstr(tail);
            if (!proof_text_obj) goto fail;
            subnames = PyObject_CallOneArg(cfg.where_aux, proof_text_obj);
            Py_CLEAR(proof_text_obj);
            if (!subnames) goto fail;
            if (set_update_iter(bound, subnames) < 0) goto fail;
        } else if (is_inst && term == T_WHERE) {
            tmp = fields_c(&cfg, tail, 0);
            if (!tmp) goto fail;
            if (set_update_iter(bound, tmp) < 0) goto fail;
            Py_CLEAR(tmp);
        }
    }
    if (!subnames) {
        subnames = PyList_New(0);
        if (!subnames) goto fail;
    }

    /* variables: Lean 4's inclusion rule, computed (and memoised) by _VarState.included */
    int has_groups = PyObject_IsTrue(PyTuple_GET_ITEM(vars, 2));
    if (has_groups < 0) goto fail;
    if (has_groups) {
        varnames = PyTuple_GET_ITEM(vars, 1);
        /* the mentioned variables: first parts of hyp, concl (and proof for definitions) */
        PyObject *mentioned = PySet_New(NULL);
        if (!mentioned) goto fail;
        int is_thm = kind_is(kind, "theorem") || kind_is(kind, "lemma") || is_example;
        if (add_mentioned(cfg.intern, mentioned, hyp, varnames) < 0 ||
            add_mentioned(cfg.intern, mentioned, concl, varnames) < 0 ||
            (!is_thm && add_mentioned(cfg.intern, mentioned, proof, varnames) < 0)) {
            Py_DECREF(mentioned);
            goto fail;
        }
        PyObject *key = PyFrozenSet_New(mentioned); /* the memo key of _VarState.included */
        PyObject *inc = key ? PyDict_GetItemWithError(PyTuple_GET_ITEM(vars, 4), key) : NULL;
        Py_XINCREF(inc); /* own the value before the key goes */
        Py_XDECREF(key);
        if (!inc && !PyErr_Occurred()) inc = PyObject_CallOneArg(PyTuple_GET_ITEM(vars, 3), mentioned);
        Py_DECREF(mentioned);
        if (!inc) goto fail;
        if (!PyTuple_Check(inc) || PyTuple_GET_SIZE(inc) != 2 || !PyDict_Check(PyTuple_GET_ITEM(inc, 1))) {
            Py_DECREF(inc);
            PyErr_SetString(PyExc_TypeError, "included must return (names, heads)");
            goto fail;
        }
        int r = set_update_iter(hyp, PyTuple_GET_ITEM(inc, 0));
        if (r == 0) {
            PyObject *vh = PyTuple_GET_ITEM(inc, 1), *k, *v;
            Py_ssize_t pos = 0;
            while (PyDict_Next(vh, &pos, &k, &v))
                if (PyDict_SetDefault(heads, k, v) == NULL) {
                    r = -1;
                    break;
                }
        }
        Py_DECREF(inc);
        if (r < 0) goto fail;
    }

    /* keep, then make the three sets disjoint */
    tmp = keep(cfg.intern, hyp, bound, universes, varnames, heads);
    if (!tmp) goto fail;
    Py_SETREF(hyp, tmp);
    tmp = keep(cfg.intern, concl, bound, universes, varnames, heads);
    if (!tmp) goto fail;
    Py_SETREF(concl, tmp);
    tmp = NULL;
    {
        PyObject *p1 = keep(cfg.intern, proof, bound, universes, varnames, heads);
        if (!p1) goto fail;
        Py_SETREF(proof, p1);
        /* concl -= hyp; proof -= hyp; proof -= concl (in place: keep made fresh sets) */
        PyObject *r1 = PyNumber_InPlaceSubtract(concl, hyp);
        PyObject *r2 = r1 ? PyNumber_InPlaceSubtract(proof, hyp) : NULL;
        PyObject *r3 = r2 ? PyNumber_InPlaceSubtract(proof, concl) : NULL;
        Py_XDECREF(r1);
        Py_XDECREF(r2);
        Py_XDECREF(r3);
        if (!r3) goto fail;
    }

    /* the reference scans proof_text, which is "" for structures */
    if (!is_sci && flag_scan(tail, flags) < 0) goto fail;
    if (!is_sci && (term == T_WHERE || builds_inline(tail))) {
        PyObject *f = PyUnicode_FromString("builds_inline");
        if (!f || PySet_Add(flags, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
    }
    if (flag_scan(sig, flags) < 0) goto fail;
    if (kind_is(kind, "axiom")) {
        PyObject *f = PyUnicode_FromString("axiom");
        if (!f || PySet_Add(flags, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
    }

    /* the full name */
    if (is_example) {
        full = PyUnicode_FromFormat("example@%U:%ld", module, line);
    } else {
        if (!name) {
            if (is_inst) {
                /* the reference passes every bound name: locals, universes, variables */
                PyObject *bt = vstr(binder_text), *tt = vstr(type_text), *all = PySet_New(bound);
                int ok = bt && tt && all && set_update_iter(all, universes) == 0 &&
                         (!varnames || set_update_iter(all, varnames) == 0);
                name = ok ? PyObject_CallFunctionObjArgs(cfg.instance_name, bt, tt, all, NULL) : NULL;
                Py_XDECREF(bt);
                Py_XDECREF(tt);
                Py_XDECREF(all);
            } else {
                name = PyUnicode_FromFormat("_anon_%ld", line);
            }
            if (!name) goto fail;
        }
        if (str_starts_ascii(name, "_root_.")) {
            full = PyUnicode_Substring(name, 7, PyUnicode_GET_LENGTH(name));
        } else if (PyUnicode_GET_LENGTH(ns)) {
            full = PyUnicode_FromFormat("%U.%U", ns, name);
        } else {
            full = name;
            Py_INCREF(full);
        }
    }
    if (!full) goto fail;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subnames); i++) {
        PyObject *q = PyUnicode_FromFormat("%U.%U", full, PyList_GET_ITEM(subnames, i));
        if (!q) goto fail;
        if (PyList_SetItem(subnames, i, q) < 0) goto fail; /* steals q, releases the old item */
    }

    /* statement: up to the terminator (or last code character), squashed */
    Py_ssize_t code_len = vrstrip(cmd).n;
    Py_ssize_t end_line = line;
    for (Py_ssize_t i = kw_off; i < code_len - 1 && i < orig.n; i++)
        if (orig.s[i] == '\n') end_line++;
    Py_ssize_t stmt_end = code_len;
    if (!is_sci && term != T_NONE) {
        Py_ssize_t term_start = rs + sig_end;
        if (term_start < stmt_end) stmt_end = term_start;
    }
    if (stmt_end > STATEMENT_LIMIT * 2) stmt_end = STATEMENT_LIMIT * 2;
    statement = squash(vsub(orig, 0, stmt_end), STATEMENT_LIMIT);
    if (!statement) goto fail;

    int with_header = (doc != Py_None && PyUnicode_GET_LENGTH(doc)) ? doc_has_header(doc) : 0;
    if (with_header < 0) goto fail;
    if (with_header) {
        role_meta = PyObject_CallFunctionObjArgs(cfg.parse_doc, doc, kind, NULL);
    } else { /* parse_doc's defaults, without the call */
        const char *role = (kind_is(kind, "theorem") || kind_is(kind, "lemma") || is_example) ? "theorem"
                           : kind_is(kind, "axiom")                                           ? "axiom"
                                                                                              : "definition";
        role_meta = Py_BuildValue("(sN)", role, PyDict_New());
    }
    if (!role_meta) goto fail;
    if (!PyTuple_Check(role_meta) || PyTuple_GET_SIZE(role_meta) != 2) {
        PyErr_SetString(PyExc_TypeError, "parse_doc must return (role, meta)");
        goto fail;
    }

    /* attributes set one by one, in field order: CPython then keeps them inline
       in the instance (shared keys), about half the memory of a separate dict */
    {
        PyObject *empty = PyTuple_New(0);
        res = empty ? PyBaseObject_Type.tp_new(raw_type, empty, NULL) : NULL;
        Py_XDECREF(empty);
    }
    if (!res) goto fail;
    PyObject *lo = PyLong_FromLong(line), *el = PyLong_FromSsize_t(end_line > line ? end_line : line);
    if (!lo || !el) {
        Py_XDECREF(lo);
        Py_XDECREF(el);
        goto fail;
    }
    PyObject *const keys[] = {K_name,      K_kind,  K_line,  K_end_line, K_ctx,   K_role,    K_doc,
                              K_meta,      K_statement, K_hyp, K_concl,  K_proof, K_flags,   K_attrs,
                              K_modifiers, K_subnames,  K_binder_heads};
    PyObject *const vals[] = {full,      kind,     lo,   el,    cid,   PyTuple_GET_ITEM(role_meta, 0),
                              doc,       PyTuple_GET_ITEM(role_meta, 1), statement, hyp, concl, proof, flags,
                              attrs,     modifiers, subnames, heads};
    int bad = 0;
    for (int k = 0; k < 17 && !bad; k++) bad = PyObject_SetAttr(res, keys[k], vals[k]) < 0;
    Py_DECREF(lo);
    Py_DECREF(el);
    if (bad) goto fail;
    goto done;
fail:
    Py_CLEAR(res);
done:
    groups_free(&gs);
    Py_XDECREF(hyp);
    Py_XDECREF(concl);
    Py_XDECREF(proof);
    Py_XDECREF(bound);
    Py_XDECREF(heads);
    Py_XDECREF(flags);
    Py_XDECREF(subnames);
    Py_XDECREF(attrs);
    Py_XDECREF(modifiers);
    Py_XDECREF(name);
    Py_XDECREF(full);
    Py_XDECREF(tmp);
    Py_XDECREF(statement);
    Py_XDECREF(role_meta);
    return res;
}

/* ---------------------------------------------------------------- runs of declarations */

typedef struct {
    ch *text, *ct;
    Py_ssize_t n;
} FileBufs;

static void bufs_free(PyObject *cap)
{
    FileBufs *b = PyCapsule_GetPointer(cap, "axiomdl.cscan.bufs");
    if (b) {
        PyMem_Free(b->text);
        PyMem_Free(b->ct);
        PyMem_Free(b);
    }
}

/* buffers(text, cleaned) -> an opaque handle on both texts as UCS4 */
static PyObject *py_buffers(PyObject *self, PyObject *args)
{
    PyObject *text, *ct;
    if (!PyArg_ParseTuple(args, "UU", &text, &ct)) return NULL;
    if (PyUnicode_GET_LENGTH(text) != PyUnicode_GET_LENGTH(ct)) {
        PyErr_SetString(PyExc_ValueError, "text and cleaned text differ in length");
        return NULL;
    }
    FileBufs *b = PyMem_Calloc(1, sizeof(FileBufs));
    if (!b) return PyErr_NoMemory();
    Py_ssize_t n2;
    b->text = ucs4(text, &b->n);
    b->ct = b->text ? ucs4(ct, &n2) : NULL;
    PyObject *cap = b->ct ? PyCapsule_New(b, "axiomdl.cscan.bufs", bufs_free) : NULL;
    if (!cap) {
        PyMem_Free(b->text);
        PyMem_Free(b->ct);
        PyMem_Free(b);
    }
    return cap;
}

/*
 * parse_run(cfg, bufs, starts, i0, i1, first_cid, cid, namespace, docs_by_end, module,
 *           vars, base_offset, base_line, raw_type) -> [RawDecl]
 *
 * The declarations starts[i0:i1], which share one scope; the first may have its
 * own context (an `open ... in` before it). Lines count from (base_offset, base_line).
 */
static PyObject *parse_run(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 14) {
        PyErr_SetString(PyExc_TypeError, "parse_run takes 14 arguments");
        return NULL;
    }
    Cfg cfg;
    if (cfg_from(args[0], &cfg) < 0) return NULL;
    FileBufs *b = PyCapsule_GetPointer(args[1], "axiomdl.cscan.bufs");
    if (!b) return NULL;
    PyObject *starts = args[2];
    if (!PyList_Check(starts)) {
        PyErr_SetString(PyExc_TypeError, "starts must be a list");
        return NULL;
    }
    Py_ssize_t i0 = PyLong_AsSsize_t(args[3]), i1 = PyLong_AsSsize_t(args[4]);
    PyObject *first_cid = args[5], *cid = args[6], *ns = args[7], *docs = args[8], *module = args[9];
    PyObject *vars = args[10];
    Py_ssize_t off = PyLong_AsSsize_t(args[11]);
    long line = PyLong_AsLong(args[12]);
    PyTypeObject *raw_type = (PyTypeObject *)args[13];
    if (PyErr_Occurred()) return NULL;
    if (!PyType_Check(args[13]) || !PyDict_Check(docs) || i0 < 0 || i1 > PyList_GET_SIZE(starts) || off < 0 ||
        off > b->n) {
        PyErr_SetString(PyExc_ValueError, "bad arguments to parse_run");
        return NULL;
    }
    Intern names = {NULL, 0, 0};
    cfg.intern = &names;
    PyObject *out = PyList_New(0), *empty = PyTuple_New(0);
    if (!out || !empty) goto fail;
    V text = {b->text, b->n}, ct = {b->ct, b->n};
    for (Py_ssize_t i = i0; i < i1; i++) {
        PyObject *st = PyList_GET_ITEM(starts, i);
        if (!PyTuple_Check(st) || PyTuple_GET_SIZE(st) != 4 || !PyUnicode_Check(PyTuple_GET_ITEM(st, 2)) ||
            !PyUnicode_Check(PyTuple_GET_ITEM(st, 3)) ||
            (i + 1 < PyList_GET_SIZE(starts) && (!PyTuple_Check(PyList_GET_ITEM(starts, i + 1)) ||
                                                 PyTuple_GET_SIZE(PyList_GET_ITEM(starts, i + 1)) < 1))) {
            PyErr_SetString(PyExc_TypeError, "starts must hold (hstart, kstart, keyword, prefix) tuples");
            goto fail;
        }
        Py_ssize_t hstart = PyLong_AsSsize_t(PyTuple_GET_ITEM(st, 0));
        Py_ssize_t kstart = PyLong_AsSsize_t(PyTuple_GET_ITEM(st, 1));
        PyObject *kw = PyTuple_GET_ITEM(st, 2), *pre = PyTuple_GET_ITEM(st, 3);
        Py_ssize_t end = i + 1 < PyList_GET_SIZE(starts) ? PyLong_AsSsize_t(PyTuple_GET_ITEM(PyList_GET_ITEM(starts, i + 1), 0))
                                                        : b->n;
        if (PyErr_Occurred()) goto fail;
        if (!(0 <= hstart && hstart <= kstart && kstart <= end && end <= b->n)) {
            PyErr_SetString(PyExc_ValueError, "command offsets out of order");
            goto fail;
        }
        for (; off < kstart; off++) /* like _Lines: forwards or backwards from the last offset */
            if (b->text[off] == '\n') line++;
        for (; off > kstart; off--)
            if (b->text[off - 1] == '\n') line--;
        /* the docstring ending just before the header, through whitespace */
        Py_ssize_t j = hstart;
        while (j > 0 && (b->text[j - 1] == ' ' || b->text[j - 1] == '\t' || b->text[j - 1] == '\r' || b->text[j - 1] == '\n'))
            j--;
        PyObject *key = PyLong_FromSsize_t(j);
        if (!key) goto fail;
        PyObject *dt = PyDict_GetItemWithError(docs, key);
        Py_DECREF(key);
        if (!dt && PyErr_Occurred()) goto fail;
        if (dt && (!PyTuple_Check(dt) || PyTuple_GET_SIZE(dt) < 1 || !PyUnicode_Check(PyTuple_GET_ITEM(dt, 0)))) {
            PyErr_SetString(PyExc_TypeError, "docs_by_end values must be (text, start) tuples");
            goto fail;
        }
        PyObject *doc = dt ? PyTuple_GET_ITEM(dt, 0) : Py_None;
        PyObject *obj = decl_object(&cfg, raw_type, kw, pre, vsub(ct, hstart, end), vsub(text, hstart, end),
                                    kstart - hstart, line, ns, i == i0 ? first_cid : cid, doc, module, vars);
        if (!obj || PyList_Append(out, obj) < 0) {
            Py_XDECREF(obj);
            goto fail;
        }
        Py_DECREF(obj);
    }
    Py_DECREF(empty);
    intern_free(&names);
    return out;
fail:
    intern_free(&names);
    Py_XDECREF(empty);
    Py_XDECREF(out);
    return NULL;
}

/* ---------------------------------------------------------------- clean */

static void blank(ch *b, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i < e; i++)
        if (b[i] != '\n') b[i] = ' ';
}

static int is_hex(ch c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* _CHAR.match at s: end or -1 */
static Py_ssize_t char_end(V t, Py_ssize_t s)
{
    Py_ssize_t n = t.n;
    if (s + 1 >= n) return -1;
    ch c = t.s[s + 1];
    if (c == '\\') {
        if (s + 2 < n && t.s[s + 2] == 'x' && s + 5 < n && is_hex(t.s[s + 3]) && is_hex(t.s[s + 4]) && t.s[s + 5] == '\'')
            return s + 6;
        if (s + 2 < n && t.s[s + 2] == 'u' && s + 7 < n && is_hex(t.s[s + 3]) && is_hex(t.s[s + 4]) &&
            is_hex(t.s[s + 5]) && is_hex(t.s[s + 6]) && t.s[s + 7] == '\'')
            return s + 8;
        if (s + 3 < n && t.s[s + 2] != '\n' && t.s[s + 3] == '\'') return s + 4;
        return -1;
    }
    if (c == '\'' || c == '\n') return -1;
    return (s + 2 < n && t.s[s + 2] == '\'') ? s + 3 : -1;
}

static int add_problem(PyObject *problems, Py_ssize_t off, const char *msg)
{
    PyObject *p = Py_BuildValue("(ns)", off, msg);
    if (!p) return -1;
    int r = PyList_Append(problems, p);
    Py_DECREF(p);
    return r;
}

static int add_doc(PyObject *docs, V t, Py_ssize_t s, Py_ssize_t e, int module_doc)
{
    V inner = vsub(t, s + 3, e - 2);
    inner = vrstrip(vlstrip(inner));
    PyObject *txt = vstr(inner);
    if (!txt) return -1;
    PyObject *d = Py_BuildValue("(nnNO)", s, e, txt, module_doc ? Py_True : Py_False);
    if (!d) return -1;
    int r = PyList_Append(docs, d);
    Py_DECREF(d);
    return r;
}

/* clean(text) -> (cleaned, [(start, end, doc, module_doc)], [(offset, message)]) */
static PyObject *py_clean(PyObject *self, PyObject *arg)
{
    Py_ssize_t n;
    ch *src = ucs4(arg, &n);
    if (!src) return NULL;
    ch *out = PyMem_Malloc((n ? n : 1) * sizeof(ch));
    PyObject *docs = PyList_New(0), *problems = PyList_New(0), *res = NULL;
    if (!out) PyErr_NoMemory();
    if (!out || !docs || !problems) goto done;
    memcpy(out, src, n * sizeof(ch));
    V t = {src, n};
    Py_ssize_t i = 0;
    while (i < n) {
        ch c = src[i];
        Py_ssize_t e = -1;
        if (c == '-' && i + 1 < n && src[i + 1] == '-') {
            e = i + 2;
            while (e < n && src[e] != '\n') e++;
        } else if (c == '/' && i + 1 < n && src[i + 1] == '-') {
            Py_ssize_t depth = 1, j = i + 2;
            e = -1;
            while (j + 1 < n) {
                if (src[j] == '/' && src[j + 1] == '-') {
                    depth++;
                    j += 2;
                } else if (src[j] == '-' && src[j + 1] == '/') {
                    j += 2;
                    if (--depth == 0) {
                        e = j;
                        break;
                    }
                } else {
                    j++;
                }
            }
            if (e < 0) {
                if (add_problem(problems, i, "unterminated comment") < 0) goto done;
                e = n;
            } else if (starts(t, i, "/--") && !starts(t, i, "/--/")) {
                if (add_doc(docs, t, i, e, 0) < 0) goto done;
            } else if (starts(t, i, "/-!")) {
                if (add_doc(docs, t, i, e, 1) < 0) goto done;
            }
        } else if (c == 'r' && (i == 0 || !(is_word(src[i - 1]) || src[i - 1] == '\'' || src[i - 1] == '.'))) {
            Py_ssize_t j = i + 1;
            while (j < n && src[j] == '#') j++;
            if (!(j < n && src[j] == '"')) {
                i++;
                continue;
            }
            Py_ssize_t hashes = j - i - 1, k = j + 1;
            e = -1;
            for (; k < n; k++) {
                if (src[k] != '"') continue;
                Py_ssize_t h = 0;
                while (h < hashes && k + 1 + h < n && src[k + 1 + h] == '#') h++;
                if (h == hashes) {
                    e = k + 1 + hashes;
                    break;
                }
            }
            if (e < 0) {
                if (add_problem(problems, i, "unterminated raw string") < 0) goto done;
                e = n;
            }
        } else if (c == '"') {
            Py_ssize_t j = i + 1;
            e = -1;
            while (j < n) {
                if (src[j] == '"') {
                    e = j + 1;
                    break;
                }
                if (src[j] == '\\') {
                    if (j + 1 >= n) break;
                    j += 2;
                    continue;
                }
                j++;
            }
            if (e < 0) {
                if (add_problem(problems, i, "unterminated string") < 0) goto done;
                e = n;
            }
        } else if (c == '\'' && !(i > 0 && (is_word(src[i - 1]) || src[i - 1] == '\'' || src[i - 1] == '!' ||
                                            src[i - 1] == '?' || src[i - 1] == '.' || is_sub(src[i - 1]) ||
                                            (src[i - 1] >= 0x1d62 && src[i - 1] <= 0x1d6a)))) {
            e = char_end(t, i);
            if (e < 0) {
                i++;
                continue;
            }
        } else {
            i++;
            continue;
        }
        blank(out, i, e);
        i = e;
    }
    {
        PyObject *cl = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n);
        if (cl) res = Py_BuildValue("(NOO)", cl, docs, problems);
    }
done:
    PyMem_Free(src);
    PyMem_Free(out);
    Py_XDECREF(docs);
    Py_XDECREF(problems);
    return res;
}

/* check_brackets(cleaned) -> None or (offset, message) */
static PyObject *py_check_brackets(PyObject *self, PyObject *arg)
{
    Py_ssize_t n;
    ch *s = ucs4(arg, &n);
    if (!s) return NULL;
    Py_ssize_t *stack = NULL, depth = 0, cap = 0;
    PyObject *res = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        ch c = s[i];
        if (is_open(c)) {
            if (depth == cap) {
                cap = cap * 2 + 64;
                Py_ssize_t *ns = PyMem_Realloc(stack, cap * sizeof(Py_ssize_t));
                if (!ns) {
                    PyErr_NoMemory();
                    goto done;
                }
                stack = ns;
            }
            stack[depth++] = i;
        } else if (is_close(c)) {
            if (!depth || s[stack[depth - 1]] != opener_of(c)) {
                res = PyUnicode_FromFormat("unmatched `%c`", (int)c);
                if (res) res = Py_BuildValue("(nN)", i, res);
                goto done;
            }
            depth--;
        }
    }
    if (depth) {
        Py_ssize_t off = stack[depth - 1];
        res = PyUnicode_FromFormat("`%c` is never closed", (int)s[off]);
        if (res) res = Py_BuildValue("(nN)", off, res);
    } else {
        res = Py_None;
        Py_INCREF(res);
    }
done:
    PyMem_Free(stack);
    PyMem_Free(s);
    return res;
}

/* ---------------------------------------------------------------- commands */

static const char *MODS[] = {"private", "protected", "noncomputable", "partial", "unsafe",
                             "nonrec",  "local",     "scoped",        "public",  "meta"};
static const Py_ssize_t MODS_LEN[] = {7, 9, 13, 7, 6, 6, 5, 6, 6, 4};
#define N_MODS 10

/* ATTR at p: end or -1 */
static Py_ssize_t attr_end(V t, Py_ssize_t p)
{
    if (!starts(t, p, "@[")) return -1;
    Py_ssize_t i = p + 2;
    for (;;) {
        while (i < t.n && t.s[i] != '[' && t.s[i] != ']') i++;
        if (i >= t.n) return -1;
        if (t.s[i] == ']') return i + 1;
        Py_ssize_t j = i + 1; /* nested [..] */
        while (j < t.n && t.s[j] != '[' && t.s[j] != ']') j++;
        if (j >= t.n || t.s[j] != ']') return -1;
        i = j + 1;
    }
}

static inline int kw_char(ch c) { return is_word(c) || c == '\'' || c == '!' || c == '?' || c == '%'; }

typedef struct {
    Py_ssize_t hstart, kstart, kend, pstart;
    int after_in;
} Cmd;

/* The command words, as ASCII strings bucketed by (first char, length). */
#define WORD_BUCKETS 512
typedef struct {
    char *pool;
    int *next, head[WORD_BUCKETS];
    Py_ssize_t *off, *len;
    Py_ssize_t n;
} Words;

static int words_bucket(ch first, Py_ssize_t len) { return (int)((first * 31u + (unsigned)len) % WORD_BUCKETS); }

static void words_free(Words *w)
{
    PyMem_Free(w->pool);
    PyMem_Free(w->next);
    PyMem_Free(w->off);
    PyMem_Free(w->len);
}

static int words_build(PyObject *set, Words *w)
{
    memset(w, 0, sizeof(*w));
    for (int i = 0; i < WORD_BUCKETS; i++) w->head[i] = -1;
    Py_ssize_t n = PySet_Size(set), total = 0;
    if (n < 0) return -1;
    PyObject *it = PyObject_GetIter(set), *x;
    w->next = PyMem_Calloc(n + 1, sizeof(int));
    w->off = PyMem_Calloc(n + 1, sizeof(Py_ssize_t));
    w->len = PyMem_Calloc(n + 1, sizeof(Py_ssize_t));
    w->pool = PyMem_Malloc(64 * (n + 1));
    if (!it || !w->next || !w->off || !w->len || !w->pool) {
        Py_XDECREF(it);
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return -1;
    }
    while ((x = PyIter_Next(it)) && w->n < n) {
        Py_ssize_t len;
        const char *a = PyUnicode_Check(x) ? PyUnicode_AsUTF8AndSize(x, &len) : NULL;
        if (a && len > 0 && len < 63 && PyUnicode_IS_ASCII(x)) {
            memcpy(w->pool + total, a, len);
            w->off[w->n] = total;
            w->len[w->n] = len;
            int b = words_bucket((ch)(unsigned char)a[0], len);
            w->next[w->n] = w->head[b];
            w->head[b] = (int)w->n;
            w->n++;
            total += len;
        }
        Py_DECREF(x);
        if (PyErr_Occurred()) break;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int words_has(Words *w, const ch *p, Py_ssize_t len)
{
    for (int i = w->head[words_bucket(p[0], len)]; i >= 0; i = w->next[i]) {
        if (w->len[i] != len) continue;
        const char *a = w->pool + w->off[i];
        Py_ssize_t k = 0;
        while (k < len && (ch)(unsigned char)a[k] == p[k]) k++;
        if (k == len) return 1;
    }
    return 0;
}

/* _CMD_TAIL at p: fills the match or returns 0 */
static int cmd_tail(V t, Py_ssize_t p, Words *words, Cmd *m)
{
    while (p < t.n && (t.s[p] == ' ' || t.s[p] == '\t')) p++;
    Py_ssize_t q = p;
    for (;;) {
        Py_ssize_t e = attr_end(t, p);
        if (e < 0) break;
        p = skip_ws(t, e);
    }
    for (;;) {
        int hit = 0;
        if (p >= t.n || (t.s[p] != 'p' && t.s[p] != 'n' && t.s[p] != 'u' && t.s[p] != 'l' && t.s[p] != 's' &&
                         t.s[p] != 'm'))
            break;
        for (int k = 0; k < N_MODS && !hit; k++) {
            Py_ssize_t len = MODS_LEN[k];
            if (starts(t, p, MODS[k]) && p + len < t.n && is_space(t.s[p + len])) {
                p = skip_ws(t, p + len);
                hit = 1;
            }
        }
        if (!hit) break;
    }
    Py_ssize_t k = p;
    if (k < t.n && t.s[k] == '#') {
        ch c = k + 1 < t.n ? t.s[k + 1] : 0;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return 0;
        Py_ssize_t e = k + 2;
        while (e < t.n && is_word(t.s[e])) e++;
        if (e < t.n && kw_char(t.s[e])) return 0;
        m->kend = e;
    } else {
        Py_ssize_t e = k;
        while (e < t.n && kw_char(t.s[e])) e++;
        if (e == k || e - k > 40 || t.s[k] > 127 || !words_has(words, t.s + k, e - k)) return 0;
        m->kend = e;
    }
    m->kstart = k;
    m->pstart = q;
    m->hstart = k > q ? q : k;
    return 1;
}

typedef struct {
    Cmd *c;
    Py_ssize_t n, cap;
} Cmds;

static int cmds_push(Cmds *cs, Cmd *m)
{
    if (cs->n == cs->cap) {
        Py_ssize_t cap = cs->cap * 2 + 64;
        Cmd *nc = PyMem_Realloc(cs->c, cap * sizeof(Cmd));
        if (!nc) {
            PyErr_NoMemory();
            return -1;
        }
        cs->c = nc, cs->cap = cap;
    }
    cs->c[cs->n++] = *m;
    return 0;
}

static Py_ssize_t line_start(V t, Py_ssize_t k)
{
    while (k > 0 && t.s[k - 1] != '\n') k--;
    return k;
}

/* command_starts(cleaned, command_words, column0_only) -> [(hstart, kstart, kw, pre)] */
static PyObject *py_command_starts(PyObject *self, PyObject *args)
{
    PyObject *text, *wordset, *col0;
    if (!PyArg_ParseTuple(args, "UOO", &text, &wordset, &col0)) return NULL;
    Words wtab;
    if (words_build(wordset, &wtab) < 0) {
        words_free(&wtab);
        return NULL;
    }
    Words *words = &wtab;
    Py_ssize_t n;
    ch *s = ucs4(text, &n);
    if (!s) {
        words_free(&wtab);
        return NULL;
    }
    V t = {s, n};
    Cmds a = {NULL, 0, 0}, b = {NULL, 0, 0};
    PyObject *out = NULL;
    Cmd m;
    /* COMMAND_RE over "\n" + text: at the start and after every newline */
    Py_ssize_t i = 0;
    while (i <= n) {
        if (i == 0 || s[i - 1] == '\n') {
            int r = cmd_tail(t, i, words, &m);
            if (r < 0) goto done;
            if (r) {
                m.after_in = 0;
                if (cmds_push(&a, &m) < 0) goto done;
                i = m.kend;
                /* the next match needs a newline at or after kend */
                while (i < n && s[i] != '\n') i++;
                i++;
                continue;
            }
        }
        /* jump to the next newline */
        while (i < n && s[i] != '\n') i++;
        i++;
    }
    int chained = 0; /* the reference's gate: " in " or " in\t" somewhere */
    for (Py_ssize_t k = 0; k + 3 < n && !chained; k++)
        chained = s[k] == ' ' && s[k + 1] == 'i' && s[k + 2] == 'n' && (s[k + 3] == ' ' || s[k + 3] == '\t');
    if (chained) {
        i = 0;
        while (i + 2 < n) {
            if (s[i] == 'i' && s[i + 1] == 'n' && (s[i + 2] == ' ' || s[i + 2] == '\t')) {
                int r = cmd_tail(t, i + 2, words, &m);
                if (r < 0) goto done;
                if (r) {
                    ch prev = i > 0 ? s[i - 1] : '\n';
                    int ok = !(prev == '_' || prev == '\'' || prev == '.' || prev == '!' || prev == '?' ||
                               Py_UNICODE_ISALNUM(prev));
                    m.after_in = 1;
                    if (ok && cmds_push(&b, &m) < 0) goto done;
                    i = m.kend;
                    continue;
                }
            }
            i++;
        }
    }
    out = PyList_New(0);
    if (!out) goto done;
    Py_ssize_t ia = 0, ib = 0;
    PyObject *last_kw = NULL; /* borrowed from out */
    while (ia < a.n || ib < b.n) {
        Cmd *c;
        if (ib >= b.n || (ia < a.n && a.c[ia].kstart <= b.c[ib].kstart)) c = &a.c[ia++];
        else c = &b.c[ib++];
        int has_pre = c->kstart > c->pstart;
        PyObject *kw = vstr(vsub(t, c->kstart, c->kend));
        if (!kw) goto fail;
        int skip = 0;
        int col0_kw = PySet_Contains(col0, kw);
        if (col0_kw < 0) {
            Py_DECREF(kw);
            goto fail;
        }
        if (col0_kw && !has_pre && !c->after_in && c->kstart != line_start(t, c->kstart)) skip = 1;
        if (!skip && PyUnicode_CompareWithASCIIString(kw, "deriving") == 0) {
            Py_ssize_t j = c->kend;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) j++;
            if (!starts(t, j, "instance")) skip = 1;
        }
        if (!skip && s[c->kstart] == '#' && c->kstart != line_start(t, c->kstart)) skip = 1;
        if (!skip && c->after_in &&
            (!last_kw || (PyUnicode_CompareWithASCIIString(last_kw, "open") != 0 &&
                          PyUnicode_CompareWithASCIIString(last_kw, "set_option") != 0 &&
                          PyUnicode_CompareWithASCIIString(last_kw, "include") != 0 &&
                          PyUnicode_CompareWithASCIIString(last_kw, "omit") != 0 &&
                          PyUnicode_CompareWithASCIIString(last_kw, "variable") != 0)))
            skip = 1;
        if (skip) {
            Py_DECREF(kw);
            continue;
        }
        PyObject *pre = vstr(vsub(t, c->pstart, has_pre ? c->kstart : c->pstart));
        PyObject *tup = pre ? Py_BuildValue("(nnNN)", c->hstart, c->kstart, kw, pre) : NULL;
        if (!tup) {
            if (!pre) Py_DECREF(kw);
            goto fail;
        }
        if (PyList_Append(out, tup) < 0) {
            Py_DECREF(tup);
            goto fail;
        }
        last_kw = PyTuple_GET_ITEM(tup, 2);
        Py_DECREF(tup);
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    words_free(&wtab);
    PyMem_Free(a.c);
    PyMem_Free(b.c);
    PyMem_Free(s);
    return out;
}

/* binder_groups(cfg, text) -> [(names, type_refs, bracket, head)] */
static PyObject *py_binder_groups(PyObject *self, PyObject *args)
{
    PyObject *cfgt, *text;
    if (!PyArg_ParseTuple(args, "OU", &cfgt, &text)) return NULL;
    Cfg cfg;
    if (cfg_from(cfgt, &cfg) < 0) return NULL;
    Py_ssize_t n;
    ch *s = ucs4(text, &n);
    if (!s) return NULL;
    V t = {s, n};
    Groups gs = {NULL, 0, 0};
    PyObject *out = NULL;
    if (binder_groups(&cfg, t, &gs) == 0 && (out = PyList_New(gs.n))) {
        for (Py_ssize_t i = 0; i < gs.n; i++) {
            Group *g = &gs.g[i];
            PyObject *tup = Py_BuildValue("(OOCO)", g->names, g->type_refs, (int)g->bracket, g->head ? g->head : Py_None);
            if (!tup) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, i, tup);
        }
    }
    groups_free(&gs);
    PyMem_Free(s);
    return out;
}

/* ---------------------------------------------------------------- resolution */

static PyObject *S_external, *S_contexts, *S_decls,
    *S_namespace;

/* decl_namespace(name, ctx) */
static PyObject *decl_ns(PyObject *name, PyObject *ctx_ns)
{
    if (need_str(name, "a declaration name") < 0 || need_str(ctx_ns, "a context namespace") < 0) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    /* `foo@Mod.X` (a name several unrelated modules declare) and `example@…`: the part before @ */
    Py_ssize_t at = PyUnicode_FindChar(name, '@', 0, n, 1);
    if (at == -2) return NULL;
    if (at >= 0) n = at;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, n, -1);
    if (dot == -2) return NULL;
    if (dot < 0) {
        Py_INCREF(ctx_ns);
        return ctx_ns;
    }
    PyObject *ns = PyUnicode_Substring(name, 0, dot);
    if (!ns) return NULL;
    Py_ssize_t r = PyUnicode_Tailmatch(ns, ctx_ns, 0, PY_SSIZE_T_MAX, -1);
    if (r < 0) {
        Py_DECREF(ns);
        return NULL;
    }
    if (r) return ns;
    Py_DECREF(ns);
    Py_INCREF(ctx_ns);
    return ctx_ns;
}


/* ---------------------------------------------------------------- name lookup */

/* What Resolver knows: names, parents, aliases, theorem heads, last components; the
 * protected names; names with several declarations (or a private one) and the function
 * that picks the one visible from the file being resolved (cur_file). */
typedef struct {
    PyObject *names, *parents, *aliases, *field_heads, *lasts, *field_lasts, *auto_suffixes;
    PyObject *protected_, *variants, *choose, *cur_file;
    /* Resolver._visible: decl_file (name -> file index) and, per file, the bytes of the bit
     * set of files it imports (None: it sees every file); cur_fi indexes masks */
    PyObject *decl_file, *masks;
    Py_ssize_t cur_fi;
    int varied; /* set when a lookup's answer depended on the file (variants, imports) */
} Known;

/* Resolver._visible: 1 when the current file imports the file declaring name, 0 not, -1 error */
static int c_visible(Known *k, PyObject *name)
{
    PyObject *m = PyList_GET_ITEM(k->masks, k->cur_fi);
    if (m == Py_None) return 1;
    k->varied = 1;
    PyObject *j = PyDict_GetItemWithError(k->decl_file, name);
    if (!j) return PyErr_Occurred() ? -1 : 1;
    Py_ssize_t jj = PyLong_AsSsize_t(j);
    if (jj == -1 && PyErr_Occurred()) return -1;
    if (!PyBytes_Check(m)) {
        PyErr_SetString(PyExc_TypeError, "an import mask must be bytes or None");
        return -1;
    }
    if (jj < 0 || (jj >> 3) >= PyBytes_GET_SIZE(m)) return 0;
    return (((const unsigned char *)PyBytes_AS_STRING(m))[jj >> 3] >> (jj & 7)) & 1;
}

/* p (a new reference) if the current file sees it, else None */
static PyObject *if_visible(Known *k, PyObject *p)
{
    int vis = c_visible(k, p);
    if (vis > 0) return p;
    Py_DECREF(p);
    if (vis < 0) return NULL;
    Py_RETURN_NONE;
}

/* p (a new reference) or, for a name with variants, the one visible here (or None) */
static PyObject *pick_variant(Known *k, PyObject *p)
{
    if (!PyDict_GET_SIZE(k->variants)) return if_visible(k, p);
    PyObject *v = PyDict_GetItemWithError(k->variants, p);
    if (!v) {
        if (PyErr_Occurred()) {
            Py_DECREF(p);
            return NULL;
        }
        return if_visible(k, p);
    }
    k->varied = 1;
    if (PyLong_Check(v)) { /* a private name declared once: its own file sees it */
        int same = PyObject_RichCompareBool(v, k->cur_file, Py_EQ);
        if (same < 0) {
            Py_DECREF(p);
            return NULL;
        }
        if (same) return p;
    }
    PyObject *chosen = PyObject_CallFunctionObjArgs(k->choose, p, k->cur_file, NULL);
    Py_DECREF(p);
    return chosen;
}

/* Lean never reaches a protected `A.b` through a namespace or an open by `b` alone. */
static int protected_skip(Known *k, PyObject *ident, PyObject *cand)
{
    if (!PySet_GET_SIZE(k->protected_)) return 0;
    Py_ssize_t dot = PyUnicode_FindChar(ident, '.', 0, PyUnicode_GET_LENGTH(ident), 1);
    if (dot != -1) return dot == -2 ? -1 : 0;
    return PySet_Contains(k->protected_, cand);
}

static PyObject *S_opens, *S_only, *S_hiding, *S_renaming, *S_base;

/* Resolver.lookup: the declaration a full name denotes, or None (new references). */
static PyObject *c_lookup(Known *k, PyObject *full)
{
    PyObject *a = PyDict_GetItemWithError(k->aliases, full);
    if (!a && PyErr_Occurred()) return NULL;
    if (a) full = a;
    int r = PySet_Contains(k->names, full);
    if (r < 0) return NULL;
    if (r) {
        PyObject *p = PyDict_GetItemWithError(k->parents, full);
        if (!p && PyErr_Occurred()) return NULL;
        p = p ? p : full;
        Py_INCREF(p);
        return pick_variant(k, p);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(full), dot = PyUnicode_FindChar(full, '.', 0, n, -1);
    if (dot == -2) return NULL;
    if (dot > 0) { /* head non-empty */
        PyObject *last = PyUnicode_Substring(full, dot + 1, n);
        if (!last) return NULL;
        int is_auto = PySet_Contains(k->auto_suffixes, last);
        if (is_auto == 0 && str_starts_ascii(last, "eq_") && PyUnicode_GET_LENGTH(last) > 3) {
            is_auto = 1; /* last[3:].isdigit() */
            for (Py_ssize_t i = 3; i < PyUnicode_GET_LENGTH(last); i++)
                if (!Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(last, i))) is_auto = 0;
        }
        Py_DECREF(last);
        if (is_auto < 0) return NULL;
        if (is_auto) {
            PyObject *head = PyUnicode_Substring(full, 0, dot);
            int in = head ? PySet_Contains(k->names, head) : -1;
            if (in > 0) {
                PyObject *p = PyDict_GetItemWithError(k->parents, head);
                if (!p && PyErr_Occurred()) in = -1;
                else {
                    p = p ? p : head;
                    Py_INCREF(p);
                    Py_DECREF(head);
                    return pick_variant(k, p);
                }
            }
            Py_XDECREF(head);
            if (in < 0) return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* a.b with an empty a meaning b (_join) */
static PyObject *join_names(PyObject *a, PyObject *b)
{
    if (!PyUnicode_GET_LENGTH(a)) {
        Py_INCREF(b);
        return b;
    }
    return PyUnicode_FromFormat("%U.%U", a, b);
}

/* Try each prefix of ns (longest first, then "") joined to name; *found gets the first
 * lookup hit accepted (any hit, or a field head when heads_only). 1 found, 0 not, -1 error. */
static int try_prefixes(Known *k, PyObject *ns, PyObject *name, int heads_only, PyObject **found)
{
    Py_ssize_t end = PyUnicode_GET_LENGTH(ns);
    for (;;) {
        PyObject *pre = PyUnicode_Substring(ns, 0, end);
        PyObject *cand = pre ? join_names(pre, name) : NULL;
        Py_XDECREF(pre);
        int skip = cand && end ? protected_skip(k, name, cand) : 0;
        PyObject *hit = cand && skip == 0 ? c_lookup(k, cand) : NULL;
        if (skip > 0) hit = (Py_INCREF(Py_None), Py_None);
        Py_XDECREF(cand);
        if (!hit) return -1;
        if (hit != Py_None) {
            int ok = heads_only ? PySet_Contains(k->field_heads, hit) : 1;
            if (ok < 0) {
                Py_DECREF(hit);
                return -1;
            }
            if (ok) {
                *found = hit;
                return 1;
            }
        }
        Py_DECREF(hit);
        if (end == 0) return 0;
        Py_ssize_t dot = PyUnicode_FindChar(ns, '.', 0, end, -1);
        if (dot == -2) return -1;
        end = dot < 0 ? 0 : dot;
    }
}

/* Resolver.candidates followed by lookup: the first hit for ident at ctx. */
static int first_candidate(Known *k, PyObject *ident, PyObject *ctx, PyObject *decl_ns, int heads_only,
                           PyObject **found)
{
    if (str_starts_ascii(ident, "_root_.")) {
        PyObject *rest = PyUnicode_Substring(ident, 7, PyUnicode_GET_LENGTH(ident));
        PyObject *hit = rest ? c_lookup(k, rest) : NULL;
        Py_XDECREF(rest);
        if (!hit) return -1;
        int ok = hit == Py_None ? 0 : heads_only ? PySet_Contains(k->field_heads, hit) : 1; /* -1: error */
        if (ok > 0) {
            *found = hit;
            return 1;
        }
        Py_DECREF(hit);
        return ok < 0 ? -1 : 0;
    }
    int r = try_prefixes(k, decl_ns, ident, heads_only, found);
    if (r != 0) return r;
    Py_ssize_t n = PyUnicode_GET_LENGTH(ident), dot = PyUnicode_FindChar(ident, '.', 0, n, 1);
    PyObject *first = dot >= 0 ? PyUnicode_Substring(ident, 0, dot) : (Py_INCREF(ident), ident);
    PyObject *opens = first ? PyObject_GetAttr(ctx, S_opens) : NULL;
    PyObject *seq = opens ? PySequence_Fast(opens, "opens must be a sequence") : NULL;
    r = seq ? 0 : -1;
    for (Py_ssize_t i = seq ? PySequence_Fast_GET_SIZE(seq) - 1 : -1; r == 0 && i >= 0; i--) {
        PyObject *o = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *only = PyObject_GetAttr(o, S_only), *hiding = only ? PyObject_GetAttr(o, S_hiding) : NULL;
        PyObject *ren = hiding ? PyObject_GetAttr(o, S_renaming) : NULL;
        PyObject *base = ren ? PyObject_GetAttr(o, S_base) : NULL, *ons = base ? PyObject_GetAttr(o, S_namespace) : NULL;
        PyObject *name = NULL;
        int skip = 0;
        if (!ons || need_str(ons, "an open's namespace") < 0 || need_str(base, "an open's base") < 0) r = -1;
        if (r == 0 && only != Py_None) {
            int c = PySequence_Contains(only, first);
            if (c < 0) r = -1;
            else skip = !c;
        }
        if (r == 0 && !skip) {
            int c = PySequence_Contains(hiding, first);
            if (c < 0) r = -1;
            else skip = c;
        }
        if (r == 0 && !skip) {
            name = ident;
            Py_INCREF(name);
            PyObject *rs = PySequence_Fast(ren, "renaming must be a sequence");
            for (Py_ssize_t j = 0; rs && j < PySequence_Fast_GET_SIZE(rs); j++) {
                PyObject *pair = PySequence_Fast_GET_ITEM(rs, j);
                if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || !PyUnicode_Check(PyTuple_GET_ITEM(pair, 0))) {
                    PyErr_SetString(PyExc_TypeError, "renaming entries must be (old, new)");
                    r = -1;
                    break;
                }
                int eq = PyObject_RichCompareBool(first, PyTuple_GET_ITEM(pair, 1), Py_EQ);
                if (eq < 0) {
                    r = -1;
                    break;
                }
                if (eq) { /* name = old + ident[len(first):] */
                    PyObject *tail = PyUnicode_Substring(ident, PyUnicode_GET_LENGTH(first), n);
                    PyObject *nn = tail ? PyUnicode_Concat(PyTuple_GET_ITEM(pair, 0), tail) : NULL;
                    Py_XDECREF(tail);
                    if (!nn) {
                        r = -1;
                        break;
                    }
                    Py_SETREF(name, nn);
                }
            }
            if (!rs) r = -1;
            Py_XDECREF(rs);
            /* _join(_join(p, namespace), name) for each prefix p of base */
            if (r == 0) {
                Py_ssize_t end = PyUnicode_GET_LENGTH(base);
                for (;;) {
                    PyObject *pre = PyUnicode_Substring(base, 0, end);
                    PyObject *pn = pre ? join_names(pre, ons) : NULL;
                    PyObject *cand = pn ? join_names(pn, name) : NULL;
                    Py_XDECREF(pre);
                    Py_XDECREF(pn);
                    int pskip = cand ? protected_skip(k, ident, cand) : 0;
                    PyObject *hit = cand && pskip == 0 ? c_lookup(k, cand) : NULL;
                    if (pskip > 0) hit = (Py_INCREF(Py_None), Py_None);
                    Py_XDECREF(cand);
                    if (!hit) {
                        r = -1;
                        break;
                    }
                    int ok = hit == Py_None ? 0 : heads_only ? PySet_Contains(k->field_heads, hit) : 1; /* -1: error */
                    if (ok > 0) {
                        *found = hit;
                        r = 1;
                        break;
                    }
                    Py_DECREF(hit);
                    if (ok < 0) {
                        r = -1;
                        break;
                    }
                    if (end == 0) break;
                    Py_ssize_t dot2 = PyUnicode_FindChar(base, '.', 0, end, -1);
                    end = dot2 < 0 ? 0 : dot2;
                }
            }
        }
        Py_XDECREF(name);
        Py_XDECREF(ons);
        Py_XDECREF(base);
        Py_XDECREF(ren);
        Py_XDECREF(hiding);
        Py_XDECREF(only);
    }
    Py_XDECREF(seq);
    Py_XDECREF(opens);
    Py_XDECREF(first);
    return r;
}

/* Resolver.resolve without its memo (the caller memoises): a new reference or None. */
static PyObject *c_resolve(Known *k, PyObject *ident, PyObject *ctx, PyObject *decl_ns, int renames)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(ident), dot = PyUnicode_FindChar(ident, '.', 0, n, -1);
    if (dot == -2) return NULL;
    PyObject *found = NULL;
    int may = renames;
    if (!may) { /* _may_name(last) */
        PyObject *last = PyUnicode_Substring(ident, dot + 1, n);
        if (!last) return NULL;
        may = PySet_Contains(k->lasts, last);
        if (may == 0) may = PySet_Contains(k->auto_suffixes, last);
        if (may == 0 && str_starts_ascii(last, "eq_") && PyUnicode_GET_LENGTH(last) > 3) {
            may = 1;
            for (Py_ssize_t i = 3; i < PyUnicode_GET_LENGTH(last); i++)
                if (!Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(last, i))) may = 0;
        }
        Py_DECREF(last);
        if (may < 0) return NULL;
    }
    if (may) {
        int r = first_candidate(k, ident, ctx, decl_ns, 0, &found);
        if (r < 0) return NULL;
        if (r > 0) return found;
    }
    if (dot > 0) { /* generalized field notation on a constant: `foo_iff.mpr` */
        PyObject *head = PyUnicode_Substring(ident, 0, dot);
        if (!head) return NULL;
        int go = renames;
        if (!go) {
            Py_ssize_t hd = PyUnicode_FindChar(head, '.', 0, dot, -1);
            PyObject *hl = hd == -2 ? NULL : PyUnicode_Substring(head, hd + 1, dot);
            go = hl ? PySet_Contains(k->field_lasts, hl) : -1;
            Py_XDECREF(hl);
        }
        int r = go > 0 ? first_candidate(k, head, ctx, decl_ns, 1, &found) : go;
        Py_DECREF(head);
        if (r < 0) return NULL;
        if (r > 0) return found;
    }
    Py_RETURN_NONE;
}

/* One raw identifier of a declaration: into target, or external. Returns -1 on error. */
static int resolve_ident(Known *k, int renames, PyObject *ident, PyObject *heads, PyObject *ctx, PyObject *ns,
                         PyObject *dname, PyObject *inner, PyObject *lmemo, PyObject *closed, PyObject *decls,
                         PyObject *target, PyObject *external)
{
    if (!PyUnicode_Check(ident)) {
        PyErr_Format(PyExc_TypeError, "a raw name must be a str, not %.100s", Py_TYPE(ident)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(ident);
    if (PyDict_GET_SIZE(heads)) {
        Py_ssize_t dot = PyUnicode_FindChar(ident, '.', 0, n, 1);
        if (dot == -2) return -1;
        if (dot >= 0) {
            PyObject *first = PyUnicode_Substring(ident, 0, dot);
            if (!first) return -1;
            PyObject *htype = PyDict_GetItemWithError(heads, first);
            Py_DECREF(first);
            if (!htype && PyErr_Occurred()) return -1;
            if (htype && need_str(htype, "a binder head") < 0) return -1;
            if (htype) { /* h.field on a binder whose type is known */
                PyObject *rest = PyUnicode_Substring(ident, dot + 1, n), *head = NULL;
                if (rest) {
                    head = PyDict_GetItemWithError(inner, htype);
                    if (head) Py_INCREF(head);
                    else if (!PyErr_Occurred()) {
                        head = c_resolve(k, htype, ctx, ns, renames);
                        if (head && PyDict_SetItem(inner, htype, head) < 0) Py_CLEAR(head);
                    }
                }
                int rc = -1;
                if (head) {
                    int truthy = head == Py_None ? 0 : PyObject_IsTrue(head);
                    if (truthy < 0) {
                        Py_DECREF(head);
                        Py_XDECREF(rest);
                        return -1;
                    }
                    PyObject *full = truthy ? PyUnicode_FromFormat("%U.%U", head, rest) : NULL;
                    PyObject *hit = NULL;
                    if (truthy && full) { /* lookup is context-free: memoised by full name */
                        hit = PyDict_GetItemWithError(lmemo, full);
                        if (hit) Py_INCREF(hit);
                        else if (!PyErr_Occurred()) {
                            k->varied = 0;
                            hit = c_lookup(k, full);
                            /* an answer that depends on the file is not memoised across files */
                            if (hit && !k->varied && PyDict_SetItem(lmemo, full, hit) < 0) Py_CLEAR(hit);
                        }
                    }
                    if (!truthy || hit) {
                        int hit_true = hit && hit != Py_None ? PyObject_IsTrue(hit) : 0;
                        if (hit_true < 0) {
                            rc = -1;
                        } else if (hit_true) {
                            rc = PySet_Add(target, hit);
                        } else if (truthy) {
                            PyObject *hd = PyDict_GetItemWithError(decls, head);
                            PyObject *c = (hd || !PyErr_Occurred()) ? PyObject_CallOneArg(closed, hd ? hd : Py_None) : NULL;
                            if (c) {
                                int yes = PyObject_IsTrue(c);
                                rc = yes < 0 ? -1 : yes ? PySet_Add(external, full) : 0;
                                Py_DECREF(c);
                            }
                        } else {
                            rc = 0;
                        }
                    }
                    Py_XDECREF(hit);
                    Py_XDECREF(full);
                    Py_DECREF(head);
                }
                Py_XDECREF(rest);
                return rc;
            }
        }
    }
    PyObject *hit = PyDict_GetItemWithError(inner, ident);
    if (hit) {
        Py_INCREF(hit);
    } else {
        if (PyErr_Occurred()) return -1;
        hit = c_resolve(k, ident, ctx, ns, renames);
        if (!hit || PyDict_SetItem(inner, ident, hit) < 0) {
            Py_XDECREF(hit);
            return -1;
        }
    }
    int rc = 0;
    if (hit == Py_None) rc = PySet_Add(external, ident);
    else {
        int same = PyObject_RichCompareBool(hit, dname, Py_EQ);
        if (same < 0) rc = -1;
        else if (!same) rc = PySet_Add(target, hit);
    }
    Py_DECREF(hit);
    return rc;
}

/*
 * resolve_refs(files, decls, names, parents, aliases, field_heads, lasts, field_lasts,
 *              auto_suffixes, closed_structure, refs_type, refs, protected, variants, choose,
 *              decl_file, masks)
 *
 * The loop of resolve_project: every kept declaration's raw names resolved into
 * refs[name], with Resolver's lookup rules (c_resolve, c_lookup) and a memo per
 * context keyed by the identifier alone.
 */
static PyObject *py_resolve_refs(PyObject *self, PyObject *args)
{
    PyObject *files, *decls, *closed, *refs;
    PyTypeObject *refs_type;
    Known known;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!O!O!OO!O!O!O!OO!O!", &PyList_Type, &files, &PyDict_Type, &decls,
                          &PySet_Type, &known.names, &PyDict_Type, &known.parents, &PyDict_Type, &known.aliases,
                          &PySet_Type, &known.field_heads, &PySet_Type, &known.lasts, &PySet_Type,
                          &known.field_lasts, &PyFrozenSet_Type, &known.auto_suffixes, &closed, &PyType_Type,
                          &refs_type, &PyDict_Type, &refs, &PySet_Type, &known.protected_, &PyDict_Type,
                          &known.variants, &known.choose, &PyDict_Type, &known.decl_file, &PyList_Type,
                          &known.masks))
        return NULL;
    if (PyList_GET_SIZE(known.masks) != PyList_GET_SIZE(files)) {
        PyErr_SetString(PyExc_ValueError, "one import mask per file");
        return NULL;
    }
    known.cur_file = NULL;
    known.varied = 0;
    PyObject *empty = PyTuple_New(0), *mul = PyLong_FromLong(1000003);
    PyObject *memo2 = PyDict_New(), *lmemo = PyDict_New(); /* (ctx key, ns) -> {ident: hit}; name -> lookup */
    if (!empty || !mul || !memo2 || !lmemo) goto fail0;
    for (Py_ssize_t fi = 0; fi < PyList_GET_SIZE(files); fi++) {
        PyObject *fs = PyList_GET_ITEM(files, fi);
        Py_XSETREF(known.cur_file, PyLong_FromSsize_t(fi));
        if (!known.cur_file) goto fail0;
        known.cur_fi = fi;
        PyObject *fid_raw = PyLong_FromVoidPtr(fs);
        PyObject *fid = fid_raw ? PyNumber_Multiply(fid_raw, mul) : NULL;
        Py_XDECREF(fid_raw);
        PyObject *contexts = fid ? PyObject_GetAttr(fs, S_contexts) : NULL;
        PyObject *dl = contexts ? PyObject_GetAttr(fs, S_decls) : NULL;
        PyObject *last_cidx = NULL, *last_ctx = NULL, *last_ns_of_ctx = NULL, *last_key = NULL;
        int renames = 0;
        int rc = dl && PyList_Check(dl) ? 0 : -1;
        if (dl && rc < 0) PyErr_SetString(PyExc_TypeError, "FileScan.decls must be a list");
        for (Py_ssize_t k = 0; rc == 0 && k < PyList_GET_SIZE(dl); k++) {
            PyObject *d = PyList_GET_ITEM(dl, k);
            PyObject *name = PyObject_GetAttr(d, K_name);
            if (!name) {
                rc = -1;
                break;
            }
            PyObject *owner = PyDict_GetItemWithError(decls, name);
            if (owner != d) {
                Py_DECREF(name);
                if (!owner && PyErr_Occurred()) rc = -1;
                continue;
            }
            PyObject *cidx = PyObject_GetAttr(d, K_ctx);
            PyObject *ctx = NULL, *ctx_ns = NULL, *ns = NULL, *ctx_key = NULL;
            int same_ctx = cidx && last_cidx ? PyObject_RichCompareBool(cidx, last_cidx, Py_EQ) : 0;
            if (same_ctx < 0) Py_CLEAR(cidx); /* the error propagates below */
            if (same_ctx > 0) {
                /* same context as the previous declaration: reuse what it cost */
                ctx = last_ctx, ctx_ns = last_ns_of_ctx, ctx_key = last_key;
                Py_INCREF(ctx), Py_INCREF(ctx_ns), Py_INCREF(ctx_key);
            } else if (cidx) {
                ctx = PyObject_GetItem(contexts, cidx);
                ctx_ns = ctx ? PyObject_GetAttr(ctx, S_namespace) : NULL;
                ctx_key = ctx_ns ? PyNumber_Add(fid, cidx) : NULL;
                if (ctx_key) { /* any(o.renaming for o in ctx.opens) */
                    PyObject *opens = PyObject_GetAttr(ctx, S_opens);
                    PyObject *seq = opens ? PySequence_Fast(opens, "opens must be a sequence") : NULL;
                    renames = 0;
                    for (Py_ssize_t oi = 0; seq && oi < PySequence_Fast_GET_SIZE(seq) && !renames; oi++) {
                        PyObject *ren = PyObject_GetAttr(PySequence_Fast_GET_ITEM(seq, oi), S_renaming);
                        renames = ren ? PyObject_IsTrue(ren) : -1;
                        Py_XDECREF(ren);
                    }
                    if (!seq || renames < 0) Py_CLEAR(ctx_key);
                    Py_XDECREF(seq);
                    Py_XDECREF(opens);
                }
                if (ctx_key) {
                    Py_XSETREF(last_cidx, (Py_INCREF(cidx), cidx));
                    Py_XSETREF(last_ctx, (Py_INCREF(ctx), ctx));
                    Py_XSETREF(last_ns_of_ctx, (Py_INCREF(ctx_ns), ctx_ns));
                    Py_XSETREF(last_key, (Py_INCREF(ctx_key), ctx_key));
                }
            }
            ns = ctx_key ? decl_ns(name, ctx_ns) : NULL;
            if (!ns) Py_CLEAR(ctx_key);
            PyObject *heads = ctx_key ? PyObject_GetAttr(d, K_binder_heads) : NULL;
            PyObject *sets[3] = {NULL, NULL, NULL}, *external = NULL, *inner = NULL;
            if (heads) { /* this context's memo: identifier -> resolution */
                PyObject *ik = PyTuple_Pack(2, ctx_key, ns);
                inner = ik ? PyDict_GetItemWithError(memo2, ik) : NULL;
                if (inner) Py_INCREF(inner);
                else if (ik && !PyErr_Occurred() && (inner = PyDict_New()) && PyDict_SetItem(memo2, ik, inner) < 0)
                    Py_CLEAR(inner);
                Py_XDECREF(ik);
                if (!inner) Py_CLEAR(heads);
            }
            if (heads && PyDict_Check(heads)) {
                external = PySet_New(NULL);
                PyObject *fields[3] = {K_hyp, K_concl, K_proof};
                rc = external ? 0 : -1;
                for (int b = 0; rc == 0 && b < 3; b++) {
                    PyObject *bucket = PyObject_GetAttr(d, fields[b]);
                    sets[b] = PySet_New(NULL);
                    PyObject *it = bucket && sets[b] ? PyObject_GetIter(bucket) : NULL, *ident;
                    if (!it) rc = -1;
                    while (rc == 0 && it && (ident = PyIter_Next(it))) {
                        rc = resolve_ident(&known, renames, ident, heads, ctx, ns, name, inner, lmemo, closed, decls,
                                           sets[b], external);
                        Py_DECREF(ident);
                    }
                    if (PyErr_Occurred()) rc = -1;
                    Py_XDECREF(it);
                    Py_XDECREF(bucket);
                }
                if (rc == 0) {
                    PyObject *c2 = PyNumber_InPlaceSubtract(sets[1], sets[0]);
                    PyObject *p2 = c2 ? PyNumber_InPlaceSubtract(sets[2], sets[0]) : NULL;
                    PyObject *p3 = p2 ? PyNumber_InPlaceSubtract(sets[2], sets[1]) : NULL;
                    rc = p3 ? 0 : -1;
                    Py_XDECREF(c2);
                    Py_XDECREF(p2);
                    Py_XDECREF(p3);
                }
                if (rc == 0) { /* attributes in field order: stored inline, like Refs(...) would */
                    PyObject *obj = PyBaseObject_Type.tp_new(refs_type, empty, NULL);
                    if (!obj || PyObject_SetAttr(obj, K_hyp, sets[0]) < 0 || PyObject_SetAttr(obj, K_concl, sets[1]) < 0 ||
                        PyObject_SetAttr(obj, K_proof, sets[2]) < 0 || PyObject_SetAttr(obj, S_external, external) < 0 ||
                        PyDict_SetItem(refs, name, obj) < 0)
                        rc = -1;
                    Py_XDECREF(obj);
                }
            } else {
                if (heads) PyErr_SetString(PyExc_TypeError, "binder_heads must be a dict");
                rc = -1;
            }
            for (int b = 0; b < 3; b++) Py_XDECREF(sets[b]);
            Py_XDECREF(inner);
            Py_XDECREF(external);
            Py_XDECREF(heads);
            Py_XDECREF(ctx_key);
            Py_XDECREF(ns);
            Py_XDECREF(ctx_ns);
            Py_XDECREF(ctx);
            Py_XDECREF(cidx);
            Py_DECREF(name);
        }
        Py_XDECREF(last_cidx);
        Py_XDECREF(last_ctx);
        Py_XDECREF(last_ns_of_ctx);
        Py_XDECREF(last_key);
        Py_XDECREF(dl);
        Py_XDECREF(contexts);
        Py_XDECREF(fid);
        if (rc < 0) goto fail0;
    }
    Py_DECREF(empty);
    Py_DECREF(mul);
    Py_DECREF(memo2);
    Py_DECREF(lmemo);
    Py_XDECREF(known.cur_file);
    Py_RETURN_NONE;
fail0:
    Py_XDECREF(known.cur_file);
    Py_XDECREF(empty);
    Py_XDECREF(mul);
    Py_XDECREF(memo2);
    Py_XDECREF(lmemo);
    return NULL;
}

static PyObject *S_aliases, *S_path;

/*
 * index_decls(files, decls, decl_file, parents, aliases, duplicates, field_heads)
 *
 * resolve_project's indexing loop: the first declaration of each name wins (later
 * `example@` entries replace earlier ones), subnames point to their parent, and
 * theorem/lemma names are collected as field-notation heads.
 */
static PyObject *py_index_decls(PyObject *self, PyObject *args)
{
    PyObject *files, *decls, *decl_file, *parents, *aliases, *dups, *heads;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!", &PyList_Type, &files, &PyDict_Type, &decls, &PyDict_Type,
                          &decl_file, &PyDict_Type, &parents, &PyDict_Type, &aliases, &PyList_Type, &dups,
                          &PySet_Type, &heads))
        return NULL;
    for (Py_ssize_t fi = 0; fi < PyList_GET_SIZE(files); fi++) {
        PyObject *fs = PyList_GET_ITEM(files, fi);
        PyObject *dl = PyObject_GetAttr(fs, S_decls), *fidx = PyLong_FromSsize_t(fi);
        int rc = dl && fidx && PyList_Check(dl) ? 0 : -1;
        if (rc < 0 && !PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "FileScan.decls must be a list");
        for (Py_ssize_t k = 0; rc == 0 && k < PyList_GET_SIZE(dl); k++) {
            PyObject *d = PyList_GET_ITEM(dl, k);
            PyObject *name = PyObject_GetAttr(d, K_name);
            if (!name || need_str(name, "a declaration name") < 0) {
                Py_XDECREF(name);
                rc = -1;
                break;
            }
            int present = PyDict_Contains(decls, name);
            if (present > 0 && !str_starts_ascii(name, "example@")) {
                PyObject *line = PyObject_GetAttr(d, K_line), *path = line ? PyObject_GetAttr(fs, S_path) : NULL;
                PyObject *t = path ? PyTuple_Pack(3, path, line, name) : NULL;
                if (!t || PyList_Append(dups, t) < 0) rc = -1;
                Py_XDECREF(t);
                Py_XDECREF(path);
                Py_XDECREF(line);
            } else if (present >= 0) {
                PyObject *kind = PyObject_GetAttr(d, K_kind), *subs = kind ? PyObject_GetAttr(d, K_subnames) : NULL;
                if (!subs || PyDict_SetItem(decls, name, d) < 0 || PyDict_SetItem(decl_file, name, fidx) < 0)
                    rc = -1;
                if (rc == 0 && PyUnicode_Check(kind) && (kind_is(kind, "theorem") || kind_is(kind, "lemma")) &&
                    PySet_Add(heads, name) < 0)
                    rc = -1;
                PyObject *it = rc == 0 ? PyObject_GetIter(subs) : NULL, *sub;
                if (rc == 0 && !it) rc = -1;
                while (rc == 0 && (sub = PyIter_Next(it))) {
                    if (PyDict_SetDefault(parents, sub, name) == NULL) rc = -1;
                    Py_DECREF(sub);
                }
                if (PyErr_Occurred()) rc = -1;
                Py_XDECREF(it);
                Py_XDECREF(subs);
                Py_XDECREF(kind);
            } else {
                rc = -1;
            }
            Py_DECREF(name);
        }
        PyObject *al = rc == 0 ? PyObject_GetAttr(fs, S_aliases) : NULL;
        PyObject *it = al ? PyObject_GetIter(al) : NULL, *entry;
        if (rc == 0 && !it) rc = -1;
        while (rc == 0 && (entry = PyIter_Next(it))) {
            if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) < 2 ||
                PyDict_SetItem(aliases, PyTuple_GET_ITEM(entry, 0), PyTuple_GET_ITEM(entry, 1)) < 0) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "aliases must be (alias, target, ctx)");
                rc = -1;
            }
            Py_DECREF(entry);
        }
        if (PyErr_Occurred()) rc = -1;
        Py_XDECREF(it);
        Py_XDECREF(al);
        Py_XDECREF(fidx);
        Py_XDECREF(dl);
        if (rc < 0) return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"clean", py_clean, METH_O, "Blank comments, strings and chars; return (text, docs, problems)."},
    {"check_brackets", py_check_brackets, METH_O, "The first bracket problem: (offset, message) or None."},
    {"command_starts", py_command_starts, METH_VARARGS, "Command starts: [(hstart, kstart, keyword, prefix)]."},
    {"binder_groups", py_binder_groups, METH_VARARGS, "Binder groups: [(names, type_refs, bracket, head)]."},
    {"buffers", py_buffers, METH_VARARGS, "A handle on a file's text and cleaned text, for parse_run."},
    {"parse_run", (PyCFunction)(void (*)(void))parse_run, METH_FASTCALL, "A run of declarations as RawDecls."},
    {"resolve_refs", py_resolve_refs, METH_VARARGS, "resolve_project's loop: raw names to Refs."},
    {"index_decls", py_index_decls, METH_VARARGS, "resolve_project's indexing loop."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cscan", "Native core of axiomdl's static scanner.", -1, methods,
};

PyMODINIT_FUNC PyInit__cscan(void)
{
#define KEY(v, s) \
    if (!(v = PyUnicode_InternFromString(s))) return NULL;
    KEY(K_name, "name");
    KEY(K_kind, "kind");
    KEY(K_line, "line");
    KEY(K_end_line, "end_line");
    KEY(K_ctx, "ctx");
    KEY(K_role, "role");
    KEY(K_doc, "doc");
    KEY(K_meta, "meta");
    KEY(K_statement, "statement");
    KEY(K_hyp, "hyp");
    KEY(K_concl, "concl");
    KEY(K_proof, "proof");
    KEY(K_flags, "flags");
    KEY(K_attrs, "attrs");
    KEY(K_modifiers, "modifiers");
    KEY(K_subnames, "subnames");
    KEY(K_binder_heads, "binder_heads");
    KEY(S_external, "external");
    KEY(S_contexts, "contexts");
    KEY(S_decls, "decls");
    KEY(S_namespace, "namespace");
    KEY(S_aliases, "aliases");
    KEY(S_path, "path");
    KEY(S_opens, "opens");
    KEY(S_only, "only");
    KEY(S_hiding, "hiding");
    KEY(S_renaming, "renaming");
    KEY(S_base, "base");
#undef KEY
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddIntConstant(m, "ABI", CSCAN_ABI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
