namespace Parley.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public void A_parser_checkpoint_in_a_missing_folder_is_refused_before_training()
    {
        var root = Path.Combine(Path.GetTempPath(), "parley-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "corpora", "ud-english-ewt"));
        try
        {
            var checkpoint = Path.Combine(root, "no-such-folder", "parser-v1.bin");
            var result = ParleyProcess.Run(null, "train", "parser", "--data", Path.Combine(root, "corpora"),
                "--out", Path.Combine(root, "out"), "--perceptron", "--beam", "4", "--checkpoint", checkpoint);
            Assert.Equal(2, result.ExitCode); // a usage error: the option is wrong, not the data
            Assert.Contains("E104", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("--checkpoint", result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(root, "out", "parser-v1.bin")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("--non-monotonic", "--root-last")]   // non-monotonic arcs need the root last
    [InlineData("--beam 4", "--perceptron")]         // the neural parser has no beam
    public void Parser_options_that_do_not_go_together_are_refused_before_training(string options, string named)
    {
        var root = Path.Combine(Path.GetTempPath(), "parley-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "corpora", "ud-english-ewt"));
        try
        {
            string[] args = ["train", "parser", "--data", Path.Combine(root, "corpora"), "--out", Path.Combine(root, "out"), .. options.Split(' ')];
            var result = ParleyProcess.Run(null, args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("E104", result.Stderr, StringComparison.Ordinal);
            Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(root, "out", "parser-v1.bin")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
