using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Lambda;

internal sealed class LambdaProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-lambda";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        return new LambdaProvider(
            settings.Name, clients.Create(options, "lambda", "lambda"), settings.GetString("function_name"), settings.GetString("qualifier"));
    }
}
