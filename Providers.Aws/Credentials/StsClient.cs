using System.Globalization;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;
using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>STS over the query protocol (API 2011-06-15), signed with the base credentials.</summary>
internal sealed class StsClient(AwsServiceClient client)
{
    public async Task<AssumedRoleCredentials> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken)
    {
        var form = new QueryForm("AssumeRole", "2011-06-15")
            .Add("RoleArn", request.RoleArn)
            .Add("RoleSessionName", request.SessionName)
            .Add("DurationSeconds", request.DurationSeconds)
            .AddIfPresent("ExternalId", request.ExternalId);
        AwsXml xml;
        try
        {
            xml = await client.SendQueryAsync(form, cancellationToken);
        }
        catch (AwsCallException error)
        {
            throw new AwsCallException(error.Error with { Message = $"AssumeRole of {request.RoleArn} failed: {error.Error.Message}" });
        }

        var credentials = xml.Find("Credentials")
            ?? throw new AwsCallException(ProviderError.ExecutionFailed("AssumeRole answer has no Credentials"));
        var expiration = DateTimeOffset.Parse(credentials.Text("Expiration") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new AssumedRoleCredentials(
            new ImmutableCredentials(credentials.Text("AccessKeyId"), credentials.Text("SecretAccessKey"), credentials.Text("SessionToken")),
            expiration);
    }
}
