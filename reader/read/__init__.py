"""Reading: a file's bytes become cleaned article records.

``decode`` (bytes → text) → ``load`` (find article files, pick a parser from
``formats/``) → ``clean`` + ``metadata`` + ``dates`` (the normalisation pipeline that
turns a parser's draft into a frozen :class:`reader.record.Article`)."""
