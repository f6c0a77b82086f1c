# C types for the compiled build of reader/joins.py (setup.py, Cython's "augmenting .pxd"):
# the hot functions become cpdef (direct C calls inside the module) with C-typed
# arguments and locals: Py_ssize_t offsets, double scores, str tokens.  Only types whose
# results equal the interpreted ones: offsets never overflow, doubles round as Python
# floats do (setup.py turns off fused multiply-add).  tests/test_speedups.py compares the
# two builds.  The .py file is unchanged by this and runs as it is without a build.
import cython

@cython.locals(i=Py_ssize_t, s=Py_ssize_t, t=Py_ssize_t, base=Py_ssize_t, t_lo=Py_ssize_t, t_hi=Py_ssize_t,
               off=Py_ssize_t, p=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, llr=double, sc=double, tok=str)
cpdef void _expand(dict nxt, double score, Py_ssize_t pos, Py_ssize_t lo, Py_ssize_t hi, breaks,
                   Py_ssize_t first, Py_ssize_t last, bint free, str para, Py_ssize_t n)

@cython.locals(n=Py_ssize_t, resyncs=Py_ssize_t, lines=Py_ssize_t, score=double, pos=Py_ssize_t,
               lo=Py_ssize_t, hi=Py_ssize_t, t=Py_ssize_t, ended=bint, nxt=dict, done=list)
cpdef list _chains(str para, Py_ssize_t w_lo, Py_ssize_t w_hi, Py_ssize_t beam=*, bint shifted=*)
