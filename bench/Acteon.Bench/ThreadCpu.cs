using System.Globalization;

namespace Acteon.Bench;

/// <summary>
/// CPU time of this process's threads whose name starts with a prefix, from /proc/self/task (Linux; zero elsewhere).
/// The SQLite store's writer and checkpointer threads are named <c>acteon-sqlite-*</c>: their CPU per request is the
/// store's serial cost, and it drifts far less than throughput on a shared machine.
/// </summary>
internal static class ThreadCpu
{
    public const string SqliteStore = "acteon-sqlite-";

    /// <summary>Clock ticks per second of utime/stime in /proc (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(string namePrefix)
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(namePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                // "pid (comm) state ppid ...": utime and stime are fields 14 and 15, the 12th and 13th after the ')'.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
