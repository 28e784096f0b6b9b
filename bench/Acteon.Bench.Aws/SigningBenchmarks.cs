using System.Text;
using Acteon.Providers.Aws.Signing;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;

namespace Acteon.Bench.Aws;

/// <summary>The cost of signing one SNS Publish request (AWS4Signer through <see cref="AwsRequestSigner"/>).</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly Uri Endpoint = new("https://sns.us-east-1.amazonaws.com/");
    private static readonly Dictionary<string, string> NoHeaders = [];
    private static readonly DateTime SignedAt = new(2026, 2, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly AwsRequestSigner _signer = new("sns", "us-east-1");
    private readonly ImmutableCredentials _credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private readonly byte[] _body = Encoding.UTF8.GetBytes(
        "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Message=Critical%20alert&Subject=CPU");

    [Benchmark]
    public HttpRequestMessage SignSnsPublish()
    {
        var message = _signer.Sign(HttpMethod.Post, Endpoint, "/", [], NoHeaders, _body, "application/x-www-form-urlencoded; charset=utf-8", _credentials, SignedAt);
        message.Dispose();
        return message;
    }
}
