using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws;

/// <summary>The fields every AWS provider entry shares (region, endpoint override, role assumption).</summary>
internal sealed record AwsProviderOptions(string Region, Uri? EndpointUrl, string? RoleArn, string SessionName, string? ExternalId, TimeSpan Timeout)
{
    public const string DefaultSessionName = "acteon-aws-provider";

    public static AwsProviderOptions From(ProviderSettings settings)
    {
        var region = settings.GetString("aws_region") ?? "us-east-1";
        if (region.Length == 0 || region.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            throw settings.Invalid("aws_region", $"must be a region name such as us-east-1, not '{region}'");
        }

        Uri? endpoint = null;
        if (settings.GetString("aws_endpoint_url") is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw settings.Invalid("aws_endpoint_url", $"must be an absolute http:// or https:// URL, not '{url}'");
            }
        }

        var roleArn = settings.GetString("aws_role_arn");
        if (roleArn is not null && !roleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw settings.Invalid("aws_role_arn", $"must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), not '{roleArn}'");
        }

        var timeout = settings.GetInteger("timeout_seconds") ?? 30;
        if (timeout is < 1 or > 3600)
        {
            throw settings.Invalid("timeout_seconds", "must be between 1 and 3600");
        }

        return new AwsProviderOptions(
            region,
            endpoint,
            roleArn,
            settings.GetString("aws_session_name") ?? DefaultSessionName,
            settings.GetString("aws_external_id"),
            TimeSpan.FromSeconds(timeout));
    }

    /// <summary>The override, or the service's public regional endpoint.</summary>
    public Uri EndpointFor(string endpointPrefix) => EndpointUrl ?? new Uri($"https://{endpointPrefix}.{Region}.amazonaws.com");
}
