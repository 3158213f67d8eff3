"""Run the institution and official finders on one text, for the class tests of tests/nlp."""
from nlp.institutions import find_institutions
from nlp.officials import find_officials
from nlp.sentences import split_sentences


def run(text):
    """(officials by name, institutions by canonical name) of `text`."""
    sents = split_sentences(text)
    insts = find_institutions(text, sents)
    offs = {o.name: o for o in find_officials(text, sents, insts)}
    return offs, {i.name: i for i in insts}


def names_of(inst):
    return {inst.name.lower()} | {a.lower() for a in inst.aliases}


def has_institution(insts, name):
    return any(name.lower() in names_of(i) for i in insts.values())
