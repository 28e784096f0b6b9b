using System.Text;

namespace Acteon.Gateway.Api.Alertmanager;

/// <summary>
/// Alertmanager's fingerprint of a label set (prometheus/common model.LabelSet.Fingerprint): FNV-1a 64 over the label
/// names in byte order, each name and value followed by the 0xFF separator, as 16 lowercase hex digits.
/// </summary>
public static class AlertFingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const byte Separator = 0xFF;

    public static string Of(IReadOnlyDictionary<string, string> labels)
    {
        var hash = Offset;
        foreach (var name in labels.Keys.Order(StringComparer.Ordinal))
        {
            hash = Add(Add(hash, name), labels[name]);
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash ^ Separator) * Prime;
    }
}
