"""Reason codes: the stable names of why a line was removed, declared once.

A filter declares the codes it may give (``BlockFilter.reasons``); what the document learns
from removals (captions, credits, authors, related headlines) and what ends an article box
for the body filter are sets of these constants, never strings spelled again.
"""

from __future__ import annotations

__all__ = ["ALL", "AUTHORS", "BOUNDARY", "CAPTIONS", "CREDITS", "RELATED"]

# fix_unicode
EMPTY_AFTER_REPAIR = "empty_after_repair"
# related_promos
PROMO_LEAD_IN = "promo_lead_in"
PROMOTED_HEADLINE = "promoted_headline"
# captions
CAPTION = "caption"  # the first copy of a repeated caption
REPEATED_CAPTION = "repeated_caption"
IMAGE_CREDIT = "image_credit"
CAPTION_WITH_CREDIT = "caption_with_credit"
PULL_QUOTE = "pull_quote"
GALLERY = "gallery"  # a photo gallery's counters, captions and credits
# interface_lines (each is also a vocabulary category)
ADVERTISEMENT = "advertisement"
NAVIGATION = "navigation"
SHARE_PROMPT = "share_prompt"
SUBSCRIPTION_PROMPT = "subscription_prompt"
COOKIE_NOTICE = "cookie_notice"
COMMENT_COUNTER = "comment_counter"
COPYRIGHT_LINE = "copyright_line"
TAG_LIST = "tag_list"
SHOP_BUTTON = "shop_button"  # a shop's or a listing's buttons: no end of the article box
INTERFACE = (ADVERTISEMENT, NAVIGATION, SHARE_PROMPT, SUBSCRIPTION_PROMPT, COOKIE_NOTICE, COMMENT_COUNTER,
             COPYRIGHT_LINE, TAG_LIST, SHOP_BUTTON)
# section_labels
SECTION_LABEL = "section_label"
KICKER = "kicker"
# bylines
BYLINE = "byline"
DATELINE = "dateline"
# author_bio
AUTHOR_BIO = "author_bio"
BIO_LANGUAGE_SWITCH = "bio_language_switch"
AUTHOR_NAME = "author_name"
# duplicate_paragraphs
DUPLICATE_PARAGRAPH = "duplicate_paragraph"
# body_region
BEFORE_BODY = "before_body"
AFTER_BODY = "after_body"
LINK_LIST = "link_list"
# repeated_across_site
REPEATED_ACROSS_SITE = "repeated_across_site"

# What a document learns from its removals (Document.learned).
CAPTIONS = frozenset({REPEATED_CAPTION, CAPTION})
CREDITS = frozenset({IMAGE_CREDIT})
AUTHORS = frozenset({BYLINE, AUTHOR_NAME})
RELATED = frozenset({PROMOTED_HEADLINE, PROMO_LEAD_IN})
# Removed lines that end an article box (ads and captions sit inside articles).
BOUNDARY = frozenset({SHARE_PROMPT, SUBSCRIPTION_PROMPT, COMMENT_COUNTER, COPYRIGHT_LINE, TAG_LIST, COOKIE_NOTICE,
                      AUTHOR_BIO, BIO_LANGUAGE_SWITCH})

# Every code (the registry a filter's declared codes must come from).
ALL = frozenset(value for name, value in list(globals().items()) if name.isupper() and isinstance(value, str))
