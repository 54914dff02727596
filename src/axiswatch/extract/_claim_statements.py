"""Two claim families about what states do, stated without a date.

- **hedged**: a hypothesis, an allegation or a report ("China might provide dual-use goods to
  Russia", "claims that China ran police stations abroad", "according to RUSI ..."). The claim
  is the statement under the cue: its subject and object actors, a predicate from its verb.
- **transfer**: who gives, sells or ships what to whom ("the weapons provided by Korea",
  "Russian arms exports to China"), when what is transferred is checkable (arms or trade).

A statement whose verb is (or sits under) the trigger of a dated event already coded from the
sentence is an event, not a claim, unless it is hedged as a hypothesis.
"""

from __future__ import annotations

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import Cue, find_cues, status_of
from axiswatch.extract._claim_predicates import (
    argument_words,
    goods_of,
    predicate_for,
    semantic_verb,
)
from axiswatch.extract._claim_sentence import (
    SUBJECT_DEPS,
    VERBAL,
    ClaimSentence,
    Draft,
    clause_head,
    clause_tokens,
    phrase,
    without_clauses,
)
from axiswatch.extract._claim_words import checkable_for, claim_words, snake, third_person

_RELATIVE = frozenset({"which", "that", "who", "whom"})
_EXPLETIVE = frozenset({"it", "this", "that", "there", "which", "what"})


def code_or_list(codes: list[str]) -> str | list[str] | None:
    """One code as itself, several as a list, none as None."""
    if not codes:
        return None
    return codes[0] if len(codes) == 1 else list(codes)


# --- hedged statements -----------------------------------------------------------------------


def _statement_verb(cue: Cue, cs: ClaimSentence) -> Token:
    """The verb a cue hedges; a relative clause with no actor of its own gives its main clause."""
    verb = cue.anchor if cue.anchor.pos_ in VERBAL else clause_head(cue.anchor)
    relative = any(c.dep_ in SUBJECT_DEPS and c.lower_ in _RELATIVE for c in verb.children)
    if verb.dep_ in {"relcl", "acl"} and relative and not cs.actors_in(without_clauses(verb)):
        verb = clause_head(verb.head)
    return verb


def _subject(verb: Token, cs: ClaimSentence) -> tuple[list[str], str | None]:
    """Subject actors of a verb (climbing "to" complements), else a description of it."""
    node = verb
    for _ in range(4):
        found = cs.subject_actors(node)
        if found:
            return found, None
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ in {"relcl", "acl"}:
                antecedent = cs.actors_in(without_clauses(node.head))
                return antecedent, None if antecedent else phrase(without_clauses(node.head))
            if subj.lower_ in _EXPLETIVE or subj.pos_ == "PRON":
                return [], None
            return [], phrase(without_clauses(subj), max_words=8) or None
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "accused China of supplying"
            governor = node.head.head
            if governor.lemma_.lower() in claim_words().allege_verbs:
                deps = {"dobj", "nsubjpass"}
                found = [
                    a for c in governor.children if c.dep_ in deps for a in cs.actors_in(c.subtree)
                ]
                return found, None
            node = governor
            continue
        if node.dep_ not in {"xcomp", "advcl", "conj", "acomp"} or node.head.i == node.i:
            break
        node = node.head
    return [], None


def _object_tokens(verb: Token, cs: ClaimSentence, subject: list[str]) -> list[Token]:
    """Tokens of actors in the verb's clause that are not its subject, one per actor."""
    out: list[Token] = []
    seen = set(subject)
    for tok in without_clauses(verb):
        code = cs.actor(tok)
        if not code or code in seen or tok.dep_ in SUBJECT_DEPS:
            continue
        if tok.dep_ != "compound" or tok.head.i not in cs.actors:  # one token per name
            seen.add(code)
            out.append(tok)
    return out


def _hedged(cue: Cue, cs: ClaimSentence) -> Draft | None:
    verb = _statement_verb(cue, cs)
    subject, description = _subject(verb, cs)
    objects = _object_tokens(verb, cs, subject)
    rule = f"hedge_{cue.kind}:{cue.token.lower_}"
    if not subject and description is None and objects:
        subject, objects, rule = cs.actors_in(objects), [], rule + "+subject_from_object"
    if not subject and not objects:
        return None
    head = semantic_verb(verb)
    predicate = predicate_for(verb, cs, objects[0] if objects else None)
    if cue.kind == "modifier" and cue.token.lower_ not in predicate:
        predicate = snake(cue.token.lower_, predicate)
    words = [*predicate.split("_"), *argument_words(head, cs)]
    return Draft(
        subject=code_or_list(subject) if subject else description,
        predicate=predicate,
        object=code_or_list(cs.actors_in(objects)),
        time=cs.time_of(clause_tokens(verb)),
        epistemic=cue.epistemic,
        checkable_against=checkable_for(words),
        rule=rule,
        anchor=head.i,
        family="hedged",
    )


