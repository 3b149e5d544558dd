using System.Numerics;
using Parley.Learning;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserNetworkTests
{
    private static readonly Lazy<ParserModel> Model = new(() => Train(layers: 2));

    private static ParserModel Train(int layers, int epochs = 30, int seed = 3, int top = 0, float tagDropout = 0)
    {
        var sentences = ParserSamples.Sentences();
        // Forty copies of the five samples: enough optimiser steps per epoch for a network to fit them.
        var train = Enumerable.Repeat(sentences, 40).SelectMany(s => s).ToList();
        var options = new ParserTrainingOptions
        {
            Neural = true, NeuralLayers = layers, NeuralLayerSize = 16, NeuralHiddenSize = 16, MinDecoratedCount = 1,
            NeuralSecondLayerSize = top, NeuralTagDropout = tagDropout,
        };
        return ParserTrainer.Train(train, sentences, epochs, seed, TextWriter.Null, options);
    }

    private static float[] Random(int n, Random random)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }
        return values;
    }

    [Fact]
    public void The_matrix_products_agree_with_the_plain_sums()
    {
        var random = new Random(5);
        // Shapes that exercise the 4 × 2 blocks, their leftovers and a column count off the vector width.
        foreach (var (m, n, k) in new[] { (9, 7, 16), (4, 2, 8), (3, 5, 13), (26, 44, 32) })
        {
            var a = Random(m * k + 3, random);
            var b = Random(n * k, random);
            var bias = Random(n, random);
            var c = new float[m * n];
            DenseMath.MultiplyTransposed(a, 3, k, m, b, 0, k, n, k, c, n, bias);
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var expected = (double)bias[j];
                    for (var q = 0; q < k; q++)
                    {
                        expected += a[3 + i * k + q] * b[j * k + q];
                    }
                    Assert.Equal(expected, c[i * n + j], 4);
                }
            }
        }
        foreach (var (k, n) in new[] { (16, 64), (5, 40), (3, 11) })
        {
            var x = Random(k, random);
            var t = Random(k * n, random);
            var y = Random(n, random);
            var expected = (float[])y.Clone();
            for (var j = 0; j < n; j++)
            {
                for (var q = 0; q < k; q++)
                {
                    expected[j] += x[q] * t[q * n + j];
                }
            }
            DenseMath.MultiplyAddTransposed(x, t, k, n, y);
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(expected[j], y[j], 4);
            }
        }
    }

    [Fact]
    public void The_exponential_and_the_activations_are_accurate_to_single_precision_needs()
    {
        for (var v = -30.0; v < 30.0; v += 0.37)
        {
            var e = DenseMath.Exp(new Vector<float>((float)v))[0];
            Assert.True(Math.Abs(e - Math.Exp(v)) <= 1e-5 * Math.Exp(v), $"exp({v}) = {e}");
        }
        Assert.Equal(0f, DenseMath.Exp(new Vector<float>(-200f))[0]);
        var values = Enumerable.Range(-40, 81).Select(i => i * 0.5f).ToArray();
        var tanh = (float[])values.Clone();
        var sigmoid = (float[])values.Clone();
        DenseMath.Tanh(tanh);
        DenseMath.Sigmoid(sigmoid);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(Math.Tanh(values[i]), tanh[i], 5);
            Assert.Equal(1 / (1 + Math.Exp(-values[i])), sigmoid[i], 5);
        }
    }

    [Fact]
    public void Backpropagation_matches_the_finite_difference_gradient_of_the_margin()
    {
        foreach (var (layers, top) in new[] { (1, 0), (2, 0), (2, 4) })
        {
            CheckGradient(layers, top);
        }
    }

    private static void CheckGradient(int layers, int top)
    {
        var random = new Random(11);
        string[] words = [ParserNetworkTrainer.Unknown, "she", "saw", "him"];
        string[] suffixes = [ParserNetworkTrainer.Unknown, "^she", "^saw", "^him"];
        string[] tags = [ParserNetworkTrainer.Unknown, "PRP", "VBD"];
        const int labels = 3;
        var network = ParserNetwork.Create(words, suffixes, tags, 2 + 2 * labels, layers, 8, 8, random, top);
        // Larger weights than at the start of training, so every part carries a gradient worth measuring.
        foreach (var parameter in network.Parameters)
        {
            for (var i = 0; i < parameter.Values.Length; i++)
            {
                parameter.Values[i] = (float)(random.NextDouble() - 0.5);
            }
        }
        network.Refresh();
        var scratch = new ParserNetworkScratch();
        var state = new ArcEagerState();
        (string Form, string Tag)[] sentence = [("She", "PRP"), ("saw", "VBD"), ("him", "PRP")];
        // The configuration after a shift: "She" on the stack, "saw" first in the buffer.
        const int good = ArcEagerState.Shift, bad = 2 + 1;
        var scores = new float[network.Actions];
        double Margin()
        {
            network.Refresh();
            state.Reset(3, labels, 2);
            network.Begin(scratch, 3);
            for (var i = 0; i < 3; i++)
            {
                network.SetWord(scratch, i + 1, sentence[i].Form, sentence[i].Tag);
                scratch.WordFrequency[i + 1] = 1_000_000;
            }
            // Dropout off: the training pass without its noise.
            network.Encode(scratch, 3, new Random(1));
            state.Apply(ArcEagerState.Shift);
            network.Score(scratch, state, scores);
            return (double)scores[bad] - scores[good];
        }
        Margin();
        network.AddMarginGradient(scratch, good, bad);
        network.Backpropagate(scratch);
        var checkedCount = 0;
        foreach (var parameter in network.Parameters)
        {
            var gradient = (float[])parameter.Gradient.Clone();
            for (var probe = 0; probe < 4; probe++)
            {
                var i = random.Next(parameter.Values.Length);
                var saved = parameter.Values[i];
                const float step = 1e-2f;
                parameter.Values[i] = saved + step;
                var up = Margin();
                parameter.Values[i] = saved - step;
                var down = Margin();
                parameter.Values[i] = saved;
                var numeric = (up - down) / (2 * step);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 2e-2 * Math.Max(1, Math.Abs(numeric)),
                    $"{layers} layer(s), parameter {Array.IndexOf(network.Parameters, parameter)} [{i}]: backpropagated {gradient[i]}, numeric {numeric}");
                checkedCount += numeric != 0 ? 1 : 0;
            }
        }
        Assert.True(checkedCount > 20, $"only {checkedCount} probed weights had a gradient");
    }

    [Fact]
    public void A_neural_parser_fits_the_sample_treebank_and_parses_the_same_after_saving()
    {
        var model = Model.Value;
        Assert.True(model.IsNeural);
        var (evaluation, document) = ParserSamples.ParseSamples(model);
        Assert.Equal(100.0, evaluation.Uas);
        Assert.Equal(100.0, evaluation.FullLas);
        Assert.Empty(ParserSamples.TreeViolations(document));

        var bytes = ParserSamples.Bytes(model);
        using var stream = new MemoryStream(bytes);
        var loaded = ParserModel.Load(stream);
        Assert.True(loaded.IsNeural);
        Assert.Equal(bytes, ParserSamples.Bytes(loaded));
        var (again, reparsed) = ParserSamples.ParseSamples(loaded);
        Assert.Equal(evaluation.Uas, again.Uas);
        Assert.Equal(document.Analyses.Select(a => (a.Head, a.Relation)), reparsed.Analyses.Select(a => (a.Head, a.Relation)));
    }

    [Fact]
    public void Networks_of_one_layer_and_of_a_narrower_second_layer_with_hidden_tags_also_fit_the_samples()
    {
        Assert.Equal(100.0, ParserSamples.ParseSamples(Train(layers: 1)).Evaluation.Uas);
        var narrow = Train(layers: 2, top: 8, tagDropout: 0.1f);
        Assert.Equal(100.0, ParserSamples.ParseSamples(narrow).Evaluation.Uas);
        Assert.Equal(8, narrow.Network!.TopSize);
        Assert.Equal(ParserSamples.Bytes(narrow), ParserSamples.Bytes(ParserModel.Load(new MemoryStream(ParserSamples.Bytes(narrow)))));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        Assert.Equal(ParserSamples.Bytes(Train(layers: 2, epochs: 3)), ParserSamples.Bytes(Train(layers: 2, epochs: 3)));
    }

    [Fact]
    public void The_word_tables_of_parsing_give_the_vectors_the_training_pass_computes()
    {
        var model = Model.Value;
        var network = model.Network!;
        var sentence = ParserSamples.Sentences()[0].Words;
        var parse = new ParserNetworkScratch();
        var train = new ParserNetworkScratch();
        network.Begin(parse, sentence.Count);
        network.Begin(train, sentence.Count);
        for (var i = 0; i < sentence.Count; i++)
        {
            network.SetWord(parse, i + 1, sentence[i].Form, sentence[i].Xpos);
            network.SetWord(train, i + 1, sentence[i].Form, sentence[i].Xpos);
            train.WordFrequency[i + 1] = 1_000_000;
        }
        network.Encode(parse, sentence.Count);
        network.Encode(train, sentence.Count, new Random(1));
        var size = (sentence.Count + 2) * ParserNetwork.Slots * network.HiddenSize;
        for (var k = 0; k < size; k++)
        {
            Assert.Equal(train.Projections[k], parse.Projections[k], 4);
        }
    }

    [Fact]
    public void A_word_never_gets_a_relation_its_tag_never_has_in_training()
    {
        var model = Model.Value;
        var network = model.Network!;
        var learned = network.AllowedLabels!;
        var labels = model.Labels.Count;
        var det = model.Labels.ToList().IndexOf("det");
        // In the samples a determiner only ever heads nothing and takes "det".
        Assert.True(learned.Where((allowed, i) => i % labels == det && allowed).Any());
        // Allow only "punct" and "root" for every tag: the parse must keep to them.
        var punct = model.Labels.ToList().IndexOf("punct");
        var root = model.Labels.ToList().IndexOf("root");
        var strict = new bool[learned.Length];
        for (var i = 0; i < strict.Length; i++)
        {
            strict[i] = i % labels == punct || i % labels == root;
        }
        network.AllowedLabels = strict;
        try
        {
            var (_, document) = ParserSamples.ParseSamples(model);
            Assert.All(document.Analyses, a => Assert.Contains(a.Relation, new[] { "punct", "root" }));
            using var stream = new MemoryStream(ParserSamples.Bytes(model));
            Assert.Equal(strict, ParserModel.Load(stream).Network!.AllowedLabels);
        }
        finally
        {
            network.AllowedLabels = learned;
        }
    }

    [Fact]
    public void Neural_models_refuse_a_beam_and_averaging()
    {
        var model = Model.Value;
        Assert.Same(model, model.WithBeamWidth(1));
        Assert.Throws<NotSupportedException>(() => model.WithBeamWidth(4));
        Assert.Throws<ArgumentException>(() => ParserModel.Average([model, model]));
        Assert.Same(model, model.Prune(1));
    }

    [Fact]
    public void A_damaged_network_is_refused_with_a_clear_message()
    {
        var bytes = ParserSamples.Bytes(Model.Value);
        var cut = bytes[..(bytes.Length - 40)];
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(new MemoryStream(cut)));
        var wrong = (byte[])bytes.Clone();
        // The network's magic number follows the header and the labels; corrupt the first byte after the labels.
        var labels = Model.Value.Labels;
        var offset = 8 + 4 + 1 + 4 + labels.Sum(l => 1 + System.Text.Encoding.UTF8.GetByteCount(l));
        wrong[offset] ^= 0xFF;
        var error = Assert.Throws<InvalidDataException>(() => ParserModel.Load(new MemoryStream(wrong)));
        Assert.Contains("parser network", error.Message, StringComparison.Ordinal);
    }
}
