"""Porter stemmer, as NLTK's PorterStemmer() in its default NLTK_EXTENSIONS mode.

rouge-score stems with `nltk.stem.porter.PorterStemmer()`, so reproducing its
scores needs the same departures from Porter (1980): an irregular-forms table,
words of length <= 2 left alone, 'ies'/'ied' -> 'ie' for 4-letter words, the
'alli' rule applied first in step 2, 'bli' -> 'ble', 'fulli' -> 'ful',
'logi' -> 'log' measured with the 'l' kept in the stem, and the (*c and not c)
condition for y -> i.

Usage:
    from scripts.precis_eval.porter import stem
    stem("relational")  # -> "relat"
"""

_VOWELS = frozenset("aeiou")

# NLTK_EXTENSIONS irregular forms: surface form -> stem, bypassing the rules.
_IRREGULAR = {
    "skies": "sky", "sky": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "news": "news", "innings": "inning", "inning": "inning", "outings": "outing",
    "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
    "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}


def _is_consonant(word, i):
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return True if i == 0 else not _is_consonant(word, i - 1)
    return True


def _measure(stem):
    """Porter's m: the number of VC sequences in [C](VC){m}[V]."""
    seq = "".join("c" if _is_consonant(stem, i) else "v" for i in range(len(stem)))
    return seq.count("vc")


def _positive_measure(stem):
    return _measure(stem) > 0


def _measure_gt_1(stem):
    return _measure(stem) > 1


def _contains_vowel(stem):
    return any(not _is_consonant(stem, i) for i in range(len(stem)))


def _ends_double_consonant(word):
    return len(word) >= 2 and word[-1] == word[-2] and _is_consonant(word, len(word) - 1)


def _ends_cvc(word):
    # NLTK extension: a 2-letter vowel-consonant stem also counts as *o.
    return (len(word) >= 3 and _is_consonant(word, len(word) - 3)
            and not _is_consonant(word, len(word) - 2)
            and _is_consonant(word, len(word) - 1)
            and word[-1] not in ("w", "x", "y")) or (
        len(word) == 2 and not _is_consonant(word, 0) and _is_consonant(word, 1))


def _apply_rules(word, rules):
    """Apply the first rule whose suffix matches; stop there even if its condition fails."""
    for suffix, replacement, condition in rules:
        if suffix == "*d":
            if _ends_double_consonant(word):
                stem = word[:-2]
                return stem + replacement if condition is None or condition(stem) else word
            continue
        if word.endswith(suffix):
            stem = word[:len(word) - len(suffix)]
            return stem + replacement if condition is None or condition(stem) else word
    return word


def _step1a(word):
    if word.endswith("ies") and len(word) == 4:
        return word[:-3] + "ie"
    return _apply_rules(word, [("sses", "ss", None), ("ies", "i", None),
                               ("ss", "ss", None), ("s", "", None)])


def _step1b(word):
    if word.endswith("ied"):
        return word[:-3] + ("ie" if len(word) == 4 else "i")
    if word.endswith("eed"):
        stem = word[:-3]
        return stem + "ee" if _measure(stem) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix):
            inter = word[:-len(suffix)]
            if _contains_vowel(inter):
                break
    else:
        return word
    last = inter[-1]
    return _apply_rules(inter, [
        ("at", "ate", None), ("bl", "ble", None), ("iz", "ize", None),
        ("*d", last, lambda stem: last not in ("l", "s", "z")),
        ("", "e", lambda stem: _measure(stem) == 1 and _ends_cvc(stem)),
    ])


def _step1c(word):
    return _apply_rules(word, [
        ("y", "i", lambda stem: len(stem) > 1 and _is_consonant(stem, len(stem) - 1))])


def _step2(word):
    if word.endswith("alli") and _positive_measure(word[:-4]):
        return _step2(word[:-4] + "al")
    p = _positive_measure
    return _apply_rules(word, [
        ("ational", "ate", p), ("tional", "tion", p), ("enci", "ence", p),
        ("anci", "ance", p), ("izer", "ize", p), ("bli", "ble", p), ("alli", "al", p),
        ("entli", "ent", p), ("eli", "e", p), ("ousli", "ous", p), ("ization", "ize", p),
        ("ation", "ate", p), ("ator", "ate", p), ("alism", "al", p), ("iveness", "ive", p),
        ("fulness", "ful", p), ("ousness", "ous", p), ("aliti", "al", p),
        ("iviti", "ive", p), ("biliti", "ble", p), ("fulli", "ful", p),
        ("logi", "log", lambda stem: _positive_measure(word[:-3])),
    ])


def _step3(word):
    p = _positive_measure
    return _apply_rules(word, [
        ("icate", "ic", p), ("ative", "", p), ("alize", "al", p), ("iciti", "ic", p),
        ("ical", "ic", p), ("ful", "", p), ("ness", "", p),
    ])


def _step4(word):
    g = _measure_gt_1
    return _apply_rules(word, [
        ("al", "", g), ("ance", "", g), ("ence", "", g), ("er", "", g), ("ic", "", g),
        ("able", "", g), ("ible", "", g), ("ant", "", g), ("ement", "", g),
        ("ment", "", g), ("ent", "", g),
        ("ion", "", lambda stem: _measure(stem) > 1 and stem[-1] in ("s", "t")),
        ("ou", "", g), ("ism", "", g), ("ate", "", g), ("iti", "", g), ("ous", "", g),
        ("ive", "", g), ("ize", "", g),
    ])


def _step5a(word):
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _ends_cvc(stem)):
            return stem
    return word


def _step5b(word):
    return _apply_rules(word, [("ll", "l", lambda stem: _measure(word[:-1]) > 1)])


def stem(word):
    """Stem one lowercase word exactly as NLTK's PorterStemmer().stem(word)."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2:
        return word
    for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5a, _step5b):
        word = step(word)
    return word
