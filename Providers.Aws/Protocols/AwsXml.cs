using System.Globalization;
using System.Xml.Linq;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>Reads AWS XML answers by local element names, ignoring the service namespace.</summary>
internal sealed class AwsXml(XElement element)
{
    public XElement Element => element;

    public static AwsXml Parse(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return new AwsXml(XDocument.Load(stream).Root ?? throw new FormatException("empty XML document"));
    }

    /// <summary>The first descendant (or self) with this local name.</summary>
    public AwsXml? Find(string name) =>
        element.Name.LocalName == name ? this : element.Descendants().FirstOrDefault(e => e.Name.LocalName == name) is { } e ? new AwsXml(e) : null;

    public AwsXml? Child(string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name) is { } e ? new AwsXml(e) : null;

    /// <summary>The items of a query-protocol list element: its <c>member</c> children.</summary>
    public IEnumerable<AwsXml> Items(string listName) =>
        Child(listName)?.Element.Elements().Where(e => e.Name.LocalName == "member").Select(e => new AwsXml(e)) ?? [];

    public string? Text(string name) => Child(name)?.Element.Value;

    public long? Long(string name) => long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
