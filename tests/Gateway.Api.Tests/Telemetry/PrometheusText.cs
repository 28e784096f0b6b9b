using System.Globalization;
using System.Text;

namespace Acteon.Gateway.Api.Tests.Telemetry;

/// <summary>One sample of the Prometheus text exposition format: <c>name{label="value",...} value [timestamp]</c>.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;
}

/// <summary>Reads the samples of a scrape; comment lines (<c># HELP</c>, <c># TYPE</c>) are skipped.</summary>
internal static class PrometheusText
{
    public static List<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var name = line[..nameEnd];
            var labels = new Dictionary<string, string>();
            var i = nameEnd;
            if (line[i] == '{')
            {
                i = ReadLabels(line, i + 1, labels);
            }

            var value = line[i..].Trim().Split(' ')[0];
            samples.Add(new PrometheusSample(name, labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    /// <summary>Reads <c>key="value"</c> pairs up to the closing brace; returns the index after it.</summary>
    private static int ReadLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (line[i] != '}')
        {
            var eq = line.IndexOf('=', i);
            var key = line[i..eq];
            var value = new StringBuilder();
            i = eq + 2;
            for (; line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[key] = value.ToString();
            i++;
            if (line[i] == ',')
            {
                i++;
            }
        }

        return i + 1;
    }
}