def hedged_claims(cs: ClaimSentence) -> list[Draft]:
    """Claims of the hedged statements of a sentence, one per hedged verb."""
    drafts: list[Draft] = []
    anchors: set[int] = set()
    for cue in find_cues(cs.sent):
        draft = _hedged(cue, cs)
        if draft is None or draft.anchor is None or draft.anchor in anchors:
            continue
        anchor = cs.sent.doc[draft.anchor]
        dated = cs.date_in(clause_tokens(anchor)) is not None
        if draft.epistemic != "hypothetical" and (dated or cs.is_event(anchor)):
            continue  # an alleged or reported dated act is an event
        anchors.add(draft.anchor)
        drafts.append(draft)
    return drafts


# --- transfers -------------------------------------------------------------------------------


def _actors_under(tok: Token, cs: ClaimSentence) -> list[str]:
    return cs.actors_in(without_clauses(tok))


def _transfer_parties(verb: Token, cs: ClaimSentence) -> tuple[list[str], list[str], list[str]]:
    """(supplier, recipient, origin) actors of a transfer verb."""
    supplier: list[str] = []
    recipient: list[str] = []
    origin: list[str] = []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (
        verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN"
    )
    for child in verb.children:
        if child.dep_ == "agent":
            supplier += [a for g in child.children for a in _actors_under(g, cs)]
        elif child.dep_ == "prep":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            found = [a for g in objs for a in _actors_under(g, cs)]
            if child.lower_ in {"to", "for", "into"}:
                recipient += found
            elif child.lower_ == "from":
                origin += found
        elif child.dep_ == "dative" or (child.dep_ == "dobj" and cs.actor(child)):
            recipient += _actors_under(child, cs)
        elif child.dep_ == "advmod":  # "back to Russia"
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    recipient += [a for g in prep.children for a in _actors_under(g, cs)]
    if not passive:
        supplier, _ = _subject(verb, cs)
    goods = goods_of(verb, cs)
    if goods is not None:
        origin += [cs.actors[c.i] for c in goods.children if c.dep_ == "amod" and c.i in cs.actors]
    return supplier, recipient, origin


def _transfer(verb: Token, cs: ClaimSentence) -> Draft | None:
    words = claim_words()
    lemma = verb.lemma_.lower()
    supplier, recipient, origin = _transfer_parties(verb, cs)
    if not supplier and not origin:
        return None
    if lemma in words.receiving_verbs:
        subject, other, prep = supplier, [*origin], "from"
    else:
        subject = supplier or origin
        other = [a for a in recipient if a not in subject]
        prep = "to"
        if not other:
            other, prep = [a for a in origin if a not in subject], "from"
    if not other:  # the one other state of the sentence is the other side
        rest = [a for a in cs.actors_in(cs.sent) if a not in subject]
        other = rest if len(rest) == 1 else []
        prep = "from" if lemma in words.receiving_verbs else "to"
    goods = goods_of(verb, cs)
    checkable = checkable_for([lemma, *argument_words(verb, cs, depth=0)])
    if checkable in {"none", "borders", "un_votes"} or not subject:
        return None
    noun = [goods.lower_] if goods is not None and goods.lower_ not in _RELATIVE else []
    if goods is not None and goods.lower_ in _RELATIVE:
        noun = [goods.head.lower_]
    elif goods is not None and goods.head.lower_ == "for" and goods.head.head.i == verb.i:
        noun = ["for", *noun]  # "pay for the weapons"
    predicate = snake(third_person(lemma), *noun, prep if other else None)
    status, _ = status_of(verb, cs.sent)
    return Draft(
        subject=code_or_list(subject),
        predicate=predicate,
        object=code_or_list(other),
        time=cs.time_of(clause_tokens(verb)),
        epistemic=status,
        checkable_against=checkable,
        rule=f"transfer_verb:{lemma}",
        anchor=verb.i,
        family="transfer",
    )


def _trade_noun(noun: Token, cs: ClaimSentence) -> Draft | None:
    """ "Russian arms exports to China", "the Sino-Russian trade", "trade between A and B"."""
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    holders = cs.actors_in(t for c in mods for t in c.subtree)
    between = [
        a
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"between", "with", "to", "from"}
        for g in c.children
        for a in _actors_under(g, cs)
    ]
    if not holders and not between:
        return None
    verb = clause_head(noun)
    lemma = noun.lemma_.lower()
    goods = [c.lower_ for c in mods if c.i not in cs.actors and c.pos_ == "NOUN"]
    if lemma in {"trade", "turnover", "commerce"}:
        subject = [*holders, *(a for a in between if a not in holders)]
        if len(subject) < 2:
            return None
        obj = None
        tail = predicate_for(verb, cs, None) if noun.dep_ in SUBJECT_DEPS else None
        predicate = snake("bilateral", lemma, tail)
    else:
        subject = holders or between[:1]
        obj = [a for a in between if a not in subject] or None
        predicate = snake(noun.lower_, *goods, "to" if obj else None)
    status, _ = status_of(noun, cs.sent)
    return Draft(
        subject=code_or_list(subject),
        predicate=predicate,
        object=code_or_list(obj) if obj else None,
        time=cs.time_of(clause_tokens(noun)),
        epistemic=status,
        checkable_against=checkable_for([lemma, *goods]),
        rule=f"transfer_noun:{lemma}",
        anchor=verb.i if noun.dep_ in SUBJECT_DEPS else noun.i,
        family="transfer",
    )


