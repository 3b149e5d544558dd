using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Parley.Model;

namespace Parley.Processing;

/// <summary>
/// Runs a <see cref="Pipeline"/> over a stream of documents in parallel and yields them in input
/// order. At most a bounded window of documents is in flight, so memory stays flat in corpus size.
/// </summary>
public sealed class PipelineRunner
{
    private readonly Pipeline _pipeline;
    private readonly int _parallelism;
    private readonly int _window;

    /// <summary>Creates a runner.</summary>
    /// <param name="pipeline">The checked pipeline.</param>
    /// <param name="parallelism">Documents processed at once; defaults to the processor count.</param>
    public PipelineRunner(Pipeline pipeline, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        _window = _parallelism * 4;
    }

    /// <summary>
    /// Processes <paramref name="documents"/> and yields each one, processed, in the order it came.
    /// A document that fails is yielded too, marked failed.
    /// </summary>
    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> documents,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Tasks enter the channel in input order; the reader awaits them in that order, so output
        // order equals input order while up to _window documents are processed concurrently.
        var inFlight = Channel.CreateBounded<Task<Document>>(new BoundedChannelOptions(_window)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        // Not disposed: a consumer that stops early leaves tasks that still release their slot.
        var slots = new SemaphoreSlim(_parallelism);
        var producer = ProduceAsync(documents, inFlight.Writer, slots, cancellationToken);

        await foreach (var task in inFlight.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return await task.ConfigureAwait(false);
        }
        await producer.ConfigureAwait(false);
    }

    private async Task ProduceAsync(IAsyncEnumerable<Document> documents, ChannelWriter<Task<Document>> writer,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var task = Task.Run(() =>
                {
                    try
                    {
                        _pipeline.Process(document);
                        return document;
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, cancellationToken);
                await writer.WriteAsync(task, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            writer.TryComplete(error);
        }
    }

    /// <summary>Processes documents synchronously on the calling thread, in order (for tests and embedding).</summary>
    public IEnumerable<Document> Run(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            _pipeline.Process(document);
            yield return document;
        }
    }
}
