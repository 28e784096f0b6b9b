using Acteon.Grains.Audit;
using Microsoft.Extensions.Logging;

namespace Acteon.Grains.Tests.Audit;

/// <summary>Keeps the formatted messages the writer logs.</summary>
internal sealed class CollectingLogger : ILogger<BatchingAuditWriter>
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add(formatter(state, exception));
        }
    }
}
