using Acteon.Tests.Shared;

namespace Acteon.Cluster.Tests.Support;

/// <summary><see cref="Wait"/> with the longer real-time limit of waits on other processes.</summary>
internal static class Until
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task TrueAsync(Func<Task<bool>> condition, string expectation, TimeSpan? limit = null) =>
        Wait.UntilAsync(condition, expectation, limit ?? Limit);

    public static Task<T> SignalAsync<T>(Task<T> signal, string expectation, TimeSpan? limit = null) =>
        Wait.ForAsync(signal, expectation, limit ?? Limit);
}
