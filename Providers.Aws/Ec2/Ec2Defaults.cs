namespace Acteon.Providers.Aws.Ec2;

/// <summary>The configured defaults that <c>run_instances</c> uses when the payload leaves them out.</summary>
internal sealed record Ec2Defaults(IReadOnlyList<string> SecurityGroupIds, string? SubnetId, string? KeyName);
