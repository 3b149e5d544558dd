namespace Parley.Events;

/// <summary>The kind of dependent a pattern slot looks for, in Universal Dependencies terms.</summary>
public enum SlotRelation
{
    /// <summary><c>obj</c> (in the passive: <c>nsubj:pass</c>).</summary>
    Object,
    /// <summary><c>iobj</c>.</summary>
    IndirectObject,
    /// <summary><c>nsubj</c> (in the passive: the <c>by</c> agent).</summary>
    Subject,
    /// <summary><c>obl</c>, <c>nmod</c>, <c>advcl</c> or <c>acl</c> introduced by a given preposition or subordinator.</summary>
    Prepositional,
    /// <summary><c>xcomp</c>, or a purpose clause with <c>to</c>.</summary>
    OpenComplement,
    /// <summary><c>ccomp</c>.</summary>
    ClausalComplement,
    /// <summary><c>compound:prt</c> (a verb particle: <c>carry out</c>).</summary>
    Particle,
    /// <summary><c>amod</c>, <c>compound</c>, <c>advmod</c> or <c>nummod</c>.</summary>
    Modifier,
    /// <summary><c>nmod:poss</c> (a possessor: <c>Gondor's invasion</c>).</summary>
    Possessor,
    /// <summary>
    /// Any word after the predicate inside its phrase (anywhere in its subtree), as
    /// PETRARCH matches the words that follow a verb.
    /// </summary>
    InPhrase,
    /// <summary>
    /// A word before the predicate anywhere earlier in the sentence (PETRARCH's words before <c>*</c>);
    /// such slots are listed nearest the predicate first and match in that order, backwards.
    /// </summary>
    BeforePredicate,
}
