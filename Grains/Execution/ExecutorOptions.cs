namespace Acteon.Grains.Execution;

/// <summary><c>[executor]</c>: per-attempt time-out, retries of retryable errors, concurrency limit.</summary>
public sealed class ExecutorOptions
{
    public int MaxRetries { get; set; } = 3;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxConcurrent { get; set; } = 10;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
