using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

/// <summary>Small hand-written treebank for the parser tests.</summary>
internal static class ParserSamples
{
    // ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC. The third sentence is non-projective:
    // "on the issue" modifies "hearing" across "is scheduled".
    public const string Conllu = """
        # sent_id = s1
        1	The	the	DET	DT	_	2	det	_	_
        2	minister	minister	NOUN	NN	_	3	nsubj	_	_
        3	visited	visit	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	border	border	NOUN	NN	_	3	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = s2
        1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
        2	attacked	attack	VERB	VBD	_	0	root	_	_
        3	a	a	DET	DT	_	4	det	_	_
        4	convoy	convoy	NOUN	NN	_	2	obj	_	_
        5	near	near	ADP	IN	_	7	case	_	_
        6	the	the	DET	DT	_	7	det	_	_
        7	capital	capital	NOUN	NN	_	2	obl	_	_
        8	on	on	ADP	IN	_	9	case	_	_
        9	Monday	Monday	PROPN	NNP	_	2	obl	_	SpaceAfter=No
        10	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = s3
        1	A	a	DET	DT	_	2	det	_	_
        2	hearing	hearing	NOUN	NN	_	4	nsubj:pass	_	_
        3	is	be	AUX	VBZ	_	4	aux:pass	_	_
        4	scheduled	schedule	VERB	VBN	_	0	root	_	_
        5	on	on	ADP	IN	_	7	case	_	_
        6	the	the	DET	DT	_	7	det	_	_
        7	issue	issue	NOUN	NN	_	2	nmod	_	_
        8	today	today	NOUN	NN	_	4	obl:tmod	_	SpaceAfter=No
        9	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = s4
        1	The	the	DET	DT	_	2	det	_	_
        2	talks	talk	NOUN	NNS	_	4	nsubj:pass	_	_
        3	were	be	AUX	VBD	_	4	aux:pass	_	_
        4	hosted	host	VERB	VBN	_	0	root	_	_
        5	by	by	ADP	IN	_	6	case	_	_
        6	Qatar	Qatar	PROPN	NNP	_	4	obl:agent	_	_
        7	and	and	CCONJ	CC	_	8	cc	_	_
        8	ended	end	VERB	VBD	_	4	conj	_	_
        9	without	without	ADP	IN	_	11	case	_	_
        10	a	a	DET	DT	_	11	det	_	_
        11	deal	deal	NOUN	NN	_	8	obl	_	SpaceAfter=No
        12	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = s5
        1	She	she	PRON	PRP	_	2	nsubj	_	_
        2	said	say	VERB	VBD	_	0	root	_	_
        3	the	the	DET	DT	_	4	det	_	_
        4	army	army	NOUN	NN	_	5	nsubj	_	_
        5	wanted	want	VERB	VBD	_	2	ccomp	_	_
        6	to	to	PART	TO	_	7	mark	_	_
        7	leave	leave	VERB	VB	_	5	xcomp	_	SpaceAfter=No
        8	.	.	PUNCT	.	_	2	punct	_	_


        """;

    public static List<ConlluSentence> Sentences() => [.. ConlluReader.Read(new StringReader(Conllu))];

    public static ParserModel Train(int epochs = 8, int seed = 7, bool rootLast = false, bool nonMonotonic = false)
    {
        var sentences = Sentences();
        // Five sentences: keep the one lifted decoration, and keep every weight (a model this small has
        // only small ones).
        var options = new ParserTrainingOptions { MinDecoratedCount = 1, FinalPruneThreshold = 0, RootLast = rootLast, NonMonotonic = nonMonotonic };
        return ParserTrainer.Train(sentences, sentences, epochs, seed, TextWriter.Null, options);
    }

    /// <summary>The heads of every sample tree (position 0 unused, 0 = root), lifted to projective ones.</summary>
    public static IEnumerable<int[]> LiftedHeads()
    {
        foreach (var sentence in Sentences())
        {
            var n = sentence.Words.Count;
            var heads = new int[n + 1];
            var labels = new string[n + 1];
            labels[0] = "";
            for (var i = 0; i < n; i++)
            {
                heads[i + 1] = sentence.Words[i].Head;
                labels[i + 1] = sentence.Words[i].Relation;
            }
            ProjectiveLifting.Lift(heads, labels, n, decorate: false);
            yield return heads;
        }
    }

    /// <summary>Parses the sample sentences with their gold tags; returns the scores and the parsed document.</summary>
    public static (ParserEvaluation Evaluation, Document Document) ParseSamples(ParserModel model)
    {
        var sentences = Sentences();
        var document = ConlluDocuments.ToDocument("samples", sentences);
        ParserEvaluation.FillGoldTags(document, sentences);
        model.Parse(document);
        var evaluation = new ParserEvaluation();
        evaluation.Add(document, sentences);
        return (evaluation, document);
    }

    public static byte[] Bytes(ParserModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Every sentence has one root, heads stay inside their sentence, and following heads always reaches the root.</summary>
    public static List<string> TreeViolations(Document document)
    {
        var problems = new List<string>();
        var analyses = document.Analyses;
        foreach (var sentence in document.Sentences)
        {
            var roots = 0;
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var head = analyses[i].Head;
                if (string.IsNullOrEmpty(analyses[i].Relation))
                {
                    problems.Add($"token {i} has no relation");
                }
                if (head == -1)
                {
                    roots++;
                    if (analyses[i].Relation != "root")
                    {
                        problems.Add($"root token {i} is labelled {analyses[i].Relation}");
                    }
                    continue;
                }
                if (head < sentence.FirstToken || head >= sentence.EndToken || head == i)
                {
                    problems.Add($"token {i} has head {head} outside its sentence");
                    continue;
                }
                var a = i;
                for (var steps = 0; a != -1; steps++)
                {
                    if (steps > sentence.TokenCount)
                    {
                        problems.Add($"token {i} is on a cycle");
                        break;
                    }
                    a = analyses[a].Head;
                    if (a != -1 && (a < sentence.FirstToken || a >= sentence.EndToken))
                    {
                        break;
                    }
                }
            }
            if (sentence.TokenCount > 0 && roots != 1)
            {
                problems.Add($"sentence at token {sentence.FirstToken} has {roots} roots");
            }
        }
        return problems;
    }
}
