"""Build step beyond pyproject.toml: the fused-word repair compiled by Cython (optional).

reader/joins.py and reader/joins_words.py are copied, unchanged but for a last line
``SOURCE_SHA1 = "<SHA-1 of the source>"``, to build/speedups/article_reader_speedups/ and
compiled there as the package ``article_reader_speedups`` (see reader/speedups.py, which
uses it only while the stamps match the sources).  reader/joins.pxd and joins_words.pxd,
copied beside them, give C types to the hot functions' arguments and locals (Cython's
"augmenting .pxd": the .py files stay plain Python, and run as such uncompiled).  Without Cython, or when the C compiler
fails, the install goes on without it and the same code runs interpreted.
"""
import hashlib
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
PACKAGE = "article_reader_speedups"
MODULES = ("joins_words", "joins")


# Python never fuses a*b+c into one rounding; C compilers may (clang by default, gcc on
# ARM): typed float arithmetic must round as the interpreted code does.  (MSVC ignores it.)
FLOAT_AS_PYTHON = ["-ffp-contract=off"]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def speedups() -> list:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("article-reader: Cython is not installed; the fused-word repair runs interpreted")
        return []
    out = Path("build", "speedups", PACKAGE)
    (ROOT / out).mkdir(parents=True, exist_ok=True)
    extensions = []
    for name in MODULES:
        source = (ROOT / "reader" / f"{name}.py").read_bytes()
        stamped = source + b'\n\nSOURCE_SHA1 = "%s"\n' % hashlib.sha1(source).hexdigest().encode()
        _write(ROOT / out / f"{name}.py", stamped)
        declarations = ROOT / "reader" / f"{name}.pxd"   # C types for the hot locals
        if declarations.exists():
            _write(ROOT / out / f"{name}.pxd", declarations.read_bytes())
        extensions.append(Extension(f"{PACKAGE}.{name}", [str(out / f"{name}.py")],
                                    extra_compile_args=FLOAT_AS_PYTHON))
    # (force: the C files are regenerated each build, never left from other sources)
    # (include_path: where a .pxd is found under its module's full name)
    extensions = cythonize(extensions, quiet=True, force=True, include_path=[str(out.parent)],
                           compiler_directives={
        "language_level": 3,
        "annotation_typing": False,   # annotations document; they do not turn into C types
        "infer_types": True,          # C types for locals only where the result is the same
    })
    for extension in extensions:
        extension.optional = True     # a compiler error is a warning: the install goes on
    return extensions


setup(ext_modules=speedups())
