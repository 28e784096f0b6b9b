using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Ses;

/// <summary>The <c>email</c> type. Only the SES backend exists in this build; SMTP is refused at start-up.</summary>
internal sealed class EmailProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "email";

    public IActionProvider Create(ProviderSettings settings)
    {
        var key = settings.Fields.ContainsKey("backend") ? "backend" : "email_backend";
        var backend = settings.GetString(key) ?? throw settings.Invalid("backend", "is required (\"ses\")");
        if (backend == "smtp")
        {
            throw settings.Invalid(key, "is \"smtp\", but SMTP is not available in this build; use backend = \"ses\"");
        }

        if (backend != "ses")
        {
            throw settings.Invalid(key, $"must be \"ses\", not '{backend}'");
        }

        var options = AwsProviderOptions.From(settings);
        var from = settings.RequireString("from_address");
        return new SesEmailProvider(settings.Name, clients.Create(options, "ses", "email"), from, settings.GetString("ses_configuration_set"));
    }
}
