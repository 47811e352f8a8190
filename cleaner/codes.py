"""Language codes: one spelling for every part of the package, and how to compare codes.

Our spelling is ISO 639-1, lowercase (``en``, ``he``, ``no``), except Chinese, which is told
apart by script: ``zh-Hans`` (Simplified) and ``zh-Hant`` (Traditional), as BCP 47 writes the
script subtags. :func:`canonical` turns other spellings into ours: langdetect's ``zh-cn`` and
``zh-tw``, providers' ``zh-CN``, ``iw`` or ``pt-BR``, three-letter Chinese codes, any case
and ``_`` for ``-``. Region subtags are dropped (``en-GB`` is ``en``), except where they name
a Chinese script (``zh-TW`` is ``zh-Hant``).

Macro-languages: a bare ``zh`` stands for both Chinese scripts (:func:`expand`,
:func:`same_language`); ``nb`` (Norwegian Bokmål) is spelled ``no``, which is what
langdetect's and most providers' Norwegian is; ``nn`` (Nynorsk) stays a language of its own,
so Bokmål to Nynorsk is a translation like any other.

Other tools' spellings, for the code that talks to them: :func:`to_langdetect` (profile
names) and :func:`primary` (the ISO 639-1 code without script, as py3langid and lingua say it).

This module imports nothing from the package: every part can use it.
"""

from __future__ import annotations

__all__ = [
    "UND",
    "canonical",
    "expand",
    "primary",
    "same_language",
    "to_langdetect",
]

#: The code of an undetermined language.
UND = "und"

SIMPLIFIED = "zh-Hans"
TRADITIONAL = "zh-Hant"
# Subtags after "zh" that name a script, or a region that writes one (any case).
CHINESE_SUBTAGS = {
    "hans": SIMPLIFIED, "cn": SIMPLIFIED, "sg": SIMPLIFIED, "my": SIMPLIFIED,
    "hant": TRADITIONAL, "tw": TRADITIONAL, "hk": TRADITIONAL, "mo": TRADITIONAL,
}  # fmt: skip
# Codes for Chinese as a whole: both scripts.
CHINESE = frozenset({"zh", "zho", "chi"})
# Old or alternative codes that detectors and providers still use -> ours.
ALIASES = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi", "nb": "no", "fil": "tl", "mo": "ro"}
# Macro-language codes -> the languages in our spelling that they stand for.
MACROLANGUAGES = {code: (SIMPLIFIED, TRADITIONAL) for code in CHINESE}
# langdetect's profile names where they differ from our codes.
LANGDETECT_NAMES = {SIMPLIFIED: "zh-cn", TRADITIONAL: "zh-tw"}


def canonical(code: str) -> str:
    """Our spelling of ``code``: lowercase ISO 639-1, Chinese by script, old codes renamed.

    A bare Chinese code is Simplified here (what providers mean by it); :func:`expand`
    gives both scripts.

    >>> [canonical(c) for c in ("zh-cn", "zh-TW", "zh_Hant_HK", "zh", "iw", "EN", "pt-BR", "nb")]
    ['zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hans', 'he', 'en', 'pt', 'no']
    """
    subtags = code.strip().replace("_", "-").lower().split("-")
    first = subtags[0]
    if first in CHINESE:
        return next((CHINESE_SUBTAGS[s] for s in subtags[1:] if s in CHINESE_SUBTAGS), SIMPLIFIED)
    return ALIASES.get(first, first)


def expand(code: str) -> tuple[str, ...]:
    """The languages ``code`` stands for, in our spelling: more than one for a macro-language.

    >>> expand("zh"), expand("zh-TW"), expand("iw")
    (('zh-Hans', 'zh-Hant'), ('zh-Hant',), ('he',))
    """
    bare = code.strip().lower()
    return MACROLANGUAGES.get(bare) or (canonical(code),)


def same_language(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` name the same language (Chinese scripts count apart, but a
    bare ``zh`` stands for either).

    >>> same_language("zh-cn", "zh-Hans"), same_language("zh-tw", "zh-cn"), same_language("en", "en-GB")
    (True, False, True)
    >>> same_language("zh", "zh-Hant"), same_language("nb", "no"), same_language("nn", "no")
    (True, True, False)
    """
    return bool(set(expand(a)) & set(expand(b)))


def primary(code: str) -> str:
    """The ISO 639-1 code of ``code`` without a script subtag (``zh`` for both Chinese).

    >>> primary("zh-Hant"), primary("zh-tw"), primary("pt-BR")
    ('zh', 'zh', 'pt')
    """
    return canonical(code).split("-")[0]


def to_langdetect(code: str) -> str:
    """langdetect's name for the language ``code`` (its profile's file name).

    >>> to_langdetect("zh-Hans"), to_langdetect("fr")
    ('zh-cn', 'fr')
    """
    code = canonical(code)
    return LANGDETECT_NAMES.get(code, code)
