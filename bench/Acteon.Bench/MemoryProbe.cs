using System.Globalization;

namespace Acteon.Bench;

/// <summary>Resident set size of this process: VmRSS from /proc/self/status where there is one, else the working set.</summary>
internal static class MemoryProbe
{
    public static long RssBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: fall through to the working set.
        }

        return Environment.WorkingSet;
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
}
