using System.Text;

namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>
/// One hostile request: what is sent, and what the answer's <c>error</c> (or a batch element's) must name; with
/// <paramref name="First"/>, as the first problem it names (its text after the prefix, e.g. <c>invalid action: </c>, starts with it).
/// </summary>
public sealed record HostileInput(string Name, HttpMethod Method, string Url, byte[]? Body, string Cause, bool Batch = false, bool First = false)
{
    public override string ToString() => Name;

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
