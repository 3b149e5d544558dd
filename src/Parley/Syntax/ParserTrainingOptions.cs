namespace Parley.Syntax;

/// <summary>
/// Settings of <see cref="ParserTrainer"/>. The shipped parser is trained with <see cref="Neural"/> set
/// (what <c>parley train parser</c> does) and every other setting at its default; the settings of the
/// feature-weight parser are the defaults it was shipped with.
/// </summary>
public sealed record ParserTrainingOptions
{
    /// <summary>Probability of following the model's own choice instead of the oracle's from the second epoch on.</summary>
    public double Exploration { get; init; } = 0.9;

    /// <summary>Probability of replacing a training word's tag with a random tag, so the parser learns not to trust tags blindly.</summary>
    public double TagNoise { get; init; }

    /// <summary>Lifted-label decorations (<c>obj|xcomp</c>) seen fewer times than this are dropped, keeping only the lift.</summary>
    public int MinDecoratedCount { get; init; } = 5;

    /// <summary>Stop when dev LAS has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Averaged weights smaller than this in magnitude are left out of the model scored on dev after each epoch.</summary>
    public float PruneThreshold { get; init; } = 1e-3f;

    /// <summary>
    /// Weights smaller than this in magnitude are dropped from the chosen model before it is returned
    /// and saved: the model gets smaller and faster for a negligible loss (measured on EWT dev).
    /// </summary>
    public float FinalPruneThreshold { get; init; } = 1f;

    /// <summary>
    /// Beam width: 1 trains the greedy parser with the dynamic oracle; more trains a beam parser
    /// globally (max-violation updates against the static gold sequence), stored in the model as the
    /// width it parses with.
    /// </summary>
    public int BeamWidth { get; init; } = 1;

    /// <summary>
    /// Puts the artificial root after the last word instead of before the first (see
    /// <see cref="ArcEagerState.RootLast"/>); stored in the model, which parses the same way.
    /// </summary>
    public bool RootLast { get; init; }

    /// <summary>
    /// Lets a left arc replace the head a right arc gave (see <see cref="ArcEagerState.NonMonotonic"/>);
    /// needs <see cref="RootLast"/>. Stored in the model.
    /// </summary>
    public bool NonMonotonic { get; init; }

    /// <summary>
    /// Trains the neural parser (<see cref="ParserNetwork"/>: embeddings, bidirectional LSTM layers and a
    /// hidden layer scoring transitions) instead of the feature-weight perceptron. Greedy only; one seed.
    /// </summary>
    public bool Neural { get; init; }

    /// <summary>Bidirectional LSTM layers of the neural parser (1 or 2; the shipped parser has one).</summary>
    public int NeuralLayers { get; init; } = 1;

    /// <summary>Units of each LSTM direction of the neural parser (its word vectors have twice as many).</summary>
    public int NeuralLayerSize { get; init; } = 64;

    /// <summary>
    /// Units of each direction of the neural parser's second LSTM layer (0: as many as the first). Half
    /// the first keeps the second layer cheap: the transitions are scored from its narrower vectors.
    /// </summary>
    public int NeuralSecondLayerSize { get; init; } = 32;

    /// <summary>Share of training words whose tag the neural parser does not see, so it learns not to trust tags blindly.</summary>
    public float NeuralTagDropout { get; init; } = 0.1f;

    /// <summary>
    /// The neural parser never gives a word a relation its tag never has in the training trees (stored
    /// in the model; see <see cref="ParserNetwork.AllowedLabels"/>).
    /// </summary>
    public bool NeuralLabelsByTag { get; init; } = true;

    /// <summary>Units of the neural parser's hidden layer that scores transitions.</summary>
    public int NeuralHiddenSize { get; init; } = 64;

    // The two options as the model stores them (non-monotonic only with the root last).
    internal ParserTransitions Transitions =>
        !RootLast ? ParserTransitions.None : NonMonotonic ? ParserTransitions.RootLast | ParserTransitions.NonMonotonic : ParserTransitions.RootLast;

    /// <summary>
    /// Number of training runs, with seeds seed, seed + 1, …, each choosing its epochs on dev; the
    /// model is the mean of their weights (an ensemble at the cost of one model), pruned after the
    /// mean is taken. 1 trains a single parser.
    /// </summary>
    public int Seeds { get; init; } = 1;

    /// <summary>
    /// When set, every epoch that improves dev LAS writes the model chosen so far (pruned as the final
    /// one is) to this file, so a long run stopped early still leaves the model a run of that many
    /// epochs would have returned.
    /// </summary>
    public string? CheckpointPath { get; init; }
}
