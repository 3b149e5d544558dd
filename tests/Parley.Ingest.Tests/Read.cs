using System.Text;
using Parley.Model;

namespace Parley.Ingest.Tests;

/// <summary>Runs the reader and collects its documents.</summary>
internal static class Read
{
    public static async Task<List<Document>> AllAsync(IngestOptions? options, params string[] inputs) =>
        await AllAsync(options, Stream.Null, inputs);

    public static async Task<List<Document>> AllAsync(IngestOptions? options, Stream stdin, params string[] inputs)
    {
        var reader = new ArticleReader(options);
        var documents = new List<Document>();
        await foreach (var document in reader.ReadAsync(inputs, stdin, CancellationToken.None))
        {
            documents.Add(document);
        }
        return documents;
    }

    public static async Task<Document> OneFileAsync(string name, byte[] bytes, IngestOptions? options = null)
    {
        using var directory = new TempDirectory();
        var path = directory.Write(name, bytes);
        var documents = await AllAsync(options, path);
        return Assert.Single(documents);
    }

    public static Task<Document> OneFileAsync(string name, string text, IngestOptions? options = null) =>
        OneFileAsync(name, Encoding.UTF8.GetBytes(text), options);

    public static async Task<List<Document>> StdinAsync(string text, IngestOptions? options = null)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await AllAsync(options, stdin, "-");
    }

    public static string Codes(Document document) => string.Join(",", document.Diagnostics.Select(d => d.Code));
}
