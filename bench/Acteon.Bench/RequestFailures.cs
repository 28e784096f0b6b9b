using System.Collections.Concurrent;

namespace Acteon.Bench;

/// <summary>Counts answers that are not a 200 with <c>"outcome":"executed"</c>, and keeps the first few for the report.</summary>
internal sealed class RequestFailures
{
    private const int MaxSamples = 5;
    private readonly ConcurrentQueue<string> _samples = new();
    private long _non200;
    private long _exceptions;
    private long _unexpectedOutcome;

    public long Non200 => Interlocked.Read(ref _non200);
    public long Exceptions => Interlocked.Read(ref _exceptions);
    public long UnexpectedOutcome => Interlocked.Read(ref _unexpectedOutcome);
    public long Total => Non200 + Exceptions + UnexpectedOutcome;
    public IEnumerable<string> Samples => _samples;

    public void AddNon200(int status, string body) => Add(ref _non200, $"HTTP {status}: {Trim(body)}");

    public void AddException(Exception error) => Add(ref _exceptions, $"{error.GetType().Name}: {error.Message}");

    public void AddUnexpectedOutcome(string body) => Add(ref _unexpectedOutcome, $"200 without \"outcome\":\"executed\": {Trim(body)}");

    private void Add(ref long counter, string sample)
    {
        Interlocked.Increment(ref counter);
        if (_samples.Count < MaxSamples)
        {
            _samples.Enqueue(sample);
        }
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
