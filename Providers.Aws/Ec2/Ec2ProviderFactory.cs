using Acteon.Grains.Abstractions.Providers;
using Amazon.EC2;

namespace Acteon.Providers.Aws.Ec2;

internal sealed class Ec2ProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-ec2";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        List<string> groups = [];
        if (settings.Fields.TryGetValue("default_security_group_ids", out var value))
        {
            if (value is not IReadOnlyList<object> list || list.Any(v => v is not string))
            {
                throw settings.Invalid("default_security_group_ids", "must be an array of strings");
            }

            groups.AddRange(list.Cast<string>());
        }

        var defaults = new Ec2Defaults(groups, settings.GetString("default_subnet_id"), settings.GetString("default_key_name"));
        var client = new AmazonEC2Client(clients.SdkCredentialsFor(options, "ec2"), AwsClientFactory.SdkConfig<AmazonEC2Config>(options));
        return new Ec2Provider(settings.Name, client, defaults);
    }
}
