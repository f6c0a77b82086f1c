"""Build step beyond pyproject.toml: the fused-word repair compiled by Cython (optional).

reader/joins.py and reader/joins_words.py are copied, unchanged but for a last line
``SOURCE_SHA1 = "<SHA-1 of the source>"``, to build/speedups/article_reader_speedups/ and
compiled there as the package ``article_reader_speedups`` (see reader/speedups.py, which
uses it only while the stamps match the sources).  Without Cython, or when the C compiler
fails, the install goes on without it and the same code runs interpreted.
"""
import hashlib
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
PACKAGE = "article_reader_speedups"
MODULES = ("joins_words", "joins")


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
        copy = ROOT / out / f"{name}.py"
        if not copy.exists() or copy.read_bytes() != stamped:   # (keeps cythonize's cache)
            copy.write_bytes(stamped)
        extensions.append(Extension(f"{PACKAGE}.{name}", [str(out / f"{name}.py")]))
    extensions = cythonize(extensions, quiet=True, compiler_directives={
        "language_level": 3,
        "annotation_typing": False,   # annotations document; they do not turn into C types
        "infer_types": True,          # C types for locals only where the result is the same
    })
    for extension in extensions:
        extension.optional = True     # a compiler error is a warning: the install goes on
    return extensions


setup(ext_modules=speedups())
