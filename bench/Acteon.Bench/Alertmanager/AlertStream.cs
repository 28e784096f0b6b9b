using System.Globalization;
using System.Text;

namespace Acteon.Bench.Alertmanager;

/// <summary>
/// The alerts both systems get: <see cref="Count"/> distinct label sets (<c>alertname</c>, <c>group</c> = one of
/// <see cref="Groups"/>, <c>instance</c>), as Alertmanager's JSON list in batches of <see cref="BatchSize"/>.
/// Interleaved: each batch holds one alert of every group; by group: each batch holds one group's alerts (as
/// Prometheus sends the alerts of one alerting rule together).
/// </summary>
internal static class AlertStream
{
    public const int Count = 10_000;
    public const int Groups = 100;
    public const int BatchSize = 100;

    public static List<byte[]> Batches(string alertname, bool byGroup)
    {
        var batches = new List<byte[]>();
        for (var start = 0; start < Count; start += BatchSize)
        {
            var json = new StringBuilder("[");
            for (var k = start; k < start + BatchSize; k++)
            {
                // By group, alert k is the (k % per-group)th alert of group k / per-group, with the same label sets.
                var i = byGroup ? k % (Count / Groups) * Groups + k / (Count / Groups) : k;
                json.Append(CultureInfo.InvariantCulture, $$"""{"labels":{"alertname":"{{alertname}}","group":"g{{i % Groups}}","instance":"{{alertname}}-host-{{i}}:9100","severity":"warning"},"annotations":{"summary":"load on host-{{i}}"},"startsAt":"2026-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph"}""");
                json.Append(k + 1 < start + BatchSize ? "," : "]");
            }

            batches.Add(Encoding.UTF8.GetBytes(json.ToString()));
        }

        return batches;
    }
}
