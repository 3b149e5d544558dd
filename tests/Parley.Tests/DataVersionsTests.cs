using Parley.Diagnostics;
using Parley.Tests.Events;
using Parley.Processing;

namespace Parley.Tests;

public sealed class DataVersionsTests
{
    [Fact]
    public void ShippedVersionsFileNamesEachVersionOnce()
    {
        var stages = StandardStages.Create(CameoOntologyTests.DataDirectory);

        Assert.Matches("^[0-9]+$", stages.ModelsVersion);
        Assert.Matches("^[0-9]+$", stages.LexiconsVersion);
    }

    [Theory]
    [InlineData("models=3\n<<<<<<< HEAD\nlexicons=2\n=======\nlexicons=1\n>>>>>>> other\n")]
    [InlineData("models=3\nmodels=4\n")]
    [InlineData("models=\n")]
    public void MalformedVersionsFileIsRefusedWithACode(string content)
    {
        var directory = Directory.CreateTempSubdirectory("parley-versions-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "VERSIONS"), content);

            var error = Assert.Throws<ParleyConfigurationException>(() => StandardStages.Create(directory.FullName));

            Assert.Equal(DiagnosticCodes.DataMissing, error.Code);
            Assert.Contains("VERSIONS line", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
