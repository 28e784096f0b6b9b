using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.AutoScaling;
using Acteon.Providers.Aws.Credentials;
using Acteon.Providers.Aws.Ec2;
using Acteon.Providers.Aws.EventBridge;
using Acteon.Providers.Aws.Lambda;
using Acteon.Providers.Aws.S3;
using Acteon.Providers.Aws.Ses;
using Acteon.Providers.Aws.Sns;
using Acteon.Providers.Aws.Sqs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acteon.Providers.Aws;

/// <summary>Registers the AWS provider types with the gateway.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="IProviderFactory"/> per type: aws-sns, aws-lambda, aws-eventbridge, aws-sqs, aws-s3, aws-ec2,
    /// aws-autoscaling and email (backend ses). Base credentials come from the AWSSDK default chain unless an
    /// <see cref="IAwsCredentialSource"/> is registered first.
    /// </summary>
    public static IServiceCollection AddAwsProviders(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsCredentialSource, DefaultChainCredentialSource>();
        services.TryAddSingleton<AwsClientFactory>();
        services.AddSingleton<IProviderFactory, SnsProviderFactory>();
        services.AddSingleton<IProviderFactory, LambdaProviderFactory>();
        services.AddSingleton<IProviderFactory, EventBridgeProviderFactory>();
        services.AddSingleton<IProviderFactory, SqsProviderFactory>();
        services.AddSingleton<IProviderFactory, S3ProviderFactory>();
        services.AddSingleton<IProviderFactory, Ec2ProviderFactory>();
        services.AddSingleton<IProviderFactory, AutoScalingProviderFactory>();
        services.AddSingleton<IProviderFactory, EmailProviderFactory>();
        return services;
    }
}
