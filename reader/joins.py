"""Repair of words fused where a hard line break was deleted (placeholder: issue 3)."""


def split_fused_words(text: str) -> str:
    return text
