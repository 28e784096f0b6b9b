using System.Globalization;
using System.Text;

namespace Acteon.Bench.Alertmanager;

/// <summary>
/// The alerts both systems get: <see cref="Count"/> distinct label sets (<c>alertname</c>, <c>group</c> = one of
/// <see cref="Groups"/>, <c>instance</c>), as Alertmanager's JSON list in batches of <see cref="BatchSize"/> (each
/// batch holds alerts of every group, as Prometheus sends the firing alerts of one evaluation).
/// </summary>
internal static class AlertStream
{
    public const int Count = 10_000;
    public const int Groups = 100;
    public const int BatchSize = 100;

    public static List<byte[]> Batches(string alertname)
    {
        var batches = new List<byte[]>();
        for (var start = 0; start < Count; start += BatchSize)
        {
            var json = new StringBuilder("[");
            for (var i = start; i < start + BatchSize; i++)
            {
                json.Append(CultureInfo.InvariantCulture, $$"""{"labels":{"alertname":"{{alertname}}","group":"g{{i % Groups}}","instance":"host-{{i}}:9100","severity":"warning"},"annotations":{"summary":"load on host-{{i}}"},"startsAt":"2026-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph"}""");
                json.Append(i + 1 < start + BatchSize ? "," : "]");
            }

            batches.Add(Encoding.UTF8.GetBytes(json.ToString()));
        }

        return batches;
    }
}
