"""The providers as data: deep-translator classes by name, their request limits, language
codes and credentials. Nothing here makes a request (see :mod:`cleaner.translation.client`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from cleaner.codes import canonical as canonical_code
from cleaner.translation.chunks import ChunkLimits

__all__ = [
    "PROVIDERS",
    "SECRET_OPTIONS",
    "UNSUPPORTED_PROVIDERS",
    "Provider",
    "credentials_from",
]


@dataclass(frozen=True, slots=True)
class Provider:
    """How to drive one deep-translator class.

    Args:
        name: our name for it (``--translator NAME``).
        module: the deep-translator module holding ``class_name``.
        limits: the largest request, counted the way the service fails.
        url_attribute: set the custom endpoint on this attribute (``None``: pass it as the
            constructor's ``custom_url``).
        credentials: ``(constructor keyword, environment variables, required)`` triples.
        codes: our code (:mod:`cleaner.codes`) -> the provider's, where they differ.
        url_params: extra query parameters (Apertium's ``markUnknown``).
        needs_url: the provider has no public endpoint (Apertium APy).
        origin: a hard-coded origin deep-translator also calls (Microsoft's language list),
            moved to ``url``'s origin when a custom endpoint is set.
        call_options: credentials passed to ``translate()`` rather than the constructor.
        separator: what joins the lines packed into one request; the answer must keep it
            (checked: an answer that does not split back is asked again line by line).
    """

    name: str
    module: str
    class_name: str
    limits: ChunkLimits
    url_attribute: str | None = "_base_url"
    credentials: tuple[tuple[str, tuple[str, ...], bool], ...] = ()
    codes: Mapping[str, str] = field(default_factory=dict)
    url_params: Mapping[str, str] = field(default_factory=dict)
    needs_url: bool = False
    origin: str | None = None
    call_options: tuple[str, ...] = ()
    separator: str = "\n\n"

    def code(self, language: str) -> str | None:
        """The provider's code for ``language``, or ``None`` if it does not have one.

        >>> PROVIDERS["google"].code("zh-cn"), PROVIDERS["google"].code("he"), PROVIDERS["mymemory"].code("es")
        ('zh-CN', 'iw', 'es-ES')
        """
        canonical = canonical_code(language)
        code = self.codes.get(canonical, canonical)
        supported = supported_codes(self.name)
        if supported is None or code in supported:
            return code
        base = code.split("-")[0]
        if base in supported:
            return base
        regional = [c for c in supported if c.split("-")[0].lower() == base]  # mymemory: es-ES, en-GB
        for candidate in (f"{base}-{base.upper()}", *regional):
            if candidate in regional:
                return candidate
        return None


def _codes(attribute: str) -> tuple[str, ...]:
    from deep_translator import constants

    return tuple(dict.fromkeys(getattr(constants, attribute).values()))


_GOOGLE = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "he": "iw", "jv": "jw"}
_BAIDU = {
    "zh-Hans": "zh", "zh-Hant": "cht", "ja": "jp", "ko": "kor", "fr": "fra", "es": "spa", "ar": "ara",
    "bg": "bul", "da": "dan", "et": "est", "fi": "fin", "sl": "slo", "sv": "swe", "vi": "vie",
}  # fmt: skip

# Limits: deep-translator refuses ``len(text) >= max``; Google and MyMemory fail on long
# URLs first for non-Latin text (a CJK character is 9 URL bytes: ~1,800 of them break
# Google's ~16 kB URL), so both counts are kept under what fails, with a margin. Baidu's
# standard plan takes 1,000 characters a request (6,000 on the paid plans).
_SPECS: tuple[Provider, ...] = (
    Provider("google", "deep_translator.google", "GoogleTranslator", ChunkLimits(4999, 14000), codes=_GOOGLE),
    Provider(
        "libre", "deep_translator.libre", "LibreTranslator", ChunkLimits(2000, 3500),
        url_attribute=None, credentials=(("api_key", ("LIBRE_API_KEY",), False),),
        codes={"zh-Hans": "zh", "zh-Hant": "zt"},
    ),
    Provider("mymemory", "deep_translator.mymemory", "MyMemoryTranslator", ChunkLimits(499, 4000),
             codes={"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}),
    Provider(
        "apertium", "deep_translator.mymemory", "MyMemoryTranslator", ChunkLimits(499, 4000),
        codes={"zh-Hans": "zh", "zh-Hant": "zh"}, url_params={"markUnknown": "no", "format": "txt"},
        needs_url=True,
    ),
    Provider(
        "microsoft", "deep_translator.microsoft", "MicrosoftTranslator", ChunkLimits(10000),
        credentials=(("api_key", ("MICROSOFT_API_KEY",), True), ("region", ("MICROSOFT_REGION",), False)),
        origin="https://api.cognitive.microsofttranslator.com",
    ),
    Provider(
        "deepl", "deep_translator.deepl", "DeeplTranslator", ChunkLimits(4000, 12000),
        credentials=(("api_key", ("DEEPL_API_KEY",), True),), codes={"zh-Hans": "zh", "zh-Hant": "zh"},
    ),
    Provider(
        "yandex", "deep_translator.yandex", "YandexTranslator", ChunkLimits(9999),
        credentials=(("api_key", ("YANDEX_API_KEY",), True),), codes={"zh-Hans": "zh", "zh-Hant": "zh"},
    ),
    Provider(
        "qcri", "deep_translator.qcri", "QcriTranslator", ChunkLimits(2000, 6000),
        credentials=(("api_key", ("QCRI_API_KEY",), True), ("domain", ("QCRI_DOMAIN",), True)),
        call_options=("domain",),
    ),
    Provider(
        "baidu", "deep_translator.baidu", "BaiduTranslator", ChunkLimits(1000, 6000),
        credentials=(("appid", ("BAIDU_APPID",), True), ("appkey", ("BAIDU_APPKEY",), True)), codes=_BAIDU,
    ),
    Provider(
        "papago", "deep_translator.papago", "PapagoTranslator", ChunkLimits(4999),
        credentials=(("client_id", ("PAPAGO_CLIENT_ID",), True), ("secret_key", ("PAPAGO_SECRET_KEY",), True)),
        codes={"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"},
    ),
)  # fmt: skip
PROVIDERS: dict[str, Provider] = {p.name: p for p in _SPECS}

# deep-translator has these too, but they cannot translate an article safely.
UNSUPPORTED_PROVIDERS = {
    "linguee": "a dictionary for single words (50 characters), not a translator",
    "pons": "a dictionary for single words (50 characters), not a translator",
    "chatgpt": "calls the pre-1.0 openai client outside requests, so no timeout can be set",
}


# Credential keywords that are secrets: accepted from the API or the environment only
# (never as a command-line value, which other users can read in the process list).
SECRET_OPTIONS = frozenset({"api_key", "appid", "appkey", "client_id", "secret_key"})


@functools.cache
def supported_codes(name: str) -> tuple[str, ...] | None:
    """The codes deep-translator lists for provider ``name`` (``None``: the server decides;
    LibreTranslate servers and Apertium installs differ, Microsoft's list is fetched live).
    """
    tables = {
        "google": "GOOGLE_LANGUAGES_TO_CODES",
        "mymemory": "MY_MEMORY_LANGUAGES_TO_CODES",
        "deepl": "DEEPL_LANGUAGE_TO_CODE",
        "baidu": "BAIDU_LANGUAGE_TO_CODE",
    }
    return _codes(tables[name]) if name in tables else None


def credentials_from(provider: Provider, given: Mapping[str, str | None]) -> dict[str, str]:
    """The provider's credentials from ``given`` or the environment; raises if one is missing."""
    out: dict[str, str] = {}
    for keyword, env_names, required in provider.credentials:
        value = given.get(keyword)
        for env_name in env_names:
            if value:
                break
            value = os.environ.get(env_name)
        if value:
            out[keyword] = value
        elif required:
            names = " or ".join(env_names)
            raise ValueError(f"translator {provider.name!r} needs {keyword}: pass it or set {names}")
    return out
