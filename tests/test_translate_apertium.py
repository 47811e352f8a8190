"""A real translation engine: Apertium (spa-eng) behind apertium-apy on 127.0.0.1.

APy answers ``/translate?q=...&langpair=es|en`` in MyMemory's shape, so deep-translator's
MyMemoryTranslator talks to it unchanged. ``.ci/setup.d/apertium.sh`` starts it and sets
``CLEANER_APERTIUM_URL``; without it this test skips, unless ``CLEANER_REQUIRE_APERTIUM=1``
(set by CI), in which case the missing service is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cleaner
from cleaner.document import Language
from cleaner.translation import Translate

RAW_ARTICLE = """Sevilla

Publicidad

El Ayuntamiento aprueba un presupuesto récord para el transporte público

El Ayuntamiento de Sevilla aprobó ayer el presupuesto municipal para el próximo año. \
La mayor partida se destina al transporte público, con nuevas líneas de autobús y más frecuencias en el metro.

La alcaldesa explicó que la ciudad necesita reducir el tráfico en el centro histórico. \
Según los datos municipales, más de cien mil personas usan el autobús cada día.

Los vecinos de los barrios del norte reclaman desde hace años una conexión directa con el hospital. \
El nuevo plan incluye esa línea, que empezará a funcionar en septiembre.
"""


@pytest.fixture(scope="module")
def apertium_url() -> str:
    url = os.environ.get("CLEANER_APERTIUM_URL")
    if not url:
        if os.environ.get("CLEANER_REQUIRE_APERTIUM") == "1":
            pytest.fail(
                "CLEANER_REQUIRE_APERTIUM=1 but CLEANER_APERTIUM_URL is not set: see .ci/setup.d/apertium.sh"
            )
        pytest.skip("no Apertium APy server (set CLEANER_APERTIUM_URL, see .ci/setup.d/apertium.sh)")
    return url


pytestmark = pytest.mark.usefixtures("no_proxy")


def test_cleaned_spanish_article_is_translated_to_english(apertium_url: str, tmp_path: Path) -> None:
    doc = cleaner.clean(RAW_ARTICLE, id="sevilla")
    doc = doc.replace(language=Language("es", 0.99))  # the detector is tested elsewhere
    step = Translate("en", provider="apertium", url=apertium_url, cache=tmp_path / "c.sqlite3", timeout=30.0)

    result = step(doc)
    translation = result.translation
    assert translation is not None
    assert translation.status == "ok", translation.message
    assert translation.text is not None and translation.source == "es"
    english = translation.text

    # Real English came back, paragraph for paragraph and line for line.
    assert english.count("\n") == doc.text.count("\n")
    assert len(english.split("\n\n")) == len(doc.text.split("\n\n"))
    lowered = english.lower()
    for word in ("the", "council", "seville", "public transport", "bus", "hospital", "september"):
        assert word in lowered, word
    for spanish_only in ("ayuntamiento", "autobús", "septiembre", " los ", " del "):
        assert spanish_only not in lowered, spanish_only
    assert "*" not in english  # unknown words are not marked
    assert result.text == doc.text  # the original stays

    # Second run: everything from the cache, no request.
    again = step(doc).translation
    assert again is not None
    assert (again.text, again.requests, again.cached_chunks) == (english, 0, translation.chunks)


def test_missing_language_pair_is_a_recorded_failure(apertium_url: str) -> None:
    step = Translate("en", provider="apertium", url=apertium_url, cache=False, retries=0, timeout=30.0)
    doc = cleaner.clean("Ein kurzer deutscher Satz über das Wetter in Berlin.").replace(
        language=Language("de", 0.99)
    )
    translation = step(doc).translation
    assert translation is not None
    assert (translation.status, translation.reason) == ("failed", "bad_request")


def test_several_articles_at_once(apertium_url: str) -> None:
    texts = [
        "El tren llegó tarde a la estación.\n\nLos viajeros esperaron una hora.",
        "La biblioteca abre los domingos.\n\nEl horario cambia en verano.",
        "El río creció durante la noche.\n\nLa carretera está cerrada.",
    ]
    docs = [cleaner.clean(t).replace(language=Language("es", 0.99)) for t in texts]
    step = Translate("en", provider="apertium", url=apertium_url, cache=False, max_in_flight=3, timeout=30.0)
    out = list(step.many(docs))
    english = [d.translation.text for d in out if d.translation is not None and d.translation.status == "ok"]
    assert len(english) == 3
    for source, text in zip(docs, english):
        assert text is not None and len(text.split("\n\n")) == len(source.text.split("\n\n"))
    assert "train" in english[0].lower() and "library" in english[1].lower() and "river" in english[2].lower()