def transfer_claims(cs: ClaimSentence, taken: set[int]) -> list[Draft]:
    """Claims of undated transfers of arms or goods; ``taken``: verbs a hedged claim holds."""
    words = claim_words()
    drafts: list[Draft] = []
    for tok in cs.sent:
        draft = None
        if tok.pos_ == "VERB" and tok.lemma_.lower() in words.transfer_verbs:
            if tok.i in taken or semantic_verb(tok).i in taken:
                continue
            if any(c.dep_ == "prt" for c in tok.children):  # "give up", "send back"
                continue
            draft = _transfer(tok, cs)
        elif tok.pos_ == "NOUN" and tok.lower_ in words.transfer_nouns:
            draft = _trade_noun(tok, cs)
        if draft is not None and not cs.is_event(tok):
            drafts.append(draft)
    return drafts


# --- plain statements ------------------------------------------------------------------------


_OWN_RULES = frozenset({"borders", "un_votes", "vetoes"})  # kinds only their own rules give
_CLAUSE_SUBJECTS = frozenset({"there", "this", "that", "these", "those", "it"})
_SAID = frozenset({"attr", "acomp", "dobj", "nsubj", "nsubjpass"})  # what the clause is about


def _stands_for_the_clause(verb: Token) -> bool:
    """Whether the subject names no one itself: "there", a demonstrative, an expletive "it"
    (a personal pronoun such as "they" or "I" names someone, and is not guessed)."""
    said = next((c for c in verb.children if c.dep_ in {*SUBJECT_DEPS, "expl"}), None)
    return said is not None and said.lower_ in _CLAUSE_SUBJECTS


def statement_claims(cs: ClaimSentence) -> list[Draft]:
    """The sentence's main assertion about a named actor, when no other rule found one.

    The root verb (or a verb conjoined to it) whose subject is an actor, or whose clause names
    an actor and has a subject phrase: "East Germany was an important source of cooperation
    for the DPRK", "Russia helps to magnify China's global reach". A verb that is the trigger
    of a coded event is left to the events (the guide does not repeat acts as claims).
    """
    root = cs.sent.root
    if root.pos_ not in VERBAL:  # "August 1992: China establishes ...": the first clause
        root = next(
            (
                t
                for t in cs.sent
                if t.pos_ in VERBAL and any(c.dep_ in SUBJECT_DEPS for c in t.children)
            ),
            root,
        )
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in VERBAL)]
    verbs += [
        t
        for t in cs.sent
        if t.dep_ in {"ccomp", "advcl", "relcl"}
        and t.pos_ in VERBAL
        and any(c.dep_ in SUBJECT_DEPS and cs.actor(c) for c in t.children)
    ]
    drafts: list[Draft] = []
    for verb in verbs:
        if verb.pos_ not in VERBAL or verb.i in cs.used or cs.is_event(verb):
            continue
        subject, description = _subject(verb, cs)
        if not subject:  # "the two countries have fought three wars"
            said = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            subject = cs.pair_named_before(said.subtree) if said is not None else []
            description = None if subject else description
        objects = _object_tokens(verb, cs, subject)
        rule = "statement"
        if not subject and description is None and _stands_for_the_clause(verb):
            # "This is evidence of a deepening relationship between Russia and North Korea",
            # "there have been 10 meetings between the two countries": the clause's actors
            said = [t for c in verb.children if c.dep_ in _SAID for t in without_clauses(c)]
            subject = cs.actors_in(said) or cs.pair_named_before(said)
            objects, rule = [], "statement+subject_from_clause"
        if not subject and (description is None or not objects):
            continue
        head = semantic_verb(verb)
        predicate = predicate_for(verb, cs, objects[0] if objects else None)
        status, _ = status_of(head, cs.sent)
        words = [*predicate.split("_"), *argument_words(head, cs)]
        kind = checkable_for(words)
        drafts.append(
            Draft(
                subject=code_or_list(subject) if subject else description,
                predicate=predicate,
                object=code_or_list(cs.actors_in(objects)),
                time=cs.time_of(clause_tokens(verb)),
                epistemic=status,
                checkable_against="none" if kind in _OWN_RULES else kind,
                rule=rule,
                anchor=head.i,
                family="statement",
            )
        )
    return drafts
