using System.Globalization;
using System.Text;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>A query-protocol request body (<c>Action=...&amp;Version=...&amp;...</c>), form-url-encoded.</summary>
internal sealed class QueryForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public QueryForm(string action, string version)
    {
        Action = action;
        Add("Action", action).Add("Version", version);
    }

    public string Action { get; }

    public QueryForm Add(string key, string value)
    {
        _fields.Add(new(key, value));
        return this;
    }

    public QueryForm Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public QueryForm Add(string key, bool value) => Add(key, value ? "true" : "false");

    public QueryForm AddIfPresent(string key, string? value) => value is null ? this : Add(key, value);

    public QueryForm AddIfPresent(string key, long? value) => value is null ? this : Add(key, value.Value);

    public QueryForm AddIfPresent(string key, bool? value) => value is null ? this : Add(key, value.Value);

    /// <summary>A list as <c>{prefix}.1</c>, <c>{prefix}.2</c>, ... (pass <c>Names.member</c> for <c>Names.member.1</c>).</summary>
    public QueryForm AddList(string prefix, IEnumerable<string> values)
    {
        var i = 1;
        foreach (var value in values)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i++}"), value);
        }

        return this;
    }

    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
