# C types for the compiled build of reader/joins_words.py (setup.py, Cython's "augmenting .pxd"):
# the hot functions become cpdef (direct C calls inside the module) with C-typed
# arguments and locals: Py_ssize_t offsets, double scores, str tokens.  Only types whose
# results equal the interpreted ones: offsets never overflow, doubles round as Python
# floats do (setup.py turns off fused multiply-add).  tests/test_speedups.py compares the
# two builds.  The .py file is unchanged by this and runs as it is without a build.
import cython

@cython.locals(n=Py_ssize_t, stop=Py_ssize_t)
cpdef void _run_splits(str run, Py_ssize_t offset, list ks, list ss, Py_ssize_t upto=*)

@cython.locals(n=Py_ssize_t, k=Py_ssize_t, llr=double, unknown=list, lefts=list, rights=list)
cpdef void _all_splits(str run, str low, double whole, Py_ssize_t stop, bint mixed, Py_ssize_t offset, list ks, list ss)

@cython.locals(mark=Py_ssize_t, k=Py_ssize_t, best=double, llr=double, base=double, per=double)
cpdef bint _known_suffix_splits(str low, double whole, Py_ssize_t stop, Py_ssize_t offset, list ks, list ss)

cpdef double _case(str run, Py_ssize_t k, str a, str b)

cpdef tuple split_candidates(str tok, bint quote_open=*)

cpdef tuple split_candidates_upto(str tok, bint quote_open, Py_ssize_t upto)

@cython.locals(n=Py_ssize_t, stop=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, start=Py_ssize_t, j=Py_ssize_t, seen=Py_ssize_t, i=Py_ssize_t, k=Py_ssize_t, ks=list, ss=list)
cpdef tuple _analyse(str tok, bint quote_open, Py_ssize_t upto)

@cython.locals(n=Py_ssize_t, stop=Py_ssize_t, m=Py_ssize_t, k=Py_ssize_t, whole=double, best=double, llr=double, cut=double, unknown=list, rights=list, found=list, ks=list, ss=list)
cpdef tuple _unknown_word(str tok, str low, Py_ssize_t upto)

cpdef list _unknown_costs(Py_ssize_t n)

@cython.locals(cut=double)
cpdef tuple _near_best(ks, ss)

@cython.locals(a=Py_UCS4, b=Py_UCS4, left=str, right=str, q=bint)
cpdef object _score(str tok, Py_ssize_t i, bint quote_open)

@cython.locals(j=Py_ssize_t, k=Py_ssize_t, joined=double, llr=double, a=Py_UCS4, b=Py_UCS4)
cpdef void _apostrophe_splits(str run, str low, Py_ssize_t offset, list ks, list ss)

cpdef double _cost_low(str w)

cpdef double _unknown(str w)

@cython.locals(n=Py_ssize_t, cut=Py_ssize_t, k=Py_ssize_t, unknown=list)
cpdef list _part_costs(str low, Py_ssize_t stop, bint left)
