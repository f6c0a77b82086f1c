"""Build step beyond pyproject.toml: the fused-word repair compiled by Cython (optional).

reader/joins.py and reader/joins_words.py are copied, unchanged but for a last line
``SOURCE_SHA1 = "<digest>"`` (reader/speedups.py: SHA-1 of the source and its .pxd), to
build/speedups/article_reader_speedups/, and compiled there as the package
``article_reader_speedups``; reader/speedups.py uses it only while the stamps match the
files beside it.  reader/joins.pxd and joins_words.pxd, copied too, give C types to the
hot functions' arguments and locals (Cython's "augmenting .pxd": the .py files stay plain
Python and run as such uncompiled).  Without Cython, when Cython or the C compiler fails,
or for an editable install, the install goes on without it: the same code runs
interpreted.
"""
import importlib.util
import os
import sys
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
os.chdir(ROOT)                  # (paths below are relative to the project, as pip runs it)


def _speedups_module():
    """reader/speedups.py, loaded by path (importing the reader package is not needed)."""
    spec = importlib.util.spec_from_file_location("_reader_speedups", ROOT / "reader" / "speedups.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPEEDUPS = _speedups_module()
PACKAGE, MODULES = SPEEDUPS.PACKAGE, SPEEDUPS.MODULES


# Python never fuses a*b+c into one rounding; C compilers may (clang by default, gcc on
# ARM): typed float arithmetic must round as the interpreted code does.  (MSVC ignores it.)
FLOAT_AS_PYTHON = ["-ffp-contract=off"]


def speedups() -> list:
    if {"editable_wheel", "develop"} & set(sys.argv[1:]):
        # an editable install is for changing the sources, which a build would not follow
        print("article-reader: editable install: the fused-word repair runs interpreted")
        return []
    try:
        from Cython.Build import cythonize
        from Cython.Compiler.Errors import CompileError
    except ImportError:
        print("article-reader: Cython is not installed; the fused-word repair runs interpreted")
        return []
    out = Path("build", "speedups", PACKAGE)
    (ROOT / out).mkdir(parents=True, exist_ok=True)
    extensions = []
    for name in MODULES:
        source = (ROOT / "reader" / f"{name}.py").read_bytes()
        stamp = SPEEDUPS.digest(ROOT / "reader", name)
        stamped = source + b'\n\nSOURCE_SHA1 = "%s"\n' % stamp.encode()
        (ROOT / out / f"{name}.py").write_bytes(stamped)
        declarations = ROOT / "reader" / f"{name}.pxd"   # C types for the hot locals
        if declarations.exists():
            (ROOT / out / f"{name}.pxd").write_bytes(declarations.read_bytes())
        extensions.append(Extension(f"{PACKAGE}.{name}", [str(out / f"{name}.py")],
                                    extra_compile_args=FLOAT_AS_PYTHON))
    # (force: the C files are regenerated each build, never left from other sources)
    # (include_path: where a .pxd is found under its module's full name)
    try:
        extensions = cythonize(extensions, quiet=True, force=True, include_path=[str(out.parent)],
                               compiler_directives={
            "language_level": 3,
            "annotation_typing": False,   # annotations document; they do not turn into C types
            "infer_types": True,          # C types for locals only where the result is the same
        })
    except CompileError as error:         # e.g. a .pxd that no longer matches its .py
        print(f"article-reader: Cython could not compile the fused-word repair ({error}); "
              "it runs interpreted")
        return []
    for extension in extensions:
        extension.optional = True     # a compiler error is a warning: the install goes on
    return extensions


setup(ext_modules=speedups())
