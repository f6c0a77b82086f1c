"""The repair of words fused where a hard line break was deleted ("toinitiate").

``repair`` follows the greedy line wrap to find the deleted breaks; ``words`` scores
where inside a token a break falls, from the word list in ``resources/``."""
from .repair import split_fused_words

__all__ = ["split_fused_words"]
